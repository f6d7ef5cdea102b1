import type { ChangeFeed, DocumentSource } from '../ports/source.ts';
import type { StateStore } from '../ports/state.ts';
import type { Warehouse } from '../ports/warehouse.ts';
import type { WorkDispatcher } from '../ports/work-dispatcher.ts';
import type { Drainer, DrainSummary } from '../processor/drain.ts';
import { createLeaseKeeper } from '../processor/drain-lease.ts';
import { type ReconcileSummary, reconcile } from '../processor/reconcile.ts';
import type { Logger } from '../shared/logger.ts';
import { type RenewalSettings, type RenewalSummary, renewChannel } from './renew-channel.ts';

export interface HourlyDeps {
  source: DocumentSource;
  /** Drive only; without it the task is a sweep. */
  feed: ChangeFeed | null;
  drainer: Drainer | null;
  state: StateStore;
  /** Where the sweep hands files: this instance's queue, or Pub/Sub for every instance. */
  dispatcher: WorkDispatcher;
  warehouse: Warehouse;
  logger: Logger;
  owner: string;
  /** Null when WEBHOOK_URL / CHANNEL_TOKEN are not set: no channel is kept. */
  renewal: RenewalSettings | null;
  leaseMs?: number;
}

export interface HourlySummary {
  status: 'done' | 'busy' | 'partial';
  renewal: RenewalSummary | { error: string } | null;
  drain: DrainSummary | null;
  reconcile: ReconcileSummary | { error: string } | null;
  ms: number;
}

/**
 * Cloud Scheduler's hourly job: keep the push channel alive, drain the change feed, then sweep the inbox
 * for anything the feed missed and retry retryable failures. The 'hourly' lease makes overlapping calls
 * (a retry while the first still runs, two instances) safe: the second answers 'busy' and does nothing.
 * Each step runs even when an earlier one failed: a Drive hiccup in renewal must not stop the sweep.
 */
export async function runHourly(deps: HourlyDeps): Promise<HourlySummary> {
  const began = Date.now();
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const summary: HourlySummary = { status: 'done', renewal: null, drain: null, reconcile: null, ms: 0 };
  if (!(await deps.state.acquireLease('hourly', deps.owner, leaseMs))) {
    summary.status = 'busy';
    summary.ms = Date.now() - began;
    return summary;
  }
  const lease = createLeaseKeeper({ state: deps.state, name: 'hourly', owner: deps.owner, leaseMs });
  try {
    if (deps.feed && deps.renewal) {
      summary.renewal = await renewChannel({
        feed: deps.feed,
        state: deps.state,
        logger: deps.logger,
        settings: deps.renewal,
      }).catch((error: unknown) => ({ error: messageOf(error) }));
    }
    if (deps.drainer) summary.drain = await deps.drainer.drain();
    summary.reconcile = await reconcile(deps).catch((error: unknown) => ({ error: messageOf(error) }));
    const failed =
      (summary.renewal !== null && 'error' in summary.renewal) ||
      (summary.drain !== null && summary.drain.status === 'error') ||
      (summary.reconcile !== null && 'error' in summary.reconcile);
    if (failed) summary.status = 'partial';
  } finally {
    await lease.stop();
    summary.ms = Date.now() - began;
  }
  deps.logger.info('hourly task finished', { status: summary.status, ms: summary.ms });
  return summary;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
