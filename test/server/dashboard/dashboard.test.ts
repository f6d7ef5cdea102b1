import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse, type KyselyWarehouse } from '../../../src/adapters/warehouse/index.ts';
import { dashboardRoutes } from '../../../src/server/dashboard/routes.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { line, processedRecord, quarantinedRecord } from '../../adapters/warehouse/fixtures.ts';
import { haveChromium, launchChromium, serveOnLoopback } from '../../support/headless-browser.ts';

/**
 * The dashboard in a real browser: Debian chromium driven by playwright-core, against a SQLite warehouse
 * with known data. Every number the page shows is compared with an independent SQL query.
 */

const chromiumHere = haveChromium('apt-get install chromium');

const HOSTILE_SUPPLIER = `<img src=x onerror="alert('xss')"> Ferretería "El Tornillo" '; DROP TABLE invoices; --`;
const cop = new Intl.NumberFormat('es-CO', {
  style: 'currency',
  currency: 'COP',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

describe.skipIf(!chromiumHere)('dashboard in headless Chromium', () => {
  let dir: string;
  let warehouse: KyselyWarehouse;
  let server: Awaited<ReturnType<typeof serveOnLoopback>>;
  let baseUrl: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dashboard-'));
    warehouse = await createWarehouse({ dialect: 'sqlite', file: path.join(dir, 'wh.sqlite') }, silentLogger);
    await warehouse.migrate();
    const months = ['2026-01-14', '2026-02-03', '2026-02-21', '2026-03-09', '2026-03-30'];
    const records = months.flatMap((date, m) =>
      [0, 1, 2].map((k) =>
        processedRecord({
          fileId: `fe-${m}-${k}`,
          issueDate: date,
          label: k === 2 && m % 2 === 0 ? 'correctiva' : 'preventiva',
          supplierTaxId: `90000000${k}-${k}`,
          supplierName: k === 0 ? HOSTILE_SUPPLIER : `Proveedor ${k} S.A.S.`,
          lines: [
            line('SRV-1', 'Mantenimiento preventivo de compresor', 1, 1_234_567.89 + m * 1000 + k),
            line('REP-7', 'Repuesto rodamiento 6204', 2 + k, 45_000.5),
          ],
          processedAt: new Date(Date.UTC(2026, m, 20, 12, k)),
        }),
      ),
    );
    records.push(
      processedRecord({ fileId: 'usd-1', currency: 'USD', supplierName: 'Import Co', supplierTaxId: '1' }),
    );
    records.push(
      processedRecord({
        fileId: 'dudosa-1',
        label: 'revision',
        confidence: 0.55,
        issueDate: '2026-02-10',
        issues: ['lines_do_not_sum_to_subtotal'],
      }),
    );
    records.push(quarantinedRecord('bloqueada-1', 'encrypted', 'El PDF pide contraseña'));
    await warehouse.save(records);

    const app = dashboardRoutes({ warehouse });
    server = await serveOnLoopback(app.fetch);
    baseUrl = server.baseUrl;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await warehouse?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(query = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(baseUrl)) problems.push(`external request: ${r.url()}`);
    });
    await page.goto(`${baseUrl}/${query}`);
    await page.waitForSelector('body[data-graficos="4"]', { timeout: 15_000 });
    return page;
  }

  const kpi = async (page: Page, id: string) => {
    const el = page.locator(`[data-kpi="${id}"] [data-valor]`);
    return { raw: Number(await el.getAttribute('data-valor')), text: (await el.textContent()) ?? '' };
  };

  const scalar = async (query: ReturnType<typeof sql<{ v: unknown }>>) =>
    Number((await query.execute(warehouse.db)).rows[0]?.v ?? 0);

  it('draws every chart and shows the database figures', async () => {
    const page = await open();
    const painted = await page.$$eval('canvas', (canvases) =>
      canvases.map((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const pixels =
          c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let inked = 0;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) inked++;
        return { id: c.id, width: c.width, inked };
      }),
    );
    expect(painted.map((p) => p.id)).toEqual([
      'grafico-mensual',
      'grafico-valor',
      'grafico-proveedores',
      'grafico-clases',
    ]);
    for (const chart of painted) expect(chart.inked, chart.id).toBeGreaterThan(2000);

    // COP is the most frequent currency, so it is the default view.
    const invoices = await scalar(
      sql`select count(*) as v from invoices where status <> 'quarantined' and currency = 'COP'`,
    );
    const total = await scalar(
      sql`select sum(total) as v from invoices where status <> 'quarantined' and currency = 'COP'`,
    );
    const correctivas = await scalar(
      sql`select count(*) as v from invoices where label = 'correctiva' and currency = 'COP'`,
    );
    const review = await scalar(sql`select count(*) as v from invoices where status = 'review'`);
    const quarantined = await scalar(sql`select count(*) as v from invoices where status = 'quarantined'`);
    expect(invoices).toBe(16);
    expect((await kpi(page, 'facturas')).raw).toBe(invoices);
    expect(await kpi(page, 'total')).toEqual({ raw: Math.round(total * 100) / 100, text: cop.format(total) });
    expect((await kpi(page, 'correctivas')).raw).toBe(correctivas);
    expect((await kpi(page, 'revision')).raw).toBe(review);
    expect((await kpi(page, 'cuarentena')).raw).toBe(quarantined);

    const monthlyDb = await sql<{ m: string; label: string; n: number; t: number }>`
      select issue_month as m, label, count(*) as n, sum(total) as t from invoices
      where status <> 'quarantined' and currency = 'COP' group by issue_month, label order by issue_month, label`.execute(
      warehouse.db,
    );
    const monthlyPage = await page.$$eval('#tabla-mensual tbody tr', (rows) =>
      rows.map((r) =>
        Array.from(r.querySelectorAll('[data-valor]')).map((v) => Number(v.getAttribute('data-valor'))),
      ),
    );
    expect(monthlyPage).toEqual(
      monthlyDb.rows.map((r) => [Number(r.n), Math.round(Number(r.t) * 100) / 100]),
    );

    const topSupplier = await sql<{ name: string; t: number }>`
      select max(supplier_name) as name, sum(total) as t from invoices where status <> 'quarantined' and currency = 'COP'
      group by supplier_tax_id order by t desc limit 1`.execute(warehouse.db);
    const firstSupplier = page.locator('#tabla-proveedores tbody tr').first();
    expect(await firstSupplier.locator('td').first().textContent()).toBe(topSupplier.rows[0]?.name);
    expect(await firstSupplier.locator('td').last().textContent()).toBe(
      cop.format(Number(topSupplier.rows[0]?.t)),
    );

    const reviewText = await page.locator('#tabla-revision').textContent();
    expect(reviewText).toContain('dudosa-1.pdf');
    const percent = new Intl.NumberFormat('es-CO', { style: 'percent' }).format(0.55);
    expect(reviewText).toContain(`Confianza baja (${percent})`);
    expect(reviewText).toContain('Las líneas no suman el subtotal');
    const quarantineText = await page.locator('#tabla-cuarentena').textContent();
    expect(quarantineText).toContain('PDF protegido con contraseña');
    expect(quarantineText).toContain('El PDF pide contraseña');
    expect(await page.locator('#tabla-actividad tbody tr').count()).toBe(15);
    // The hostile supplier name is shown as text, never run.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('#tabla-proveedores').textContent()).toContain(HOSTILE_SUPPLIER);

    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/dashboard.png', fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('filters by date range and class', async () => {
    const page = await open('?desde=2026-02-01&hasta=2026-03-15&clase=preventiva');
    const expected = await scalar(sql`select count(*) as v from invoices where status <> 'quarantined'
      and currency = 'COP' and label = 'preventiva' and issue_date between '2026-02-01' and '2026-03-15'`);
    const expectedTotal = await scalar(sql`select sum(total) as v from invoices where status <> 'quarantined'
      and currency = 'COP' and label = 'preventiva' and issue_date between '2026-02-01' and '2026-03-15'`);
    expect(expected).toBe(8);
    expect((await kpi(page, 'facturas')).raw).toBe(expected);
    expect((await kpi(page, 'total')).raw).toBe(Math.round(expectedTotal * 100) / 100);
    expect((await kpi(page, 'correctivas')).raw).toBe(0);
    expect(await page.locator('select[name="clase"]').inputValue()).toBe('preventiva');
    expect(await page.locator('input[name="desde"]').inputValue()).toBe('2026-02-01');
    const months = await page.$$eval('#tabla-mensual tbody tr td:first-child', (cells) =>
      cells.map((c) => c.textContent),
    );
    expect(months).toEqual(['feb 2026', 'mar 2026']);
    await page.close();

    const usd = await open('?moneda=USD');
    expect((await kpi(usd, 'facturas')).raw).toBe(1);
    await usd.close();
    const bad = await open('?desde=ayer&clase=otra');
    expect(await bad.locator('.aviso').count()).toBe(2);
    await bad.close();
    expect(problems).toEqual([]);
  });

  it('serves Chart.js from node_modules and nothing else under /assets', async () => {
    const chart = await fetch(`${baseUrl}/assets/chart.umd.js`);
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toContain('javascript');
    expect((await chart.text()).length).toBeGreaterThan(100_000);
    expect((await fetch(`${baseUrl}/assets/..%2Fpackage.json`)).status).toBe(404);
  });
});
