import { Hono } from 'hono';
import type { BackfillSummary } from '../processor/backfill.ts';
import type { ReplayRequest, ReplaySummary } from '../processor/replay.ts';
import { replayRequestSchema } from '../processor/replay.ts';
import type { Logger } from '../shared/logger.ts';
import type { HourlySummary } from '../watch-renewal/hourly.ts';
import { type TaskAuthOptions, taskAuth } from './auth/task-auth.ts';

export interface TaskRouteDeps {
  auth: TaskAuthOptions;
  hourly: () => Promise<HourlySummary>;
  replay: (request: ReplayRequest) => Promise<ReplaySummary>;
  /** POST /tasks/process (Pub/Sub push), when the service consumes a topic. */
  processTask?: Hono;
  /** POST /replay {"all": true}: dispatch every file without an outcome (resumable). */
  backfill?: () => Promise<BackfillSummary>;
  logger: Logger;
}

/**
 * POST /tasks/hourly and POST /replay, both behind the task auth (Cloud Scheduler OIDC or the API token).
 * Mounted at '/'.
 */
export function taskRoutes(deps: TaskRouteDeps): Hono {
  const app = new Hono();
  const guard = taskAuth(deps.auth);
  app.use('/tasks/*', guard);
  app.use('/replay', guard);

  app.post('/tasks/hourly', async (c) => {
    const summary = await deps.hourly();
    return c.json(summary, summary.status === 'partial' ? 500 : 200);
  });
  if (deps.processTask) app.route('/', deps.processTask);

  app.post('/replay', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'invalid_json', message: 'El cuerpo debe ser JSON.' }, 400);
    }
    if (deps.backfill && isBackfillRequest(body)) return c.json(await deps.backfill());
    const parsed = replayRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
      return c.json({ error: 'invalid_request', issues }, 400);
    }
    return c.json(await deps.replay(parsed.data));
  });

  return app;
}

/** `{"all": true}` and nothing else. */
function isBackfillRequest(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const keys = Object.keys(body);
  return keys.length === 1 && (body as { all?: unknown }).all === true;
}
