import { describe, expect, it } from 'vitest';
import {
  describeWarehouseConfig,
  parseDatabaseUrl,
  warehouseConfigFromEnv,
} from '../../../src/adapters/warehouse/index.ts';
import { ConfigError, loadEnv } from '../../../src/config/env.ts';

const fromEnv = (vars: Record<string, string>) => warehouseConfigFromEnv(loadEnv(vars));

describe('warehouseConfigFromEnv', () => {
  it('defaults to SQLite under DATA_DIR', () => {
    const config = fromEnv({ DATA_DIR: '/srv/datos' });
    expect(config).toEqual({ dialect: 'sqlite', file: '/srv/datos/warehouse.sqlite' });
  });

  it('keeps the original DB_* variables working: SQL Server when only DB_HOST is set', () => {
    const config = fromEnv({
      DB_HOST: 'sql.empresa.co',
      DB_NAME: 'facturas',
      DB_USER: 'etl',
      DB_PASSWORD: 's3cr3t',
    });
    expect(config).toMatchObject({
      dialect: 'mssql',
      host: 'sql.empresa.co',
      port: 1433,
      database: 'facturas',
      user: 'etl',
      password: 's3cr3t',
      encrypt: true,
      trustServerCertificate: false,
    });
  });

  it('infers MySQL from port 3306 and PostgreSQL from 5432, and honours DB_DIALECT', () => {
    expect(fromEnv({ DB_HOST: 'h', DB_PORT: '3306', DB_NAME: 'd' }).dialect).toBe('mysql');
    expect(fromEnv({ DB_HOST: 'h', DB_PORT: '5432', DB_NAME: 'd' }).dialect).toBe('postgres');
    expect(fromEnv({ DB_DIALECT: 'postgres', DB_HOST: 'h', DB_PORT: '6543', DB_NAME: 'd' })).toMatchObject({
      dialect: 'postgres',
      port: 6543,
      encrypt: false,
    });
  });

  it('reads DATABASE_URL, and refuses one that contradicts DB_DIALECT', () => {
    expect(fromEnv({ DATABASE_URL: 'postgres://u:p%40ss@db:5433/wh?schema=bi' })).toMatchObject({
      dialect: 'postgres',
      host: 'db',
      port: 5433,
      database: 'wh',
      user: 'u',
      password: 'p@ss',
      schema: 'bi',
    });
    expect(() => fromEnv({ DATABASE_URL: 'mysql://root@h/db', DB_DIALECT: 'mssql' })).toThrow(ConfigError);
    expect(() => fromEnv({ DB_DIALECT: 'mssql' })).toThrow(/DB_HOST/);
  });

  it('parses SQLite and SQL Server URLs', () => {
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', file: ':memory:' });
    expect(
      parseDatabaseUrl('mssql://sa:Clave!123@sql:14330/facturas?encrypt=false&trustServerCertificate=true'),
    ).toMatchObject({
      dialect: 'mssql',
      port: 14330,
      encrypt: false,
      trustServerCertificate: true,
      password: 'Clave!123',
    });
    expect(() => parseDatabaseUrl('oracle://x/y')).toThrow(ConfigError);
    expect(() => parseDatabaseUrl('postgres://h')).toThrow(/base de datos/);
  });

  it('never shows the password when describing the config', () => {
    const described = JSON.stringify(
      describeWarehouseConfig(parseDatabaseUrl('mssql://etl:MuySecreta@sql/fact')),
    );
    expect(described).not.toContain('MuySecreta');
    expect(described).toContain('***');
  });
});
