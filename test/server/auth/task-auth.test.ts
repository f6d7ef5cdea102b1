import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createIdTokenVerifier } from '../../../src/server/auth/oidc.ts';
import { taskAuth } from '../../../src/server/auth/task-auth.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { type OidcIssuer, startOidcIssuer } from './oidc-issuer.ts';

const AUDIENCE = 'https://facturas.example.com/tasks';
const ACCOUNT = 'scheduler@proyecto.iam.gserviceaccount.com';
const API_TOKEN = 'local-api-token-0123456789';

let issuer: OidcIssuer;
let app: Hono;
let calls = 0;

beforeAll(async () => {
  issuer = await startOidcIssuer();
  const verifier = createIdTokenVerifier({
    audience: AUDIENCE,
    serviceAccount: ACCOUNT,
    certsUrl: issuer.certsUrl,
  });
  app = new Hono();
  app.use('/tasks/*', taskAuth({ verifier, apiToken: API_TOKEN, logger: silentLogger }));
  app.post('/tasks/hourly', (c) => {
    calls++;
    return c.json({ caller: c.get('caller' as never) });
  });
});
afterAll(() => issuer.close());

const call = (authorization?: string) =>
  app.request('/tasks/hourly', { method: 'POST', headers: authorization ? { authorization } : {} });
const good = () => ({ aud: AUDIENCE, email: ACCOUNT, email_verified: true, sub: '1234' });

describe('task auth (real google-auth-library verification against a loopback certs endpoint)', () => {
  test('a valid OIDC token from the service account passes', async () => {
    const before = calls;
    const response = await call(`Bearer ${issuer.sign(good())}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ caller: { kind: 'oidc', email: ACCOUNT } });
    expect(calls).toBe(before + 1);
  });

  test('the API token passes; a near miss does not', async () => {
    expect((await call(`Bearer ${API_TOKEN}`)).status).toBe(200);
    expect((await call(`Bearer ${API_TOKEN}x`)).status).toBe(401);
    expect((await call(`Bearer ${API_TOKEN.slice(0, -1)}`)).status).toBe(401);
  });

  test.each([
    ['missing header', undefined, 401],
    ['not bearer', `Basic ${Buffer.from('a:b').toString('base64')}`, 401],
    ['garbage', 'Bearer a.b.c', 401],
    ['expired', () => `Bearer ${issuer.sign({ ...good(), iat: now() - 7200, exp: now() - 3600 })}`, 401],
    ['wrong audience', () => `Bearer ${issuer.sign({ ...good(), aud: 'https://otro.example.com' })}`, 401],
    ['wrong issuer', () => `Bearer ${issuer.sign({ ...good(), iss: 'https://evil.example.com' })}`, 401],
    ['bad signature', () => `Bearer ${issuer.signWithStrangerKey(good())}`, 401],
    ['unknown key id', () => `Bearer ${issuer.sign(good(), { kid: 'other' })}`, 401],
    ['wrong email', () => `Bearer ${issuer.sign({ ...good(), email: 'intruso@example.com' })}`, 403],
    ['unverified email', () => `Bearer ${issuer.sign({ ...good(), email_verified: false })}`, 403],
  ])('%s is rejected and the handler does not run', async (_name, header, status) => {
    const before = calls;
    const response = await call(typeof header === 'function' ? header() : header);
    expect(response.status).toBe(status);
    expect(calls).toBe(before);
  });

  test('with nothing configured every call is refused (fail closed)', async () => {
    const closed = new Hono();
    closed.use('*', taskAuth({ logger: silentLogger }));
    closed.post('/x', (c) => c.text('ran'));
    const response = await closed.request('/x', {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
    expect(response.status).toBe(503);
  });
});

function now() {
  return Math.floor(Date.now() / 1000);
}
