import type { FileRecord, FileStatus, StateStore } from '../ports/state.ts';
import { OUTCOME_STATUSES } from '../ports/state.ts';
import type { WorkItem } from '../ports/work-dispatcher.ts';
import type { Logger } from '../shared/logger.ts';
import type { WorkQueue } from './work-queue.ts';

/**
 * What became of one pushed message, and the HTTP status that tells Pub/Sub whether to acknowledge it
 * (2xx: an outcome exists, never deliver again) or to deliver it again after its back-off (429, 5xx).
 */
export type PushVerdict =
  /** The file ran and its outcome is recorded. */
  | 'processed'
  | 'review'
  | 'quarantined'
  /** It ran and failed for good (not retryable), or its failure budget is spent: recorded as failed. */
  | 'failed'
  /** An outcome for this content already existed (a duplicate or redelivered message). */
  | 'already_done'
  /** The message names older content than the outcome recorded since it was published. */
  | 'stale'
  /** Not one of our messages (undecodable data): acknowledged so it does not loop, and logged. */
  | 'malformed'
  /** Another run holds the file (another instance, or this one shutting down): deliver it again later. */
  | 'busy'
  /** A retryable failure, recorded: deliver it again later. */
  | 'retry'
  /** A retryable failure on the subscription's last delivery: Pub/Sub moves it to the dead-letter topic. */
  | 'dead_letter';

export const PUSH_VERDICT_STATUS: Record<PushVerdict, 200 | 429 | 500 | 503> = {
  processed: 200,
  review: 200,
  quarantined: 200,
  failed: 200,
  already_done: 200,
  stale: 200,
  malformed: 200,
  busy: 429,
  retry: 503,
  dead_letter: 500,
};

export interface PushedMessage {
  /** Null when the data could not be decoded. */
  item: WorkItem | null;
  messageId: string;
  /** ISO time Pub/Sub accepted the message, when the envelope says. */
  publishTime: string | null;
  /** 1-based; present when the subscription has a dead-letter policy (not sent by the emulator). */
  deliveryAttempt: number | null;
}

export interface ProcessMessageDeps {
  queue: Pick<WorkQueue, 'submit'>;
  state: Pick<StateStore, 'getFile'>;
  logger: Logger;
  /** The subscription's maxDeliveryAttempts. */
  maxDeliveryAttempts: number;
  onVerdict?: (verdict: PushVerdict) => void;
}

/**
 * Runs one pushed file through this instance's queue (bounded concurrency, one run per file id at a time)
 * and the processor's idempotent claim, so duplicate, redelivered and out-of-order messages cost a state
 * read, not a second run.
 */
export async function processPushedMessage(
  deps: ProcessMessageDeps,
  message: PushedMessage,
): Promise<PushVerdict> {
  const verdict = await decide(deps, message);
  deps.onVerdict?.(verdict);
  const level = verdict === 'malformed' || verdict === 'dead_letter' ? 'warn' : 'debug';
  deps.logger[level]('pushed message handled', {
    verdict,
    messageId: message.messageId,
    fileId: message.item?.file.id,
    reason: message.item?.reason,
    deliveryAttempt: message.deliveryAttempt,
  });
  return verdict;
}

async function decide(deps: ProcessMessageDeps, message: PushedMessage): Promise<PushVerdict> {
  const item = message.item;
  if (!item) return 'malformed';
  const record = message.publishTime ? await deps.state.getFile(item.file.id) : null;
  if (isStale(record, message, item)) return 'stale';
  if (item.force && doneSincePublished(record, message, item)) return 'already_done';
  const outcome = await (item.force
    ? deps.queue.submit(item.file, { force: true })
    : deps.queue.submit(item.file));
  switch (outcome.kind) {
    case 'processed':
    case 'review':
    case 'quarantined':
      return outcome.kind;
    case 'skipped':
      if (outcome.reason === 'busy') return 'busy';
      // The hourly sweep republishes what stays in the inbox: its message for a file already dead-lettered
      // once is acknowledged (the record shows the failure), not sent to the dead-letter topic every hour.
      if (item.reason === 'sweep') return 'already_done';
      return (await spentFailureBudget(deps, item)) ? 'dead_letter' : 'already_done';
    case 'failed': {
      if (!outcome.retryable) return 'failed';
      const last = message.deliveryAttempt !== null && message.deliveryAttempt >= deps.maxDeliveryAttempts;
      return last ? 'dead_letter' : 'retry';
    }
  }
}

/**
 * The claim was refused because this content's retryable failures used up the failure budget: acking would
 * drop the message with nothing left to run it, so it is refused until the subscription dead-letters it
 * (where the dashboard and a replay find it).
 */
async function spentFailureBudget(deps: ProcessMessageDeps, item: WorkItem): Promise<boolean> {
  const record = await deps.state.getFile(item.file.id);
  return record?.status === 'failed' && record.md5 === item.file.md5 && record.lastError?.retryable === true;
}

/**
 * A message published before an outcome for different content was recorded is older than that outcome:
 * the change feed published the newer version too, so this one has nothing left to do.
 */
function isStale(record: FileRecord | null, message: PushedMessage, item: WorkItem): boolean {
  if (!message.publishTime || !record) return false;
  if (!OUTCOME_STATUSES.includes(record.status) || record.md5 === item.file.md5) return false;
  return Date.parse(record.updatedAt) > Date.parse(message.publishTime);
}

const DONE: readonly FileStatus[] = ['processed', 'review', 'quarantined'];

/**
 * A forced message (a replay) asks for one run of this content after it was published: an outcome recorded
 * since (its own earlier delivery, another run, or a person's decision on the review screen) is that run, so
 * a redelivery or a duplicate does not run the file again. A failure since does not count: it is retried.
 */
function doneSincePublished(record: FileRecord | null, message: PushedMessage, item: WorkItem): boolean {
  if (!message.publishTime || !record) return false;
  if (!DONE.includes(record.status) || record.md5 !== item.file.md5) return false;
  return Date.parse(record.updatedAt) > Date.parse(message.publishTime);
}
