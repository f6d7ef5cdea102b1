import { describe, expect, it } from 'vitest';
import { extractInvoice } from '../../../../src/stages/extract/extract.ts';
import { looksLikeAmount, parseAmount } from '../../../../src/stages/extract/values/amount.ts';
import { asOcr, readHandMadePdf, row } from '../pdf-fixture.ts';

/** A one-line invoice whose totals block is given row by row (what OCR left of it). */
async function invoiceWithTotals(totals: [string, string][], { ocr = false } = {}) {
  const document = await readHandMadePdf([
    [
      ...row(40, [[40, 'Factura de venta No. FE-77']]),
      ...row(120, [
        [40, 'Descripción'],
        [330, 'Cant.'],
        [420, 'Vr. Unitario'],
        [520, 'Vr. Total'],
      ]),
      ...row(136, [
        [40, 'Mantenimiento preventivo de compresor'],
        [350, '2', 'right'],
        [470, '$ 500.000,00', 'right'],
        [570, '$ 1.000.000,00', 'right'],
      ]),
      ...totals.flatMap(([label, value], i) =>
        row(200 + 14 * i, [
          [330, label],
          [570, value, 'right'],
        ]),
      ),
    ],
  ]);
  return extractInvoice(ocr ? asOcr(document) : document);
}

describe('totals completed by arithmetic', () => {
  it('takes an amount whose label OCR mangled when total − subtotal singles it out', async () => {
    const { invoice, validation } = await invoiceWithTotals([
      ['Subtotal:', '$ 1.000.000,00'],
      ['Ivo-A. 19%:', '$ 190.000,00'],
      ['Total factura:', '$ 1.190.000,00'],
    ]);
    expect(invoice).toMatchObject({ subtotal: 1_000_000, tax: 190_000, total: 1_190_000 });
    // Read, not computed: nothing about the totals to report.
    expect(validation.issues.filter((i) => /total|subtotal|derived/.test(i))).toEqual([]);
  });

  it('reads "1.V.A." and "LV.A." as IVA and adds two rates', async () => {
    const { invoice } = await invoiceWithTotals([
      ['Subtotal:', '$ 1.000.000,00'],
      ['1.V.A. 19%:', '$ 95.000,00'],
      ['LV.A. 5%:', '$ 25.000,00'],
      ['Total factura:', '$ 1.120.000,00'],
    ]);
    expect(invoice).toMatchObject({ subtotal: 1_000_000, tax: 120_000, total: 1_120_000 });
  });

  it('recomputes a tax OCR mangled beyond reading when total − subtotal is 19% of the subtotal', async () => {
    const { invoice, validation, confidence } = await invoiceWithTotals(
      [
        ['Subtotal:', '$ 1.000.000,00'],
        ['IVA 19 5', 'Ibl. 00,00'],
        ['Total a pagar:', '$ 1.190.000,00'],
      ],
      { ocr: true },
    );
    expect(invoice).toMatchObject({ subtotal: 1_000_000, tax: 190_000, total: 1_190_000 });
    expect(validation.issues).toContain('tax_derived');
    expect(confidence.tax).toBe(0.5);
  });

  it('recomputes a total that lost digits when subtotal and tax agree with a rate', async () => {
    const { invoice, validation } = await invoiceWithTotals(
      [
        ['Subtotal:', '$ 1.000.000,00'],
        ['IVA 19%:', '$ 190.000,00'],
        ['TOTAL A PAGAR', '$ 14'],
      ],
      { ocr: true },
    );
    expect(invoice).toMatchObject({ subtotal: 1_000_000, tax: 190_000, total: 1_190_000 });
    expect(validation.issues).toContain('total_derived');
  });

  it("leaves a text layer's totals as printed even when a rate would fix them, and reports them", async () => {
    const totals: [string, string][] = [
      ['Subtotal:', '$ 1.000.000,00'],
      ['IVA:', '$ 123.456,00'],
      ['Total a pagar:', '$ 1.190.000,00'],
    ];
    const { invoice, validation } = await invoiceWithTotals(totals);
    expect(invoice).toMatchObject({ subtotal: 1_000_000, tax: 123_456, total: 1_190_000 });
    expect(validation.issues.some((i) => i.endsWith('_derived'))).toBe(false);
    expect(validation.issues).toContain('subtotal_plus_tax_not_total');
    // The same figures read by OCR: the tax is the one that breaks a 19% rate, so it is recomputed.
    const scanned = await invoiceWithTotals(totals, { ocr: true });
    expect(scanned.invoice.tax).toBe(190_000);
    expect(scanned.validation.issues).toContain('tax_derived');
  });

  it('gives back the heads OCR misread on subtotal and total when the tax over a VAT rate ends in their digits', async () => {
    // The dollar sign read as a 5 before both: they still add up, but 190.000 is no VAT rate of 51.000.000.
    const totals: [string, string][] = [
      ['Subtotal:', '51.000.000,00'],
      ['IVA 19%:', '$ 190.000,00'],
      ['Total a pagar:', '51.190.000,00'],
    ];
    const scanned = await invoiceWithTotals(totals, { ocr: true });
    expect(scanned.invoice).toMatchObject({ subtotal: 1_000_000, tax: 190_000, total: 1_190_000 });
    expect(scanned.validation.issues).toEqual(expect.arrayContaining(['subtotal_derived', 'total_derived']));
    // Printed so in a text layer, it is what the document says.
    const { invoice } = await invoiceWithTotals(totals);
    expect(invoice).toMatchObject({ subtotal: 51_000_000, total: 51_190_000 });
  });

  it('gives back a tax read with a digit before it, and a subtotal whose head and last cent the division blurs', async () => {
    const taxRead = await invoiceWithTotals(
      [
        ['Subtotal:', '$ 10.000.000,00'],
        ['IVA 19%:', '51.900.000,00'],
        ['Total a pagar:', '$ 11.900.000,00'],
      ],
      { ocr: true },
    );
    expect(taxRead.invoice).toMatchObject({ subtotal: 10_000_000, tax: 1_900_000, total: 11_900_000 });
    expect(taxRead.validation.issues).toContain('tax_derived');
    // 1.799.015,46 ÷ 0,19 = 9.468.502,42; the subtotal printed is 9.468.502,41 (its "9." lost), the total unread.
    const headLost = await invoiceWithTotals(
      [
        ['Subtotal:', '$ 468.502,41'],
        ['IVA 19%:', '$ 1.799.015,46'],
      ],
      { ocr: true },
    );
    expect(headLost.invoice).toMatchObject({ subtotal: 9_468_502.41, total: 11_267_517.87 });
  });

  it('computes nothing when the two figures left agree with no rate (and the lines contradict the subtotal)', async () => {
    const { invoice, validation } = await invoiceWithTotals(
      [
        ['Subtotal:', '$ 1.200.000,00'],
        ['IVA:', '$ 123.456,00'],
        ['Total a pagar:', '$ 14'],
      ],
      { ocr: true },
    );
    expect(invoice.tax).toBe(123_456);
    expect(invoice.total).not.toBe(1_323_456);
    expect(validation.issues.some((i) => i.endsWith('_derived'))).toBe(false);
  });

  it("takes the lines' sum for a garbled subtotal, and the tax with it, when the total agrees on a rate", async () => {
    const { invoice, validation } = await invoiceWithTotals(
      [
        ['Total bruto:', '$19 7:14200'],
        ['Total factura:', '$ 1.190.000,00'],
      ],
      { ocr: true },
    );
    expect(invoice).toMatchObject({ subtotal: 1_000_000, tax: 190_000, total: 1_190_000 });
    expect(validation.issues).toEqual(expect.arrayContaining(['subtotal_derived', 'tax_derived']));
  });

  it('reads an exempt invoice\'s garbled "$0" as no tax when subtotal, lines and total agree', async () => {
    const { invoice, validation } = await invoiceWithTotals(
      [
        ['Subtotal antes de IVA:', '$ 1.000.000,00'],
        ['IVA 0% (exento):', '30'],
        ['Total a pagar:', '$ 1.000.000,00'],
      ],
      { ocr: true },
    );
    expect(invoice).toMatchObject({ subtotal: 1_000_000, tax: 0, total: 1_000_000 });
    expect(validation.issues).toContain('tax_derived');
  });

  it('computes an unreadable total from subtotal and tax, and says so', async () => {
    const { invoice, validation, confidence } = await invoiceWithTotals([
      ['Subtotal:', '$ 1.000.000,00'],
      ['IVA 19%:', '$ 190.000,00'],
      ['TOTAL FACTURA:', 'ENEE'],
    ]);
    expect(invoice.total).toBe(1_190_000);
    expect(validation.issues).toContain('total_derived');
    expect(confidence.total).toBe(0.5);
  });

  it('does not compute a total when the subtotal disagrees with the lines', async () => {
    const { invoice, validation } = await invoiceWithTotals([
      ['Subtotal:', '$ 1.400.000,00'],
      ['IVA 19%:', '$ 266.000,00'],
      ['TOTAL FACTURA:', 'ENEE'],
    ]);
    expect(invoice.total).toBeNull();
    expect(validation.issues).toContain('missing_total');
  });

  it('never takes a DIAN resolution number for an amount', async () => {
    expect(parseAmount('18762533385002')).toBeNull();
    expect(parseAmount('1234567890')).toBe(1234567890);
    const { invoice } = await invoiceWithTotals([
      ['Subtotal:', '$ 1.000.000,00'],
      ['IVA 19%:', '$ 190.000,00'],
      ['Total factura:', ''],
      ['Resolución DIAN No.', '18762533385002'],
    ]);
    expect(invoice.total).toBe(1_190_000);
  });

  it('keeps a tax positive when OCR read a dash before it', async () => {
    const { invoice } = await invoiceWithTotals([
      ['Subtotal:', '$ 1.000.000,00'],
      ['IMPUESTO IVA 19%', '-$190.000,00'],
      ['Total:', '$ 1.190.000,00'],
    ]);
    expect(invoice.tax).toBe(190_000);
  });
});

describe('amounts with a colon for a thousands separator', () => {
  it('reads the colon as the separator the decimal mark is not', () => {
    expect(parseAmount('277:202,22')).toBe(277_202.22);
    expect(parseAmount('1,277:202.22')).toBe(1_277_202.22);
    expect(parseAmount('$ 3.389:784')).toBe(3_389_784);
    expect(parseAmount('12:30')).toBeNull();
    expect(parseAmount('$:11.495.601,84')).toBe(11_495_601.84);
  });

  it('reads a colon after the thousands groups as the decimal mark, and a speck after the dollar sign', () => {
    expect(parseAmount('1,362,000:00')).toBe(1_362_000);
    expect(parseAmount('116.300:50')).toBe(116_300.5);
    expect(parseAmount('10:00')).toBeNull();
    expect(parseAmount('$.126.000,00')).toBe(126_000);
    expect(looksLikeAmount('$.126.000,00')).toBe(true);
    expect(looksLikeAmount('1,362,000:00')).toBe(true);
    expect(looksLikeAmount('5:38')).toBe(false);
  });
});

describe('totals read from damaged OCR text', () => {
  it('rejoins cents split off after the decimal mark and keeps a total positive', async () => {
    const { invoice } = await invoiceWithTotals([
      ['Subtotal:', '1.000.000,00'],
      ['IVA 19%:', '190.000, 50'],
      ['Total factura:', '-1.190.000,50'],
    ]);
    expect(invoice).toMatchObject({ tax: 190_000.5, total: 1_190_000.5 });
  });
});

describe('computed values are reported', () => {
  it('flags a NIT check digit computed because the printed one was illegible', async () => {
    const { invoice, validation } = extractInvoice(
      await readHandMadePdf([
        [
          ...row(40, [[40, 'Servicios Técnicos S.A.S.']]),
          ...row(54, [[40, 'NIT: 837233376 -']]),
          ...row(40, [[330, 'Factura de venta No. FE-77']]),
        ],
      ]),
    );
    expect(invoice.supplier.taxId).toMatch(/^837233376-\d$/);
    expect(validation.issues).toContain('supplier_nit_check_digit_computed');
  });
});

describe('figures computed by arithmetic', () => {
  it('are never taken for a printed figure with other cents (71,51 is not 70,63), so a lost decimal mark is flagged', async () => {
    // OCR lost the total's decimal comma ("447 88"): total − subtotal is 70,63, near the printed 71,51.
    const document = asOcr(
      await readHandMadePdf([
        [
          ...row(40, [[40, 'Rechnung Nr. 2015738820']]),
          ...row(60, [[40, 'Datum 01.11.2024']]),
          ...row(200, [
            [330, 'Nettobetrag'],
            [570, '376,37', 'right'],
          ]),
          ...row(214, [
            [40, '19,00% MwSt.'],
            [330, '376,37'],
            [420, '71,51'],
            [500, '447'],
            [520, '88'],
          ]),
          ...row(228, [
            [330, 'Summe gesamt'],
            [520, '447'],
            [545, '88'],
          ]),
        ],
      ]),
    );
    const { invoice, confidence } = extractInvoice(document);
    expect(invoice.tax).not.toBe(70.63);
    if (invoice.total !== 447.88) expect(confidence.total).toBeLessThan(0.8);
  });
});
