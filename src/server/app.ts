import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Services } from '../composition-root.ts';
import { StageError } from '../stages/errors.ts';
import { requestLog } from './request-log.ts';

/** Largest request body any route accepts: task calls, Pub/Sub pushes and review forms are a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A readiness check that has not answered in this time counts as 'unavailable': probes must not hang. */
export const READY_CHECK_TIMEOUT_MS = 1_500;

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
  services: Pick<Services, 'state' | 'warehouse' | 'classifier' | 'logger' | 'metrics'> &
    Partial<Pick<Services, 'pipelineStatus'>>;
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
      boundedCheck(deps.services.warehouse.ping()),
      boundedCheck(deps.services.state.getPageToken()),
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
    // Files need the state store and the warehouse; the document pipeline (model, readers, threads) loads
    // after the service listens, and files wait for it: 'loading' is reported, not counted against readiness.
    const pipeline = deps.services.pipelineStatus?.();
    const ready = warehouse === 'ok' && state === 'ok' && pipeline !== 'failed';
    return c.json(
      {
        status: ready ? 'ready' : 'not ready',
        model: deps.services.classifier.modelVersion,
        warehouse,
        state,
        ...(pipeline ? { pipeline } : {}),
      },
      ready ? 200 : 503,
    );
  });
  app.get('/metrics', async (c) =>
    c.body(await deps.services.metrics.scrape(), 200, { 'content-type': deps.services.metrics.contentType }),
  );
  for (const group of deps.routes ?? []) app.route(group.path, group.app);
  app.onError((error, c) => {
    // A service the task depends on is down (the state store, the warehouse): the caller should retry later.
    if (error instanceof StageError && error.retryable) {
      deps.services.logger.warn('request deferred: a service is unavailable', {
        path: c.req.path,
        code: error.code,
        reason: error.message,
      });
      return c.json({ error: error.code, retryable: true }, 503, { 'retry-after': '30' });
    }
    deps.services.logger.error('request failed', { path: c.req.path, reason: error.message });
    return c.json({ error: 'internal_error' }, 500);
  });
  return app;
}

function boundedCheck(check: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer in ${READY_CHECK_TIMEOUT_MS} ms`)),
      READY_CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([check, late]).finally(() => clearTimeout(timer));
}
