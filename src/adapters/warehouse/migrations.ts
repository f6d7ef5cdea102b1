import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { columnTypes, TEXT_LIMITS as L, tableOptions } from './column-types.ts';
import type { Dialect } from './config.ts';
import { deletedAtMigration } from './deleted-migration.ts';
import { reviewMigration } from './review-migration.ts';
import { createViews, dropViews } from './views.ts';

/**
 * Versioned migrations, in code so they ship with the service. Never edit a released migration: add the next
 * one. Kysely's Migrator keeps its own table and lock, so two instances starting together migrate once.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
type AnyDb = Kysely<any>;

function initialSchema(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  const options = tableOptions(dialect);
  return {
    async up(db: AnyDb) {
      let invoices = db.schema
        .createTable('invoices')
        .addColumn('file_id', t.keyText(L.fileId), (c) => c.notNull().primaryKey())
        .addColumn('file_name', t.text(L.fileName), (c) => c.notNull())
        .addColumn('source_file', t.text(L.sourceFile), (c) => c.notNull())
        .addColumn('link', t.text(L.link))
        .addColumn('status', t.text(L.status), (c) => c.notNull())
        .addColumn('error_code', t.text(L.errorCode))
        .addColumn('error_message', t.longText)
        .addColumn('class_code', t.smallInt)
        .addColumn('label', t.text(L.label))
        .addColumn('label_source', t.text(L.labelSource), (c) => c.notNull())
        .addColumn('confidence', t.real)
        .addColumn('model_version', t.text(L.modelVersion))
        .addColumn('invoice_number', t.text(L.number))
        .addColumn('cufe', t.text(L.cufe))
        .addColumn('issue_date', t.date)
        .addColumn('due_date', t.date)
        .addColumn('issue_month', t.text(L.month))
        .addColumn('purchase_order', t.text(L.purchaseOrder))
        .addColumn('supplier_name', t.text(L.partyName))
        .addColumn('supplier_tax_id', t.text(L.taxId))
        .addColumn('customer_name', t.text(L.partyName))
        .addColumn('customer_tax_id', t.text(L.taxId))
        .addColumn('currency', t.text(L.currency))
        .addColumn('subtotal', t.money)
        .addColumn('tax', t.money)
        .addColumn('withholdings', t.money)
        .addColumn('total', t.money)
        .addColumn('line_count', t.int, (c) => c.notNull())
        .addColumn('validation_ok', t.flag, (c) => c.notNull())
        .addColumn('validation_issues', t.longText, (c) => c.notNull())
        .addColumn('field_confidence', t.longText, (c) => c.notNull())
        .addColumn('explanation', t.longText, (c) => c.notNull())
        .addColumn('timings', t.longText, (c) => c.notNull())
        .addColumn('duplicate_of', t.keyText(L.fileId))
        .addColumn('page_count', t.int, (c) => c.notNull())
        .addColumn('ocr_pages', t.int, (c) => c.notNull())
        .addColumn('processed_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull());
      if (options) invoices = invoices.modifyEnd(options);
      await invoices.execute();

      let lines = db.schema
        .createTable('invoice_lines')
        .addColumn('file_id', t.keyText(L.fileId), (c) =>
          c.notNull().references('invoices.file_id').onDelete('cascade'),
        )
        .addColumn('line_no', t.int, (c) => c.notNull())
        .addColumn('code', t.text(L.lineCode))
        .addColumn('description', t.longText)
        .addColumn('quantity', t.quantity)
        .addColumn('unit', t.text(L.unit))
        .addColumn('unit_price', t.unitPrice)
        .addColumn('amount', t.money)
        .addPrimaryKeyConstraint('pk_invoice_lines', ['file_id', 'line_no']);
      if (options) lines = lines.modifyEnd(options);
      await lines.execute();

      let log = db.schema.createTable('quarantine_log');
      if (dialect === 'postgres') log = log.addColumn('id', 'serial', (c) => c.primaryKey());
      else if (dialect === 'mssql') log = log.addColumn('id', 'integer', (c) => c.primaryKey().identity());
      else log = log.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
      log = log
        .addColumn('file_id', t.keyText(L.fileId), (c) => c.notNull())
        .addColumn('file_name', t.text(L.fileName), (c) => c.notNull())
        .addColumn('error_code', t.text(L.errorCode), (c) => c.notNull())
        .addColumn('error_message', t.longText)
        .addColumn('occurred_at', t.timestamp, (c) => c.notNull());
      if (options) log = log.modifyEnd(options);
      await log.execute();

      const indexes: Array<[string, string, string[]]> = [
        ['ix_invoices_supplier_number', 'invoices', ['supplier_tax_id', 'invoice_number']],
        ['ix_invoices_issue_date', 'invoices', ['issue_date']],
        ['ix_invoices_month_class', 'invoices', ['issue_month', 'class_code']],
        ['ix_invoices_status_updated', 'invoices', ['status', 'updated_at']],
        ['ix_invoices_updated', 'invoices', ['updated_at']],
        ['ix_quarantine_log_file', 'quarantine_log', ['file_id']],
        ['ix_quarantine_log_time', 'quarantine_log', ['occurred_at']],
      ];
      for (const [name, table, columns] of indexes) {
        await db.schema.createIndex(name).on(table).columns(columns).execute();
      }
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('quarantine_log').execute();
      await db.schema.dropTable('invoice_lines').execute();
      await db.schema.dropTable('invoices').execute();
    },
  };
}

function powerBiViews(): Migration {
  return {
    up: (db: AnyDb) => createViews(db),
    down: (db: AnyDb) => dropViews(db),
  };
}

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial_schema': initialSchema(dialect),
    '0002_power_bi_views': powerBiViews(),
    '0003_review': reviewMigration(dialect),
    '0004_deleted_at': deletedAtMigration(dialect),
  };
}

class InCodeProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

export interface MigrationOutcome {
  applied: string[];
}

export async function runMigrations(db: AnyDb, dialect: Dialect, schema?: string): Promise<MigrationOutcome> {
  // Kysely looks for its bookkeeping tables in any schema unless told which: name it, so that two schemas in
  // one PostgreSQL database (parallel test runs, several environments) keep separate migration histories.
  const migrator = new Migrator({
    db,
    provider: new InCodeProvider(migrationsFor(dialect)),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
