import { describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../../src/contract/document.ts';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { readIdentifier } from '../../../src/stages/extract/fields/identifier.ts';
import {
  hasDigitLookalikeLetter,
  likelierReading,
  splitByOcrGap,
  withoutGluedMarker,
} from '../../../src/stages/extract/fields/ocr-ambiguity.ts';
import { asOcr, readHandMadePdf, row } from './pdf-fixture.ts';

/** An English invoice whose number box holds `number` under its label, with totals that add up. */
function invoiceWithNumber(label: string, number: string): Promise<ReadDocument> {
  return readHandMadePdf([
    [
      ...row(40, [[40, 'Bradford Looms Ltd']]),
      ...row(90, [[360, 'INVOICE']]),
      ...row(110, [
        [360, label],
        [450, number],
      ]),
      ...row(124, [
        [360, 'Invoice date:'],
        [450, '05/11/2024'],
      ]),
      ...row(220, [
        [40, 'Description'],
        [300, 'Qty'],
        [380, 'Unit price'],
        [480, 'Amount'],
      ]),
      ...row(236, [
        [40, 'Bearing replacement on warping machine'],
        [300, '2'],
        [380, '150.00'],
        [480, '300.00'],
      ]),
      ...row(300, [
        [380, 'Subtotal:'],
        [480, '300.00'],
      ]),
      ...row(314, [
        [380, 'VAT 20%:'],
        [480, '60.00'],
      ]),
      ...row(328, [
        [380, 'Total:'],
        [480, '360.00'],
      ]),
    ],
  ]);
}

describe('letters OCR confuses with digits', () => {
  it.each([
    ['INVO12813', true],
    ['RO056861', true],
    ['FV1S20', true],
    ['INV012813', false],
    ['FE-41-1650282', false],
    ['2026-0042', false],
    ['INVOICE', false],
  ])('%s: a lookalike letter beside a digit is %s', (value, ambiguous) =>
    expect(hasDigitLookalikeLetter(value)).toBe(ambiguous),
  );

  it.each([
    ['INVO12813', 'INV012813'],
    ['FO01-00085745', 'F001-00085745'],
    ['FE-2O26-104', 'FE-2026-104'],
    ['A-10l5', 'A-1015'],
    ['PO123', 'PO123'],
    ['SO4471', 'SO4471'],
    ['INVOICE', 'INVOICE'],
  ])('%s is likelier %s', (read, likelier) => expect(likelierReading(read)).toBe(likelier));

  it('an OCR-read number with such a letter goes to review; the same printed number does not', async () => {
    const printed = await invoiceWithNumber('Invoice No.:', 'INVO12813');
    const text = extractInvoice(printed);
    expect(text.invoice.number).toBe('INVO12813');
    expect(text.validation.issues).not.toContain('number_ocr_ambiguous_characters');
    expect(text.confidence.number).toBeGreaterThanOrEqual(0.8);

    // Put to a person with its likelier reading: the zero of the number's padding.
    const ocr = extractInvoice(asOcr(printed));
    expect(ocr.invoice.number).toBe('INV012813');
    expect(ocr.validation.issues).toContain('number_ocr_ambiguous_characters');
    expect(ocr.confidence.number).toBeLessThan(0.8);
  });
});

describe('a number marker OCR misread', () => {
  it.each([
    ['N200003-00000438', '00003-00000438'],
    ['Ne4512', '4512'],
    ['N°0001-00000123', '0001-00000123'],
    ['NE4512', null],
    ['N-4512', null],
    ['4512', null],
  ])('glued %s → %s', (value, unglued) => expect(withoutGluedMarker(value)).toBe(unglued));

  it('glued to the number by OCR, it is taken off and the number is put to a person', async () => {
    const printed = await invoiceWithNumber('Invoice', 'N200003-00000438');
    expect(extractInvoice(printed).invoice.number).toBe('N200003-00000438');
    const ocr = extractInvoice(asOcr(printed));
    expect(ocr.invoice.number).toBe('00003-00000438');
    expect(ocr.validation.issues).toContain('number_marker_glued');
    expect(ocr.confidence.number).toBeLessThan(0.8);
  });

  it('read as "Ne" on its own, it still labels the number on an OCR page, and only there', async () => {
    const printed = await invoiceWithNumber('Ne', 'FAC20258137');
    expect(extractInvoice(asOcr(printed)).invoice.number).toBe('FAC20258137');
    expect(extractInvoice(printed).invoice.number).not.toBe('FAC20258137');
  });

  it.each([
    ['>: 202655657', '202655657'],
    ['» 202655657', '202655657'],
    ['F=3153', 'F-3153'],
    [': RE-20140628/9', 'RE-20140628/9'],
  ])('the value after a misread mark: %s → %s', (window, value) =>
    expect(readIdentifier(window)?.value).toBe(value),
  );
});

describe('a number OCR cut at a gap it set inside it', () => {
  it('takes the digits after the gap up to the end of the cell', () => {
    expect(splitByOcrGap('FACTURA ELECTRÓNICA DE VENTA NO.: MT1 379', 'MT1')).toBe('MT1379');
    expect(splitByOcrGap('Factura No. FE-20 4471   Fecha 03/11/2026', 'FE-20')).toBe('FE-204471');
  });

  it('joins it on an OCR page and puts it to a person; a printed text layer stays as printed', async () => {
    const printed = await invoiceWithNumber('Invoice No.:', 'MT1 379');
    const ocr = extractInvoice(asOcr(printed));
    expect(ocr.invoice.number).toBe('MT1379');
    expect(ocr.validation.issues).toContain('number_ocr_gap');
    expect(ocr.confidence.number).toBeLessThan(0.8);
    expect(extractInvoice(printed).validation.issues).not.toContain('number_ocr_gap');
  });

  it('leaves a number alone when words, a date or nothing follow it in its cell', () => {
    expect(splitByOcrGap('Factura No. FE-204471   Fecha 03/11/2026', 'FE-204471')).toBeNull();
    expect(splitByOcrGap('Factura No. 4471 del 03/11/2026', '4471')).toBeNull();
    expect(splitByOcrGap('Factura No. 4471 12 unidades', '4471')).toBeNull();
    expect(splitByOcrGap('Serie FV 71081', 'FV')).toBeNull();
  });
});
