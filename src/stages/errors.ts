import type { ErrorCode } from '../contract/result.ts';

/**
 * An error a stage raises on purpose. `retryable` errors (network, rate limits, a lost lease) are retried by
 * the runner and, if they persist, leave the file in the inbox for the hourly sweep; `quarantine` errors mean
 * the input itself is bad: the file goes to Cuarentena with its reason and the pipeline goes on.
 */
export class StageError extends Error {
  readonly code: ErrorCode | string;
  readonly retryable: boolean;
  readonly quarantine: boolean;

  constructor(
    code: ErrorCode | string,
    message: string,
    options: { retryable?: boolean; quarantine?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'StageError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.quarantine = options.quarantine ?? false;
  }
}

/**
 * Failures of the services around a file (the warehouse, Drive, the state store), not of the file itself: an
 * outage of hours must not use up its attempts, so these are retried by every sweep until the service is back.
 */
export const INFRASTRUCTURE_ERROR_CODES: ReadonlySet<string> = new Set([
  'warehouse_unavailable',
  'drive_unavailable',
  'download_failed',
  'state_unavailable',
]);

export function quarantine(code: ErrorCode, message: string, cause?: unknown): StageError {
  return new StageError(code, message, { quarantine: true, cause });
}

export function retryable(code: string, message: string, cause?: unknown): StageError {
  return new StageError(code, message, { retryable: true, cause });
}

/** Anything a stage throws, as a StageError (unknown errors are internal and not retryable). */
export function toStageError(error: unknown): StageError {
  if (error instanceof StageError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StageError('internal', message, { cause: error });
}
