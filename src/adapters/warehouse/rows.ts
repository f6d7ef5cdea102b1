import type { Insertable } from 'kysely';
import type { WarehouseRecord } from '../../ports/warehouse.ts';
import { StageError } from '../../stages/errors.ts';
import { TEXT_LIMITS as L } from './column-types.ts';
import type { Dialect } from './config.ts';
import type { InvoiceLinesTable, InvoiceStatus, InvoicesTable } from './schema.ts';

/** Turns a WarehouseRecord into rows, and driver values back into plain JS values. */

/** DECIMAL(18,2) holds up to 16 integer digits. */
const MAX_MONEY = 1e16;

export interface RecordRows {
  invoice: Insertable<InvoicesTable>;
  lines: Insertable<InvoiceLinesTable>[];
}

export function statusOf(record: WarehouseRecord): InvoiceStatus {
  if (record.result.status === 'quarantined') return 'quarantined';
  const classification = record.result.classification;
  if (!classification || classification.class === null || classification.label === 'revision')
    return 'review';
  if (record.result.review?.needed) return 'review';
  return 'processed';
}

export function toRows(record: WarehouseRecord, dialect: Dialect, now: Date): RecordRows {
  const { result } = record;
  const invoice = result.invoice;
  const classification = result.classification;
  const issues = [...result.validation.issues];
  // Columns are generous; a value longer than its column is cut and the cut is recorded, never silent.
  const bounded = (raw: string | null | undefined, limit: number, field: string): string | null => {
    const value = clean(raw);
    if (value === null) return null;
    if (value.length <= limit) return value;
    issues.push(`truncated:${field}`);
    return value.slice(0, limit);
  };
  const money = (value: number | null | undefined, field: string): number | null => {
    if (value === null || value === undefined) return null;
    if (!Number.isFinite(value) || Math.abs(value) >= MAX_MONEY) {
      throw new StageError('warehouse_value_out_of_range', `${field} fuera de rango: ${value}`);
    }
    return Math.round(value * 100) / 100;
  };
  const quantity = (value: number | null | undefined, field: string): number | null => {
    if (value === null || value === undefined) return null;
    if (!Number.isFinite(value) || Math.abs(value) >= 1e14) {
      throw new StageError('warehouse_value_out_of_range', `${field} fuera de rango: ${value}`);
    }
    return Math.round(value * 10_000) / 10_000;
  };
  // A credit note's amounts are stated positive on the document and stored negative, so sums net it out.
  const sign = result.documentKind === 'credit_note' ? -1 : 1;
  const signed = (value: number | null | undefined) => (value ? sign * value : value);
  const fileId = record.fileId;
  if (!fileId || fileId.length > L.fileId) {
    throw new StageError('warehouse_bad_file_id', 'El id de archivo está vacío o es demasiado largo');
  }

  const lines: Insertable<InvoiceLinesTable>[] = (invoice?.lines ?? []).map((line, index) => ({
    file_id: fileId,
    line_no: index + 1,
    code: bounded(line.code, L.lineCode, `lines[${index}].code`),
    description: clean(line.description),
    quantity: quantity(line.quantity, `lines[${index}].quantity`),
    unit: bounded(line.unit, L.unit, `lines[${index}].unit`),
    unit_price: quantity(line.unitPrice, `lines[${index}].unitPrice`),
    amount: money(signed(line.amount), `lines[${index}].amount`),
  }));

  const row: Insertable<InvoicesTable> = {
    file_id: fileId,
    file_name: bounded(record.fileName, L.fileName, 'fileName') ?? '',
    source_file: bounded(result.file, L.sourceFile, 'file') ?? '',
    link: bounded(record.link, L.link, 'link'),
    status: statusOf(record),
    error_code: bounded(result.error?.code, L.errorCode, 'error.code'),
    error_message: clean(result.error?.message),
    class_code: classification?.class ?? null,
    label: classification?.label ?? null,
    label_source: record.labelSource,
    confidence: classification?.confidence ?? null,
    model_version: bounded(classification?.model, L.modelVersion, 'model'),
    invoice_number: bounded(invoice?.number, L.number, 'number'),
    cufe: bounded(invoice?.cufe, L.cufe, 'cufe'),
    issue_date: invoice?.issueDate ?? null,
    due_date: invoice?.dueDate ?? null,
    issue_month: invoice?.issueDate ? invoice.issueDate.slice(0, 7) : null,
    purchase_order: bounded(invoice?.purchaseOrder, L.purchaseOrder, 'purchaseOrder'),
    supplier_name: bounded(invoice?.supplier.name, L.partyName, 'supplier.name'),
    supplier_tax_id: bounded(invoice?.supplier.taxId, L.taxId, 'supplier.taxId'),
    customer_name: bounded(invoice?.customer.name, L.partyName, 'customer.name'),
    customer_tax_id: bounded(invoice?.customer.taxId, L.taxId, 'customer.taxId'),
    currency: bounded(invoice?.currency, L.currency, 'currency'),
    subtotal: money(signed(invoice?.subtotal), 'subtotal'),
    tax: money(signed(invoice?.tax), 'tax'),
    withholdings: money(signed(invoice?.withholdings), 'withholdings'),
    total: money(signed(invoice?.total), 'total'),
    line_count: lines.length,
    validation_ok: toFlag(result.validation.ok, dialect),
    validation_issues: '',
    field_confidence: JSON.stringify(result.confidence),
    explanation: JSON.stringify(record.explanation),
    timings: JSON.stringify(result.timings),
    duplicate_of: record.duplicateOf,
    page_count: result.pages.count,
    ocr_pages: result.pages.ocr,
    processed_at: toTimestamp(record.processedAt, dialect),
    updated_at: toTimestamp(now, dialect),
  };
  // Serialised last: the bounded() calls above may have added truncation issues.
  row.validation_issues = JSON.stringify(issues);
  return { invoice: row, lines };
}

/**
 * PostgreSQL text cannot hold U+0000 and a lone UTF-16 surrogate is not valid UTF-8 anywhere; both can come
 * out of a broken PDF text layer. Dropping NULs and replacing lone surrogates with U+FFFD keeps the row
 * storable on every dialect without touching any real character.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

export function toFlag(value: boolean, dialect: Dialect): boolean | number {
  // better-sqlite3 refuses JS booleans.
  return dialect === 'sqlite' ? (value ? 1 : 0) : value;
}

export function toTimestamp(value: Date, dialect: Dialect): Date | string {
  // better-sqlite3 cannot bind Date; ISO text sorts correctly as text.
  return dialect === 'sqlite' ? value.toISOString() : value;
}

export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Sums of DECIMAL(18,2) come back as float on some drivers: round to the cent. */
export function toMoney(value: unknown): number | null {
  const n = toNumber(value);
  return n === null ? null : Math.round(n * 100) / 100;
}

export function toIsoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  // MySQL DATETIME comes back as 'YYYY-MM-DD HH:MM:SS.mmm' in UTC (the pool uses timezone 'Z').
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}
