import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Google's token issuer: an RSA key pair made in the test, ID tokens signed RS256 with it,
 * and a PEM certs endpoint on loopback that google-auth-library fetches exactly as it fetches Google's.
 */
export interface OidcIssuer {
  certsUrl: string;
  /** Signs an ID token; `claims` override the defaults (valid for one hour, issuer accounts.google.com). */
  sign(claims: Record<string, unknown>, options?: { kid?: string }): string;
  /** A token signed by a key the certs endpoint does not know under the same kid. */
  signWithStrangerKey(claims: Record<string, unknown>): string;
  close(): Promise<void>;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function signJwt(privateKeyPem: string, kid: string, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid };
  const payload = { iss: 'https://accounts.google.com', iat: now, exp: now + 3600, ...claims };
  const signed = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(signed).sign(privateKeyPem);
  return `${signed}.${base64url(signature)}`;
}

export async function startOidcIssuer(): Promise<OidcIssuer> {
  const kid = 'test-key-1';
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const stranger = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=60' });
    res.end(JSON.stringify({ [kid]: keys.publicKey }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    certsUrl: `http://127.0.0.1:${port}/oauth2/v1/certs`,
    sign: (claims, options = {}) => signJwt(keys.privateKey, options.kid ?? kid, claims),
    signWithStrangerKey: (claims) => signJwt(stranger.privateKey, kid, claims),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
