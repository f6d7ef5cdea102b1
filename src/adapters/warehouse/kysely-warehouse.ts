import { type Kysely, sql } from 'kysely';
import type { Warehouse, WarehouseRecord } from '../../ports/warehouse.ts';
import type { Logger } from '../../shared/logger.ts';
import { StageError } from '../../stages/errors.ts';
import type { Dialect, WarehouseConfig } from './config.ts';
import { createDashboardQueries } from './dashboard-queries.ts';
import type { DashboardQueries } from './dashboard-types.ts';
import type { DeletedAtDatabase } from './deleted-migration.ts';
import { runMigrations } from './migrations.ts';
import { isConnectionFailure, isTransientConflict, withConflictRetry } from './retry.ts';
import { toTimestamp } from './rows.ts';
import { saveOne } from './save.ts';
import type { WarehouseDatabase } from './schema.ts';

export interface SaveFailure {
  fileId: string;
  error: unknown;
}

/** Some invoices of a batch could not be saved; the others were committed. */
export class WarehouseSaveError extends StageError {
  constructor(readonly failures: SaveFailure[]) {
    const first = failures[0]?.error;
    const retryable = failures.every((f) => isConnectionFailure(f.error) || isTransientConflict(f.error));
    const code =
      first instanceof StageError ? first.code : retryable ? 'warehouse_unavailable' : 'warehouse_error';
    const detail = first instanceof Error ? first.message : String(first);
    super(code, `No se guardaron ${failures.length} factura(s) en el almacén: ${detail}`, {
      retryable,
      cause: first,
    });
    this.name = 'WarehouseSaveError';
  }
}

/** Transactions in flight per save() batch; stays under the default pool size of 5. */
const BATCH_CONCURRENCY = 4;

/** A batch may hold the same file twice (changed while queued): only its last version is stored. */
function latestPerFile(records: WarehouseRecord[]): WarehouseRecord[] {
  return [...new Map(records.map((r) => [r.fileId, r])).values()];
}

async function forEachConcurrently<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export type KyselyWarehouse = Warehouse & DashboardQueries & { readonly db: Kysely<WarehouseDatabase> };

export function kyselyWarehouse(
  db: Kysely<WarehouseDatabase>,
  config: WarehouseConfig,
  logger: Logger,
  clock: () => Date = () => new Date(),
): KyselyWarehouse {
  const dialect: Dialect = config.dialect;
  const log = logger.child({ component: 'warehouse', dialect });

  return {
    dialect,
    db,
    ...createDashboardQueries(db, dialect),

    async migrate() {
      if (config.dialect === 'postgres' && config.schema) {
        await sql`create schema if not exists ${sql.id(config.schema)}`.execute(db);
      }
      // Instances starting together can collide on catalog rows (PostgreSQL) or the file lock (SQLite) before
      // the migrator's own lock is taken; the migration table makes a rerun safe.
      const { applied } = await withConflictRetry(() =>
        runMigrations(db, dialect, config.dialect === 'postgres' ? config.schema : undefined),
      );
      if (applied.length > 0) log.info('Migraciones aplicadas', { applied });
    },

    async save(records: WarehouseRecord[]) {
      const failures: SaveFailure[] = [];
      const saveRecord = async (record: WarehouseRecord) => {
        try {
          await withConflictRetry(() => saveOne(db, dialect, record, clock()), {
            onRetry: (attempt) =>
              log.debug('Conflicto al guardar; reintento', { fileId: record.fileId, attempt }),
          });
        } catch (error) {
          log.error('No se pudo guardar la factura', {
            fileId: record.fileId,
            error: error instanceof Error ? error.message : String(error),
          });
          failures.push({ fileId: record.fileId, error });
        }
      };
      // SQLite has one connection (transactions queue anyway); servers overlap round trips across the pool.
      await forEachConcurrently(
        latestPerFile(records),
        dialect === 'sqlite' ? 1 : BATCH_CONCURRENCY,
        saveRecord,
      );
      if (failures.length > 0) throw new WarehouseSaveError(failures);
    },

    async setHumanLabel(fileId: string, classCode: 0 | 1) {
      const result = await db
        .updateTable('invoices')
        .set({
          class_code: classCode,
          label: classCode === 0 ? 'correctiva' : 'preventiva',
          label_source: 'human',
          // A person decided: the file is no longer waiting in Revisión.
          status: sql<
            'processed' | 'review' | 'quarantined'
          >`case when status = 'review' then 'processed' else status end`,
          updated_at: toTimestamp(clock(), dialect),
        })
        .where('file_id', '=', fileId)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) log.warn('Etiqueta humana para un archivo sin fila', { fileId });
    },

    async markDeleted(fileIds: readonly string[], at: Date) {
      let marked = 0;
      // Chunks stay far below SQL Server's 2,100 parameters per statement.
      for (let start = 0; start < fileIds.length; start += 500) {
        const result = await (db as unknown as Kysely<DeletedAtDatabase>)
          .updateTable('invoices')
          .set({ deleted_at: toTimestamp(at, dialect) })
          .where('file_id', 'in', fileIds.slice(start, start + 500))
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        marked += Number(result.numUpdatedRows);
      }
      if (marked > 0) log.info('Facturas marcadas como borradas', { marked });
      return marked;
    },

    async findDuplicate(supplierTaxId: string, number: string, excludeFileId: string) {
      let query = db
        .selectFrom('invoices')
        .select('file_id')
        .where('supplier_tax_id', '=', supplierTaxId)
        .where('invoice_number', '=', number)
        .where('file_id', '<>', excludeFileId)
        .where('status', '<>', 'quarantined')
        .orderBy('processed_at')
        .orderBy('file_id');
      query = dialect === 'mssql' ? query.top(1) : query.limit(1);
      const row = await query.executeTakeFirst();
      return row?.file_id ?? null;
    },

    async ping() {
      await sql`select 1 as ok`.execute(db);
    },

    async close() {
      await db.destroy();
    },
  };
}
