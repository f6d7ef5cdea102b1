import type { InvoiceResult } from '../../src/contract/result.ts';
import type { InvoiceData } from './invoice-data.ts';
import type { ColumnKey } from './printer.ts';

export interface TruthMeta {
  layout: string;
  scanned: boolean;
  /** The corpus seed (or the invoice seed when generated alone). */
  seed: number;
  /** The seed `generateInvoice` was called with: regenerates exactly this invoice. */
  invoiceSeed: number;
  /** The DIAN QR code's payload: every field, the lookup URL only, or no QR code printed. */
  qr: 'full' | 'url' | null;
  /** The invoice's locale (`de-DE`…), present only when it was generated with one (absent means es-CO). */
  locale?: string;
}

/** The truth file: an output-contract object plus `meta`, which only truth files carry. */
export type Truth = InvoiceResult & { meta: TruthMeta };

/**
 * What a perfect pipeline would output for the invoice. Line fields the layout does not print (no code or
 * unit column) are null, as the contract requires for values that are not on the page.
 */
export function buildTruth(
  file: string,
  data: InvoiceData,
  printed: ColumnKey[],
  pages: number,
  meta: TruthMeta,
): Truth {
  const hasCode = printed.includes('code');
  const hasUnit = printed.includes('unit');
  return {
    file,
    status: 'processed',
    error: null,
    classification: {
      label: data.label,
      class: data.label === 'correctiva' ? 0 : 1,
      confidence: 1,
      model: 'truth',
    },
    invoice: {
      number: data.number,
      cufe: data.cufe,
      issueDate: data.issueDate,
      dueDate: data.dueDate,
      purchaseOrder: data.purchaseOrder,
      supplier: { name: data.supplier.name, taxId: data.supplier.taxId },
      customer: { name: data.customer.name, taxId: data.customer.taxId },
      currency: data.currency,
      subtotal: data.subtotal,
      tax: data.tax,
      withholdings: data.withholdings,
      total: data.total,
      lines: data.lines.map((line) => ({
        code: hasCode ? line.code : null,
        description: line.description,
        quantity: line.quantity,
        unit: hasUnit ? line.unit : null,
        unitPrice: line.unitPrice,
        amount: line.amount,
      })),
    },
    confidence: {},
    validation: { ok: true, issues: [] },
    pages: { count: pages, ocr: meta.scanned ? pages : 0 },
    timings: {},
    meta,
  };
}

/** The pure output-contract object of a truth file (drops `meta`). */
export function withoutMeta(truth: Truth | (InvoiceResult & { meta?: unknown })): InvoiceResult {
  const { meta: _meta, ...result } = truth;
  return result;
}
