import type { FieldCandidate, FieldChoice } from './candidate.ts';
import type { ScoringContext } from './features.ts';
import { decideLearned, fieldWeights, type HeaderFieldName } from './learned-scorer.ts';
import { decideGroups } from './scorer.ts';
import { groupByValue } from './value-groups.ts';

/**
 * Which chooser ranks a header field's values: `FIELD_SCORER=learned` (learned-scorer.ts) or `hand`
 * (scorer.ts); unset, the one weights.json names, which is the one that measured at least as well.
 */
export type Chooser = 'hand' | 'learned';

export function activeChooser(): Chooser {
  const set = process.env.FIELD_SCORER;
  if (set === 'learned' || set === 'hand') return set;
  return fieldWeights().chooser;
}

export function chooseValue<T>(
  field: HeaderFieldName,
  candidates: FieldCandidate<T>[],
  context: ScoringContext,
  chooser: Chooser = activeChooser(),
): FieldChoice<T> | null {
  const groups = groupByValue(candidates);
  return chooser === 'learned'
    ? decideLearned(groups, fieldWeights().fields[field], context)
    : decideGroups(groups);
}
