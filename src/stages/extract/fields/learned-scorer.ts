import type { FieldChoice } from './candidate.ts';
import { FEATURE_NAMES, groupFeatures, type ScoringContext } from './features.ts';
import type { ValueGroup } from './value-groups.ts';
import stored from './weights.json' with { type: 'json' };

/**
 * The learned chooser of header fields: a linear score w·x over each value's features (features.ts), turned
 * into probabilities by a softmax over the field's values plus one "none of these" option whose score is the
 * field's `none` weight. The chosen value is the most probable one; its probability is the confidence, so a
 * lone weak value, or two close ones, come out unsure. Weights are fitted by tools/train-fields on generated
 * invoices and stored in weights.json.
 */
export const HEADER_FIELD_NAMES = ['number', 'order', 'issueDate', 'dueDate'] as const;
export type HeaderFieldName = (typeof HEADER_FIELD_NAMES)[number];

export interface FieldModel {
  /** One weight per feature, in the order of `features`. */
  weights: number[];
  /** Score of the "none of these values is right" option. */
  none: number;
}

export interface FieldWeights {
  version: number;
  /** Which chooser the extractor uses when FIELD_SCORER is not set. */
  chooser: 'hand' | 'learned';
  features: string[];
  fields: Record<HeaderFieldName, FieldModel>;
  training: Record<string, unknown>;
}

/** Checks a weights file against this build's feature list; throws on any mismatch. */
export function parseFieldWeights(value: unknown): FieldWeights {
  const w = value as FieldWeights;
  if (typeof w !== 'object' || w === null || w.version !== 1)
    throw new Error('field weights: version 1 expected');
  if (w.chooser !== 'hand' && w.chooser !== 'learned')
    throw new Error('field weights: chooser must be hand or learned');
  if (w.features.length !== FEATURE_NAMES.length || w.features.some((name, i) => name !== FEATURE_NAMES[i]))
    throw new Error('field weights: feature names differ from features.ts');
  for (const field of HEADER_FIELD_NAMES) {
    const model = w.fields?.[field];
    if (!model || model.weights.length !== FEATURE_NAMES.length || !model.weights.every(Number.isFinite))
      throw new Error(`field weights: ${field} needs ${FEATURE_NAMES.length} finite weights`);
    if (!Number.isFinite(model.none)) throw new Error(`field weights: ${field} needs a finite none score`);
  }
  return w;
}

let loaded: FieldWeights | null = null;

export function fieldWeights(): FieldWeights {
  loaded ??= parseFieldWeights(stored);
  return loaded;
}

/** Probabilities of each group and of "none" (last), from a model and the groups' feature vectors. */
export function softmaxWithNone(model: FieldModel, vectors: number[][]): number[] {
  const scores = vectors.map((x) => x.reduce((sum, v, i) => sum + v * (model.weights[i] ?? 0), 0));
  scores.push(model.none);
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}

export function decideLearned<T>(
  groups: ValueGroup<T>[],
  model: FieldModel,
  context: ScoringContext,
): FieldChoice<T> | null {
  if (groups.length === 0) return null;
  const p = softmaxWithNone(model, groupFeatures(groups, context));
  let best = 0;
  // Ties keep the hand-set order (groups come strongest first).
  for (let i = 1; i < groups.length; i++) if (p[i]! > p[best]!) best = i;
  const winner = groups[best]!;
  return { value: winner.best.value, confidence: p[best]!, candidate: winner.best };
}
