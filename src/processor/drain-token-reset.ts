import { createInProcessDispatcher } from '../adapters/dispatch/in-process.ts';
import type { ChangeFeed, DocumentSource } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';
import type { Warehouse } from '../ports/warehouse.ts';
import type { WorkDispatcher } from '../ports/work-dispatcher.ts';
import type { Logger } from '../shared/logger.ts';
import { StageError } from '../stages/errors.ts';
import { type ReconcileSummary, reconcile } from './reconcile.ts';
import type { WorkQueue } from './work-queue.ts';

/** changes.list refused the saved token (Drive answers 400, 404 or 410; see the Drive feed). */
export function isInvalidPageToken(error: unknown): boolean {
  return error instanceof StageError && error.code === 'invalid_page_token';
}

export interface TokenReset {
  /** The fresh start token now saved. */
  token: string;
  sweep: ReconcileSummary;
}

/**
 * Recovery from a page token Drive no longer accepts: the changes since it are lost to the feed, so a fresh
 * start token is saved first (compare-and-set on the rejected one) and then the whole inbox is swept, which
 * catches every file the lost changes named and any that arrived meanwhile. Null when another instance moved
 * the token first (it recovers instead).
 */
export async function restartFromFreshToken(
  deps: {
    feed: ChangeFeed;
    state: StateStore;
    queue: WorkQueue;
    /** The drain's dispatcher (Pub/Sub); without one the sweep runs on `queue`. */
    dispatcher?: WorkDispatcher;
    source: DocumentSource;
    warehouse: Warehouse;
    logger: Logger;
    onPageTokenReset?: () => void;
  },
  rejected: string,
): Promise<TokenReset | null> {
  const token = await deps.feed.getStartPageToken();
  if (!(await deps.state.setPageToken(rejected, token))) return null;
  deps.onPageTokenReset?.();
  deps.logger.warn(
    'Drive rechazó el token de cambios: se empieza de un token nuevo y se revisa toda la bandeja',
    {
      rejected,
      token,
    },
  );
  const dispatcher = deps.dispatcher ?? createInProcessDispatcher({ queue: deps.queue, state: deps.state });
  const sweep = await reconcile({ ...deps, dispatcher });
  return { token, sweep };
}
