import type { ColumnType, Generated, Kysely } from 'kysely';
import type { InvoicesTable, WarehouseDatabase } from './schema.ts';

/**
 * The review screen's tables and columns (migration 0003): who checked an invoice and when, the previous
 * values of every change (`invoice_audit`, read by Power BI as `v_invoice_audit`), and what was learned
 * per supplier about where a field is printed (`supplier_layouts`).
 */

type Timestamp = ColumnType<Date | string, Date | string, Date | string>;
type Real = ColumnType<number | string | null, number | null, number | null>;

export interface ReviewColumns {
  /** 'human' once a person confirmed or corrected the invoice's fields. */
  field_source: ColumnType<'model' | 'human', 'model' | 'human' | undefined, 'model' | 'human'>;
  reviewed_by: ColumnType<string | null, string | null | undefined, string | null>;
  reviewed_at: ColumnType<Date | string | null, Date | string | null | undefined, Date | string | null>;
}

export type ReviewAction = 'confirm' | 'correct' | 'quarantine' | 'reprocess' | 'forget';

export interface InvoiceAuditTable {
  id: Generated<number>;
  file_id: string;
  action: ReviewAction;
  /** The field changed (`total`, `lines`, `class`, ...); null for an action on the whole document. */
  field: string | null;
  /** JSON text of the value before and after; null when there was none. */
  old_value: string | null;
  new_value: string | null;
  reviewer: string;
  reason: string | null;
  at: Timestamp;
}

export interface SupplierLayoutsTable {
  id: Generated<number>;
  supplier_tax_id: string;
  field: string;
  /** The folded text of the label printed nearest the value, or null when none was found. */
  label_text: string | null;
  /** Offset of the value's box from the label's box (points). */
  dx: Real;
  dy: Real;
  /** Position of the value on its page as a fraction of the page's size (the fallback without a label). */
  page: number;
  x_rel: Real;
  y_rel: Real;
  /** Shape of the printed value (`9` digits, `A` letters, other characters as they are). */
  value_format: string;
  example_value: string;
  file_id: string;
  created_by: string;
  created_at: Timestamp;
}

export type ReviewDatabase = Omit<WarehouseDatabase, 'invoices'> & {
  invoices: InvoicesTable & ReviewColumns;
  invoice_audit: InvoiceAuditTable;
  supplier_layouts: SupplierLayoutsTable;
};

export function reviewDb(db: Kysely<WarehouseDatabase>): Kysely<ReviewDatabase> {
  return db as unknown as Kysely<ReviewDatabase>;
}
