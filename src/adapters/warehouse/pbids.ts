import type { WarehouseConfig } from './config.ts';

/**
 * A Power BI data source file (.pbids): opening it in Power BI Desktop starts "Get data" already pointed at
 * the SQL Server database, so people only choose the views and sign in. It never holds credentials.
 */

export interface PbidsOptions {
  /** Host, optionally with ",port" (SQL Server's syntax), e.g. "sql.example.com,1433". */
  server: string;
  database: string;
  /** Import copies the data into the report; DirectQuery queries the warehouse live. */
  mode?: 'Import' | 'DirectQuery';
}

export interface PbidsFile {
  version: '0.1';
  connections: Array<{
    details: {
      protocol: 'tds';
      address: { server: string; database: string };
      authentication: null;
      query: null;
    };
    options: Record<string, never>;
    mode: 'Import' | 'DirectQuery';
  }>;
}

export function buildPbids({ server, database, mode = 'Import' }: PbidsOptions): PbidsFile {
  if (!server.trim()) throw new Error('Falta el servidor de SQL Server');
  if (!database.trim()) throw new Error('Falta la base de datos');
  return {
    version: '0.1',
    connections: [
      {
        details: {
          protocol: 'tds',
          address: { server: server.trim(), database: database.trim() },
          authentication: null,
          query: null,
        },
        options: {},
        mode,
      },
    ],
  };
}

/** The .pbids for the configured warehouse; only SQL Server has a Power BI "tds" connector. */
export function pbidsFromConfig(config: WarehouseConfig, mode?: PbidsOptions['mode']): PbidsFile {
  if (config.dialect !== 'mssql') {
    throw new Error(`El archivo .pbids es para SQL Server; el almacén configurado es ${config.dialect}`);
  }
  const server = config.port === 1433 ? config.host : `${config.host},${config.port}`;
  return buildPbids({ server, database: config.database, mode });
}
