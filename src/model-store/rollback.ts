import type { ModelStore } from '../ports/model-store.ts';
import type { StateStore } from '../ports/state.ts';
import { currentModelVersion, modelHistory, pointAt } from './pointer.ts';

export type RollbackOutcome =
  | { ok: true; from: string | null; to: string }
  | {
      ok: false;
      reason: 'no_previous' | 'not_stored' | 'already_current';
      from: string | null;
      to: string | null;
    };

/**
 * Points every instance back at `version`, or, without one, at the version promoted before the current
 * one. The version must be in the model store. Instances swap at their next check.
 */
export async function rollbackModel(
  deps: { store: ModelStore; state: StateStore },
  version?: string,
): Promise<RollbackOutcome> {
  const from = await currentModelVersion(deps.state);
  let to = version ?? null;
  if (to === null) {
    const history = await modelHistory(deps.state);
    const at = from === null ? -1 : history.indexOf(from);
    to = at > 0 ? history[at - 1]! : null;
    if (to === null) return { ok: false, reason: 'no_previous', from, to: null };
  }
  if (to === from) return { ok: false, reason: 'already_current', from, to };
  if (!(await deps.store.list()).includes(to)) return { ok: false, reason: 'not_stored', from, to };
  await pointAt(deps.state, to);
  return { ok: true, from, to };
}
