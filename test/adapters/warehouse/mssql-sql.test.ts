import { DummyDriver, Kysely, MssqlAdapter, MssqlIntrospector, MssqlQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { kyselyWarehouse } from '../../../src/adapters/warehouse/kysely-warehouse.ts';
import type { WarehouseDatabase } from '../../../src/adapters/warehouse/schema.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { HOSTILE, processedRecord } from './fixtures.ts';

/**
 * SQL Server cannot run here, so besides the MSSQL_URL contract run this checks the T-SQL the adapter emits:
 * Unicode column types, TOP instead of LIMIT, and values always sent as parameters.
 */
describe('SQL Server statements (compiled, not executed)', () => {
  it('uses NVARCHAR, DECIMAL, DATETIME2 and TOP, and never inlines values', async () => {
    const statements: string[] = [];
    const db = new Kysely<WarehouseDatabase>({
      dialect: {
        createAdapter: () => new MssqlAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new MssqlIntrospector(k),
        createQueryCompiler: () => new MssqlQueryCompiler(),
      },
      log: (event) => {
        statements.push(event.query.sql);
      },
    });
    const warehouse = kyselyWarehouse(
      db,
      {
        dialect: 'mssql',
        host: 'h',
        port: 1433,
        database: 'd',
        user: 'u',
        password: 'p',
        encrypt: true,
        trustServerCertificate: false,
      },
      silentLogger,
    );
    await warehouse.migrate();
    await warehouse.save([processedRecord({ fileId: 'x', supplierName: HOSTILE.injection })]);
    await warehouse.findDuplicate('900', 'FE-1', 'x');
    await warehouse.topProducts({ from: '2026-01-01', classLabel: 'preventiva', currency: 'COP' }, 5);
    await warehouse.recentActivity(10);
    const all = statements.join('\n');
    const invoicesTable = statements.find((s) => s.startsWith('create table "invoices"')) ?? '';
    expect(invoicesTable).toContain('"supplier_name" nvarchar(512)');
    expect(invoicesTable).toContain('"total" decimal(18, 2)');
    expect(invoicesTable).toContain('"processed_at" datetime2(3)');
    expect(invoicesTable).not.toMatch(/\bvarchar\(/);
    expect(all).toContain('"description" nvarchar(max)');
    expect(all).toMatch(/select top\(1\) "file_id" from "invoices"/);
    expect(all).not.toMatch(/\blimit\b/i);
    expect(all).not.toContain('DROP TABLE invoices');
    expect(statements.filter((s) => s.startsWith('create view'))).toHaveLength(4);
    await warehouse.close();
  });
});
