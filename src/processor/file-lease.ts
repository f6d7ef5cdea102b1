import type { StateStore } from '../ports/state.ts';

export interface FileLeaseHeartbeat {
  /** Aborted once the lease is lost (taken over, or not renewed before it expired). */
  readonly signal: AbortSignal;
  readonly lost: boolean;
  /** Stops renewing; resolves after any renewal in flight. */
  stop(): Promise<void>;
}

/**
 * Keeps a claimed file's lease alive while it is processed: renews it every third of its lifetime, so a long
 * document is never taken over by another instance while this one still works on it. When a renewal says
 * the lease is gone, or the state store could not be reached until the lease ran out, the signal aborts and
 * the run stops before it writes anything shared (the runner checks it between stages).
 */
export function startFileLeaseHeartbeat(deps: {
  state: StateStore;
  fileId: string;
  owner: string;
  leaseMs: number;
  /** Epoch ms the claim's lease runs until. */
  expiresAt: number;
  now?: () => number;
  onLost?: (reason: 'taken' | 'expired') => void;
}): FileLeaseHeartbeat {
  const now = deps.now ?? Date.now;
  const controller = new AbortController();
  let expiresAt = deps.expiresAt;
  let renewing: Promise<void> | null = null;
  const lose = (reason: 'taken' | 'expired') => {
    if (controller.signal.aborted) return;
    clearInterval(timer);
    deps.onLost?.(reason);
    controller.abort(new Error(`lease of ${deps.fileId} lost (${reason})`));
  };
  const timer = setInterval(
    () => {
      if (renewing || controller.signal.aborted) return;
      const asked = now();
      renewing = deps.state
        .renewFileLease(deps.fileId, deps.owner, deps.leaseMs)
        .then(
          (held) => {
            if (held) expiresAt = asked + deps.leaseMs;
            else lose('taken');
          },
          () => {
            // The state store did not answer: keep going while the last renewal still holds.
            if (now() >= expiresAt) lose('expired');
          },
        )
        .finally(() => {
          renewing = null;
        });
    },
    Math.max(50, Math.floor(deps.leaseMs / 3)),
  );
  timer.unref();
  return {
    signal: controller.signal,
    get lost() {
      return controller.signal.aborted;
    },
    async stop() {
      clearInterval(timer);
      await renewing;
    },
  };
}
