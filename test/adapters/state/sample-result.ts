import { type InvoiceResult, resultSchema } from '../../../src/contract/result.ts';

/** A complete, schema-valid contract object (unicode, nested lines, decimals) to round-trip through a store. */
export function sampleResult(file: string): InvoiceResult {
  return resultSchema.parse({
    file,
    status: 'processed',
    error: null,
    classification: { label: 'preventiva', class: 1, confidence: 0.97, model: '2026.11.1' },
    invoice: {
      number: 'FE-1234',
      cufe: null,
      issueDate: '2026-03-15',
      dueDate: '2026-04-14',
      purchaseOrder: 'OC-4589',
      supplier: { name: 'Servitécnicos Industriales Ltda.', taxId: '900123456-7' },
      customer: { name: 'Textiles Río Negro S.A.S.', taxId: '890900123-4' },
      currency: 'COP',
      subtotal: 1234567.89,
      tax: 234567.9,
      withholdings: null,
      total: 1469135.79,
      lines: [
        {
          code: 'SRV-101',
          description: 'Mantenimiento preventivo telar Picanol — revisión',
          quantity: 1,
          unit: 'UND',
          unitPrice: 1234567.89,
          amount: 1234567.89,
        },
        { code: null, description: null, quantity: null, unit: null, unitPrice: null, amount: 0 },
      ],
    },
    confidence: { number: 0.99, total: 0.98 },
    validation: { ok: false, issues: ['lines_do_not_sum_to_subtotal'] },
    pages: { count: 2, ocr: 1 },
    timings: { readMs: 6, classifyMs: 0.1, extractMs: 2, totalMs: 9 },
  });
}
