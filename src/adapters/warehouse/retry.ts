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

/** Driver codes of a database that is down, restarting, full or unreachable (pg, mysql2, tedious, sockets). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  // tedious / mssql
  'ESOCKET',
  'ETIMEOUT',
  'ECLOSE',
  'ECONNCLOSED',
  'ENOTOPEN',
  'EINSTLOOKUP',
  // mysql2
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  // PostgreSQL: admin/crash shutdown, cannot connect now (starting up), too many connections, connection exceptions
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
/** mysql2 errnos: too many connections, server shutdown, gone away, lost during query. */
const MYSQL_CONNECTION_ERRNOS = new Set([1040, 1053, 2006, 2013]);
/** What drivers say, without a code, when the connection died or the pool could not get one. */
const CONNECTION_MESSAGE =
  /connection terminated|connection lost|socket hang up|server closed the connection|client has encountered a connection error|timeout exceeded when trying to connect|timeout acquiring a connection|resourcerequest timed out|connection is closed|failed to connect to/i;

/**
 * Connection-level failures: the database is down, restarting or unreachable, or its pool could not hand out a
 * connection. Worth retrying later, however long the outage: the file itself is fine.
 */
export function isConnectionFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const e = pending.pop();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { code, errno, message, cause, errors } = e as DriverError & {
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (typeof errno === 'number' && MYSQL_CONNECTION_ERRNOS.has(errno)) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) return true;
    pending.push(cause);
    // Node's dual-stack connect fails with an AggregateError holding one ECONNREFUSED per address.
    if (Array.isArray(errors)) pending.push(...errors);
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
