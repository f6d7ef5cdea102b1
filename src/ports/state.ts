import type { ClassCode, InvoiceResult } from '../contract/result.ts';
import type { TargetFolder, WatchChannel } from './source.ts';

/** Port: the service's own durable state (Firestore in production, SQLite embedded). */

export type FileStatus = 'processing' | 'processed' | 'review' | 'quarantined' | 'failed';
/** Statuses that count as an outcome: the page token may advance past a file that has one. */
export const OUTCOME_STATUSES: readonly FileStatus[] = ['processed', 'review', 'quarantined', 'failed'];

export interface FileError {
  code: string;
  message: string;
  retryable: boolean;
}

export interface FileRecord {
  fileId: string;
  name: string;
  md5: string | null;
  status: FileStatus;
  attempts: number;
  lastError: FileError | null;
  /** Where we filed it; lets the change feed recognise our own moves and a person's corrections. */
  folder: TargetFolder | null;
  /** The contract object of the last completed run. */
  result: InvoiceResult | null;
  leaseOwner: string | null;
  /** Epoch milliseconds. */
  leaseExpiresAt: number | null;
  createdAt: string;
  updatedAt: string;
  /**
   * What a person decided on the review screen, which the status and folder now reflect; cleared when a run
   * is claimed again (only a forced re-run or new content gets one). Absent in records written before.
   */
  decision?: HumanDecision | null;
}

/** A person's decision on a file (the review screen): confirmed into its class folder, or sent to Cuarentena. */
export interface HumanDecision {
  action: 'confirmed' | 'quarantined';
  /** Who decided (the authenticated reviewer). */
  by: string;
  /** ISO timestamp. */
  at: string;
}

export interface ClaimRequest {
  fileId: string;
  name: string;
  md5: string | null;
  owner: string;
  leaseMs: number;
  /** Re-run even when an outcome for the same md5 exists (replay). */
  force?: boolean;
  /** Give up on failed files after this many attempts (they stay 'failed'). */
  maxAttempts?: number;
}

export interface HumanLabel {
  fileId: string;
  class: ClassCode;
  /** The class the model gave, null if it abstained. */
  previousClass: ClassCode | null;
  at: string;
}

export interface FileQuery {
  statuses?: FileStatus[];
  /** ISO timestamp: updated at or after. */
  since?: string;
  limit?: number;
}

export interface StateStore {
  /**
   * Claims a file for processing, atomically. Returns the claimed record (status 'processing', attempts + 1),
   * or null when it must not be processed now: an outcome exists for the same md5 (unless forced), the
   * failure budget is spent, or another owner holds an unexpired lease.
   *
   * Details every adapter follows (src/adapters/state/claim-policy.ts): any unexpired lease blocks, the
   * caller's own included (two tasks of one instance must not both run; `force` never breaks a lease); an
   * expired lease is taken over, which is how a crashed instance's work gets picked up; a changed md5 is new
   * content and starts a fresh budget (attempts = 1); a failure with `retryable: false` is re-run only when
   * forced or changed; when an expired run had used the last of `maxAttempts`, the record becomes 'failed'
   * (code 'lease_expired') and null is returned, so the feed can move past a file that keeps crashing us.
   */
  claimFile(request: ClaimRequest): Promise<FileRecord | null>;
  /**
   * Records an outcome; only the lease owner may. Returns false when the lease was lost (someone took it
   * over, or the file is no longer 'processing'). A late owner whose lease expired still succeeds if nobody
   * took over. Clears lastError and the lease.
   */
  completeFile(
    fileId: string,
    owner: string,
    outcome: {
      status: Exclude<FileStatus, 'processing' | 'failed'>;
      folder: TargetFolder | null;
      result: InvoiceResult;
    },
  ): Promise<boolean>;
  failFile(fileId: string, owner: string, error: FileError): Promise<boolean>;
  /**
   * Heartbeat of a running file: extends `owner`'s lease to now + leaseMs while the file is still
   * 'processing' under that owner (a late owner whose lease expired renews too if nobody took over). False
   * when the lease is lost: the caller must stop before writing anything shared.
   */
  renewFileLease(fileId: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Updates where a file now lives (a person moved it). */
  setFolder(fileId: string, folder: TargetFolder | null): Promise<void>;
  /**
   * Records a person's decision on the review screen: the file's outcome becomes `status` ('processed' when
   * confirmed, 'quarantined'), it lives in `folder`, and `decision` says who and when. The decision outranks
   * a run in flight: its lease is dropped, so that run can no longer complete over it. Afterwards an unforced
   * claim of the same content is refused like any outcome, and replays skip the file unless told to force
   * (src/processor/replay.ts). False when there is no record of the file.
   */
  recordDecision(
    fileId: string,
    decision: HumanDecision & { status: 'processed' | 'quarantined'; folder: TargetFolder | null },
  ): Promise<boolean>;
  getFile(fileId: string): Promise<FileRecord | null>;
  /** Newest first (by updatedAt). */
  listFiles(query?: FileQuery): Promise<FileRecord[]>;

  getPageToken(): Promise<string | null>;
  /** Compare-and-set: writes `next` only if the stored token is still `expected`. */
  setPageToken(expected: string | null, next: string): Promise<boolean>;

  /** A named resumable position (e.g. a backfill's last dispatched file id); null when none is kept. */
  getCursor(name: string): Promise<string | null>;
  /** Stores the position, or clears it with null. */
  setCursor(name: string, value: string | null): Promise<void>;

  /**
   * A named mutual-exclusion lease with expiry (e.g. 'drain', 'hourly'). Re-entrant: the holder acquiring
   * again extends it to now + ttlMs. Expiry is judged by the caller's clock.
   */
  acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;

  /** Upsert by channel id. */
  saveChannel(channel: WatchChannel): Promise<void>;
  /** Soonest expiration first. */
  listChannels(): Promise<WatchChannel[]>;
  deleteChannel(id: string): Promise<void>;

  /** One label per file: a later correction of the same file replaces the earlier one. */
  recordHumanLabel(label: HumanLabel): Promise<void>;
  /** Oldest first (by `at`). */
  listHumanLabels(): Promise<HumanLabel[]>;

  close(): Promise<void>;
}
