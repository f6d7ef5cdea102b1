import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Two loaders writing the same invoice collide in ways each database reports differently: a unique-key
 * violation when both insert a new row at once, a deadlock or serialization failure, or SQLITE_BUSY. All of
 * them mean "run the whole transaction again"; the second run finds the row and updates it under its lock.
 */

interface DriverError {
  code?: unknown;
  errno?: unknown;
  number?: unknown;
}

const PG_RETRY = new Set(['40001', '40P01', '23505', '55P03']);
const MYSQL_RETRY = new Set([1213, 1205, 1062]);
const MSSQL_RETRY = new Set([1205, 2627, 2601, 3960]);
const SQLITE_RETRY = new Set([
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_LOCKED',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'SQLITE_CONSTRAINT_UNIQUE',
]);

export function isTransientConflict(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, errno, number } = e as DriverError;
    if (typeof code === 'string' && (PG_RETRY.has(code) || SQLITE_RETRY.has(code))) return true;
    if (typeof errno === 'number' && MYSQL_RETRY.has(errno)) return true;
    if (typeof number === 'number' && MSSQL_RETRY.has(number)) return true;
  }
  return false;
}

/** Connection-level failures: the database is down or unreachable, worth retrying later. */
export function isConnectionFailure(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code } = e as DriverError;
    if (
      typeof code === 'string' &&
      [
        'ECONNREFUSED',
        'ECONNRESET',
        'ETIMEDOUT',
        'ENOTFOUND',
        'EPIPE',
        'ESOCKET',
        'ETIMEOUT',
        '57P01',
      ].includes(code)
    ) {
      return true;
    }
  }
  return false;
}

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  onRetry?: (attempt: number, error: unknown) => void;
}

export async function withConflictRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 12;
  const base = options.baseDelayMs ?? 10;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) throw error;
      options.onRetry?.(attempt, error);
      // Full jitter, capped: conflicting loaders should not retry in lockstep.
      await sleep(Math.random() * Math.min(1000, base * 2 ** attempt));
    }
  }
}
