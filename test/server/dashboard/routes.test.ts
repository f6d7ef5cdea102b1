import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse, type KyselyWarehouse } from '../../../src/adapters/warehouse/index.ts';
import { dashboardRoutes } from '../../../src/server/dashboard/routes.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { processedRecord } from '../../adapters/warehouse/fixtures.ts';

/** The dashboard's HTTP behaviour without a browser: empty warehouse, headers, JSON twin, assets. */
describe('dashboard routes', () => {
  let warehouse: KyselyWarehouse;

  beforeAll(async () => {
    warehouse = await createWarehouse({ dialect: 'sqlite', file: ':memory:' }, silentLogger);
    await warehouse.migrate();
  });
  afterAll(() => warehouse.close());

  it('renders an empty warehouse with Spanish placeholders and a strict CSP', async () => {
    const app = dashboardRoutes({ warehouse });
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('Todavía no se ha procesado ninguna factura.');
    expect(html).toContain('Nada en Cuarentena.');
    expect(html).toMatch(
      /data-kpi="facturas"><h3>Facturas<\/h3><p class="cifra"><span data-valor="0">0<\/span>/,
    );
  });

  it('serves the same figures as JSON at /api/panel', async () => {
    await warehouse.save([processedRecord({ fileId: 'json-1', total: 1234.56 })]);
    const app = dashboardRoutes({ warehouse });
    const body = (await (await app.request('/api/panel?clase=preventiva')).json()) as {
      filtro: { classLabel: string; currency: string };
      summary: { invoices: number; total: number };
    };
    expect(body.filtro).toEqual({ classLabel: 'preventiva', currency: 'COP' });
    expect(body.summary).toMatchObject({ invoices: 1, total: 1234.56 });
  });

  it('serves its own script and stylesheet and nothing else', async () => {
    const app = dashboardRoutes({ warehouse });
    const script = await app.request('/assets/dashboard.js');
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain("getElementById('datos-graficos')");
    expect((await app.request('/assets/dashboard.css')).headers.get('content-type')).toContain('text/css');
    expect((await app.request('/assets/routes.ts')).status).toBe(404);
  });
});
