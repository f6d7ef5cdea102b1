import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import type { KyselyWarehouse } from '../adapters/warehouse/index.ts';
import type { Env } from '../config/env.ts';
import type { FailedFilesSource } from './dashboard/failed-data.ts';
import { dashboardRoutes } from './dashboard/routes.ts';

/**
 * The dashboard, behind HTTP Basic auth when DASHBOARD_PASSWORD is set. On Cloud Run the service must accept
 * unauthenticated calls (Drive push cannot authenticate), so the page protects itself.
 */
export function dashboardApp(
  warehouse: KyselyWarehouse,
  env: Pick<Env, 'DASHBOARD_USER' | 'DASHBOARD_PASSWORD'>,
  failed?: FailedFilesSource,
): Hono {
  const app = new Hono();
  if (env.DASHBOARD_PASSWORD) {
    const guard = basicAuth({
      username: env.DASHBOARD_USER,
      password: env.DASHBOARD_PASSWORD,
      realm: 'Facturas',
    });
    app.use('/', guard);
    app.use('/api/*', guard);
  }
  app.route('/', dashboardRoutes({ warehouse, failed }));
  return app;
}
