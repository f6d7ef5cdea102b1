import type { Placement, Row } from '../layout.ts';
import type { FieldCandidate, FieldChoice } from './candidate.ts';

/**
 * The transparent weighted score of a labelled candidate: the product of its evidence, each factor 0..1.
 * Label weight says how surely the label names the field; placement where the value sits relative to it;
 * position where on the document the label is; shape how well the value looks like the field's values; read
 * the OCR confidence of its words.
 */
export const PLACEMENT_FACTOR: Record<Placement, number> = { 'same-cell': 1, 'next-cell': 0.93, below: 0.86 };

export function headerPosition(row: Row): number {
  const depth = row.y0 / row.pageHeight;
  // The footer (bank details, print stamps, page numbers) rarely holds the invoice's own header fields.
  const footer = depth > 0.88 ? 0.6 : 1;
  return (row.page === 0 ? 1 - 0.25 * depth : 0.7) * footer;
}

export function productScore(features: Record<string, number>): number {
  let score = 1;
  for (const value of Object.values(features)) score *= value;
  return score;
}

/** How much a second source agreeing on a value adds to its best score. */
const AGREEMENT_BONUS = 0.3;
/** How much each further row printing the same value under a label of the field adds (at most twice). */
const REPEAT_BONUS = 0.2;

/**
 * Groups candidates by value and ranks the values: a value's strength is its best candidate's score plus a
 * share of the best score of each other source that proposed it. The confidence falls with a weak winner and
 * with a close runner-up.
 */
export function decide<T>(candidates: FieldCandidate<T>[]): FieldChoice<T> | null {
  const groups = new Map<string, FieldCandidate<T>[]>();
  for (const c of candidates) {
    if (c.score <= 0) continue;
    const list = groups.get(c.key) ?? [];
    list.push(c);
    groups.set(c.key, list);
  }
  const ranked = [...groups.values()]
    .map((list) => {
      list.sort((a, b) => b.score - a.score);
      const best = list[0]!;
      const bySource = new Map<string, number>();
      for (const c of list) bySource.set(c.source, Math.max(bySource.get(c.source) ?? 0, c.score));
      let strength = best.score;
      for (const [source, score] of bySource) if (source !== best.source) strength += AGREEMENT_BONUS * score;
      // The same value printed again under another label of the same field (a stub and the header).
      const rows = new Set(list.filter((c) => c.source === 'label').map((c) => c.row?.order));
      strength += REPEAT_BONUS * Math.min(2, Math.max(0, rows.size - 1)) * best.score;
      return { best, strength, sources: bySource.size };
    })
    .sort((a, b) => b.strength - a.strength);
  const winner = ranked[0];
  if (!winner) return null;
  const ratio = (ranked[1]?.strength ?? 0) / winner.strength;
  // A runner-up under 40 % of the winner is noise; closer ones take up to 60 % of the confidence away.
  const contest = 1 - 0.6 * Math.max(0, (ratio - 0.4) / 0.6);
  // Two finders that agree are rarely both wrong; one finder alone is as sure as its evidence.
  const base =
    winner.sources >= 2 ? 0.85 + 0.14 * Math.min(1, winner.strength) : Math.min(0.95, 0.3 + winner.strength);
  return { value: winner.best.value, confidence: base * contest, candidate: winner.best };
}
