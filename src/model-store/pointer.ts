import type { StateStore } from '../ports/state.ts';

/**
 * The model every instance should run, kept in the state store (shared by all instances): the current
 * version and the versions promoted so far, oldest first (what a rollback without a version goes back to).
 */
const CURRENT = 'model_current';
const HISTORY = 'model_history';

export async function currentModelVersion(state: StateStore): Promise<string | null> {
  return state.getCursor(CURRENT);
}

export async function modelHistory(state: StateStore): Promise<string[]> {
  const raw = await state.getCursor(HISTORY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Points every instance at `version`; a version promoted for the first time joins the history. */
export async function pointAt(state: StateStore, version: string): Promise<void> {
  const history = await modelHistory(state);
  if (!history.includes(version)) {
    await state.setCursor(HISTORY, JSON.stringify([...history, version].slice(-50)));
  }
  await state.setCursor(CURRENT, version);
}
