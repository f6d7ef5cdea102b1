import type { FeatureContribution } from '../../ports/classifier.ts';
import type { FeatureSettings } from '../../training/features.ts';
import type { MlpWeights } from '../../training/mlp.ts';
import { wordEffects } from '../../training/word-effects.ts';

/**
 * Why the model chose a class, in words a person recognises: the words whose removal would lower the
 * chosen class's margin the most (word-effects.ts), strongest first, with that drop as the weight.
 */
export function explain(
  weights: MlpWeights,
  counts: Map<number, number>,
  idf: Float32Array,
  words: string[],
  settings: FeatureSettings,
  hiddenInput: Float64Array,
  chosenClass: number,
  limit = 5,
): FeatureContribution[] {
  const sign = chosenClass === 1 ? 1 : -1;
  return [...wordEffects(weights, counts, idf, words, settings, hiddenInput)]
    .map(([feature, effect]) => ({ feature, weight: sign * effect }))
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map((c) => ({ feature: c.feature, weight: Number(c.weight.toFixed(4)) }));
}
