import type { OAuth2Client } from 'google-auth-library';

export type IdTokenVerdict =
  | { ok: true; email: string }
  | { ok: false; reason: 'invalid_token' | 'wrong_account' | 'unverified_email' };

export interface IdTokenVerifier {
  verify(idToken: string): Promise<IdTokenVerdict>;
}

/**
 * Verifies Cloud Scheduler's OIDC ID tokens with google-auth-library: signature against Google's certs,
 * expiry, issuer and audience; then the caller must be the configured service account with a verified email.
 * `certsUrl` points the same verification at another PEM certs endpoint (tests sign their own tokens).
 */
export function createIdTokenVerifier(options: {
  audience: string;
  serviceAccount: string;
  certsUrl?: string;
  client?: OAuth2Client;
}): IdTokenVerifier {
  // google-auth-library is imported by the first token, not at start (it is ~150 modules).
  let client: Promise<OAuth2Client> | null = options.client ? Promise.resolve(options.client) : null;
  const getClient = () =>
    (client ??= import('google-auth-library').then(
      ({ OAuth2Client }) =>
        new OAuth2Client(
          options.certsUrl
            ? { endpoints: { oauth2FederatedSignonPemCertsUrl: options.certsUrl } }
            : undefined,
        ),
    ));
  const expectedEmail = options.serviceAccount.toLowerCase();
  return {
    async verify(idToken) {
      let payload: { email?: string; email_verified?: boolean } | undefined;
      try {
        const ticket = await (await getClient()).verifyIdToken({ idToken, audience: options.audience });
        payload = ticket.getPayload();
      } catch {
        // The library's messages embed the whole token: never pass them on to logs or responses.
        return { ok: false, reason: 'invalid_token' };
      }
      if (!payload?.email || payload.email.toLowerCase() !== expectedEmail)
        return { ok: false, reason: 'wrong_account' };
      if (payload.email_verified !== true) return { ok: false, reason: 'unverified_email' };
      return { ok: true, email: payload.email };
    },
  };
}
