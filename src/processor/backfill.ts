import PQueue from 'p-queue';
import type { DocumentSource, SourceFile } from '../ports/source.ts';
import { TARGET_FOLDERS } from '../ports/source.ts';
import { OUTCOME_STATUSES, type StateStore } from '../ports/state.ts';
import type { WorkDispatcher } from '../ports/work-dispatcher.ts';
import type { Logger } from '../shared/logger.ts';
import { isInboxCandidate } from './drain-files.ts';
import { createLeaseKeeper, LeaseLostError } from './drain-lease.ts';

export const BACKFILL_CURSOR = 'backfill';

export interface BackfillDeps {
  source: DocumentSource;
  state: StateStore;
  dispatcher: WorkDispatcher;
  logger: Logger;
  /** This instance's identity in the 'backfill' lease. */
  owner: string;
  /** Files looked at, then dispatched, per step; the cursor moves after each step. */
  batchSize?: number;
  /** State reads in flight while looking for files without an outcome. */
  readConcurrency?: number;
  leaseMs?: number;
  /** Files left to look at (after the cursor), once listed. */
  onListed?: (remaining: number) => void;
  /** Files looked at in the last step. */
  onProgress?: (done: number) => void;
}

export interface BackfillSummary {
  status: 'done' | 'busy' | 'lease_lost';
  /** Files in the inbox and the class folders. */
  listed: number;
  /** The cursor this run started after (null: from the beginning). */
  resumedAfter: string | null;
  /** Looked at by this run. */
  examined: number;
  withOutcome: number;
  dispatched: number;
  /** In-process only: files another instance still held when their step ended. */
  pending: string[];
  ms: number;
}

/**
 * Sends every file of the inbox and the class folders that has no outcome to the dispatcher (Pub/Sub: one
 * message each for every instance to share; in-process: this instance's queue), in file-id order, keeping
 * the last id of each finished step as a cursor in the state store. An interrupted backfill resumes after
 * it; a finished one clears it. One backfill at a time across instances (the 'backfill' lease).
 */
export async function backfill(
  deps: BackfillDeps,
  options: { restart?: boolean } = {},
): Promise<BackfillSummary> {
  const began = Date.now();
  const leaseMs = deps.leaseMs ?? 60_000;
  const summary: BackfillSummary = {
    status: 'done',
    listed: 0,
    resumedAfter: null,
    examined: 0,
    withOutcome: 0,
    dispatched: 0,
    pending: [],
    ms: 0,
  };
  if (!(await deps.state.acquireLease('backfill', deps.owner, leaseMs))) {
    summary.status = 'busy';
    summary.ms = Date.now() - began;
    return summary;
  }
  const lease = createLeaseKeeper({ state: deps.state, name: 'backfill', owner: deps.owner, leaseMs });
  try {
    if (options.restart) await deps.state.setCursor(BACKFILL_CURSOR, null);
    const cursor = await deps.state.getCursor(BACKFILL_CURSOR);
    summary.resumedAfter = cursor;
    const files = await listEverything(deps.source);
    summary.listed = files.length;
    const remaining = cursor === null ? files : files.filter((file) => file.id > cursor);
    deps.onListed?.(remaining.length);
    const batchSize = deps.batchSize ?? 200;
    const reads = new PQueue({ concurrency: deps.readConcurrency ?? 8 });
    for (let i = 0; i < remaining.length; i += batchSize) {
      lease.check();
      const batch = remaining.slice(i, i + batchSize);
      const known = await Promise.all(batch.map((file) => reads.add(() => hasOutcome(deps.state, file.id))));
      const todo = batch.filter((_, index) => !known[index]);
      summary.withOutcome += batch.length - todo.length;
      if (todo.length > 0) {
        const receipt = await deps.dispatcher.dispatch(todo.map((file) => ({ file, reason: 'backfill' })));
        summary.dispatched += receipt.handedOver;
        summary.pending.push(...receipt.pending);
      }
      lease.check();
      await deps.state.setCursor(BACKFILL_CURSOR, batch.at(-1)!.id);
      summary.examined += batch.length;
      deps.onProgress?.(batch.length);
    }
    await deps.state.setCursor(BACKFILL_CURSOR, null);
  } catch (error) {
    if (!(error instanceof LeaseLostError)) throw error;
    summary.status = 'lease_lost';
  } finally {
    await lease.stop();
    summary.ms = Date.now() - began;
  }
  deps.logger.info('backfill finished', { ...summary, pending: summary.pending.length });
  return summary;
}

/** Inbox and class folders, one entry per file id, in id order (the cursor's order). */
async function listEverything(source: DocumentSource): Promise<SourceFile[]> {
  const lists = await Promise.all([source.listInbox(), ...TARGET_FOLDERS.map((f) => source.listFolder(f))]);
  const byId = new Map<string, SourceFile>();
  for (const file of lists.flat()) if (isInboxCandidate(file) && !byId.has(file.id)) byId.set(file.id, file);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function hasOutcome(state: StateStore, fileId: string): Promise<boolean> {
  const record = await state.getFile(fileId);
  return record !== null && OUTCOME_STATUSES.includes(record.status);
}
