/**
 * A counting semaphore, first come first served. `acquire` resolves to this slot's release function (calling
 * it twice releases once); it rejects with the signal's reason when the signal aborts before a slot is free.
 */
export function createSlots(size: number) {
  const total = Math.max(1, size);
  let free = total;
  const waiting: (() => void)[] = [];

  const handOut = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      if (next) next();
      else free++;
    };
  };

  return {
    acquire(signal?: AbortSignal): Promise<() => void> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (free > 0) {
        free--;
        return Promise.resolve(handOut());
      }
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(handOut());
        };
        const onAbort = () => {
          const at = waiting.indexOf(grant);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal?.reason);
        };
        waiting.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    /** Callers waiting for a slot. */
    waiting: () => waiting.length,
    /** Slots handed out and not yet released. */
    inUse: () => total - free,
  };
}
