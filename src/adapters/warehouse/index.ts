import type { Logger } from '../../shared/logger.ts';
import { describeWarehouseConfig, type WarehouseConfig } from './config.ts';
import { openDatabase } from './connect.ts';
import { type KyselyWarehouse, kyselyWarehouse } from './kysely-warehouse.ts';

/**
 * The warehouse adapter: Kysely over SQLite (embedded default), PostgreSQL, MySQL/MariaDB or SQL Server.
 *
 *   const warehouse = await createWarehouse(warehouseConfigFromEnv(env), logger);
 *   await warehouse.migrate();            // or `facturas db migrate`
 *   await warehouse.save(records);        // one transaction per invoice
 *
 * Opening does not connect: pools connect on first use, so `ping()` is the readiness check.
 */
export async function createWarehouse(config: WarehouseConfig, logger: Logger): Promise<KyselyWarehouse> {
  const db = await openDatabase(config);
  logger.info('Almacén configurado', describeWarehouseConfig(config));
  return kyselyWarehouse(db, config, logger);
}

export {
  type Dialect,
  describeWarehouseConfig,
  parseDatabaseUrl,
  type WarehouseConfig,
  warehouseConfigFromEnv,
} from './config.ts';
export type {
  ActivityRow,
  ClassFilter,
  DashboardFilter,
  DashboardQueries,
  DashboardSummary,
  MonthlyRow,
  ProductRow,
  QueueRow,
  QueueSizes,
  SupplierRow,
} from './dashboard-types.ts';
export { type KyselyWarehouse, WarehouseSaveError } from './kysely-warehouse.ts';
export { buildPbids, type PbidsOptions, pbidsFromConfig } from './pbids.ts';
