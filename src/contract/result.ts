import { z } from 'zod';

/**
 * The output contract (design.md § Output contract): what `facturas process --json` prints, one object per
 * input file, and what the processor records. Keys are stable; a value that was not found is null.
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
