import { StageError } from '../../stages/errors.ts';

/** gRPC status codes Firestore answers while it is down, overloaded or slow: worth retrying later. */
const OUTAGE_CODES: ReadonlyMap<number, string> = new Map([
  [4, 'DEADLINE_EXCEEDED'],
  [8, 'RESOURCE_EXHAUSTED'],
  [14, 'UNAVAILABLE'],
]);
const OUTAGE_NAMES: ReadonlySet<string> = new Set(OUTAGE_CODES.values());

/** Whether a Firestore client error is an outage (the service), not a fault of the request or the data. */
export function isFirestoreOutage(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') return OUTAGE_CODES.has(code);
  return typeof code === 'string' && OUTAGE_NAMES.has(code);
}

/** An outage becomes the retryable `state_unavailable` (an infrastructure code: it uses no attempts). */
export function toStateError(error: unknown): unknown {
  if (!isFirestoreOutage(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StageError('state_unavailable', `Firestore no responde: ${message}`, {
    retryable: true,
    cause: error,
  });
}

/** The same object with every async method's Firestore outages rethrown as `state_unavailable`. */
export function classifyOutages<T extends object>(target: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    wrapped[key] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (value as (...a: unknown[]) => Promise<unknown>)(...args);
            } catch (error) {
              throw toStateError(error);
            }
          }
        : value;
  }
  return wrapped as T;
}
