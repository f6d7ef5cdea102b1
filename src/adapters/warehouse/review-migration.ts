import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes, TEXT_LIMITS as L, tableOptions } from './column-types.ts';
import type { Dialect } from './config.ts';

/**
 * Migration 0003: the review screen. Adds who reviewed an invoice (`field_source`, `reviewed_by`,
 * `reviewed_at`), the audit of every change a person made (`invoice_audit` and its Power BI view
 * `v_invoice_audit`) and what was learned per supplier (`supplier_layouts`).
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
type AnyDb = Kysely<any>;

export const REVIEWER_LIMIT = 256;

function identity(dialect: Dialect, table: ReturnType<AnyDb['schema']['createTable']>) {
  if (dialect === 'postgres') return table.addColumn('id', 'serial', (c) => c.primaryKey());
  if (dialect === 'mssql') return table.addColumn('id', 'integer', (c) => c.primaryKey().identity());
  return table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export function reviewMigration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  const options = tableOptions(dialect);
  return {
    async up(db: AnyDb) {
      // One column per statement: SQLite adds one at a time.
      await db.schema
        .alterTable('invoices')
        .addColumn('field_source', t.text(L.labelSource), (c) => c.notNull().defaultTo('model'))
        .execute();
      await db.schema.alterTable('invoices').addColumn('reviewed_by', t.text(REVIEWER_LIMIT)).execute();
      await db.schema.alterTable('invoices').addColumn('reviewed_at', t.timestamp).execute();

      let audit = identity(dialect, db.schema.createTable('invoice_audit'))
        .addColumn('file_id', t.keyText(L.fileId), (c) => c.notNull())
        .addColumn('action', t.text(16), (c) => c.notNull())
        .addColumn('field', t.text(64))
        .addColumn('old_value', t.longText)
        .addColumn('new_value', t.longText)
        .addColumn('reviewer', t.text(REVIEWER_LIMIT), (c) => c.notNull())
        .addColumn('reason', t.longText)
        .addColumn('at', t.timestamp, (c) => c.notNull());
      if (options) audit = audit.modifyEnd(options);
      await audit.execute();
      await db.schema
        .createIndex('ix_invoice_audit_file')
        .on('invoice_audit')
        .columns(['file_id', 'at'])
        .execute();

      let layouts = identity(dialect, db.schema.createTable('supplier_layouts'))
        .addColumn('supplier_tax_id', t.keyText(L.taxId), (c) => c.notNull())
        .addColumn('field', t.text(64), (c) => c.notNull())
        .addColumn('label_text', t.text(512))
        .addColumn('dx', t.real)
        .addColumn('dy', t.real)
        .addColumn('page', t.int, (c) => c.notNull())
        .addColumn('x_rel', t.real)
        .addColumn('y_rel', t.real)
        .addColumn('value_format', t.text(512), (c) => c.notNull())
        .addColumn('example_value', t.text(512), (c) => c.notNull())
        .addColumn('file_id', t.keyText(L.fileId), (c) => c.notNull())
        .addColumn('created_by', t.text(REVIEWER_LIMIT), (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull());
      if (options) layouts = layouts.modifyEnd(options);
      await layouts.execute();
      await db.schema
        .createIndex('ux_supplier_layouts_field')
        .on('supplier_layouts')
        .columns(['supplier_tax_id', 'field'])
        .unique()
        .execute();

      await db.schema
        .createView('v_invoice_audit')
        .as(
          db
            .selectFrom('invoice_audit as a')
            .leftJoin('invoices as i', 'i.file_id', 'a.file_id')
            .select([
              'a.id as audit_id',
              'a.file_id',
              'i.invoice_number',
              'i.supplier_tax_id',
              'i.supplier_name',
              'a.action',
              'a.field',
              'a.old_value',
              'a.new_value',
              'a.reviewer',
              'a.reason',
              'a.at',
            ]),
        )
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropView('v_invoice_audit').ifExists().execute();
      await db.schema.dropTable('supplier_layouts').execute();
      await db.schema.dropTable('invoice_audit').execute();
      await db.schema.alterTable('invoices').dropColumn('reviewed_at').execute();
      await db.schema.alterTable('invoices').dropColumn('reviewed_by').execute();
      await db.schema.alterTable('invoices').dropColumn('field_source').execute();
    },
  };
}
