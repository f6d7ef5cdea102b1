import path from 'node:path';
import { ConfigError, type Env } from '../../config/env.ts';

/**
 * Where the warehouse lives. Resolution order in `warehouseConfigFromEnv`:
 *  1. DATABASE_URL (sqlite:PATH, postgres://, mysql:// or mariadb://, mssql:// or sqlserver://);
 *  2. DB_DIALECT with the original deployment's DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD;
 *  3. DB_HOST without a dialect: port 3306 → mysql, 5432 → postgres, anything else → mssql (production is
 *     SQL Server, and the original deployment set only DB_* variables);
 *  4. nothing set: SQLite at DATA_DIR/warehouse.sqlite.
 */

export type Dialect = 'sqlite' | 'postgres' | 'mysql' | 'mssql';

export interface SqliteWarehouseConfig {
  dialect: 'sqlite';
  file: string;
}

export interface ServerWarehouseConfig {
  dialect: 'postgres' | 'mysql' | 'mssql';
  host: string;
  port: number;
  database: string;
  user: string | undefined;
  password: string | undefined;
  /** TLS: required on SQL Server by default (Azure SQL); optional elsewhere. */
  encrypt: boolean;
  trustServerCertificate: boolean;
  /** PostgreSQL only: the schema to work in (created if missing). Lets parallel test runs stay apart. */
  schema?: string;
  poolMax?: number;
}

export type WarehouseConfig = SqliteWarehouseConfig | ServerWarehouseConfig;

const DEFAULT_PORTS: Record<ServerWarehouseConfig['dialect'], number> = {
  postgres: 5432,
  mysql: 3306,
  mssql: 1433,
};

const URL_SCHEMES: Record<string, Dialect> = {
  'sqlite:': 'sqlite',
  'file:': 'sqlite',
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
  'mssql:': 'mssql',
  'sqlserver:': 'mssql',
};

export function warehouseConfigFromEnv(env: Env): WarehouseConfig {
  if (env.DATABASE_URL) {
    const config = parseDatabaseUrl(env.DATABASE_URL, {
      encrypt: env.DB_ENCRYPT,
      trustServerCertificate: env.DB_TRUST_SERVER_CERTIFICATE,
    });
    if (env.DB_DIALECT && env.DB_DIALECT !== config.dialect) {
      throw new ConfigError([`DB_DIALECT: es ${env.DB_DIALECT} pero DATABASE_URL es ${config.dialect}`]);
    }
    return config;
  }
  const dialect = env.DB_DIALECT ?? inferDialect(env);
  if (dialect === 'sqlite') {
    return { dialect, file: path.resolve(env.DATA_DIR, env.DB_NAME ?? 'warehouse.sqlite') };
  }
  if (!env.DB_HOST) throw new ConfigError([`DB_HOST: requerido con DB_DIALECT=${dialect}`]);
  if (!env.DB_NAME) throw new ConfigError([`DB_NAME: requerido con DB_DIALECT=${dialect}`]);
  return {
    dialect,
    host: env.DB_HOST,
    port: env.DB_PORT ?? DEFAULT_PORTS[dialect],
    database: env.DB_NAME,
    user: env.DB_USER,
    password: env.DB_PASSWORD,
    // DB_ENCRYPT defaults to true for SQL Server's sake; the others only use TLS when asked explicitly.
    encrypt: dialect === 'mssql' ? env.DB_ENCRYPT : false,
    trustServerCertificate: env.DB_TRUST_SERVER_CERTIFICATE,
  };
}

function inferDialect(env: Env): Dialect {
  if (!env.DB_HOST) return 'sqlite';
  if (env.DB_PORT === 3306) return 'mysql';
  if (env.DB_PORT === 5432) return 'postgres';
  return 'mssql';
}

export function parseDatabaseUrl(
  raw: string,
  defaults: { encrypt: boolean; trustServerCertificate: boolean } = {
    encrypt: true,
    trustServerCertificate: false,
  },
): WarehouseConfig {
  const scheme = /^[a-z]+:/i.exec(raw)?.[0].toLowerCase();
  const dialect = scheme ? URL_SCHEMES[scheme] : undefined;
  if (!scheme || !dialect) {
    throw new ConfigError(['DATABASE_URL: esquema no soportado (sqlite:, postgres://, mysql://, mssql://)']);
  }
  if (dialect === 'sqlite') {
    const file = raw.slice(scheme.length).replace(/^\/\//, '');
    if (!file) throw new ConfigError(['DATABASE_URL: falta la ruta del archivo SQLite']);
    return { dialect, file: file === ':memory:' ? file : path.resolve(file) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(['DATABASE_URL: no es una URL válida']);
  }
  const params = url.searchParams;
  const flag = (name: string, fallback: boolean) => {
    const value = params.get(name);
    return value === null ? fallback : ['true', '1', 'yes'].includes(value.toLowerCase());
  };
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new ConfigError(['DATABASE_URL: falta el nombre de la base de datos']);
  const config: ServerWarehouseConfig = {
    dialect,
    host: url.hostname,
    port: url.port ? Number(url.port) : DEFAULT_PORTS[dialect],
    database,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    encrypt: flag('encrypt', dialect === 'mssql' ? defaults.encrypt : flag('ssl', false)),
    trustServerCertificate: flag('trustServerCertificate', defaults.trustServerCertificate),
  };
  const schema = params.get('schema');
  if (schema) config.schema = schema;
  return config;
}

/** The config with the password removed, safe for logs. */
export function describeWarehouseConfig(config: WarehouseConfig): Record<string, unknown> {
  if (config.dialect === 'sqlite') return { dialect: config.dialect, file: config.file };
  const { password: _password, ...rest } = config;
  return { ...rest, password: config.password ? '***' : undefined };
}
