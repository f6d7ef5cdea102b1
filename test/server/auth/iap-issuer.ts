import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Identity-Aware Proxy's signer: a P-256 key pair made in the test, assertions signed ES256
 * with it (JOSE r||s signatures, as IAP sends them), and a kid → PEM key endpoint on loopback shaped like
 * https://www.gstatic.com/iap/verify/public_key, which google-auth-library fetches exactly as it fetches IAP's.
 */
export interface IapIssuer {
  keysUrl: string;
  /** Key-set fetches served so far. */
  fetches(): number;
  /** Signs an assertion; `claims` override the defaults (valid ten minutes, issuer cloud.google.com/iap). */
  sign(claims: Record<string, unknown>, options?: { kid?: string; alg?: string }): string;
  /** An assertion signed by a key the endpoint does not know, under the known kid. */
  signWithStrangerKey(claims: Record<string, unknown>): string;
  close(): Promise<void>;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function ecKeyPair() {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

function signAssertion(
  privateKeyPem: string,
  header: { kid: string; alg: string },
  claims: Record<string, unknown>,
): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: 'https://cloud.google.com/iap', iat: now, exp: now + 600, ...claims };
  const signed = `${base64url(JSON.stringify({ typ: 'JWT', ...header }))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(signed), { key: privateKeyPem, dsaEncoding: 'ieee-p1363' });
  return `${signed}.${base64url(signature)}`;
}

export async function startIapIssuer(): Promise<IapIssuer> {
  const kid = 'iap-test-key';
  const keys = ecKeyPair();
  const stranger = ecKeyPair();
  let fetches = 0;
  const server: Server = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ [kid]: keys.publicKey }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    keysUrl: `http://127.0.0.1:${port}/iap/verify/public_key`,
    fetches: () => fetches,
    sign: (claims, options = {}) =>
      signAssertion(keys.privateKey, { kid: options.kid ?? kid, alg: options.alg ?? 'ES256' }, claims),
    signWithStrangerKey: (claims) => signAssertion(stranger.privateKey, { kid, alg: 'ES256' }, claims),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
