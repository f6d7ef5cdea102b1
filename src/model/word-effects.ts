import { charNgramIndices, type FeatureSettings, wordCounts, wordNgramIndex } from './features.ts';
import type { MlpWeights } from './mlp.ts';

/**
 * Word occlusion: for each distinct word of a text, how much the preventiva-minus-correctiva logit margin
 * drops when every occurrence of the word is removed (its unigram, the bigrams it is part of and its
 * character n-grams). Positive: the word pushed towards preventiva. The other features keep their values
 * (no re-normalisation), which keeps this to one pass over the word's own features per word and is close
 * enough for explaining.
 *
 * Only words of 3 to 30 letters and no digits are scored: numbers (collapsed to `0`), codes, hashes such as
 * the CUFE and short tokens are noise to a person reading the explanation.
 */
export function wordEffects(
  weights: MlpWeights,
  counts: Map<number, number>,
  idf: Float32Array,
  words: string[],
  settings: FeatureSettings,
  hiddenInput: ArrayLike<number>,
  /** Only these words (default: every scorable word). */
  candidates?: Set<string>,
): Map<string, number> {
  const { hidden: H, w1, w2, b2 } = weights;
  let squares = 0;
  for (const [index, count] of counts) squares += ((1 + Math.log(count)) * idf[index]!) ** 2;
  const norm = Math.sqrt(squares) || 1;
  const margin = (z: ArrayLike<number>) => {
    let m = b2[1]! - b2[0]!;
    for (let h = 0; h < H; h++) if (z[h]! > 0) m += z[h]! * (w2[h * 2 + 1]! - w2[h * 2]!);
    return m;
  };
  const base = margin(hiddenInput);
  const positions = new Map<string, number[]>();
  words.forEach((word, i) => {
    const list = positions.get(word);
    if (list) list.push(i);
    else positions.set(word, [i]);
  });
  const mask = settings.dimensions - 1;
  const [minN, maxN] = settings.wordNgrams;
  const effects = new Map<string, number>();
  const shifted = new Float64Array(H);
  for (const [word, occurrences] of wordCounts(words)) {
    if (candidates ? !candidates.has(word) : !isScorableWord(word)) continue;
    const removed = new Map<number, number>();
    const remove = (index: number, times: number) => removed.set(index, (removed.get(index) ?? 0) + times);
    for (const index of charNgramIndices(word, settings)) remove(index, occurrences);
    const starts = new Set<number>();
    for (const p of positions.get(word)!) {
      for (let n = minN; n <= maxN; n++)
        for (let s = p - n + 1; s <= p; s++) if (s >= 0 && s + n <= words.length) starts.add(s * 8 + n);
    }
    for (const key of starts) remove(wordNgramIndex(words, key >> 3, key & 7, mask), 1);
    for (let h = 0; h < H; h++) shifted[h] = hiddenInput[h]!;
    for (const [index, times] of removed) {
      const count = counts.get(index) ?? 0;
      const before = count > 0 ? (1 + Math.log(count)) * idf[index]! : 0;
      const remaining = count - times;
      const after = remaining > 0 ? (1 + Math.log(remaining)) * idf[index]! : 0;
      const delta = (after - before) / norm;
      if (delta === 0) continue;
      const row = index * H;
      for (let h = 0; h < H; h++) shifted[h]! += delta * w1[row + h]!;
    }
    effects.set(word, base - margin(shifted));
  }
  return effects;
}

export function isScorableWord(word: string): boolean {
  return /^\p{L}{3,30}$/u.test(word);
}
