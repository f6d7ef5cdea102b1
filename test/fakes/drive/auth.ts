import { google } from 'googleapis';

/**
 * A Google OAuth2 client holding a fixed, never-expiring access token: the real googleapis client sends
 * `Authorization: Bearer <token>` and never tries to refresh, which is all the fake Drive checks.
 * Built from googleapis' own google-auth-library (googleapis-common pins its own copy, whose types differ).
 */
export function fakeAuth(token = 'fake-drive-token') {
  const client = new google.auth.OAuth2();
  client.setCredentials({ access_token: token, expiry_date: Date.now() + 365 * 24 * 3600_000 });
  return client;
}
