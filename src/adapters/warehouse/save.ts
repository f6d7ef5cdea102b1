import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import type { WarehouseRecord } from '../../ports/warehouse.ts';
import type { Dialect } from './config.ts';
import { reviewDb } from './review-schema.ts';
import { type RecordRows, toRows, toTimestamp } from './rows.ts';
import type { InvoiceStatus, InvoicesTable, WarehouseDatabase } from './schema.ts';

/** Eight columns per line: 100 lines stay far below SQL Server's 2,100 parameters per statement. */
const LINES_PER_INSERT = 100;

/**
 * Replaces everything stored for one file, in one transaction. The invoice row is written first (update,
 * then insert if it did not exist) so the transaction holds that row's lock before touching the lines: a
 * second loader of the same file waits on it, or fails with a unique-key violation and is retried by the
 * caller, and never interleaves its lines with ours. The same portable statements run on every dialect, so
 * the SQL Server path is the one exercised by the SQLite, PostgreSQL and MariaDB tests.
 */
export async function saveOne(
  db: Kysely<WarehouseDatabase>,
  dialect: Dialect,
  record: WarehouseRecord,
  now: Date,
): Promise<void> {
  const rows = toRows(record, dialect, now);
  await db.transaction().execute((trx) => writeRows(trx, dialect, rows, now));
}

async function writeRows(
  trx: Kysely<WarehouseDatabase>,
  dialect: Dialect,
  { invoice, lines }: RecordRows,
  now: Date,
): Promise<void> {
  const { file_id: fileId, ...changes } = invoice;
  // Data a person confirmed on the review screen outranks a re-run of the model (a replay of old files): it is
  // kept unless the file has become unreadable. The screen's "reprocess" hands the fields back first.
  if (invoice.status !== 'quarantined' && (await reviewedByPerson(trx, fileId))) return;
  const updated = await trx
    .updateTable('invoices')
    .set(invoice.label_source === 'model' ? keepHumanLabel(changes) : changes)
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    await trx.insertInto('invoices').values(invoice).execute();
  }
  await trx.deleteFrom('invoice_lines').where('file_id', '=', fileId).execute();
  for (let start = 0; start < lines.length; start += LINES_PER_INSERT) {
    await trx
      .insertInto('invoice_lines')
      .values(lines.slice(start, start + LINES_PER_INSERT))
      .execute();
  }
  if (invoice.status === 'quarantined') {
    await trx
      .insertInto('quarantine_log')
      .values({
        file_id: fileId,
        file_name: invoice.file_name,
        error_code: invoice.error_code ?? 'internal',
        error_message: invoice.error_message ?? null,
        occurred_at: toTimestamp(now, dialect),
      })
      .execute();
  }
}

async function reviewedByPerson(trx: Kysely<WarehouseDatabase>, fileId: string): Promise<boolean> {
  const row = await reviewDb(trx)
    .selectFrom('invoices')
    .select('field_source')
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  return row?.field_source === 'human';
}

/**
 * A person's correction outranks the model: reloading a file that a person relabelled keeps their class (and
 * keeps it out of Revisión) unless the file is now unreadable. The label_source assignment goes last because
 * MySQL evaluates SET left to right with the new values.
 */
function keepHumanLabel(changes: Omit<Insertable<InvoicesTable>, 'file_id'>) {
  const { class_code, label, status, label_source, ...rest } = changes;
  return (eb: ExpressionBuilder<WarehouseDatabase, 'invoices'>) => {
    const human = eb('label_source', '=', 'human');
    const quarantined = status === 'quarantined';
    return {
      ...rest,
      class_code: quarantined
        ? (class_code ?? null)
        : eb
            .case()
            .when(human)
            .then(eb.ref('class_code'))
            .else(class_code ?? null)
            .end(),
      label: quarantined
        ? (label ?? null)
        : eb
            .case()
            .when(human)
            .then(eb.ref('label'))
            .else(label ?? null)
            .end(),
      status: quarantined
        ? status
        : eb.case().when(human).then(eb.val<InvoiceStatus>('processed')).else(eb.val(status)).end(),
      label_source: quarantined
        ? label_source
        : eb.case().when(human).then(eb.val<'model' | 'human'>('human')).else(eb.val(label_source)).end(),
    };
  };
}
