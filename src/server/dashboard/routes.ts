import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import type { DashboardQueries } from '../../adapters/warehouse/index.ts';
import type { Warehouse } from '../../ports/warehouse.ts';
import { CLIENT_SCRIPT } from './client-script.ts';
import { loadDashboard } from './data.ts';
import { type FailedFilesSource, loadFailedFiles } from './failed-data.ts';
import { FAILED_REPLAY_BASE } from './failed-replay-route.ts';
import { renderDashboard } from './page.ts';
import { STYLES } from './styles.ts';

/**
 * The analytics page at `/` and its assets. Chart.js is served from node_modules (no CDN: the service may run
 * without internet). Mount with `app.route('/', dashboardRoutes({ warehouse }))`.
 */

export interface DashboardDeps {
  warehouse: Warehouse & DashboardQueries;
  /** Zone for the times shown; the business runs on Colombian time. */
  timeZone?: string;
  /** The state store's failed files ("Archivos con error"); the section is left out without it. */
  failed?: FailedFilesSource;
}

// Scripts and styles only from this service; the chart data is JSON, not an inline script.
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function chartJsPath(): string {
  // chart.js exports no subpaths: find the package from its main entry, then take the UMD build beside it.
  const main = createRequire(import.meta.url).resolve('chart.js');
  return path.join(path.dirname(main), 'chart.umd.min.js');
}

interface Asset {
  body: string;
  type: string;
}

export function dashboardRoutes(deps: DashboardDeps): Hono {
  const timeZone = deps.timeZone ?? 'America/Bogota';
  const assets: Record<string, Asset> = {
    'chart.umd.js': { body: readFileSync(chartJsPath(), 'utf8'), type: 'text/javascript; charset=utf-8' },
    'dashboard.js': { body: CLIENT_SCRIPT, type: 'text/javascript; charset=utf-8' },
    'dashboard.css': { body: STYLES, type: 'text/css; charset=utf-8' },
  };

  const app = new Hono();

  app.get('/', async (c) => {
    const [data, failed] = await Promise.all([
      loadDashboard(deps.warehouse, c.req.query()),
      deps.failed ? loadFailedFiles(deps.failed) : null,
    ]);
    c.header('Content-Security-Policy', CSP);
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.html(
      renderDashboard(data, {
        timeZone,
        generatedAt: new Date(),
        failed: failed && {
          files: failed,
          // Relative, like the page's other links: the action lives under /revision.
          action: `${FAILED_REPLAY_BASE.slice(1)}/reprocesar`,
          notice: c.req.query('aviso'),
        },
      }),
    );
  });

  app.get('/assets/:name', (c) => {
    const asset = assets[c.req.param('name')];
    if (!asset) return c.text('No encontrado', 404);
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(asset.body, 200, { 'Content-Type': asset.type });
  });

  /** The same figures as JSON, for scripts and monitoring. */
  app.get('/api/panel', async (c) => {
    const { parsed, ...figures } = await loadDashboard(deps.warehouse, c.req.query());
    return c.json({ filtro: parsed.filter, avisos: parsed.warnings, ...figures });
  });

  return app;
}
