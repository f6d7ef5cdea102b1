import type { ClaimRequest, FileRecord } from '../../ports/state.ts';
import { INFRASTRUCTURE_ERROR_CODES } from '../../stages/errors.ts';

/**
 * The claim rules of the StateStore port, as one pure function shared by every adapter, so SQLite and
 * Firestore cannot drift apart. Each adapter reads the current record and writes the decision atomically.
 */

export type ClaimRefusal =
  /** An outcome exists for the same content and the request was not forced. */
  | 'outcome_exists'
  /** Someone (the caller included) holds an unexpired lease: a run is underway. */
  | 'leased'
  /** The failure budget (maxAttempts) is spent for this content. */
  | 'attempts_exhausted'
  /** The last failure was not retryable; only a forced claim or new content re-runs it. */
  | 'not_retryable';

export type ClaimDecision =
  | { kind: 'claim'; record: FileRecord }
  | { kind: 'refuse'; reason: ClaimRefusal }
  /** An expired run used the last attempt: the record becomes 'failed' so the feed can move past it. */
  | { kind: 'exhaust'; record: FileRecord };

export const LEASE_EXPIRED_ERROR_CODE = 'lease_expired';

function failedOnInfrastructure(record: FileRecord): boolean {
  return record.lastError?.retryable === true && INFRASTRUCTURE_ERROR_CODES.has(record.lastError.code);
}

export function decideClaim(
  existing: FileRecord | null,
  request: ClaimRequest,
  nowMs: number,
): ClaimDecision {
  const nowIso = new Date(nowMs).toISOString();
  const claimed = (attempts: number, base: FileRecord | null): FileRecord => ({
    fileId: request.fileId,
    name: request.name,
    md5: request.md5,
    status: 'processing',
    attempts,
    lastError: base?.lastError ?? null,
    folder: base?.folder ?? null,
    result: base?.result ?? null,
    leaseOwner: request.owner,
    leaseExpiresAt: nowMs + request.leaseMs,
    createdAt: base?.createdAt ?? nowIso,
    updatedAt: nowIso,
    // A run claimed over a person's decision (forced, or new content) replaces it.
    decision: null,
  });

  if (!existing) return { kind: 'claim', record: claimed(1, null) };

  const sameContent = existing.md5 === request.md5;
  const force = request.force === true;
  const budgetSpent = request.maxAttempts !== undefined && existing.attempts >= request.maxAttempts;

  if (existing.status === 'processing') {
    if (existing.leaseExpiresAt !== null && existing.leaseExpiresAt > nowMs) {
      return { kind: 'refuse', reason: 'leased' };
    }
    if (sameContent && !force && budgetSpent) {
      return {
        kind: 'exhaust',
        record: {
          ...existing,
          status: 'failed',
          lastError: {
            code: LEASE_EXPIRED_ERROR_CODE,
            message: `El procesamiento se interrumpió sin terminar (${existing.attempts} intentos).`,
            retryable: true,
          },
          leaseOwner: null,
          leaseExpiresAt: null,
          updatedAt: nowIso,
        },
      };
    }
  } else if (sameContent && !force) {
    if (existing.status !== 'failed') return { kind: 'refuse', reason: 'outcome_exists' };
    if (existing.lastError?.retryable === false) return { kind: 'refuse', reason: 'not_retryable' };
    if (budgetSpent && !failedOnInfrastructure(existing))
      return { kind: 'refuse', reason: 'attempts_exhausted' };
  }

  // New content starts a fresh failure budget.
  return { kind: 'claim', record: claimed((sameContent ? existing.attempts : 0) + 1, existing) };
}
