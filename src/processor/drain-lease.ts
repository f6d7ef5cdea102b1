import type { StateStore } from '../ports/state.ts';

export class LeaseLostError extends Error {
  constructor(name: string) {
    super(`lease '${name}' was lost`);
    this.name = 'LeaseLostError';
  }
}

export interface LeaseKeeper {
  /** Throws LeaseLostError once a renewal failed: the caller stops before writing anything shared. */
  check(): void;
  readonly lost: boolean;
  /** Stops renewing and releases the lease if it is still ours. */
  stop(): Promise<void>;
}

/**
 * Keeps a named lease (already acquired) alive while long work runs, renewing it at a third of its
 * lifetime. Leases are re-entrant for their owner, so renewing is acquiring again.
 */
export function createLeaseKeeper(deps: {
  state: StateStore;
  name: string;
  owner: string;
  leaseMs: number;
}): LeaseKeeper {
  let lost = false;
  let renewing: Promise<void> | null = null;
  const timer = setInterval(
    () => {
      if (lost || renewing) return;
      renewing = deps.state
        .acquireLease(deps.name, deps.owner, deps.leaseMs)
        .then((held) => {
          if (!held) lost = true;
        })
        .catch(() => {
          // A state store hiccup is not a lost lease; the next tick retries while the lease is still valid.
        })
        .finally(() => {
          renewing = null;
        });
    },
    Math.max(50, Math.floor(deps.leaseMs / 3)),
  );
  timer.unref();
  return {
    check() {
      if (lost) throw new LeaseLostError(deps.name);
    },
    get lost() {
      return lost;
    },
    async stop() {
      clearInterval(timer);
      await renewing;
      if (!lost) await deps.state.releaseLease(deps.name, deps.owner).catch(() => undefined);
    },
  };
}
