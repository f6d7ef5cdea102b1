import type { ColumnType, Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. Values come back differently per driver (DECIMAL as string on pg and
 * mysql2, number on tedious and SQLite; booleans as 0/1 on SQLite and MySQL; timestamps as Date or ISO
 * text), so reads go through rows.ts, which normalises them.
 */

type Decimal = ColumnType<number | string | null, number | null, number | null>;
type Flag = ColumnType<boolean | number, boolean | number, boolean | number>;
type Timestamp = ColumnType<Date | string, Date | string, Date | string>;

export type InvoiceStatus = 'processed' | 'review' | 'quarantined';

export interface InvoicesTable {
  file_id: string;
  file_name: string;
  source_file: string;
  link: string | null;
  status: InvoiceStatus;
  error_code: string | null;
  error_message: string | null;
  class_code: number | null;
  label: string | null;
  label_source: 'model' | 'human';
  confidence: number | null;
  model_version: string | null;
  invoice_number: string | null;
  cufe: string | null;
  /** DATE columns, written as 'YYYY-MM-DD'. */
  issue_date: ColumnType<Date | string | null, string | null, string | null>;
  due_date: ColumnType<Date | string | null, string | null, string | null>;
  /** 'YYYY-MM' of the issue date: lets month grouping stay plain, portable SQL. */
  issue_month: string | null;
  purchase_order: string | null;
  supplier_name: string | null;
  supplier_tax_id: string | null;
  customer_name: string | null;
  customer_tax_id: string | null;
  currency: string | null;
  subtotal: Decimal;
  tax: Decimal;
  withholdings: Decimal;
  total: Decimal;
  line_count: number;
  validation_ok: Flag;
  /** JSON text. */
  validation_issues: string;
  field_confidence: string;
  explanation: string;
  timings: string;
  duplicate_of: string | null;
  page_count: number;
  ocr_pages: number;
  processed_at: Timestamp;
  updated_at: Timestamp;
}

export interface InvoiceLinesTable {
  file_id: string;
  line_no: number;
  code: string | null;
  description: string | null;
  quantity: Decimal;
  unit: string | null;
  unit_price: Decimal;
  amount: Decimal;
}

export interface QuarantineLogTable {
  id: Generated<number>;
  file_id: string;
  file_name: string;
  error_code: string;
  error_message: string | null;
  occurred_at: Timestamp;
}

export interface WarehouseDatabase {
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  quarantine_log: QuarantineLogTable;
}
