import fs from 'node:fs/promises';
import { createWarehouse, pbidsFromConfig, warehouseConfigFromEnv } from '../adapters/warehouse/index.ts';
import type { Env } from '../config/env.ts';
import type { Logger } from '../shared/logger.ts';

/** `facturas db migrate`: applies pending warehouse migrations (the service also does it at start). */
export async function dbMigrateCommand(env: Env, logger: Logger): Promise<number> {
  const warehouse = await createWarehouse(warehouseConfigFromEnv(env), logger);
  try {
    await warehouse.migrate();
    process.stdout.write(`Migraciones aplicadas (${warehouse.dialect}).\n`);
    return 0;
  } finally {
    await warehouse.close();
  }
}

/** `facturas powerbi pbids [--out file]`: the Power BI connection file for the configured SQL Server. */
export async function pbidsCommand(env: Env, out: string | undefined): Promise<number> {
  const pbids = pbidsFromConfig(warehouseConfigFromEnv(env));
  const text = `${JSON.stringify(pbids, null, 2)}\n`;
  if (!out) {
    process.stdout.write(text);
    return 0;
  }
  await fs.writeFile(out, text);
  process.stderr.write(`Archivo de conexión escrito en ${out}. Ábralo con Power BI Desktop.\n`);
  return 0;
}
