import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { StateStore } from '../../ports/state.ts';
import { type ReplayRequest, type ReplaySummary, replayRequestSchema } from '../../processor/replay.ts';
import type { Logger } from '../../shared/logger.ts';
import { sameOrigin } from '../review/same-origin.ts';
import { FAILED_ROWS } from './failed-data.ts';
import { replayNotice } from './failed-replay-notice.ts';

/**
 * POST `<base>/reprocesar` (form field `archivo`, repeated): re-runs the posted files that are still failed
 * through the same code path as POST /replay (the dispatcher: this instance's queue, or Pub/Sub), then goes
 * back to the dashboard with what was dispatched. Authentication is the caller's; every POST passes the
 * same-origin guard and a body size limit.
 */

export const FAILED_REPLAY_BASE = '/revision/archivos-con-error';

export interface FailedReplayDeps {
  state: Pick<StateStore, 'getFile'>;
  /** POST /replay's operation, bound to the service's source, state and dispatcher. */
  replay: (request: ReplayRequest) => Promise<ReplaySummary>;
  /** Who asked (the authenticated user), for the log. */
  reviewer: (c: Context) => string;
  logger: Logger;
  /** The dashboard, where the answer is shown. */
  dashboardPath?: string;
}

const MAX_ID_CHARS = 200;

export function failedReplayRoutes(deps: FailedReplayDeps): Hono {
  const back = deps.dashboardPath ?? '/';
  const app = new Hono();
  app.use('*', sameOrigin());
  app.use(
    '*',
    bodyLimit({ maxSize: 256 * 1024, onError: (c) => c.text('El formulario es demasiado grande.', 413) }),
  );

  app.post('/reprocesar', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const ids = postedIds(body.archivo);
    const records = await Promise.all(ids.map((id) => deps.state.getFile(id)));
    const failed = records.flatMap((r) => (r?.status === 'failed' ? [r.fileId] : []));
    const summary =
      failed.length > 0 ? await deps.replay(replayRequestSchema.parse({ fileIds: failed })) : null;
    const names = new Map(records.flatMap((r) => (r ? [[r.fileId, r.name] as const] : [])));
    const notice = replayNotice(summary, { names, notFailed: ids.length - failed.length });
    deps.logger.info('dashboard replay of failed files', {
      by: deps.reviewer(c),
      posted: ids.length,
      replayed: failed.length,
      dispatch: summary?.dispatch,
      published: summary?.published ?? 0,
      outcomes: summary?.outcomes,
      notFound: summary?.notFound.length ?? 0,
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(`${back}?aviso=${encodeURIComponent(notice)}#archivos-con-error`, 303);
  });

  return app;
}

/** The posted file ids: strings of a sane length, once each, at most as many as the section lists. */
function postedIds(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  const ids = values.filter(
    (v): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_CHARS,
  );
  return [...new Set(ids)].slice(0, FAILED_ROWS);
}
