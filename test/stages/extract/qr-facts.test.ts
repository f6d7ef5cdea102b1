import { describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../../src/contract/document.ts';
import { emptyInvoice, type Invoice } from '../../../src/contract/result.ts';
import { applyQrFacts, documentQrFacts } from '../../../src/stages/extract/reconcile/qr-apply.ts';
import { parseQrPayload } from '../../../src/stages/extract/reconcile/qr-payload.ts';

const CUFE = 'ab12'.repeat(24);
const DIAN = [
  'NumFac: FE1234',
  'FecFac: 2026-03-15',
  'HorFac: 10:12:00-05:00',
  'NitFac: 900123456',
  'DocAdq: 860001234',
  'ValFac: 1000000.00',
  'ValIva: 190000.00',
  'ValOtroIm: 8000.00',
  'ValTolFac: 1198000.00',
  `CUFE: ${CUFE.toUpperCase()}`,
  `QRCode: https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=${CUFE}`,
].join('\n');

const afipUrl = (data: object) =>
  `https://www.afip.gob.ar/fe/qr/?p=${Buffer.from(JSON.stringify(data)).toString('base64')}`;

describe('parseQrPayload', () => {
  it('reads DIAN key/value lines, adding other taxes to IVA', () => {
    expect(parseQrPayload(DIAN)).toEqual({
      authority: 'dian',
      number: 'FE1234',
      issueDate: '2026-03-15',
      supplierTaxId: '900123456',
      customerTaxId: '860001234',
      subtotal: 1_000_000,
      tax: 198_000,
      total: 1_198_000,
      cufe: CUFE,
      currency: null,
    });
  });

  it('reads the CUFE from a DIAN lookup URL alone', () => {
    const facts = parseQrPayload(`https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=${CUFE}`);
    expect(facts).toMatchObject({ authority: 'dian', cufe: CUFE, number: null, total: null });
  });

  it('reads AFIP base64 JSON, in AFIP print form for the number', () => {
    const facts = parseQrPayload(
      afipUrl({
        ver: 1,
        fecha: '2023-10-31',
        cuit: 30715014576,
        ptoVta: 4,
        tipoCmp: 1,
        nroCmp: 25399,
        importe: 12100.5,
        moneda: 'DOL',
        ctz: 350,
        tipoDocRec: 80,
        nroDocRec: 20111111112,
      }),
    );
    expect(facts).toMatchObject({
      authority: 'afip',
      number: '00004-00025399',
      issueDate: '2023-10-31',
      supplierTaxId: '30715014576',
      customerTaxId: '20111111112',
      total: 12100.5,
      currency: 'USD',
    });
  });

  it('refuses what is not a tax authority code, and impossible values', () => {
    expect(parseQrPayload('https://example.com/promo')).toBeNull();
    expect(parseQrPayload('hola')).toBeNull();
    expect(parseQrPayload('https://www.afip.gob.ar/fe/qr/?p=@@@')).toBeNull();
    expect(parseQrPayload('NumFac: FE1\nFecFac: 2026-02-31\nValFac: 1.000,00\nCUFE: 123')).toMatchObject({
      number: 'FE1',
      issueDate: null,
      subtotal: null,
      cufe: null,
    });
  });
});

function invoiceWith(fields: Partial<Invoice>): Invoice {
  return { ...emptyInvoice(), ...fields };
}

describe('applyQrFacts', () => {
  const facts = parseQrPayload(DIAN)!;

  it('keeps the printed form of what the code confirms and raises its confidence', () => {
    const invoice = invoiceWith({
      number: 'FE-1234',
      issueDate: '2026-03-15',
      supplier: { name: 'Textiles', taxId: '900123456-1' },
      total: 1_198_000,
    });
    const confidence: Record<string, number> = { number: 0.7, total: 0.6 };
    const outcome = applyQrFacts(invoice, confidence, facts, true);
    expect(invoice.number).toBe('FE-1234');
    expect(invoice.supplier.taxId).toBe('900123456-1');
    expect(outcome.confirmed).toEqual(
      expect.arrayContaining(['number', 'issueDate', 'supplierTaxId', 'total']),
    );
    expect(confidence.number).toBe(0.99);
    expect(outcome.issues).toEqual([]);
  });

  it('corrects OCR misreadings on a scan without an issue, in the printed layout', () => {
    const invoice = invoiceWith({
      number: 'FE-1Z34',
      cufe: `${CUFE.slice(0, 95)}1`,
      customer: { name: 'Hilados', taxId: '860001284-7' },
      subtotal: 1_000_800,
    });
    const outcome = applyQrFacts(invoice, {}, facts, false);
    expect(invoice.number).toBe('FE-1234');
    expect(invoice.cufe).toBe(CUFE);
    // The code leaves the check digit out: it is computed for the corrected NIT.
    expect(invoice.customer.taxId).toBe('860001234-1');
    expect(invoice.subtotal).toBe(1_000_000);
    expect(invoice.tax).toBe(198_000);
    expect(outcome.changed).toEqual(
      expect.arrayContaining(['number', 'cufe', 'customerTaxId', 'subtotal', 'tax', 'total']),
    );
    expect(outcome.issues).toEqual([]);
  });

  it('gives the check digit to a NIT from the code that replaces a misreading without a dash', () => {
    const invoice = invoiceWith({ customer: { name: 'Hilados', taxId: '86000123441' } });
    applyQrFacts(invoice, {}, facts, false);
    expect(invoice.customer.taxId).toBe('860001234-1');
  });

  it('takes the number in the form the page prints it when the label was not found or misread', () => {
    const missing = invoiceWith({});
    applyQrFacts(missing, {}, facts, false, 'Factura electrónica de venta\nFE-12 34   15/03/2026');
    expect(missing.number).toBe('FE-1234');
    // Other digits alike are not its printed form: an amount, or the number inside a longer one.
    const elsewhere = invoiceWith({ number: 'FE-12' });
    applyQrFacts(elsewhere, {}, facts, false, 'Total 1.234\nREF-XFE1234-9\nFE/1234');
    expect(elsewhere.number).toBe('FE1234');
  });

  it('says so when a text layer prints other values than its own code', () => {
    const invoice = invoiceWith({ number: 'FE-9999', total: 1_000 });
    const outcome = applyQrFacts(invoice, {}, facts, true);
    expect(outcome.issues).toEqual(['number_differs_from_qr', 'total_differs_from_qr']);
    expect(invoice.total).toBe(1_198_000);
  });

  it('takes the first tax authority code of the document', () => {
    const page = (codes?: string[]) => ({
      index: 0,
      width: 595,
      height: 842,
      source: 'ocr' as const,
      lines: [],
      deskewDegrees: 0,
      ...(codes ? { codes } : {}),
    });
    const document: ReadDocument = { pages: [page(['https://example.com']), page([DIAN])], text: '' };
    expect(documentQrFacts(document)?.number).toBe('FE1234');
    expect(documentQrFacts({ pages: [page()], text: '' })).toBeNull();
  });
});
