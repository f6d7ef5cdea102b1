import { Hono } from 'hono';
import type { Logger } from '../shared/logger.ts';
import { type TaskAuthOptions, taskAuth } from './auth/task-auth.ts';

export interface TrainRouteDeps {
  auth: TaskAuthOptions;
  /** Retrains; resolves with the Spanish report and whether the new model was installed. */
  train: () => Promise<{ text: string; promoted: boolean | null; modelVersion: string }>;
  /** One training at a time across instances. */
  lease: { acquire(): Promise<boolean>; release(): Promise<void> };
  logger: Logger;
}

/** POST /tasks/train: retrain from labelled invoices and human corrections (same auth as the other tasks). */
export function trainRoutes(deps: TrainRouteDeps): Hono {
  const app = new Hono();
  app.use('/tasks/train', taskAuth(deps.auth));
  // The lease is re-entrant for its owner (this instance), so calls within the instance need their own guard.
  let running = false;
  app.post('/tasks/train', async (c) => {
    if (running || !(await deps.lease.acquire())) {
      return c.json({ status: 'busy', message: 'Ya hay un entrenamiento en curso.' }, 409);
    }
    running = true;
    try {
      const outcome = await deps.train();
      deps.logger.info('training finished', { promoted: outcome.promoted, model: outcome.modelVersion });
      return c.json({
        status: 'done',
        promoted: outcome.promoted,
        model: outcome.modelVersion,
        report: outcome.text,
      });
    } finally {
      running = false;
      await deps.lease.release();
    }
  });
  return app;
}
