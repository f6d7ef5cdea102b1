import type { ProcessOutcome } from './process-outcome.ts';
import type { SourceFile } from './source.ts';

/**
 * Port: how a file that needs processing reaches a worker. Embedded, the worker is this instance's queue;
 * on Cloud Run with DISPATCH=pubsub it is whichever instance Pub/Sub pushes the file's message to
 * (POST /tasks/process), so the work spreads over every instance instead of the one that read the feed.
 */

/** What the embedded dispatcher runs files on: this instance's bounded queue (src/processor/work-queue.ts). */
export interface LocalRunner {
  submit(file: SourceFile, options?: { force?: boolean }): Promise<ProcessOutcome>;
}

/** Why a file was dispatched (kept on the message for logs and metrics). */
export const DISPATCH_REASONS = ['change', 'sweep', 'replay', 'backfill'] as const;
export type DispatchReason = (typeof DISPATCH_REASONS)[number];

export interface WorkItem {
  /**
   * The file as the dispatcher's caller saw it (id, md5 or version, name, location...). The source has no
   * get-by-id, so the worker runs from this snapshot; the claim is keyed by id + md5.
   */
  file: SourceFile;
  reason: DispatchReason;
  /**
   * Re-run even when an outcome exists for the same content (a replay). A pushed forced message is done by
   * any outcome recorded after it was published, so its redeliveries do not run the file again.
   */
  force?: boolean;
}

export interface DispatchReceipt {
  /** Items durably handed over: published (Pub/Sub) or settled with a recorded outcome (in-process). */
  handedOver: number;
  /** File ids not handed over before the deadline (in-process: another instance still holds them). */
  pending: string[];
}

export interface DispatchOptions {
  /** In-process: when to stop waiting for files another instance holds (now: one attempt each). */
  deadline?: number;
  /** In-process: how many of these items run here at once (the queue's own bound still applies). */
  concurrency?: number;
  /**
   * Called once per item that ran on this instance, with its last attempt's outcome. A dispatcher that hands
   * items to other instances (Pub/Sub) never calls it: what it handed over was published, not run.
   */
  onOutcome?: (item: WorkItem, outcome: ProcessOutcome) => void;
}

export interface WorkDispatcher {
  readonly kind: 'inprocess' | 'pubsub';
  /**
   * Hands every item over and resolves once each is durable: for Pub/Sub, published (the topic keeps it
   * until a worker acknowledges an outcome); in-process, processed with an outcome in the state store,
   * since a queue in memory dies with the instance. Throws when the transport refuses a batch: the caller
   * must then assume nothing of that call was handed over (and not advance any cursor past it).
   */
  dispatch(items: readonly WorkItem[], options?: DispatchOptions): Promise<DispatchReceipt>;
}
