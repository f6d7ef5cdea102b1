import { sql } from 'kysely';
import { createWarehouse, parseDatabaseUrl } from '../../../src/adapters/warehouse/index.ts';
import { VIEW_NAMES } from '../../../src/adapters/warehouse/views.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { describeWarehouseContract } from './contract.ts';

/**
 * SQL Server cannot run on this machine. Set MSSQL_URL (mssql://user:password@host:1433/db?encrypt=true&
 * trustServerCertificate=true) to run the contract against a DISPOSABLE database: the run drops the
 * warehouse's tables and views at the end.
 */
const url = process.env.MSSQL_URL;

describeWarehouseContract('SQL Server', async () => {
  if (!url) {
    console.warn(
      'SQL Server OMITIDO: defina MSSQL_URL para ejecutar el contrato del almacén contra SQL Server.',
    );
    return null;
  }
  const config = parseDatabaseUrl(url);
  if (config.dialect !== 'mssql') throw new Error('MSSQL_URL debe empezar por mssql:// o sqlserver://');
  const dropAll = async () => {
    const warehouse = await createWarehouse(config, silentLogger);
    try {
      for (const view of VIEW_NAMES) await sql`drop view if exists ${sql.id(view)}`.execute(warehouse.db);
      for (const table of [
        'invoice_lines',
        'quarantine_log',
        'invoices',
        'kysely_migration',
        'kysely_migration_lock',
      ]) {
        await sql`drop table if exists ${sql.id(table)}`.execute(warehouse.db);
      }
    } finally {
      await warehouse.close();
    }
  };
  await dropAll();
  return { open: () => createWarehouse(config, silentLogger), cleanup: dropAll };
});
