import type { InvoiceResult, LineItem } from '../../../src/contract/result.ts';
import type { WarehouseRecord } from '../../../src/ports/warehouse.ts';

/** Builders for warehouse records; every field of the output contract is filled unless a test says otherwise. */

export interface RecordOptions {
  fileId: string;
  number?: string;
  supplierName?: string;
  supplierTaxId?: string;
  customerName?: string;
  issueDate?: string | null;
  currency?: string;
  label?: 'correctiva' | 'preventiva' | 'revision';
  confidence?: number;
  lines?: LineItem[];
  subtotal?: number;
  tax?: number;
  withholdings?: number | null;
  total?: number;
  issues?: string[];
  processedAt?: Date;
  duplicateOf?: string | null;
}

export function line(code: string, description: string, quantity: number, unitPrice: number): LineItem {
  return {
    code,
    description,
    quantity,
    unit: 'UND',
    unitPrice,
    amount: Math.round(quantity * unitPrice * 100) / 100,
  };
}

export function processedRecord(options: RecordOptions): WarehouseRecord {
  const lines = options.lines ?? [line('SRV-101', 'Mantenimiento preventivo de compresor', 1, 1234567.89)];
  const subtotal = options.subtotal ?? Math.round(lines.reduce((s, l) => s + (l.amount ?? 0), 0) * 100) / 100;
  const tax = options.tax ?? Math.round(subtotal * 19) / 100;
  const label = options.label ?? 'preventiva';
  const result: InvoiceResult = {
    file: `inbox/${options.fileId}.pdf`,
    status: 'processed',
    error: null,
    classification: {
      label,
      class: label === 'revision' ? null : label === 'correctiva' ? 0 : 1,
      confidence: options.confidence ?? 0.97,
      model: '2026.11.1',
    },
    invoice: {
      number: options.number ?? `FE-${options.fileId}`,
      cufe: 'a1b2c3d4e5f6',
      issueDate: options.issueDate === undefined ? '2026-03-15' : options.issueDate,
      dueDate: '2026-04-14',
      purchaseOrder: 'OC-4589',
      supplier: {
        name: options.supplierName ?? 'Servitécnicos Industriales Ltda.',
        taxId: options.supplierTaxId ?? '900123456-7',
      },
      customer: { name: options.customerName ?? 'Textiles Río Negro S.A.S.', taxId: '890900123-4' },
      currency: options.currency ?? 'COP',
      subtotal,
      tax,
      withholdings: options.withholdings === undefined ? null : options.withholdings,
      total: options.total ?? Math.round((subtotal + tax) * 100) / 100,
      lines,
    },
    confidence: { number: 0.99, total: 0.98 },
    validation: { ok: (options.issues ?? []).length === 0, issues: options.issues ?? [] },
    pages: { count: 2, ocr: 1 },
    timings: { readMs: 6, classifyMs: 0.1, extractMs: 2, totalMs: 9 },
  };
  return {
    fileId: options.fileId,
    fileName: `${options.fileId}.pdf`,
    link: `https://drive.google.com/file/d/${options.fileId}/view`,
    result,
    labelSource: 'model',
    explanation: [{ feature: 'mantenimiento', weight: 0.42 }],
    duplicateOf: options.duplicateOf ?? null,
    processedAt: options.processedAt ?? new Date('2026-03-16T10:00:00.000Z'),
  };
}

export function quarantinedRecord(
  fileId: string,
  code = 'encrypted',
  message = 'El PDF tiene contraseña',
): WarehouseRecord {
  return {
    fileId,
    fileName: `${fileId}.pdf`,
    link: null,
    result: {
      file: `inbox/${fileId}.pdf`,
      status: 'quarantined',
      error: { code, message },
      classification: null,
      invoice: null,
      confidence: {},
      validation: { ok: false, issues: [] },
      pages: { count: 0, ocr: 0 },
      timings: { totalMs: 3 },
    },
    labelSource: 'model',
    explanation: [],
    duplicateOf: null,
    processedAt: new Date('2026-03-16T11:00:00.000Z'),
  };
}

const LONG_ALPHABET = [...'añ€🧾"\'x\n'];

/** Text that breaks naive SQL, encodings and column sizes. */
export const HOSTILE = {
  quotes: `O'Brien & "Hijos" Ltda. \\ backslash`,
  injection: `'; DROP TABLE invoices; --`,
  emoji: 'Facturación 🧾💸 mantenimiento 👩🏽‍🔧',
  rtl: 'شركة الصيانة الصناعية — עברית',
  /** 10,000 characters (code points), with a 4-byte emoji, quotes and a newline among them. */
  long: Array.from({ length: 10_000 }, (_, i) => LONG_ALPHABET[i % LONG_ALPHABET.length]).join(''),
};
