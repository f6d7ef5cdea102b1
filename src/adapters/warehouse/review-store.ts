import type { Kysely, Transaction, Updateable } from 'kysely';
import type { ClassCode, LineItem } from '../../contract/result.ts';
import type {
  AuditEntry,
  FieldValue,
  ReviewChange,
  ReviewField,
  ReviewInvoice,
  ReviewQueueItem,
  ReviewStore,
  ReviewWrite,
  StoredLocator,
  SupplierLocator,
} from '../../ports/review.ts';
import type { Dialect } from './config.ts';
import { type ReviewDatabase, reviewDb } from './review-schema.ts';
import { toBoolean, toDate, toIsoDate, toMoney, toNumber, toTimestamp } from './rows.ts';
import type { WarehouseDatabase } from './schema.ts';

/** Column of each reviewable field in `invoices`. */
export const FIELD_COLUMNS = {
  number: 'invoice_number',
  issueDate: 'issue_date',
  dueDate: 'due_date',
  purchaseOrder: 'purchase_order',
  cufe: 'cufe',
  supplierName: 'supplier_name',
  supplierTaxId: 'supplier_tax_id',
  customerName: 'customer_name',
  customerTaxId: 'customer_tax_id',
  currency: 'currency',
  subtotal: 'subtotal',
  tax: 'tax',
  withholdings: 'withholdings',
  total: 'total',
} as const satisfies Record<ReviewField, string>;

const MONEY: ReadonlySet<ReviewField> = new Set(['subtotal', 'tax', 'withholdings', 'total']);
const DATES: ReadonlySet<ReviewField> = new Set(['issueDate', 'dueDate']);
/** Unreviewed rows read per queue request; the queue is a work list, not a report. */
const QUEUE_SCAN = 5000;

class Conflict extends Error {
  constructor(readonly current: string) {
    super('conflict');
  }
}

function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string' || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function versionOf(value: unknown): string {
  return toDate(value)?.toISOString() ?? '';
}

function fieldValue(field: ReviewField, raw: unknown): FieldValue {
  if (raw === null || raw === undefined) return null;
  if (MONEY.has(field)) return toMoney(raw);
  if (DATES.has(field)) return toIsoDate(raw);
  return String(raw);
}

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

export function createReviewStore(warehouseDb: Kysely<WarehouseDatabase>, dialect: Dialect): ReviewStore {
  const db = reviewDb(warehouseDb);
  const ts = (date: Date) => toTimestamp(date, dialect);

  async function readInvoice(q: Kysely<ReviewDatabase>, fileId: string): Promise<ReviewInvoice | null> {
    const row = await q.selectFrom('invoices').selectAll().where('file_id', '=', fileId).executeTakeFirst();
    if (!row) return null;
    const lines = await q
      .selectFrom('invoice_lines')
      .selectAll()
      .where('file_id', '=', fileId)
      .orderBy('line_no')
      .execute();
    const fields = {} as Record<ReviewField, FieldValue>;
    for (const [field, column] of Object.entries(FIELD_COLUMNS) as Array<[ReviewField, keyof typeof row]>)
      fields[field] = fieldValue(field, row[column]);
    const classCode = toNumber(row.class_code);
    return {
      fileId: row.file_id,
      fileName: row.file_name,
      link: row.link,
      status: row.status,
      classCode: classCode === 0 || classCode === 1 ? (classCode as ClassCode) : null,
      label: row.label,
      labelSource: row.label_source,
      fieldSource: row.field_source ?? 'model',
      confidence: toNumber(row.confidence),
      modelVersion: row.model_version,
      fields,
      lines: lines.map(
        (l): LineItem => ({
          code: l.code,
          description: l.description,
          quantity: toNumber(l.quantity),
          unit: l.unit,
          unitPrice: toNumber(l.unit_price),
          amount: toMoney(l.amount),
        }),
      ),
      fieldConfidence: parseJson(row.field_confidence, {}),
      validationIssues: parseJson(row.validation_issues, []),
      validationOk: toBoolean(row.validation_ok),
      explanation: parseJson(row.explanation, []),
      pageCount: toNumber(row.page_count) ?? 0,
      reviewedBy: row.reviewed_by ?? null,
      reviewedAt: toDate(row.reviewed_at),
      processedAt: toDate(row.processed_at),
      version: versionOf(row.updated_at),
    };
  }

  /** Takes the row for this writer: the update only matches the version the reviewer saw. */
  async function claimVersion(
    trx: Transaction<ReviewDatabase>,
    fileId: string,
    version: string,
    changes: Updateable<ReviewDatabase['invoices']>,
  ): Promise<ReviewInvoice | null> {
    const before = await readInvoice(trx, fileId);
    if (!before) return null;
    if (before.version !== version) throw new Conflict(before.version);
    const updated = await trx
      .updateTable('invoices')
      .set(changes)
      .where('file_id', '=', fileId)
      .where('updated_at', '=', ts(new Date(version)))
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new Conflict(before.version);
    return before;
  }

  async function audit(trx: Transaction<ReviewDatabase>, entries: AuditEntry[]): Promise<void> {
    for (const entry of entries) {
      await trx
        .insertInto('invoice_audit')
        .values({
          file_id: entry.fileId,
          action: entry.action,
          field: entry.field,
          old_value: entry.oldValue,
          new_value: entry.newValue,
          reviewer: entry.reviewer,
          reason: entry.reason,
          at: ts(entry.at),
        })
        .execute();
    }
  }

  async function guarded(work: () => Promise<ReviewWrite>): Promise<ReviewWrite> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof Conflict) return { kind: 'conflict', current: error.current };
      throw error;
    }
  }

  return {
    async queue({ threshold, keyFields, limit }) {
      let query = db
        .selectFrom('invoices')
        .select([
          'file_id',
          'file_name',
          'status',
          'label',
          'confidence',
          'supplier_name',
          'invoice_number',
          'total',
          'currency',
          'validation_ok',
          'field_confidence',
          'processed_at',
        ])
        .where('status', '<>', 'quarantined')
        .where('reviewed_at', 'is', null)
        .orderBy('processed_at')
        .orderBy('file_id');
      query = dialect === 'mssql' ? query.top(QUEUE_SCAN) : query.limit(QUEUE_SCAN);
      const rows = await query.execute();
      const items: ReviewQueueItem[] = [];
      const counts = { total: 0, review: 0, validation: 0, lowConfidence: 0 };
      for (const row of rows) {
        const why: ReviewQueueItem['why'] = [];
        if (row.status === 'review') why.push('review');
        if (!toBoolean(row.validation_ok)) why.push('validation');
        const confidence = parseJson<Record<string, number>>(row.field_confidence, {});
        if (keyFields.some((f) => (confidence[f] ?? 0) < threshold)) why.push('low_confidence');
        if (why.length === 0) continue;
        counts.total++;
        if (why.includes('review')) counts.review++;
        if (why.includes('validation')) counts.validation++;
        if (why.includes('low_confidence')) counts.lowConfidence++;
        if (items.length >= limit) continue;
        items.push({
          fileId: row.file_id,
          fileName: row.file_name,
          status: row.status as 'processed' | 'review',
          label: row.label,
          confidence: toNumber(row.confidence),
          supplierName: row.supplier_name,
          number: row.invoice_number,
          total: toMoney(row.total),
          currency: row.currency,
          why,
          processedAt: toDate(row.processed_at),
        });
      }
      return { items, counts };
    },

    get: (fileId) => readInvoice(db, fileId),

    apply(change: ReviewChange) {
      return guarded(() =>
        db.transaction().execute(async (trx) => {
          const set: Updateable<ReviewDatabase['invoices']> = {
            field_source: 'human',
            reviewed_by: change.reviewer,
            reviewed_at: ts(change.at),
            updated_at: ts(change.at),
            status: 'processed',
          };
          for (const [field, value] of Object.entries(change.fields) as Array<[ReviewField, FieldValue]>) {
            (set as Record<string, unknown>)[FIELD_COLUMNS[field]] = value;
            if (field === 'issueDate') set.issue_month = typeof value === 'string' ? value.slice(0, 7) : null;
          }
          if (change.classCode !== undefined) {
            set.class_code = change.classCode;
            set.label = change.classCode === 0 ? 'correctiva' : 'preventiva';
            set.label_source = 'human';
          }
          if (change.lines) set.line_count = change.lines.length;
          const before = await claimVersion(trx, change.fileId, change.version, set);
          if (!before) return { kind: 'missing' } as const;
          if (change.lines) {
            await trx.deleteFrom('invoice_lines').where('file_id', '=', change.fileId).execute();
            for (const [index, line] of change.lines.entries()) {
              await trx
                .insertInto('invoice_lines')
                .values({
                  file_id: change.fileId,
                  line_no: index + 1,
                  code: line.code,
                  description: line.description,
                  quantity: line.quantity,
                  unit: line.unit,
                  unit_price: line.unitPrice,
                  amount: line.amount,
                })
                .execute();
            }
          }
          const base = { fileId: change.fileId, reviewer: change.reviewer, reason: null, at: change.at };
          const entries: AuditEntry[] = [];
          for (const [field, value] of Object.entries(change.fields) as Array<[ReviewField, FieldValue]>)
            entries.push({
              ...base,
              action: 'correct',
              field,
              oldValue: json(before.fields[field]),
              newValue: json(value),
            });
          if (change.lines)
            entries.push({
              ...base,
              action: 'correct',
              field: 'lines',
              oldValue: json(before.lines),
              newValue: json(change.lines),
            });
          if (change.classCode !== undefined && change.classCode !== before.classCode)
            entries.push({
              ...base,
              action: 'correct',
              field: 'class',
              oldValue: json(before.classCode),
              newValue: json(change.classCode),
            });
          if (entries.length === 0)
            entries.push({ ...base, action: 'confirm', field: null, oldValue: null, newValue: null });
          await audit(trx, entries);
          return { kind: 'saved' } as const;
        }),
      );
    },

    quarantine(fileId, version, reviewer, reason, at) {
      return guarded(() =>
        db.transaction().execute(async (trx) => {
          const before = await claimVersion(trx, fileId, version, {
            status: 'quarantined',
            // A person decided: a later model run does not take it out of Cuarentena (save.ts).
            field_source: 'human',
            error_code: 'human_quarantine',
            error_message: reason,
            reviewed_by: reviewer,
            reviewed_at: ts(at),
            updated_at: ts(at),
          });
          if (!before) return { kind: 'missing' } as const;
          await trx
            .insertInto('quarantine_log')
            .values({
              file_id: fileId,
              file_name: before.fileName,
              error_code: 'human_quarantine',
              error_message: reason,
              occurred_at: ts(at),
            })
            .execute();
          await audit(trx, [
            {
              fileId,
              action: 'quarantine',
              field: 'status',
              oldValue: json(before.status),
              newValue: json('quarantined'),
              reviewer,
              reason,
              at,
            },
          ]);
          return { kind: 'saved' } as const;
        }),
      );
    },

    markReprocess(fileId, reviewer, at) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('invoices')
          .set({ field_source: 'model', reviewed_by: null, reviewed_at: null })
          .where('file_id', '=', fileId)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) return { kind: 'missing' } as const;
        await audit(trx, [
          {
            fileId,
            action: 'reprocess',
            field: null,
            oldValue: null,
            newValue: null,
            reviewer,
            reason: null,
            at,
          },
        ]);
        return { kind: 'saved' } as const;
      });
    },

    async audit(fileId) {
      const rows = await db
        .selectFrom('invoice_audit')
        .selectAll()
        .where('file_id', '=', fileId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        fileId: r.file_id,
        action: r.action,
        field: r.field,
        oldValue: r.old_value,
        newValue: r.new_value,
        reviewer: r.reviewer,
        reason: r.reason,
        at: toDate(r.at) ?? new Date(0),
      }));
    },

    async saveLocator(locator: SupplierLocator, reviewer, at) {
      const values = {
        supplier_tax_id: locator.supplierTaxId,
        field: locator.field,
        label_text: locator.labelText,
        dx: locator.dx,
        dy: locator.dy,
        page: locator.page,
        x_rel: locator.xRel,
        y_rel: locator.yRel,
        value_format: locator.valueFormat,
        example_value: locator.exampleValue,
        file_id: locator.fileId,
        created_by: reviewer,
        created_at: ts(at),
      };
      // One locator per supplier and field: the latest correction replaces the earlier one.
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('supplier_layouts')
          .where('supplier_tax_id', '=', locator.supplierTaxId)
          .where('field', '=', locator.field)
          .execute();
        await trx.insertInto('supplier_layouts').values(values).execute();
      });
    },

    async locators(supplierTaxId) {
      let query = db.selectFrom('supplier_layouts').selectAll().orderBy('supplier_tax_id').orderBy('field');
      if (supplierTaxId !== undefined) query = query.where('supplier_tax_id', '=', supplierTaxId);
      const rows = await query.execute();
      return rows.map(
        (r): StoredLocator => ({
          id: Number(r.id),
          supplierTaxId: r.supplier_tax_id,
          field: r.field as ReviewField,
          labelText: r.label_text,
          dx: toNumber(r.dx),
          dy: toNumber(r.dy),
          page: Number(r.page),
          xRel: toNumber(r.x_rel) ?? 0,
          yRel: toNumber(r.y_rel) ?? 0,
          valueFormat: r.value_format,
          exampleValue: r.example_value,
          fileId: r.file_id,
          createdBy: r.created_by,
          createdAt: toDate(r.created_at),
        }),
      );
    },

    async deleteLocator(id, reviewer, at) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('supplier_layouts')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return false;
        await trx.deleteFrom('supplier_layouts').where('id', '=', id).execute();
        await audit(trx, [
          {
            fileId: row.file_id,
            action: 'forget',
            field: row.field,
            oldValue: JSON.stringify({ supplierTaxId: row.supplier_tax_id, labelText: row.label_text }),
            newValue: null,
            reviewer,
            reason: null,
            at,
          },
        ]);
        return true;
      });
    },
  };
}
