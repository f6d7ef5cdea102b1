import type { LabelMatch } from '../labels/match.ts';
import type { Placement, Row } from '../page/layout.ts';

/**
 * A value proposed for one field, the evidence for it and its score. `features` keeps the evidence
 * by name (label weight, placement, position, shape...) so that the score can be explained or refitted.
 */
export interface FieldCandidate<T> {
  value: T;
  /** Equality key: two candidates with the same key are the same value printed or read differently. */
  key: string;
  score: number;
  source: 'label' | 'legacy' | 'unlabelled';
  row: Row | null;
  label: LabelMatch | null;
  /** Where the value sat relative to its label (labelled candidates only). */
  placement?: Placement;
  features: Record<string, number>;
}

export interface FieldChoice<T> {
  value: T;
  /** 0..1: high only when the evidence for this value is strong and no other value comes close. */
  confidence: number;
  candidate: FieldCandidate<T>;
}
