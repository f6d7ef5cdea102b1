import { Hono } from 'hono';
import { type ReviewAccessOptions, reviewAccess } from '../review/access.ts';
import { FAILED_REPLAY_BASE, type FailedReplayDeps, failedReplayRoutes } from './failed-replay-route.ts';

/**
 * The dashboard's "Reprocesar" action at `/revision/archivos-con-error/reprocesar`: under `/revision`, so it
 * is reached the way the review screen is (behind IAP where that protects `/revision`) and guarded by the
 * same access rule as the review's POST actions.
 */
export function failedReplayApp(options: ReviewAccessOptions & Omit<FailedReplayDeps, 'reviewer'>): Hono {
  const access = reviewAccess(options);
  const app = new Hono();
  for (const path of [FAILED_REPLAY_BASE, `${FAILED_REPLAY_BASE}/*`]) app.use(path, access.guard);
  app.route(FAILED_REPLAY_BASE, failedReplayRoutes({ ...options, reviewer: access.reviewer }));
  return app;
}
