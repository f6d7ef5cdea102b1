import type { SourceFile } from './source.ts';

/**
 * Port: how a file that needs processing reaches a worker. Embedded, the worker is this instance's queue;
 * on Cloud Run with DISPATCH=pubsub it is whichever instance Pub/Sub pushes the file's message to
 * (POST /tasks/process), so the work spreads over every instance instead of the one that read the feed.
 */

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
}

export interface DispatchReceipt {
  /** Items durably handed over: published (Pub/Sub) or settled with a recorded outcome (in-process). */
  handedOver: number;
  /** File ids not handed over before the deadline (in-process: another instance still holds them). */
  pending: string[];
}

export interface WorkDispatcher {
  readonly kind: 'inprocess' | 'pubsub';
  /**
   * Hands every item over and resolves once each is durable: for Pub/Sub, published (the topic keeps it
   * until a worker acknowledges an outcome); in-process, processed with an outcome in the state store,
   * since a queue in memory dies with the instance. Throws when the transport refuses a batch: the caller
   * must then assume nothing of that call was handed over (and not advance any cursor past it).
   */
  dispatch(items: readonly WorkItem[], options?: { deadline?: number }): Promise<DispatchReceipt>;
}
