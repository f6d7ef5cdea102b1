/**
 * Where secrets can sit in a log line's fields, as pino redaction paths. The names are this service's
 * secret variables (src/config/env.ts) and the usual credential keys of HTTP headers, OAuth tokens and
 * service-account files, matched at the top level and up to two objects deep (e.g. `headers.authorization`,
 * `config.db.password`).
 */
export const REDACTED = '[oculto]';

const SECRET_KEYS = [
  // src/config/env.ts
  'DB_PASSWORD',
  'DASHBOARD_PASSWORD',
  'API_TOKEN',
  'CHANNEL_TOKEN',
  'DATABASE_URL',
  // credentials by their usual names
  'password',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'apiToken',
  'clientSecret',
  'client_secret',
  'privateKey',
  'private_key',
  'connectionString',
  // HTTP headers (lower-case, as Node and Hono give them)
  'authorization',
  'Authorization',
  'cookie',
  'x-goog-channel-token',
];

const property = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`);

export function redactPaths(): string[] {
  return SECRET_KEYS.flatMap((key) => {
    const tail = property(key);
    return [tail.startsWith('.') ? tail.slice(1) : tail, `*${tail}`, `*.*${tail}`];
  });
}
