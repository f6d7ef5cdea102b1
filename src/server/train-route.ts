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
  const busy = () => ({ status: 'busy', message: 'Ya hay un entrenamiento en curso.' }) as const;
  app.post('/tasks/train', async (c) => {
    // Taken before the first await: two calls arriving together must not both get past the check.
    if (running) return c.json(busy(), 409);
    running = true;
    let leased = false;
    try {
      leased = await deps.lease.acquire();
      if (!leased) return c.json(busy(), 409);
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
      if (leased) await deps.lease.release();
    }
  });
  return app;
}
