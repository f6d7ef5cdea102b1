import { z } from 'zod';

/**
 * The output contract (docs/architecture.md § The output contract): what `facturas process --json` prints,
 * one object per input file, and what the processor records. Keys are stable; a value that was not found is
 * null.
 */

export const CLASS_LABELS = ['correctiva', 'preventiva'] as const;
export type ClassLabel = (typeof CLASS_LABELS)[number];
/** 0 = correctiva, 1 = preventiva, as in the original system. */
export type ClassCode = 0 | 1;

export const ERROR_CODES = [
  'encrypted',
  'corrupt',
  'not_pdf',
  'empty',
  'too_large',
  'too_many_pages',
  'image_too_large',
  'timeout',
  'unreadable',
  'download_failed',
  'internal',
  /** A file that is no invoice document: a DOCX, a spreadsheet, an empty ZIP, a ZIP with no PDF or XML. */
  'unsupported_type',
  /** A ZIP refused as unsafe or malformed: bomb, `../` paths, too many entries, nested too deep. */
  'archive_rejected',
  /** A ZIP whose PDFs and XML invoices cannot be paired (two PDFs and one XML, two different XMLs). */
  'archive_ambiguous',
  /** An XML file refused: not an invoice, or a DOCTYPE/entity declaration (XML bomb). */
  'xml_rejected',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const party = z.object({ name: z.string().nullable(), taxId: z.string().nullable() }).strict();

export const lineItemSchema = z
  .object({
    code: z.string().nullable(),
    description: z.string().nullable(),
    quantity: z.number().nullable(),
    unit: z.string().nullable(),
    unitPrice: z.number().nullable(),
    amount: z.number().nullable(),
  })
  .strict();
export type LineItem = z.infer<typeof lineItemSchema>;

export const invoiceSchema = z
  .object({
    number: z.string().nullable(),
    cufe: z.string().nullable(),
    issueDate: isoDate.nullable(),
    dueDate: isoDate.nullable(),
    purchaseOrder: z.string().nullable(),
    supplier: party,
    customer: party,
    currency: z.string().nullable(),
    subtotal: z.number().nullable(),
    tax: z.number().nullable(),
    withholdings: z.number().nullable(),
    total: z.number().nullable(),
    lines: z.array(lineItemSchema),
  })
  .strict();
export type Invoice = z.infer<typeof invoiceSchema>;

export const classificationSchema = z
  .object({
    label: z.enum(['correctiva', 'preventiva', 'revision']),
    class: z.union([z.literal(0), z.literal(1)]).nullable(),
    confidence: z.number().min(0).max(1),
    model: z.string(),
  })
  .strict();
export type Classification = z.infer<typeof classificationSchema>;

export const processingErrorSchema = z.object({ code: z.string(), message: z.string() }).strict();
export type ProcessingError = z.infer<typeof processingErrorSchema>;

/** Where a field's value came from: the invoice's own XML, a fiscal QR code, the text layer or OCR. */
export const PROVENANCE_SOURCES = ['xml', 'qr', 'text', 'ocr'] as const;
export type Provenance = (typeof PROVENANCE_SOURCES)[number];
export const DOCUMENT_KINDS = ['invoice', 'credit_note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Where a field's value is printed: 0-based page and box in PDF points (origin top-left, y downwards). */
export const fieldEvidenceSchema = z
  .object({
    page: z.number().int().min(0),
    box: z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() }).strict(),
  })
  .strict();
export type FieldEvidence = z.infer<typeof fieldEvidenceSchema>;

export const resultSchema = z
  .object({
    file: z.string(),
    status: z.enum(['processed', 'quarantined']),
    error: processingErrorSchema.nullable(),
    classification: classificationSchema.nullable(),
    invoice: invoiceSchema.nullable(),
    confidence: z.record(z.string(), z.number().min(0).max(1)),
    validation: z.object({ ok: z.boolean(), issues: z.array(z.string()) }).strict(),
    pages: z.object({ count: z.number().int().min(0), ocr: z.number().int().min(0) }).strict(),
    timings: z.record(z.string(), z.number().min(0)),
    /** Per field (the keys of `confidence`), where its value came from; absent on older results. */
    provenance: z.record(z.string(), z.enum(PROVENANCE_SOURCES)).optional(),
    /** Whether a person must check this document before its data is trusted, and why; absent on older results. */
    review: z
      .object({ needed: z.boolean(), reasons: z.array(z.string()) })
      .strict()
      .optional(),
    /** A credit note's amounts are stated positive here and stored negative in the warehouse. */
    documentKind: z.enum(DOCUMENT_KINDS).optional(),
    /** Per field, where on the page its value was read (the review screen draws it); absent on older results. */
    evidence: z.record(z.string(), fieldEvidenceSchema).optional(),
  })
  .strict();
export type InvoiceResult = z.infer<typeof resultSchema>;

export function emptyInvoice(): Invoice {
  return {
    number: null,
    cufe: null,
    issueDate: null,
    dueDate: null,
    purchaseOrder: null,
    supplier: { name: null, taxId: null },
    customer: { name: null, taxId: null },
    currency: null,
    subtotal: null,
    tax: null,
    withholdings: null,
    total: null,
    lines: [],
  };
}
