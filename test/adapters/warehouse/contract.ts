import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KyselyWarehouse, WarehouseSaveError } from '../../../src/adapters/warehouse/index.ts';
import { migrationsFor } from '../../../src/adapters/warehouse/migrations.ts';
import { toIsoDate, toMoney, toNumber } from '../../../src/adapters/warehouse/rows.ts';
import { HOSTILE, line, processedRecord, quarantinedRecord } from './fixtures.ts';

/**
 * The warehouse contract, run against every dialect. `open()` must return a NEW connection pool to the same
 * database each time (the concurrency case needs two), and `cleanup()` drops whatever the run created.
 */
export interface WarehouseTarget {
  open(): Promise<KyselyWarehouse>;
  cleanup(): Promise<void>;
}

export function describeWarehouseContract(
  name: string,
  makeTarget: () => Promise<WarehouseTarget | null>,
): void {
  describe(`warehouse contract: ${name}`, () => {
    let target: WarehouseTarget;
    let warehouse: KyselyWarehouse;
    let skipped = false;

    beforeAll(async () => {
      const made = await makeTarget();
      if (!made) {
        skipped = true;
        return;
      }
      target = made;
      warehouse = await target.open();
      await warehouse.migrate();
    });

    afterAll(async () => {
      if (skipped) return;
      await warehouse?.close();
      await target?.cleanup();
    });

    const readInvoice = (fileId: string) =>
      warehouse.db.selectFrom('invoices').selectAll().where('file_id', '=', fileId).executeTakeFirst();
    const readLines = (fileId: string) =>
      warehouse.db
        .selectFrom('invoice_lines')
        .selectAll()
        .where('file_id', '=', fileId)
        .orderBy('line_no')
        .execute();

    it('migrates idempotently, also when two instances start together', async (ctx) => {
      if (skipped) return ctx.skip();
      const other = await target.open();
      try {
        await Promise.all([warehouse.migrate(), other.migrate()]);
        await warehouse.migrate();
      } finally {
        await other.close();
      }
      const applied = await warehouse.db
        .selectFrom(sql.table('kysely_migration').as('m'))
        .select(sql<string>`name`.as('name'))
        .execute();
      // Every migration in code, once each (0004 adds invoices.deleted_at).
      const expected = Object.keys(
        migrationsFor(warehouse.dialect === 'mssql' ? 'mssql' : warehouse.dialect),
      ).sort();
      expect(expected).toContain('0004_deleted_at');
      expect(applied.map((r) => r.name).sort()).toEqual(expected);
      await warehouse.ping();
    });

    it('round-trips hostile text exactly', async (ctx) => {
      if (skipped) return ctx.skip();
      const record = processedRecord({
        fileId: 'hostile-1',
        number: HOSTILE.injection,
        supplierName: HOSTILE.quotes,
        customerName: HOSTILE.rtl,
        lines: [
          line('A-1', HOSTILE.long, 2, 10.5),
          line(HOSTILE.injection, HOSTILE.emoji, 1, 3),
          line('C-3', HOSTILE.rtl, 1, 1),
        ],
      });
      await warehouse.save([record]);
      const row = await readInvoice('hostile-1');
      expect(row?.invoice_number).toBe(HOSTILE.injection);
      expect(row?.supplier_name).toBe(HOSTILE.quotes);
      expect(row?.customer_name).toBe(HOSTILE.rtl);
      const lines = await readLines('hostile-1');
      expect(lines.map((l) => l.description)).toEqual([HOSTILE.long, HOSTILE.emoji, HOSTILE.rtl]);
      expect([...(lines[0]?.description ?? '')].length).toBe(10_000);
      expect(lines[1]?.code).toBe(HOSTILE.injection);
      // The table the injection text names is still there, and the lookup by that text works.
      expect(await warehouse.findDuplicate('900123456-7', HOSTILE.injection, 'other')).toBe('hostile-1');
    });

    it('stores text a broken PDF can produce (NUL, lone surrogates) without failing', async (ctx) => {
      if (skipped) return ctx.skip();
      const broken = `Tornillo\u0000 M8 \uD83D roto ${HOSTILE.emoji}`;
      await warehouse.save([
        processedRecord({ fileId: 'broken-1', supplierName: broken, lines: [line('N', broken, 1, 1)] }),
      ]);
      const expected = `Tornillo M8 \uFFFD roto ${HOSTILE.emoji}`;
      expect((await readInvoice('broken-1'))?.supplier_name).toBe(expected);
      expect((await readLines('broken-1'))[0]?.description).toBe(expected);
    });

    it('keeps money to the cent, dates as dates and JSON columns intact', async (ctx) => {
      if (skipped) return ctx.skip();
      const record = processedRecord({
        fileId: 'money-1',
        lines: [line('X', 'tres décimos', 3, 0.1), line('Y', 'grande', 1, 99_999_999_999.99)],
        subtotal: 99_999_999_999.99 + 0.3,
        tax: 0.01,
        withholdings: -12_345.67,
        total: 1_234_567_890_123.45,
        issues: ['lines_do_not_sum_to_subtotal'],
      });
      await warehouse.save([record]);
      const row = await readInvoice('money-1');
      expect(toMoney(row?.subtotal)).toBe(100_000_000_000.29);
      expect(toNumber(row?.tax)).toBe(0.01);
      expect(toNumber(row?.withholdings)).toBe(-12_345.67);
      expect(toNumber(row?.total)).toBe(1_234_567_890_123.45);
      expect(toIsoDate(row?.issue_date)).toBe('2026-03-15');
      expect(toIsoDate(row?.due_date)).toBe('2026-04-14');
      expect(row?.issue_month).toBe('2026-03');
      expect(JSON.parse(row?.validation_issues ?? 'null')).toEqual(['lines_do_not_sum_to_subtotal']);
      expect(JSON.parse(row?.explanation ?? 'null')).toEqual([{ feature: 'mantenimiento', weight: 0.42 }]);
      const lines = await readLines('money-1');
      expect(lines.map((l) => toNumber(l.amount))).toEqual([0.3, 99_999_999_999.99]);
      expect(lines.map((l) => toNumber(l.unit_price))).toEqual([0.1, 99_999_999_999.99]);
    });

    it('replaces everything by file id', async (ctx) => {
      if (skipped) return ctx.skip();
      await warehouse.save([
        processedRecord({
          fileId: 'replace-1',
          lines: [line('A', 'a', 1, 1), line('B', 'b', 1, 2), line('C', 'c', 1, 3)],
        }),
      ]);
      await warehouse.save([
        processedRecord({ fileId: 'replace-1', number: 'FE-NUEVA', lines: [line('Z', 'z', 2, 5)] }),
      ]);
      const row = await readInvoice('replace-1');
      expect(row?.invoice_number).toBe('FE-NUEVA');
      expect(row?.line_count).toBe(1);
      const lines = await readLines('replace-1');
      expect(lines.map((l) => [l.code, toNumber(l.amount)])).toEqual([['Z', 10]]);
      const count = await warehouse.db
        .selectFrom('invoices')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('file_id', '=', 'replace-1')
        .executeTakeFirst();
      expect(toNumber(count?.n)).toBe(1);
    });

    it('saves a batch of many invoices, keeping the last version of a file listed twice', async (ctx) => {
      if (skipped) return ctx.skip();
      const batch = Array.from({ length: 12 }, (_, i) =>
        processedRecord({ fileId: `batch-${i}`, lines: [line('B', `lote ${i}`, i + 1, 10)] }),
      );
      batch.push(processedRecord({ fileId: 'batch-3', number: 'FE-ULTIMA', lines: [] }));
      await warehouse.save(batch);
      const rows = await warehouse.db
        .selectFrom('invoices')
        .select(['file_id', 'invoice_number', 'line_count'])
        .where('file_id', 'like', 'batch-%')
        .execute();
      expect(rows).toHaveLength(12);
      expect(rows.find((r) => r.file_id === 'batch-3')).toEqual({
        file_id: 'batch-3',
        invoice_number: 'FE-ULTIMA',
        line_count: 0,
      });
      expect(await readLines('batch-3')).toEqual([]);
      expect((await readLines('batch-11')).map((l) => toNumber(l.quantity))).toEqual([12]);
    });

    it('leaves one invoice with its lines once when two connections load the same file at once', async (ctx) => {
      if (skipped) return ctx.skip();
      const other = await target.open();
      try {
        // Over 100 lines each, so every load is several INSERT statements that could interleave.
        const many = (prefix: string, n: number) =>
          Array.from({ length: n }, (_, i) => line(`${prefix}${i + 1}`, `línea ${prefix}${i + 1}`, 1, i + 1));
        const versionA = processedRecord({ fileId: 'race-1', number: 'FE-A', lines: many('A', 230) });
        const versionB = processedRecord({ fileId: 'race-1', number: 'FE-B', lines: many('B', 170) });
        const winners = new Set<string>();
        for (let round = 0; round < 8; round++) {
          const [first, second] = round % 2 === 0 ? [warehouse, other] : [other, warehouse];
          await Promise.all([first.save([versionA]), second.save([versionB])]);
          const invoices = await warehouse.db
            .selectFrom('invoices')
            .select(['invoice_number', 'line_count'])
            .where('file_id', '=', 'race-1')
            .execute();
          expect(invoices).toHaveLength(1);
          const winner = invoices[0]?.invoice_number === 'FE-A' ? versionA : versionB;
          winners.add(winner.result.invoice?.number ?? '');
          const codes = (await readLines('race-1')).map((l) => l.code);
          // The lines belong to the same version as the invoice row: never mixed, never doubled.
          expect(codes).toEqual(winner.result.invoice?.lines.map((l) => l.code));
          expect(invoices[0]?.line_count).toBe(codes.length);
        }
      } finally {
        await other.close();
      }
    });

    it('stores quarantined files with their error and logs them', async (ctx) => {
      if (skipped) return ctx.skip();
      await warehouse.save([
        quarantinedRecord('quarantine-1', 'corrupt', `PDF dañado: "xref" ${HOSTILE.injection}`),
      ]);
      const row = await readInvoice('quarantine-1');
      expect(row?.status).toBe('quarantined');
      expect(row?.error_code).toBe('corrupt');
      expect(row?.error_message).toBe(`PDF dañado: "xref" ${HOSTILE.injection}`);
      expect(row?.class_code).toBeNull();
      expect(row?.invoice_number).toBeNull();
      const log = await warehouse.db
        .selectFrom('quarantine_log')
        .selectAll()
        .where('file_id', '=', 'quarantine-1')
        .execute();
      expect(log.map((l) => l.error_code)).toEqual(['corrupt']);
      const queue = await warehouse.queue('quarantined', 50);
      expect(queue.find((q) => q.fileId === 'quarantine-1')?.errorCode).toBe('corrupt');
    });

    it('records a human label', async (ctx) => {
      if (skipped) return ctx.skip();
      await warehouse.save([processedRecord({ fileId: 'human-1', label: 'revision', confidence: 0.51 })]);
      expect((await readInvoice('human-1'))?.status).toBe('review');
      await warehouse.setHumanLabel('human-1', 0);
      const row = await readInvoice('human-1');
      expect(row?.class_code).toBe(0);
      expect(row?.label).toBe('correctiva');
      expect(row?.label_source).toBe('human');
      expect(row?.status).toBe('processed');
      await expect(warehouse.setHumanLabel('no-such-file', 1)).resolves.toBeUndefined();
    });

    it('marks deleted files once, keeps their rows and ignores ids it does not hold', async (ctx) => {
      if (skipped) return ctx.skip();
      await warehouse.save([processedRecord({ fileId: 'del-1' }), processedRecord({ fileId: 'del-2' })]);
      const readDeleted = async (fileId: string) =>
        (
          await sql<{
            deleted_at: unknown;
          }>`select deleted_at from invoices where file_id = ${fileId}`.execute(warehouse.db)
        ).rows[0]?.deleted_at ?? null;
      expect(await readDeleted('del-1')).toBeNull();
      const at = new Date(Date.UTC(2026, 10, 25, 9, 30, 0));
      expect(await warehouse.markDeleted(['del-1', 'not-ours', 'neither'], at)).toBe(1);
      const stamp = await readDeleted('del-1');
      expect(
        new Date(
          String(stamp instanceof Date ? stamp.toISOString() : stamp)
            .replace(' ', 'T')
            .replace(/(\d)$/, '$1Z'),
        ).getTime(),
      ).toBe(at.getTime());
      expect(await readDeleted('del-2')).toBeNull();
      expect(await warehouse.markDeleted(['del-1'], new Date())).toBe(0);
      expect(await readInvoice('del-1')).toBeDefined();
      expect(await warehouse.markDeleted([], new Date())).toBe(0);
    });

    it('keeps a human label when the model reloads the file, but not when it becomes unreadable', async (ctx) => {
      if (skipped) return ctx.skip();
      await warehouse.save([processedRecord({ fileId: 'human-2', label: 'preventiva' })]);
      await warehouse.setHumanLabel('human-2', 0);
      await warehouse.save([
        processedRecord({ fileId: 'human-2', label: 'revision', confidence: 0.4, number: 'FE-R' }),
      ]);
      let row = await readInvoice('human-2');
      expect([row?.class_code, row?.label, row?.label_source, row?.status, row?.invoice_number]).toEqual([
        0,
        'correctiva',
        'human',
        'processed',
        'FE-R',
      ]);
      await warehouse.save([
        { ...processedRecord({ fileId: 'human-2', label: 'preventiva' }), labelSource: 'human' },
      ]);
      row = await readInvoice('human-2');
      expect([row?.class_code, row?.label_source]).toEqual([1, 'human']);
      await warehouse.save([quarantinedRecord('human-2', 'corrupt', 'dañado')]);
      row = await readInvoice('human-2');
      expect([row?.status, row?.class_code, row?.label_source]).toEqual(['quarantined', null, 'model']);
    });

    it('finds duplicates by supplier tax id and number, oldest first', async (ctx) => {
      if (skipped) return ctx.skip();
      const base = { number: 'FE-DUP-9', supplierTaxId: '800555111-2' };
      await warehouse.save([
        processedRecord({ ...base, fileId: 'dup-b', processedAt: new Date('2026-05-02T00:00:00Z') }),
        processedRecord({ ...base, fileId: 'dup-a', processedAt: new Date('2026-05-01T00:00:00Z') }),
      ]);
      expect(await warehouse.findDuplicate('800555111-2', 'FE-DUP-9', 'dup-new')).toBe('dup-a');
      expect(await warehouse.findDuplicate('800555111-2', 'FE-DUP-9', 'dup-a')).toBe('dup-b');
      expect(await warehouse.findDuplicate('800555111-2', 'FE-OTRA', 'dup-new')).toBeNull();
      expect(await warehouse.findDuplicate('800555111-3', 'FE-DUP-9', 'dup-new')).toBeNull();
    });

    it('rejects an out-of-range amount with a clear code and still saves the rest of the batch', async (ctx) => {
      if (skipped) return ctx.skip();
      const bad = processedRecord({ fileId: 'range-bad', total: 1e17 });
      const good = processedRecord({ fileId: 'range-good' });
      const error = await warehouse.save([bad, good]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WarehouseSaveError);
      expect((error as WarehouseSaveError).code).toBe('warehouse_value_out_of_range');
      expect((error as WarehouseSaveError).retryable).toBe(false);
      expect((error as WarehouseSaveError).failures.map((f) => f.fileId)).toEqual(['range-bad']);
      expect(await readInvoice('range-bad')).toBeUndefined();
      expect((await readInvoice('range-good'))?.status).toBe('processed');
    });

    it('answers the dashboard and Power BI queries with the loaded figures', async (ctx) => {
      if (skipped) return ctx.skip();
      // A currency of its own (ISO "testing" code) keeps this case apart from the others' rows.
      const currency = 'XTS';
      await warehouse.save([
        processedRecord({
          fileId: 'dash-1',
          currency,
          issueDate: '2026-01-10',
          label: 'correctiva',
          supplierTaxId: 'S1',
          supplierName: 'Uno',
          lines: [line('P1', 'Bomba', 2, 100.1)],
          tax: 0,
          total: 200.2,
        }),
        processedRecord({
          fileId: 'dash-2',
          currency,
          issueDate: '2026-01-20',
          label: 'preventiva',
          supplierTaxId: 'S2',
          supplierName: 'Dos',
          lines: [line('P1', 'Bomba', 1, 100.1), line('P2', 'Filtro', 3, 0.1)],
          tax: 0,
          total: 100.4,
        }),
        processedRecord({
          fileId: 'dash-3',
          currency,
          issueDate: '2026-02-05',
          label: 'preventiva',
          supplierTaxId: 'S2',
          supplierName: 'Dos',
          lines: [line('P2', 'Filtro', 1, 0.1)],
          tax: 0,
          total: 0.1,
        }),
        processedRecord({
          fileId: 'dash-4',
          currency,
          issueDate: '2026-02-06',
          label: 'revision',
          supplierTaxId: 'S3',
          supplierName: 'Tres',
          lines: [line('P3', 'Visita', 1, 50)],
          tax: 0,
          total: 50,
        }),
      ]);
      const all = { currency };
      expect(await warehouse.dashboardSummary(all)).toEqual({
        invoices: 4,
        total: 350.7,
        correctivas: 1,
        preventivas: 2,
        revision: 1,
        lines: 5,
      });
      expect(await warehouse.monthlyTotals(all)).toEqual([
        { month: '2026-01', label: 'correctiva', invoices: 1, total: 200.2 },
        { month: '2026-01', label: 'preventiva', invoices: 1, total: 100.4 },
        { month: '2026-02', label: 'preventiva', invoices: 1, total: 0.1 },
        { month: '2026-02', label: 'revision', invoices: 1, total: 50 },
      ]);
      expect(await warehouse.topSuppliers(all, 2)).toEqual([
        { taxId: 'S1', name: 'Uno', invoices: 1, total: 200.2 },
        { taxId: 'S2', name: 'Dos', invoices: 2, total: 100.5 },
      ]);
      expect(await warehouse.topProducts({ ...all, from: '2026-01-01', to: '2026-01-31' }, 5)).toEqual([
        { code: 'P1', description: 'Bomba', lines: 2, quantity: 3, amount: 300.3 },
        { code: 'P2', description: 'Filtro', lines: 1, quantity: 3, amount: 0.3 },
      ]);
      expect((await warehouse.dashboardSummary({ ...all, classLabel: 'preventiva' })).total).toBe(100.5);
      expect((await warehouse.currencies()).map((c) => c.currency)).toContain('XTS');
      expect((await warehouse.queue('review', 50)).map((q) => q.fileId)).toContain('dash-4');
      expect((await warehouse.recentActivity(500)).map((a) => a.fileId)).toContain('dash-3');

      const monthly = await warehouse.db
        .selectFrom(sql.table('v_monthly_totals').as('v'))
        .select([
          sql<string>`issue_month`.as('month'),
          sql<string>`total`.as('total'),
          sql<number>`invoice_count`.as('n'),
        ])
        .where(sql.ref('currency'), '=', currency)
        .where(sql.ref('supplier_tax_id'), '=', 'S2')
        .orderBy(sql.ref('issue_month'))
        .execute();
      expect(monthly.map((m) => [m.month, toMoney(m.total), toNumber(m.n)])).toEqual([
        ['2026-01', 100.4, 1],
        ['2026-02', 0.1, 1],
      ]);
      const facts = await warehouse.db
        .selectFrom(sql.table('v_invoice_lines_fact').as('f'))
        .select([
          sql<string>`product_code`.as('code'),
          sql<string>`supplier_name`.as('supplier'),
          sql<unknown>`issue_date`.as('date'),
        ])
        .where(sql.ref('file_id'), '=', 'dash-2')
        .orderBy(sql.ref('line_no'))
        .execute();
      expect(facts.map((f) => [f.code, f.supplier, toIsoDate(f.date)])).toEqual([
        ['P1', 'Dos', '2026-01-20'],
        ['P2', 'Dos', '2026-01-20'],
      ]);
    });
  });
}
