import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../../shared/logger.ts';
import { describeFailure, retryAfterMs } from './errors.ts';

export interface RetryPolicy {
  /** Tries in all, including the first. */
  attempts: number;
  baseMs: number;
  /** No single wait is longer than this (the "truncated" in truncated exponential backoff). */
  capMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<unknown>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseMs: 500,
  capMs: 32_000,
  random: Math.random,
  sleep: (ms) => sleep(ms),
};

/** Full jitter: a uniform wait in [0, min(cap, base·2^retry)) — spreads instances that failed together. */
export function backoffMs(policy: RetryPolicy, retry: number): number {
  return Math.floor(policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** retry));
}

/**
 * Runs `attempt` until it succeeds, fails with something not worth retrying, or runs out of attempts;
 * then rethrows the last error as is (the caller maps it). Retries 429, 403 rate limits, 408, 5xx, network
 * errors, timeouts and retryable StageErrors. A Retry-After header raises the wait (still capped).
 */
export async function withRetry<T>(
  operation: string,
  policy: RetryPolicy,
  logger: Logger,
  attempt: (attemptNumber: number) => Promise<T>,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      const failure = describeFailure(error);
      if (!failure.retryable || attemptNumber >= policy.attempts) throw error;
      const waitMs = Math.min(
        policy.capMs,
        Math.max(backoffMs(policy, attemptNumber - 1), retryAfterMs(error) ?? 0),
      );
      logger.warn('drive call failed, retrying', {
        operation,
        attempt: attemptNumber,
        status: failure.status,
        reason: failure.reason,
        timeout: failure.timeout,
        waitMs,
      });
      await policy.sleep(waitMs);
    }
  }
}
