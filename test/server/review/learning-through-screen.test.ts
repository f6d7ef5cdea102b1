import { afterEach, describe, expect, it } from 'vitest';
import { reviewApp } from '../../../src/server/review/review-app.ts';
import { formBody, readPageForm } from './page-form.ts';
import { createWorld, nit, supplierInvoice, type World } from './world.ts';

/**
 * The issue's learning scenario end to end through the screen: six invoices of one supplier in a layout the
 * general extractor misreads (the number follows a label it does not take), one correction posted to
 * /revision exactly as the page's form posts it, then the other five run through the test pipeline (mupdf,
 * the extractor with the supplier memory, the review decision, state store and warehouse) and come out
 * right; a seventh invoice of another supplier in the same layout is not touched by what was learned.
 */

const USER = 'revisora';
const PASSWORD = 'clave-de-prueba-9';
const AUTH = { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` };
const SUPPLIER = nit('901234567');
const OTHER = nit('830111222');

const layout = (i: number, supplierTaxId = SUPPLIER, supplierName = 'Montajes Andinos S.A.S.') =>
  supplierInvoice({
    supplierName,
    supplierTaxId,
    number: `FV ${20931 + i * 17}`,
    numberLabel: 'Consecutivo DIAN: ',
    issueDate: `${String(3 + i).padStart(2, '0')}/0${1 + (i % 9)}/2026`,
    lines: [
      {
        code: `SRV-${i}`,
        description: 'Mantenimiento preventivo de telar',
        quantity: 1 + i,
        unitPrice: 150000,
      },
      { code: 'REP-9', description: 'Correa dentada', quantity: 2, unitPrice: 38000 },
    ],
  });

describe('one correction on the screen teaches a supplier layout', () => {
  let world: World;
  afterEach(async () => {
    await world?.close();
  });

  it('after one correction posted to /revision the other five invoices come out right, another supplier does not', async () => {
    world = await createWorld();
    const app = reviewApp({ service: world.service, user: USER, password: PASSWORD, allowAnonymous: false });

    const first = await world.ingest(layout(0));
    expect(first.extraction.invoice.number).toBeNull();

    // The person opens the document, types the number and confirms: a same-origin form POST.
    const page = await app.request(`/revision/doc/${first.fileId}`, { headers: AUTH });
    expect(page.status).toBe(200);
    const values = readPageForm(await page.text());
    expect(values['f.number']).toBe('');
    const posted = await app.request(`/revision/doc/${first.fileId}/confirmar`, {
      method: 'POST',
      headers: {
        ...AUTH,
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: formBody({ ...values, 'f.number': 'FV 20931', classCode: '1' }),
    });
    expect(posted.status).toBe(303);
    expect(decodeURIComponent(posted.headers.get('location') ?? '')).toContain(
      'Aprendido para este proveedor',
    );
    expect((await world.store.get(first.fileId))?.fields.number).toBe('FV 20931');
    expect((await world.store.locators()).map((l) => l.field)).toContain('number');

    for (let i = 1; i < 6; i++) {
      const drawing = layout(i);
      const { fileId, extraction } = await world.ingest(drawing);
      expect({ i, number: extraction.invoice.number }).toEqual({ i, number: drawing.number });
      expect((await world.store.get(fileId))?.fields.number).toBe(drawing.number);
      expect(extraction.evidence?.number?.page).toBe(0);
    }

    const strangerDrawing = layout(6, OTHER, 'Otra Empresa Ltda.');
    const stranger = await world.ingest(strangerDrawing);
    expect(stranger.extraction.invoice.number).toBeNull();
    expect(stranger.extraction.validation.issues).not.toContain('number_learned_unconfirmed');
    expect((await world.store.get(stranger.fileId))?.fields.number).toBeNull();
  });
});
