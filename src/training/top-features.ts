import { type FeatureSettings, type SparseVector, tokenise } from '../model/features.ts';
import { forwardSparse, type MlpWeights } from '../model/mlp.ts';
import { wordEffects } from '../model/word-effects.ts';

export interface NamedWeight {
  feature: string;
  weight: number;
}

/**
 * The words that help the model most over a sample of training texts, for people reading the manifest.
 * A word's effect in a text is its occlusion effect towards preventiva (word-effects.ts); its helpfulness is
 * the mean over all sampled texts of effect × (+1 on preventiva texts, −1 on correctiva ones), so a word
 * every invoice has, pushing both classes alike, scores near zero. The class it speaks for is the sign of
 * its summed effect.
 */
export function topFeatures(
  weights: MlpWeights,
  samples: { text: string; x: SparseVector; counts: Map<number, number>; label: number }[],
  idf: Float32Array,
  settings: FeatureSettings,
  count = 20,
): { correctiva: NamedWeight[]; preventiva: NamedWeight[] } {
  const helpfulness = new Map<string, number>();
  const direction = new Map<string, number>();
  for (const { text, x, counts, label } of samples) {
    const { hiddenInput } = forwardSparse(weights, x);
    const sign = label === 1 ? 1 : -1;
    for (const [word, effect] of wordEffects(weights, counts, idf, tokenise(text), settings, hiddenInput)) {
      helpfulness.set(word, (helpfulness.get(word) ?? 0) + (sign * effect) / samples.length);
      direction.set(word, (direction.get(word) ?? 0) + effect);
    }
  }
  const ranked = [...helpfulness]
    .filter(([, help]) => help > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const towards = (positive: boolean) =>
    ranked
      .filter(([word]) => direction.get(word)! > 0 === positive)
      .slice(0, count)
      .map(([feature, help]) => ({ feature, weight: Number(help.toFixed(5)) }));
  return { preventiva: towards(true), correctiva: towards(false) };
}
