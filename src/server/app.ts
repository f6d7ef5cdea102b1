import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Services } from '../composition-root.ts';
import { requestLog } from './request-log.ts';

/** Largest request body any route accepts: task calls, Pub/Sub pushes and review forms are a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppRoutes {
  /** Mounted at the given path, in order. */
  path: string;
  app: Hono;
}

/**
 * The HTTP surface: health, readiness, and whatever route groups the composition adds (the dashboard at
 * `/`, the Drive webhook, the authenticated task endpoints).
 */
export function createApp(deps: {
  services: Pick<Services, 'state' | 'warehouse' | 'classifier' | 'logger' | 'metrics'>;
  routes?: AppRoutes[];
  /** Google Cloud project, to link request logs to Cloud Trace. */
  projectId?: string;
}): Hono {
  const app = new Hono();
  app.use(requestLog(deps.services.logger, deps.projectId));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: 'payload_too_large' }, 413),
    }),
  );
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const checks = await Promise.allSettled([
      deps.services.warehouse.ping(),
      deps.services.state.getPageToken(),
    ]);
    // Codes only: a driver's message can name hosts, users or paths. The reason goes to the log.
    const [warehouse, state] = checks.map((r, i) => {
      if (r.status === 'fulfilled') return 'ok';
      deps.services.logger.warn('readiness check failed', {
        check: i === 0 ? 'warehouse' : 'state',
        reason: String(r.reason),
      });
      return 'unavailable';
    });
    const ready = warehouse === 'ok' && state === 'ok';
    return c.json(
      {
        status: ready ? 'ready' : 'not ready',
        model: deps.services.classifier.modelVersion,
        warehouse,
        state,
      },
      ready ? 200 : 503,
    );
  });
  app.get('/metrics', async (c) =>
    c.body(await deps.services.metrics.scrape(), 200, { 'content-type': deps.services.metrics.contentType }),
  );
  for (const group of deps.routes ?? []) app.route(group.path, group.app);
  app.onError((error, c) => {
    deps.services.logger.error('request failed', { path: c.req.path, reason: error.message });
    return c.json({ error: 'internal_error' }, 500);
  });
  return app;
}
