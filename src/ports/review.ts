import { HEADER_FIELDS } from '../contract/fields.ts';
import type { ClassCode, LineItem } from '../contract/result.ts';

/**
 * Port: what the review screen reads and writes in the warehouse — the queue of documents a person must check,
 * their corrections (one transaction, audited) and what was learned per supplier about where a field is printed.
 */

/** Invoice fields a person can correct, by their output-contract name (the keys of `confidence`). */
export const REVIEW_FIELDS = HEADER_FIELDS;
export type ReviewField = (typeof REVIEW_FIELDS)[number];
export const AMOUNT_FIELDS: readonly ReviewField[] = ['subtotal', 'tax', 'withholdings', 'total'];
export const DATE_FIELDS: readonly ReviewField[] = ['issueDate', 'dueDate'];

export type FieldValue = string | number | null;

export interface ReviewQueueItem {
  fileId: string;
  fileName: string;
  status: 'processed' | 'review';
  label: string | null;
  confidence: number | null;
  supplierName: string | null;
  number: string | null;
  total: number | null;
  currency: string | null;
  /** Why it is in the queue: `review`, `validation`, `low_confidence`. */
  why: Array<'review' | 'validation' | 'low_confidence'>;
  processedAt: Date | null;
}

export interface ReviewQueue {
  items: ReviewQueueItem[];
  counts: { total: number; review: number; validation: number; lowConfidence: number };
}

export interface ReviewInvoice {
  fileId: string;
  fileName: string;
  link: string | null;
  status: 'processed' | 'review' | 'quarantined';
  classCode: ClassCode | null;
  label: string | null;
  labelSource: 'model' | 'human';
  fieldSource: 'model' | 'human';
  confidence: number | null;
  modelVersion: string | null;
  fields: Record<ReviewField, FieldValue>;
  lines: LineItem[];
  fieldConfidence: Record<string, number>;
  validationIssues: string[];
  validationOk: boolean;
  explanation: Array<{ feature: string; weight: number }>;
  pageCount: number;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  processedAt: Date | null;
  /** Optimistic-concurrency token: the row's updated_at as ISO text. */
  version: string;
}

export interface ReviewChange {
  fileId: string;
  version: string;
  reviewer: string;
  at: Date;
  /** Only the fields whose value changed. */
  fields: Partial<Record<ReviewField, FieldValue>>;
  /** New line items, when they changed. */
  lines?: LineItem[];
  /** A person's class, when given. */
  classCode?: ClassCode;
}

export type ReviewWrite = { kind: 'saved' } | { kind: 'conflict'; current: string } | { kind: 'missing' };

export interface AuditEntry {
  fileId: string;
  action: 'confirm' | 'correct' | 'quarantine' | 'reprocess' | 'forget';
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  reviewer: string;
  reason: string | null;
  at: Date;
}

/** Where a supplier prints a field, learned from one correction. */
export interface SupplierLocator {
  supplierTaxId: string;
  field: ReviewField;
  /** Folded text of the nearest label, or null. */
  labelText: string | null;
  /** Value box minus label box, top-left corners, in points. */
  dx: number | null;
  dy: number | null;
  page: number;
  /** Value position on its page, as fractions of the page's width and height. */
  xRel: number;
  yRel: number;
  /** Shape of the printed value: digits → 9, letters → A, anything else kept. */
  valueFormat: string;
  exampleValue: string;
  fileId: string;
}

export interface StoredLocator extends SupplierLocator {
  id: number;
  createdBy: string;
  createdAt: Date | null;
}

export interface ReviewStore {
  queue(options: { threshold: number; keyFields: readonly string[]; limit: number }): Promise<ReviewQueue>;
  get(fileId: string): Promise<ReviewInvoice | null>;
  /** Writes the corrected values, marks the invoice reviewed (status processed) and audits, in one transaction. */
  apply(change: ReviewChange): Promise<ReviewWrite>;
  /** Status quarantined with the reviewer's reason, audited. */
  quarantine(
    fileId: string,
    version: string,
    reviewer: string,
    reason: string,
    at: Date,
  ): Promise<ReviewWrite>;
  /** Before a re-run: back to model values' ownership, out of "reviewed", audited. */
  markReprocess(fileId: string, reviewer: string, at: Date): Promise<ReviewWrite>;
  audit(fileId: string): Promise<AuditEntry[]>;
  saveLocator(locator: SupplierLocator, reviewer: string, at: Date): Promise<void>;
  locators(supplierTaxId?: string): Promise<StoredLocator[]>;
  deleteLocator(id: number, reviewer: string, at: Date): Promise<boolean>;
}

/** Longest text each field's column holds (the warehouse's TEXT_LIMITS); longer input is refused, not cut. */
export const FIELD_LIMITS: Partial<Record<ReviewField, number>> = {
  number: 128,
  purchaseOrder: 128,
  cufe: 255,
  supplierName: 512,
  supplierTaxId: 64,
  customerName: 512,
  customerTaxId: 64,
  currency: 8,
};
export const LINE_LIMITS = { code: 128, unit: 64, description: 10_000 } as const;
