import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createWarehouse } from '../../../src/adapters/warehouse/index.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { serviceMissing } from '../../support/required-service.ts';
import { describeWarehouseContract } from './contract.ts';

const connection = {
  host: process.env.MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.MYSQL_PORT ?? 3306),
  user: process.env.MYSQL_USER ?? 'root',
  password: process.env.MYSQL_PASSWORD ?? '',
};

// Each run gets a database of its own (MySQL's schema) beside `test`, dropped at the end.
describeWarehouseContract('MariaDB / MySQL', async () => {
  let admin: mysql.Connection;
  try {
    admin = await mysql.createConnection({ ...connection, database: 'test' });
  } catch (error) {
    serviceMissing('MariaDB', `${connection.host}:${connection.port}: ${String(error)}`);
    return null;
  }
  const database = `wh_test_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${database} character set utf8mb4 collate utf8mb4_unicode_ci`);
  return {
    open: () =>
      createWarehouse(
        { dialect: 'mysql', ...connection, database, encrypt: false, trustServerCertificate: false },
        silentLogger,
      ),
    cleanup: async () => {
      await admin.query(`drop database if exists ${database}`);
      await admin.end();
    },
  };
});
