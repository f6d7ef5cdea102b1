import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from './column-types.ts';
import type { Dialect } from './config.ts';

/**
 * Migration 0004: `invoices.deleted_at`, set when the file was deleted or trashed in Drive (null while it
 * exists). Additive: the row and its lines stay for history; reports filter on `deleted_at IS NULL`.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
type AnyDb = Kysely<any>;

export function deletedAtMigration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('invoices').addColumn('deleted_at', t.timestamp).execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('invoices').dropColumn('deleted_at').execute();
    },
  };
}

/** The columns of migration 0004, typed for the queries that use them. */
export interface DeletedAtDatabase {
  invoices: { file_id: string; deleted_at: Date | string | null };
}
