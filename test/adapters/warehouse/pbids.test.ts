import { describe, expect, it } from 'vitest';
import { buildPbids, parseDatabaseUrl, pbidsFromConfig } from '../../../src/adapters/warehouse/index.ts';

describe('buildPbids', () => {
  it('points Power BI at the SQL Server database without credentials', () => {
    const file = buildPbids({ server: 'sql.empresa.co', database: 'facturas' });
    expect(file).toEqual({
      version: '0.1',
      connections: [
        {
          details: {
            protocol: 'tds',
            address: { server: 'sql.empresa.co', database: 'facturas' },
            authentication: null,
            query: null,
          },
          options: {},
          mode: 'Import',
        },
      ],
    });
  });

  it('uses SQL Server "host,port" syntax for a non-default port and refuses other dialects', () => {
    const file = pbidsFromConfig(parseDatabaseUrl('mssql://u:secreto@sql:14330/fact'), 'DirectQuery');
    expect(file.connections[0]?.details.address.server).toBe('sql,14330');
    expect(file.connections[0]?.mode).toBe('DirectQuery');
    expect(JSON.stringify(file)).not.toContain('secreto');
    expect(() => pbidsFromConfig(parseDatabaseUrl('postgres://h/db'))).toThrow(/SQL Server/);
    expect(() => buildPbids({ server: ' ', database: 'x' })).toThrow();
  });
});
