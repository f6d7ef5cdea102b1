import type { FieldCandidate } from './candidate.ts';

/**
 * Candidates grouped by value (their equality key), with the hand-set strength of each value: its best
 * candidate's score plus a share of the best score of each other source that proposed it, plus a share for
 * each further row printing it under a label of the field. Both choosers rank these groups: scorer.ts by the
 * strength, learned-scorer.ts by the learned weights over features.ts.
 */
export interface ValueGroup<T> {
  key: string;
  /** The group's highest-scoring candidate: its value is the group's value. */
  best: FieldCandidate<T>;
  /** The highest-scoring candidate found under a label, if any. */
  labelled: FieldCandidate<T> | null;
  /** The candidate of the older pattern-based finder, if it proposed this value. */
  legacy: FieldCandidate<T> | null;
  strength: number;
  sources: number;
  /** Further rows printing the value under a label of the field (0, 1 or 2). */
  repeatRows: number;
}

/** How much a second source agreeing on a value adds to its best score. */
const AGREEMENT_BONUS = 0.3;
/** How much each further row printing the same value under a label of the field adds (at most twice). */
const REPEAT_BONUS = 0.2;

/** Groups in decreasing hand-set strength; candidates scored 0 or less are no candidates. */
export function groupByValue<T>(candidates: FieldCandidate<T>[]): ValueGroup<T>[] {
  const byKey = new Map<string, FieldCandidate<T>[]>();
  for (const c of candidates) {
    if (c.score <= 0) continue;
    const list = byKey.get(c.key) ?? [];
    list.push(c);
    byKey.set(c.key, list);
  }
  return [...byKey.entries()]
    .map(([key, list]) => {
      list.sort((a, b) => b.score - a.score);
      const best = list[0]!;
      const bySource = new Map<string, number>();
      for (const c of list) bySource.set(c.source, Math.max(bySource.get(c.source) ?? 0, c.score));
      let strength = best.score;
      for (const [source, score] of bySource) if (source !== best.source) strength += AGREEMENT_BONUS * score;
      // The same value printed again under another label of the same field (a stub and the header).
      const rows = new Set(list.filter((c) => c.source === 'label').map((c) => c.row?.order));
      const repeatRows = Math.min(2, Math.max(0, rows.size - 1));
      strength += REPEAT_BONUS * repeatRows * best.score;
      return {
        key,
        best,
        labelled: list.find((c) => c.source === 'label') ?? null,
        legacy: list.find((c) => c.source === 'legacy') ?? null,
        strength,
        sources: bySource.size,
        repeatRows,
      };
    })
    .sort((a, b) => b.strength - a.strength);
}
