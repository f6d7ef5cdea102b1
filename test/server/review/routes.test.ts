import { afterEach, describe, expect, it } from 'vitest';
import { lineDoubts } from '../../../src/server/review/line-doubts.ts';
import { reviewApp } from '../../../src/server/review/review-app.ts';
import { validateInvoice } from '../../../src/stages/extract/reconcile/validate.ts';
import { formBody, readPageForm } from './page-form.ts';
import { createWorld, supplierInvoice, type World } from './world.ts';

/** /revision over HTTP (Hono's app.request): authentication, the same-origin guard, limits and the flows. */

const USER = 'revisora';
const PASSWORD = 'clave-de-prueba-9';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const AUTH = { authorization: basic(USER, PASSWORD) };
const SAME_ORIGIN = {
  ...AUTH,
  origin: 'http://localhost',
  'content-type': 'application/x-www-form-urlencoded',
};

describe('review routes', () => {
  let world: World;
  afterEach(async () => {
    await world?.close();
  });

  const app = (password: string | null = PASSWORD, allowAnonymous = false) =>
    reviewApp({ service: world.service, user: USER, password: password ?? undefined, allowAnonymous });

  /** The fields exactly as the page's form sends them. */
  async function pageForm(fileId: string): Promise<Record<string, string>> {
    return readPageForm(await (await app().request(`/revision/doc/${fileId}`, { headers: AUTH })).text());
  }

  it('answers 401 without a password or with a wrong one, and 403 when none is configured off the local inbox', async () => {
    world = await createWorld();
    await world.ingest(supplierInvoice());
    expect((await app().request('/revision')).status).toBe(401);
    expect(
      (await app().request('/revision', { headers: { authorization: basic(USER, 'otra-clave-1') } })).status,
    ).toBe(401);
    expect(
      (await app().request('/revision/api/cola', { headers: { authorization: basic('otro', PASSWORD) } }))
        .status,
    ).toBe(401);
    expect((await app().request('/revision/assets/revision.js')).status).toBe(401);
    expect((await app(null, false).request('/revision')).status).toBe(403);
    const open = await app(null, true).request('/revision');
    expect(open.status).toBe(200);
    const ok = await app().request('/revision', { headers: AUTH });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await ok.text();
    expect(html).toContain('Por revisar');
    expect(html).toMatch(/data-cuenta="total">Por revisar <b data-valor="1">/);
  });

  it('refuses POSTs that do not come from the page, and oversized bodies', async () => {
    world = await createWorld();
    const { fileId } = await world.ingest(supplierInvoice());
    const values = await pageForm(fileId);
    const post = (headers: Record<string, string>, body = formBody(values)) =>
      app().request(`/revision/doc/${fileId}/confirmar`, { method: 'POST', headers, body });
    const form = { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' };
    expect((await post(form)).status).toBe(403);
    expect((await post({ ...form, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ ...form, 'sec-fetch-site': 'cross-site', origin: 'http://localhost' })).status).toBe(
      403,
    );
    expect(
      (await post({ ...form, origin: 'http://localhost' }, `${formBody(values)}&x=${'a'.repeat(600_000)}`))
        .status,
    ).toBe(413);
    expect(await world.store.audit(fileId)).toEqual([]);
  });

  it('confirms a correction posted by the page: 303 to the next document, audited with the signed-in reviewer', async () => {
    world = await createWorld();
    const { fileId } = await world.ingest(supplierInvoice({ number: 'FE-1' }), {
      misread: (e) => {
        e.invoice.total = 5;
      },
    });
    const next = await world.ingest(supplierInvoice({ number: 'FE-2' }));
    const values = await pageForm(fileId);
    expect(values['f.total']).toBe('5,00');
    const response = await app().request(`/revision/doc/${fileId}/confirmar`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN, host: 'localhost' },
      body: formBody({ ...values, 'f.total': '1.190.000,00' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(
      new RegExp(`^/revision/doc/${next.fileId}\\?aviso=Guardado`),
    );
    const audit = await world.store.audit(fileId);
    expect(audit).toEqual([expect.objectContaining({ field: 'total', reviewer: USER, newValue: '1190000' })]);
  });

  it('shows invalid input again with its errors, as text, and saves nothing', async () => {
    world = await createWorld();
    const { fileId } = await world.ingest(supplierInvoice());
    const values = await pageForm(fileId);
    const response = await app().request(`/revision/doc/${fileId}/confirmar`, {
      method: 'POST',
      headers: SAME_ORIGIN,
      body: formBody({
        ...values,
        'f.issueDate': '31/02/2026',
        'f.customerName': '<img src=x onerror=alert(1)>',
      }),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Fecha no válida');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(await world.store.audit(fileId)).toEqual([]);
  });

  it('serves page images, the learned page, and forgets what was learned', async () => {
    world = await createWorld();
    const { fileId } = await world.ingest(supplierInvoice());
    const png = await app().request(`/revision/doc/${fileId}/pagina/0`, { headers: AUTH });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await app().request(`/revision/doc/${fileId}/pagina/9`, { headers: AUTH })).status).toBe(404);
    const values = await pageForm(fileId);
    await app().request(`/revision/doc/${fileId}/confirmar`, {
      method: 'POST',
      headers: SAME_ORIGIN,
      body: formBody({ ...values, 'f.number': 'FE-1001' }),
    });
    await world.store.saveLocator(
      { ...(await world.store.locators())[0]!, field: 'total', labelText: 'total a pagar' },
      USER,
      new Date(),
    );
    const learned = await app().request('/revision/aprendido', { headers: AUTH });
    const html = await learned.text();
    const id = /data-aprendido="(\d+)"/.exec(html)?.[1];
    expect(id).toBeDefined();
    const before = (await world.store.locators()).length;
    const forget = await app().request(`/revision/aprendido/${id}/borrar`, {
      method: 'POST',
      headers: SAME_ORIGIN,
    });
    expect(forget.status).toBe(303);
    expect((await world.store.locators()).length).toBe(before - 1);
  });

  it('marks the line whose arithmetic fails, and only its figures', async () => {
    world = await createWorld();
    const { fileId } = await world.ingest(supplierInvoice(), {
      misread: (e) => {
        // 4 bearings read as 40: quantity × price no longer gives the line's amount.
        const line = e.invoice.lines[1];
        if (line) line.quantity = 40;
        e.validation.issues = validateInvoice(e.invoice, true);
      },
    });
    expect((await world.store.get(fileId))?.validationIssues).toContain('line_2_amount_mismatch');
    const html = await (await app().request(`/revision/doc/${fileId}`, { headers: AUTH })).text();
    const rows = html
      .split('<tr')
      .map((chunk) => chunk.slice(0, chunk.indexOf('</tr>')))
      .filter((row) => row.includes('name="l.'));
    expect(rows.map((row) => /name="l\.(\d+)\.code"/.exec(row)?.[1])).toEqual(['0', '1', '2']);
    const [first, second, blank] = rows;
    expect(second).toContain('data-linea-dudosa="2"');
    expect(second).toContain('No cuadra');
    const marked = [...(second ?? '').matchAll(/<input name="l\.1\.(\w+)"[^>]*\bdata-dudoso/g)].map(
      (m) => m[1],
    );
    expect(marked).toEqual(['quantity', 'unitPrice', 'amount']);
    expect(first).not.toContain('data-dudoso');
    expect(blank).not.toContain('data-dudoso');
    expect(html).toMatch(/<fieldset class="lineas dudoso">/);
  });

  it('reads line doubts from validation codes', () => {
    expect(
      lineDoubts([
        'line_2_amount_mismatch',
        'line_3_unit_price_derived',
        'line_3_quantity_derived',
        'xml_line_5_amount_mismatch',
        'lines_do_not_sum_to_subtotal',
        'line_0_amount_mismatch',
      ]),
    ).toEqual(
      new Map([
        [1, { mismatch: true, derived: [] }],
        [2, { mismatch: false, derived: ['unitPrice', 'quantity'] }],
        [4, { mismatch: true, derived: [] }],
      ]),
    );
  });

  it('sends to Cuarentena only with a reason', async () => {
    world = await createWorld();
    const { fileId } = await world.ingest(supplierInvoice());
    const version = (await world.store.get(fileId))?.version ?? '';
    const refuse = await app().request(`/revision/doc/${fileId}/cuarentena`, {
      method: 'POST',
      headers: SAME_ORIGIN,
      body: formBody({ version, motivo: '  ' }),
    });
    expect(refuse.status).toBe(422);
    const ok = await app().request(`/revision/doc/${fileId}/cuarentena`, {
      method: 'POST',
      headers: SAME_ORIGIN,
      body: formBody({ version, motivo: 'Duplicada de otra factura' }),
    });
    expect(ok.status).toBe(303);
    expect((await world.store.get(fileId))?.status).toBe('quarantined');
  });
});
