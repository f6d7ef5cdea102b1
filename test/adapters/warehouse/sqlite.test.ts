import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWarehouse } from '../../../src/adapters/warehouse/index.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { describeWarehouseContract } from './contract.ts';

describeWarehouseContract('SQLite (better-sqlite3)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'warehouse-sqlite-'));
  const file = path.join(dir, 'warehouse.sqlite');
  return {
    open: () => createWarehouse({ dialect: 'sqlite', file }, silentLogger),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
