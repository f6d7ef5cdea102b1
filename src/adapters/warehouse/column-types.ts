import { type RawBuilder, sql } from 'kysely';
import type { Dialect } from './config.ts';

/**
 * Column types per dialect. SQL Server needs NVARCHAR for Unicode (VARCHAR would turn emoji and Arabic into
 * '?'); MySQL text lives in utf8mb4 tables; long text is NVARCHAR(MAX) / MEDIUMTEXT so a 10,000-character
 * description fits; money is DECIMAL(18,2) everywhere (SQLite stores it with NUMERIC affinity).
 */
export interface ColumnTypes {
  text(length: number): RawBuilder<unknown>;
  longText: RawBuilder<unknown>;
  /** Case-sensitive key text: Drive file ids differ only by case. */
  keyText(length: number): RawBuilder<unknown>;
  money: RawBuilder<unknown>;
  quantity: RawBuilder<unknown>;
  unitPrice: RawBuilder<unknown>;
  real: RawBuilder<unknown>;
  int: RawBuilder<unknown>;
  smallInt: RawBuilder<unknown>;
  date: RawBuilder<unknown>;
  timestamp: RawBuilder<unknown>;
  flag: RawBuilder<unknown>;
}

export function columnTypes(dialect: Dialect): ColumnTypes {
  const common = {
    money: sql`decimal(18, 2)`,
    quantity: sql`decimal(18, 4)`,
    unitPrice: sql`decimal(18, 4)`,
    int: sql`integer`,
    smallInt: sql`smallint`,
    date: sql`date`,
  };
  switch (dialect) {
    case 'sqlite':
      return {
        ...common,
        text: () => sql`text`,
        longText: sql`text`,
        keyText: () => sql`text`,
        real: sql`real`,
        timestamp: sql`text`,
        flag: sql`integer`,
      };
    case 'postgres':
      return {
        ...common,
        text: (n) => sql`varchar(${sql.lit(n)})`,
        longText: sql`text`,
        keyText: (n) => sql`varchar(${sql.lit(n)})`,
        real: sql`double precision`,
        timestamp: sql`timestamptz(3)`,
        flag: sql`boolean`,
      };
    case 'mysql':
      return {
        ...common,
        text: (n) => sql`varchar(${sql.lit(n)})`,
        longText: sql`mediumtext`,
        keyText: (n) => sql`varchar(${sql.lit(n)}) character set utf8mb4 collate utf8mb4_bin`,
        real: sql`double`,
        timestamp: sql`datetime(3)`,
        flag: sql`boolean`,
      };
    case 'mssql':
      return {
        ...common,
        text: (n) => sql`nvarchar(${sql.lit(n)})`,
        longText: sql`nvarchar(max)`,
        keyText: (n) => sql`nvarchar(${sql.lit(n)}) collate Latin1_General_100_BIN2`,
        real: sql`float`,
        timestamp: sql`datetime2(3)`,
        flag: sql`bit`,
        int: sql`int`,
      };
  }
}

/** MySQL tables default to latin1 on old servers: say utf8mb4 explicitly. */
export function tableOptions(dialect: Dialect): RawBuilder<unknown> | null {
  return dialect === 'mysql'
    ? sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`
    : null;
}

/** Maximum lengths of the bounded text columns; longer values are cut (see rows.ts). */
export const TEXT_LIMITS = {
  fileId: 255,
  fileName: 1024,
  sourceFile: 2048,
  link: 2048,
  status: 16,
  errorCode: 64,
  label: 16,
  labelSource: 8,
  modelVersion: 64,
  number: 128,
  cufe: 255,
  month: 7,
  purchaseOrder: 128,
  partyName: 512,
  taxId: 64,
  currency: 8,
  lineCode: 128,
  unit: 64,
} as const;
