import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  Kysely,
  type Dialect as KyselyDialect,
  MssqlDialect,
  MysqlDialect,
  PostgresDialect,
  SqliteDialect,
} from 'kysely';
import type { ServerWarehouseConfig, SqliteWarehouseConfig, WarehouseConfig } from './config.ts';
import type { WarehouseDatabase } from './schema.ts';

/** Opens a Kysely instance for the configured dialect; drivers are imported only when used. */

const DEFAULT_POOL_MAX = 5;
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** Short on purpose: a same-process second connection would otherwise block the event loop (see retry.ts). */
const SQLITE_BUSY_TIMEOUT_MS = 50;

export async function openDatabase(config: WarehouseConfig): Promise<Kysely<WarehouseDatabase>> {
  return new Kysely<WarehouseDatabase>({ dialect: await kyselyDialect(config) });
}

async function kyselyDialect(config: WarehouseConfig): Promise<KyselyDialect> {
  switch (config.dialect) {
    case 'sqlite':
      return sqliteDialect(config);
    case 'postgres':
      return postgresDialect(config);
    case 'mysql':
      return mysqlDialect(config);
    case 'mssql':
      return mssqlDialect(config);
  }
}

async function sqliteDialect(config: SqliteWarehouseConfig): Promise<KyselyDialect> {
  const { default: Database } = await import('better-sqlite3');
  return new SqliteDialect({
    database: async () => {
      if (config.file !== ':memory:') mkdirSync(path.dirname(config.file), { recursive: true });
      const db = new Database(config.file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      return db;
    },
  });
}

async function postgresDialect(config: ServerWarehouseConfig): Promise<KyselyDialect> {
  const { default: pg } = await import('pg');
  if (config.schema && !SCHEMA_NAME.test(config.schema)) throw new Error('Nombre de esquema inválido');
  const DATE_OID = 1082;
  const pool = new pg.Pool({
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    password: config.password,
    ssl: config.encrypt ? { rejectUnauthorized: !config.trustServerCertificate } : undefined,
    max: config.poolMax ?? DEFAULT_POOL_MAX,
    options: config.schema ? `-c search_path=${config.schema}` : undefined,
    // DATE as 'YYYY-MM-DD' text: pg's default turns it into a local-midnight Date, which shifts days.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID
          ? (value: string) => value
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client whose server went away (restart, failover, a dropped connection) makes the pool emit
  // 'error'; unheard, that event would end the process. The pool drops the client and the next query
  // reconnects or fails as warehouse_unavailable.
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}

async function mysqlDialect(config: ServerWarehouseConfig): Promise<KyselyDialect> {
  const { createPool } = await import('mysql2');
  const pool = createPool({
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    password: config.password,
    charset: 'UTF8MB4_UNICODE_CI',
    timezone: 'Z',
    dateStrings: ['DATE'],
    supportBigNumbers: true,
    connectionLimit: config.poolMax ?? DEFAULT_POOL_MAX,
    ssl: config.encrypt ? { rejectUnauthorized: !config.trustServerCertificate } : undefined,
  });
  return new MysqlDialect({ pool });
}

async function mssqlDialect(config: ServerWarehouseConfig): Promise<KyselyDialect> {
  const Tedious = await import('tedious');
  const Tarn = await import('tarn');
  return new MssqlDialect({
    tarn: { ...Tarn, options: { min: 0, max: config.poolMax ?? DEFAULT_POOL_MAX } },
    tedious: {
      ...Tedious,
      connectionFactory: () =>
        new Tedious.Connection({
          server: config.host,
          authentication: {
            type: 'default',
            options: { userName: config.user, password: config.password },
          },
          options: {
            port: config.port,
            database: config.database,
            encrypt: config.encrypt,
            trustServerCertificate: config.trustServerCertificate,
            useUTC: true,
            connectTimeout: 15_000,
            requestTimeout: 60_000,
          },
        }),
    },
  });
}
