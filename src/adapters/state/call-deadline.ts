import { StageError } from '../../stages/errors.ts';

export interface CallDeadlines {
  /** Milliseconds any call may take before it is abandoned as `state_unavailable`. */
  defaultMs: number;
  /** Longer bounds for named methods (listings that read many documents). */
  perMethod?: Readonly<Record<string, number>>;
  /** Methods left unbounded (close: it must finish tearing the client down). */
  unbounded?: readonly string[];
  /** Receives every underlying call while it runs, abandoned ones included (to await them before closing). */
  inFlight?: Set<Promise<unknown>>;
}

/**
 * The same object with every async method bounded by a deadline: when the store gives no answer in time the
 * call rejects with the retryable `state_unavailable` instead of waiting on the client's own retries (the
 * Firestore client keeps retrying UNAVAILABLE with back-off for many seconds, and a transaction up to its
 * attempt count). The abandoned call may still land later; every write of the store is either idempotent or
 * guarded by a lease, so a late landing is harmless.
 */
export function withCallDeadlines<T extends object>(target: T, deadlines: CallDeadlines): T {
  const unbounded = new Set(deadlines.unbounded ?? []);
  const wrapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    if (typeof value !== 'function' || unbounded.has(key)) {
      wrapped[key] = value;
      continue;
    }
    const ms = deadlines.perMethod?.[key] ?? deadlines.defaultMs;
    wrapped[key] = (...args: unknown[]) =>
      withinDeadline(
        () => track((value as (...a: unknown[]) => Promise<unknown>)(...args), deadlines.inFlight),
        ms,
        key,
      );
  }
  return wrapped as T;
}

function track<R>(call: Promise<R>, inFlight: Set<Promise<unknown>> | undefined): Promise<R> {
  if (!inFlight) return call;
  const settled = call.then(
    () => undefined,
    () => undefined,
  );
  inFlight.add(settled);
  void settled.then(() => inFlight.delete(settled));
  return call;
}

/** Waits until every tracked call has settled, or `maxMs` passed. */
export async function settleInFlight(inFlight: Set<Promise<unknown>>, maxMs: number): Promise<void> {
  if (inFlight.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...inFlight]),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxMs);
    }),
  ]);
  clearTimeout(timer);
}

function withinDeadline<R>(call: () => Promise<R>, ms: number, method: string): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new StageError('state_unavailable', `El almacén de estado no respondió en ${ms} ms (${method})`, {
            retryable: true,
          }),
        ),
      ms,
    );
    call().then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
