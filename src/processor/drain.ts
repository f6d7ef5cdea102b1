import PQueue from 'p-queue';
import type { ChangeFeed, DocumentSource, SourceFile } from '../ports/source.ts';
import { OUTCOME_STATUSES, type StateStore } from '../ports/state.ts';
import type { Warehouse } from '../ports/warehouse.ts';
import type { WorkDispatcher } from '../ports/work-dispatcher.ts';
import type { Logger } from '../shared/logger.ts';
import { noticeFiledLocation } from './corrections.ts';
import { dispatchFiles } from './drain-dispatch.ts';
import { sortChanges } from './drain-files.ts';
import { createLeaseKeeper, LeaseLostError } from './drain-lease.ts';
import { isInvalidPageToken, restartFromFreshToken } from './drain-token-reset.ts';
import type { ProcessOutcome } from './processor.ts';
import type { WorkQueue } from './work-queue.ts';

export interface DrainDeps {
  feed: ChangeFeed;
  state: StateStore;
  queue: WorkQueue;
  /**
   * When set, inbox files go through it (Pub/Sub publishes them for every instance) and the page token
   * advances once they are handed over; without it they are settled through `queue` here.
   */
  dispatcher?: WorkDispatcher;
  source: DocumentSource;
  warehouse: Warehouse;
  logger: Logger;
  /** This instance's identity in the 'drain' lease. */
  owner: string;
  /** Lifetime of the 'drain' lease; it is renewed at a third of this while the drain runs. */
  leaseMs?: number;
  /** How long to wait for another instance's drain to finish before giving up this trigger. */
  busyWaitMs?: number;
  /** How long one file may stay without an outcome (another instance holds it) before the drain stops. */
  settleTimeoutMs?: number;
  pollMs?: number;
  /** Bound on pages per drain, so a runaway feed cannot hold the lease forever. */
  maxPages?: number;
  /** Concurrency of the light I/O work (correction checks) done by the drain itself. */
  ioConcurrency?: number;
  /** Called when Drive rejected the saved page token and a fresh one replaced it (metrics). */
  onPageTokenReset?: () => void;
}

export type DrainStatus =
  | 'drained'
  | 'busy'
  | 'lease_lost'
  | 'token_moved'
  /** Drive rejected the saved token: a fresh one was saved and the whole inbox swept. */
  | 'token_reset'
  | 'unsettled'
  | 'stopped'
  | 'error';

export interface DrainSummary {
  status: DrainStatus;
  pages: number;
  changes: number;
  submitted: number;
  corrections: number;
  ignored: number;
  /** The token the next drain starts from (null when this one could not read or write it). */
  pageToken: string | null;
  ms: number;
  error?: string;
  /** With 'token_reset': inbox files the sweep went through. */
  swept?: number;
}

export interface Drainer {
  /** One drain (after any drain already running in this instance; not coalesced). */
  drain(): Promise<DrainSummary>;
  /**
   * Coalesced: starts a drain, or, when one is running, schedules at most one follow-up and returns it.
   * However many triggers arrive, one drain runs and one waits.
   */
  trigger(): Promise<DrainSummary>;
  /** Drains started by this instance since creation (for tests and metrics). */
  readonly started: number;
  /** Resolves when no drain is running or scheduled. */
  idle(): Promise<void>;
  /**
   * Shutdown: no new drains; the running one stops at its next step without advancing the token (the
   * changes are delivered again to whoever drains next). Resolves when it has stopped.
   */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDrainer(deps: DrainDeps): Drainer {
  const leaseMs = deps.leaseMs ?? 60_000;
  const busyWaitMs = deps.busyWaitMs ?? 30_000;
  const settleTimeoutMs = deps.settleTimeoutMs ?? 120_000;
  const pollMs = deps.pollMs ?? 250;
  const maxPages = deps.maxPages ?? 1000;
  const io = new PQueue({ concurrency: deps.ioConcurrency ?? 4 });
  let started = 0;
  let current: Promise<DrainSummary> | null = null;
  let followUp: Promise<DrainSummary> | null = null;
  let closed = false;

  async function acquire(): Promise<boolean> {
    const deadline = Date.now() + busyWaitMs;
    for (;;) {
      if (closed) return false;
      if (await deps.state.acquireLease('drain', deps.owner, leaseMs)) return true;
      if (Date.now() >= deadline) return false;
      await sleep(Math.min(pollMs * 2, 1000));
    }
  }

  /** Submits the file and waits until the state store holds an outcome for it. */
  async function settle(file: SourceFile, deadline: number): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      const outcome: ProcessOutcome = await deps.queue.submit(file);
      if (await hasOutcome(file, outcome)) return true;
      if (closed || Date.now() >= deadline) return false;
      // Another instance holds the file: back off so waiting costs few state-store transactions.
      await sleep(Math.min(2_000, pollMs * 2 ** attempt));
    }
  }

  async function hasOutcome(file: SourceFile, outcome: ProcessOutcome): Promise<boolean> {
    if (outcome.kind === 'skipped') {
      if (outcome.reason === 'done') return true;
    } else if (outcome.kind !== 'failed') {
      return true;
    }
    // A failure, or someone else's run: settled only once the record says so.
    const record = await deps.state.getFile(file.id);
    return record !== null && OUTCOME_STATUSES.includes(record.status);
  }

  // Leases are re-entrant for their owner, so drains within this instance are serialised here.
  let localTail: Promise<unknown> = Promise.resolve();
  function drain(): Promise<DrainSummary> {
    const run = localTail.then(drainOnce, drainOnce);
    localTail = run.catch(() => undefined);
    return run;
  }

  async function drainOnce(): Promise<DrainSummary> {
    started++;
    const began = Date.now();
    const summary: DrainSummary = {
      status: 'drained',
      pages: 0,
      changes: 0,
      submitted: 0,
      corrections: 0,
      ignored: 0,
      pageToken: null,
      ms: 0,
    };
    const finish = (status: DrainStatus, error?: string): DrainSummary => {
      summary.status = status;
      summary.ms = Date.now() - began;
      if (error) summary.error = error;
      const level = status === 'drained' ? 'info' : status === 'busy' ? 'debug' : 'warn';
      deps.logger[level]('drain finished', { ...summary });
      return summary;
    };

    if (closed) return finish('stopped');
    if (!(await acquire())) return finish(closed ? 'stopped' : 'busy');
    const lease = createLeaseKeeper({ state: deps.state, name: 'drain', owner: deps.owner, leaseMs });
    try {
      let token = await deps.state.getPageToken();
      if (token === null) {
        const start = await deps.feed.getStartPageToken();
        if (!(await deps.state.setPageToken(null, start))) return finish('token_moved');
        token = start;
      }
      summary.pageToken = token;
      for (let page = 0; page < maxPages; page++) {
        lease.check();
        let changes: Awaited<ReturnType<ChangeFeed['listChanges']>>;
        try {
          changes = await deps.feed.listChanges(token);
        } catch (error) {
          if (!isInvalidPageToken(error)) throw error;
          const reset = await restartFromFreshToken(deps, token);
          if (!reset) return finish('token_moved');
          summary.pageToken = reset.token;
          summary.swept = reset.sweep.inbox;
          return finish('token_reset');
        }
        summary.pages++;
        summary.changes += changes.changes.length;
        const sorted = sortChanges(changes.changes);
        summary.ignored += sorted.ignored;
        summary.submitted += sorted.inbox.length;

        const deadline = Date.now() + settleTimeoutMs;
        const settled = deps.dispatcher
          ? await dispatchFiles(deps.dispatcher, sorted.inbox, deadline)
          : await Promise.all(sorted.inbox.map((file) => settle(file, deadline)));
        const verdicts = await Promise.all(
          sorted.filed.map((file) => io.add(() => noticeFiledLocation(file, deps))),
        );
        summary.corrections += verdicts.filter((v) => v === 'correction').length;
        // Edited after it was filed (new md5): read again; loading replaces its warehouse rows.
        const edited = sorted.filed.filter((_, i) => verdicts[i] === 'edited');
        summary.submitted += edited.length;
        const reread = deps.dispatcher
          ? await dispatchFiles(deps.dispatcher, edited, deadline)
          : await Promise.all(edited.map((file) => settle(file, deadline)));
        if (sorted.deleted.length > 0) await deps.warehouse.markDeleted(sorted.deleted, new Date());
        if (closed) return finish('stopped');
        if (settled.includes(false) || reread.includes(false)) return finish('unsettled');

        lease.check();
        const next = changes.nextPageToken ?? changes.newStartPageToken;
        if (!next) return finish('error', 'change page without a next or new start token');
        if (!(await deps.state.setPageToken(token, next))) return finish('token_moved');
        token = next;
        summary.pageToken = token;
        if (!changes.nextPageToken) return finish('drained');
      }
      return finish('drained');
    } catch (error) {
      if (error instanceof LeaseLostError) return finish('lease_lost');
      return finish('error', error instanceof Error ? error.message : String(error));
    } finally {
      await lease.stop();
    }
  }

  function trigger(): Promise<DrainSummary> {
    if (closed) return drain();
    if (!current) {
      current = drain().finally(() => {
        current = null;
      });
      return current;
    }
    if (!followUp) {
      followUp = current
        .catch(() => undefined)
        .then(() => {
          followUp = null;
          return trigger();
        });
    }
    return followUp;
  }

  return {
    drain,
    trigger,
    get started() {
      return started;
    },
    async idle() {
      while (current || followUp) await (followUp ?? current)?.catch(() => undefined);
    },
    async close() {
      closed = true;
      await localTail;
    },
  };
}
