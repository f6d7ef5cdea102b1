import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/config/env.ts';
import { createIapVerifier, IAP_HEADER } from '../../../src/server/auth/iap.ts';
import { reviewApp } from '../../../src/server/review/review-app.ts';
import { type IapIssuer, startIapIssuer } from '../auth/iap-issuer.ts';
import { formBody, readPageForm } from './page-form.ts';
import { createWorld, supplierInvoice, type World } from './world.ts';

/**
 * /revision behind Identity-Aware Proxy: only requests with a valid ES256 `x-goog-iap-jwt-assertion` for
 * the configured audience get in, and the audit names the email IAP vouched for. Tokens are signed in the
 * test with a P-256 key whose public half a loopback endpoint serves in IAP's key-set format.
 */

const AUDIENCE = '/projects/123456789012/global/backendServices/987654321';
const REVIEWER = 'ana.perez@example.com';

describe('review screen behind IAP', () => {
  let issuer: IapIssuer;
  let world: World;
  beforeAll(async () => {
    issuer = await startIapIssuer();
  });
  afterAll(async () => {
    await issuer.close();
  });
  afterEach(async () => {
    await world?.close();
  });

  const app = () =>
    reviewApp({
      service: world.service,
      user: 'facturas',
      // A Basic password is configured too: behind IAP it must not be a way in.
      password: 'clave-de-prueba-9',
      allowAnonymous: true,
      iap: createIapVerifier({ audience: AUDIENCE, keysUrl: issuer.keysUrl }),
    });
  const valid = (claims: Record<string, unknown> = {}) =>
    issuer.sign({ aud: AUDIENCE, email: REVIEWER, sub: 'accounts.google.com:1234', ...claims });

  it('admits a valid assertion and refuses a missing, mis-addressed, expired, forged or non-ES256 one with 401', async () => {
    world = await createWorld();
    await world.ingest(supplierInvoice());
    const get = (headers: Record<string, string>) => app().request('/revision/api/cola', { headers });
    const now = Math.floor(Date.now() / 1000);

    expect((await get({ [IAP_HEADER]: valid() })).status).toBe(200);
    expect((await get({})).status).toBe(401);
    expect(
      (await get({ authorization: `Basic ${Buffer.from('facturas:clave-de-prueba-9').toString('base64')}` }))
        .status,
    ).toBe(401);
    const refused = {
      'wrong audience': valid({ aud: '/projects/123456789012/apps/otro-proyecto' }),
      expired: valid({ iat: now - 3600, exp: now - 1200 }),
      'wrong issuer': valid({ iss: 'https://accounts.google.com' }),
      'bad signature': issuer.signWithStrangerKey({ aud: AUDIENCE, email: REVIEWER }),
      'unknown key': issuer.sign({ aud: AUDIENCE, email: REVIEWER }, { kid: 'other-kid' }),
      'not ES256': issuer.sign({ aud: AUDIENCE, email: REVIEWER }, { alg: 'RS256' }),
      'no email': issuer.sign({ aud: AUDIENCE }),
      garbage: 'not.a.token',
    };
    for (const [why, token] of Object.entries(refused)) {
      const status = (await get({ [IAP_HEADER]: token })).status;
      expect({ why, status }).toEqual({ why, status: 401 });
    }
  });

  it('records the verified email in every audit row, whatever Basic header rides along', async () => {
    world = await createWorld();
    const { fileId } = await world.ingest(supplierInvoice({ number: 'FE-7' }), {
      misread: (e) => {
        e.invoice.total = 5;
      },
    });
    const assertion = valid();
    const html = await (
      await app().request(`/revision/doc/${fileId}`, { headers: { [IAP_HEADER]: assertion } })
    ).text();
    const values = readPageForm(html);
    const response = await app().request(`/revision/doc/${fileId}/confirmar`, {
      method: 'POST',
      headers: {
        [IAP_HEADER]: assertion,
        authorization: `Basic ${Buffer.from('intruso:x').toString('base64')}`,
        origin: 'http://localhost',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: formBody({ ...values, 'f.total': '1.190.000,00' }),
    });
    expect(response.status).toBe(303);
    const audit = await world.store.audit(fileId);
    expect(audit.length).toBeGreaterThan(0);
    expect(new Set(audit.map((row) => row.reviewer))).toEqual(new Set([REVIEWER]));
  });

  it('fetches the key set once for many requests', async () => {
    const verifier = createIapVerifier({ audience: AUDIENCE, keysUrl: issuer.keysUrl });
    const before = issuer.fetches();
    for (let i = 0; i < 5; i++) expect(await verifier.verify(valid())).toEqual({ ok: true, email: REVIEWER });
    expect(issuer.fetches() - before).toBe(1);
  });

  it('takes the audience from IAP_AUDIENCE and refuses a malformed one or a key URL in production', () => {
    expect(loadEnv({ IAP_AUDIENCE: AUDIENCE }).IAP_AUDIENCE).toBe(AUDIENCE);
    expect(loadEnv({ IAP_AUDIENCE: '/projects/123/apps/mi-proyecto' }).IAP_AUDIENCE).toBeDefined();
    expect(
      loadEnv({ IAP_AUDIENCE: '/projects/123/locations/us-central1/services/facturas' }).IAP_AUDIENCE,
    ).toBeDefined();
    expect(() => loadEnv({ IAP_AUDIENCE: 'https://facturas.example.com' })).toThrow(/IAP_AUDIENCE/);
    expect(() => loadEnv({ NODE_ENV: 'production', IAP_PUBLIC_KEYS_URL: issuer.keysUrl })).toThrow(
      /IAP_PUBLIC_KEYS_URL/,
    );
  });
});
