import { describe, expect, it } from 'vitest';
import { toRows } from '../../../src/adapters/warehouse/rows.ts';
import type { InvoiceResult } from '../../../src/contract/result.ts';
import { parseStructuredInvoice } from '../../../src/stages/extract/structured/index.ts';
import { UBL_CREDIT_NOTE, UBL_INVOICE } from '../../stages/extract/structured/fixtures.ts';

function rowsOf(xml: string) {
  const parsed = parseStructuredInvoice(xml);
  if (!parsed.ok) throw new Error(parsed.message);
  const result: InvoiceResult = {
    file: 'doc.xml',
    status: 'processed',
    error: null,
    classification: { label: 'correctiva', class: 0, confidence: 0.9, model: 'test' },
    invoice: parsed.invoice,
    confidence: {},
    validation: { ok: true, issues: [] },
    pages: { count: 0, ocr: 0 },
    timings: {},
    documentKind: parsed.documentKind,
  };
  return toRows(
    {
      fileId: 'f1',
      fileName: 'doc.xml',
      link: null,
      result,
      labelSource: 'model',
      explanation: [],
      duplicateOf: null,
      processedAt: new Date(0),
    },
    'sqlite',
    new Date(0),
  );
}

describe('warehouse rows of a credit note', () => {
  it('stores its amounts negative (stated positive on the document) and an invoice as it is', () => {
    const credit = rowsOf(UBL_CREDIT_NOTE);
    expect([credit.invoice.subtotal, credit.invoice.tax, credit.invoice.total]).toEqual([-100, -19, -119]);
    expect(credit.lines.map((l) => [l.quantity, l.unit_price, l.amount])).toEqual([[1, 100, -100]]);
    const invoice = rowsOf(UBL_INVOICE);
    expect(invoice.invoice.total).toBe(357);
    expect(invoice.lines[0]?.amount).toBe(300);
  });
});
