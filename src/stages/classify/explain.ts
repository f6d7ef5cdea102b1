import { charNgramIndices, type FeatureSettings, type SparseVector } from '../../model/features.ts';
import { contributions, type MlpWeights } from '../../model/mlp.ts';
import { isScorableWord, wordEffects } from '../../model/word-effects.ts';
import type { FeatureContribution } from '../../ports/classifier.ts';

/**
 * Why the model chose a class, in words a person recognises: the words whose removal would lower the
 * chosen class's margin the most (word-effects.ts), strongest first, with that drop as the weight.
 *
 * Occluding every word of an invoice costs more than the inference itself, so candidates are picked first
 * by a linear estimate (gradient × input of the word's unigram and character n-grams) and only the best
 * `candidateCount` are occluded.
 */
export function explain(
  weights: MlpWeights,
  x: SparseVector,
  counts: Map<number, number>,
  idf: Float32Array,
  words: string[],
  settings: FeatureSettings,
  hiddenInput: ArrayLike<number>,
  chosenClass: number,
  limit = 5,
  candidateCount = 8,
): FeatureContribution[] {
  const sign = chosenClass === 1 ? 1 : -1;
  const pushes = contributions(weights, x, hiddenInput, chosenClass);
  const pushByIndex = scratch(settings.dimensions);
  for (let k = 0; k < x.indices.length; k++) pushByIndex[x.indices[k]!] = pushes[k]!;
  const estimates: [string, number][] = [];
  for (const word of new Set(words)) {
    if (!isScorableWord(word)) continue;
    let estimate = 0;
    for (const index of charNgramIndices(word, settings)) estimate += pushByIndex[index]!;
    estimates.push([word, estimate]);
  }
  for (let k = 0; k < x.indices.length; k++) pushByIndex[x.indices[k]!] = 0;
  const candidates = new Set(
    estimates
      .sort((a, b) => b[1] - a[1])
      .slice(0, candidateCount)
      .map(([word]) => word),
  );
  return [...wordEffects(weights, counts, idf, words, settings, hiddenInput, candidates)]
    .map(([feature, effect]) => ({ feature, weight: sign * effect }))
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map((c) => ({ feature: c.feature, weight: Number(c.weight.toFixed(4)) }));
}

let scratchBuffer = new Float64Array(0);

/** A zeroed dense buffer reused across calls (callers zero what they set): lookups without a Map. */
function scratch(dimensions: number): Float64Array {
  if (scratchBuffer.length !== dimensions) scratchBuffer = new Float64Array(dimensions);
  return scratchBuffer;
}
