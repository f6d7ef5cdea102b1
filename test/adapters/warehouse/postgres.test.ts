import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createWarehouse } from '../../../src/adapters/warehouse/index.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { serviceMissing } from '../../support/required-service.ts';
import { describeWarehouseContract } from './contract.ts';

const connection = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  database: process.env.PGDATABASE ?? 'test',
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD,
};

// Each run works in a schema of its own so parallel runs never see each other's rows.
describeWarehouseContract('PostgreSQL', async () => {
  const admin = new pg.Client(connection);
  try {
    await admin.connect();
  } catch (error) {
    serviceMissing('PostgreSQL', `${connection.host}:${connection.port}: ${String(error)}`);
    return null;
  }
  const schema = `wh_test_${randomBytes(4).toString('hex')}`;
  return {
    open: () =>
      createWarehouse(
        { dialect: 'postgres', ...connection, encrypt: false, trustServerCertificate: false, schema },
        silentLogger,
      ),
    cleanup: async () => {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  };
});
