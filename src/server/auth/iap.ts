import type { OAuth2Client } from 'google-auth-library';

/**
 * Verifies the `x-goog-iap-jwt-assertion` header Identity-Aware Proxy adds to every request it lets through:
 * an ES256 JWT signed by one of IAP's keys, issued by `https://cloud.google.com/iap`, for this service's
 * audience (`/projects/NUMBER/global/backendServices/ID`, `/projects/NUMBER/apps/PROJECT` or
 * `/projects/NUMBER/locations/REGION/services/NAME`). google-auth-library fetches the keys
 * (`getIapPublicKeys`, a kid → PEM map) and checks signature, expiry, issuer and audience
 * (`verifySignedJwtWithCertsAsync`). `keysUrl` points the same verification at another key endpoint
 * (tests sign their own tokens; a machine without Internet serves IAP's keys itself).
 */

export const IAP_HEADER = 'x-goog-iap-jwt-assertion';
export const IAP_ISSUER = 'https://cloud.google.com/iap';

export type IapVerdict = { ok: true; email: string } | { ok: false; reason: 'invalid_token' | 'no_email' };

export interface IapVerifier {
  verify(assertion: string): Promise<IapVerdict>;
}

/** IAP's key set changes rarely; a token signed with a kid we do not know triggers one early refresh. */
const KEYS_TTL_MS = 60 * 60_000;
const UNKNOWN_KID_REFRESH_MS = 60_000;
/** IAP's assertions live ten minutes; refuse anything that claims a much longer life. */
const MAX_LIFETIME_SECONDS = 3600;
const MAX_ASSERTION_CHARS = 8192;

export function createIapVerifier(options: {
  audience: string;
  keysUrl?: string;
  client?: OAuth2Client;
  now?: () => number;
}): IapVerifier {
  // google-auth-library is imported by the first assertion, not at start (it is ~150 modules).
  let client: Promise<OAuth2Client> | null = options.client ? Promise.resolve(options.client) : null;
  const getClient = () =>
    (client ??= import('google-auth-library').then(
      ({ OAuth2Client }) =>
        new OAuth2Client(
          options.keysUrl ? { endpoints: { oauth2IapPublicKeyUrl: options.keysUrl } } : undefined,
        ),
    ));
  const now = options.now ?? Date.now;
  let cached: { keys: Record<string, string>; fetchedAt: number } | null = null;

  async function keysFor(kid: string): Promise<Record<string, string>> {
    const age = cached ? now() - cached.fetchedAt : Number.POSITIVE_INFINITY;
    const stale =
      age > KEYS_TTL_MS || (cached !== null && !(kid in cached.keys) && age > UNKNOWN_KID_REFRESH_MS);
    if (!cached || stale) {
      const { pubkeys } = await (await getClient()).getIapPublicKeys();
      cached = { keys: pubkeys as unknown as Record<string, string>, fetchedAt: now() };
    }
    return cached.keys;
  }

  return {
    async verify(assertion) {
      if (assertion.length > MAX_ASSERTION_CHARS || assertion.split('.').length !== 3)
        return { ok: false, reason: 'invalid_token' };
      let payload: { email?: unknown } | undefined;
      try {
        const header = JSON.parse(
          Buffer.from(assertion.split('.')[0] ?? '', 'base64url').toString('utf8'),
        ) as {
          alg?: unknown;
          kid?: unknown;
        };
        // IAP signs with ES256 only: any other algorithm is someone else's token.
        if (header.alg !== 'ES256' || typeof header.kid !== 'string')
          return { ok: false, reason: 'invalid_token' };
        const keys = await keysFor(header.kid);
        const ticket = await (await getClient()).verifySignedJwtWithCertsAsync(
          assertion,
          keys,
          options.audience,
          [IAP_ISSUER],
          MAX_LIFETIME_SECONDS,
        );
        payload = ticket.getPayload();
      } catch {
        // The library's messages embed the whole token: never pass them on to logs or responses.
        return { ok: false, reason: 'invalid_token' };
      }
      const email = payload?.email;
      if (typeof email !== 'string' || email === '' || email.length > 320)
        return { ok: false, reason: 'no_email' };
      return { ok: true, email };
    },
  };
}
