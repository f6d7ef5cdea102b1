import type { drive_v3 } from 'googleapis';
import type { Logger } from '../../../shared/logger.ts';
import { DRIVE_ERROR_CODES, toDriveStageError } from './errors.ts';
import { type RetryPolicy, withRetry } from './retry.ts';

/** Per-request options for googleapis (a subset of its MethodOptions, which extends GaxiosOptions). */
export interface CallOptions {
  timeout?: number;
  /** Always false: gaxios' own retries would stack on ours and retry non-idempotent calls blindly. */
  retry: false;
  rootUrl?: string;
  signal?: AbortSignal;
}

/** What every piece of the Drive adapter shares: the client, its limits and the retrying call. */
export interface DriveContext {
  drive: drive_v3.Drive;
  logger: Logger;
  retry: RetryPolicy;
  timeoutMs: number;
  downloadTimeoutMs: number;
  sharedDriveId: string | null;
  /** Options for one request: timeout, no gaxios retry, and the API root (uploads ignore the client's). */
  options(extra?: { timeout?: number; signal?: AbortSignal }): CallOptions;
  /**
   * Runs `attempt` under the retry policy and returns its value; failures come out as StageErrors
   * (retryable ones with `retryCode`).
   */
  call<T>(operation: string, attempt: (options: CallOptions) => Promise<T>, retryCode?: string): Promise<T>;
}

export function createDriveContext(input: {
  drive: drive_v3.Drive;
  logger: Logger;
  retry: RetryPolicy;
  timeoutMs: number;
  downloadTimeoutMs: number;
  sharedDriveId: string | null;
  apiRoot: string | null;
}): DriveContext {
  const options = (extra: { timeout?: number; signal?: AbortSignal } = {}): CallOptions => ({
    timeout: extra.timeout ?? input.timeoutMs,
    retry: false,
    ...(input.apiRoot ? { rootUrl: input.apiRoot } : {}),
    ...(extra.signal ? { signal: extra.signal } : {}),
  });
  return {
    ...input,
    options,
    async call(operation, attempt, retryCode = DRIVE_ERROR_CODES.unavailable) {
      try {
        return await withRetry(operation, input.retry, input.logger, () => attempt(options()));
      } catch (error) {
        throw toDriveStageError(operation, error, retryCode);
      }
    },
  };
}

/** Drive's query string literal: backslash and single quote escaped (design: folder names are user text). */
export function quoteQueryValue(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
