import type { Placement, Row } from '../page/layout.ts';
import type { FieldCandidate, FieldChoice } from './candidate.ts';
import { groupByValue, type ValueGroup } from './value-groups.ts';

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

/**
 * The hand-set chooser: ranks the values by their hand-set strength (value-groups.ts). The confidence falls
 * with a weak winner and with a close runner-up.
 */
export function decide<T>(candidates: FieldCandidate<T>[]): FieldChoice<T> | null {
  return decideGroups(groupByValue(candidates));
}

export function decideGroups<T>(ranked: ValueGroup<T>[]): FieldChoice<T> | null {
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
