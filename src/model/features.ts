import { createHash } from 'node:crypto';

/**
 * The one feature module shared by training and inference. A text becomes a sparse, L2-normalised TF-IDF
 * vector of hashed features:
 *
 * - normalisation (version {@link NORMALISATION_VERSION}): Unicode NFKD (ligatures and º-style letters too), combining marks removed (accents
 *   folded, ñ → n), lower-case, every run of digits collapsed to a single `0`, anything that is not a letter
 *   or `0` treated as a word separator;
 * - features: word unigrams (`w:`), word bigrams (`b:`) and character n-grams within words padded with `_`
 *   (`c:`, lengths `charNgramMin`..`charNgramMax`);
 * - hashing: 32-bit FNV-1a over the feature string's UTF-16 code units, modulo `dimensions` (a power of two);
 * - weighting: sublinear term frequency (1 + ln tf) times the IDF learned at training time
 *   (ln((1 + N) / (1 + df)) + 1), then L2 normalisation.
 *
 * The settings are hashed into the model manifest; a model trained with other settings fails at load.
 */

export const NORMALISATION_VERSION = 2;

/**
 * Company names say who sent the invoice, not what kind of maintenance it bills: a supplier called
 * "Montajes y Reparaciones S.A.S." must not pull every one of its invoices towards correctiva. Version 2
 * drops every cell (text between column gaps) that ends in a company's legal form before tokenising.
 */
const COMPANY_SUFFIX =
  /\b(?:s\.?\s?a\.?\s?s|ltda|s\.?\s?a|e\.?\s?u|s\.?\s?en\s?c|&\s?c[ií]a)\.?(?=\s*(?:$|\n|\s{3}))/gimu;

/**
 * A cell runs from where the scan stands (a line's start, or the end of the previous cell dropped) to the
 * first legal form on the same line that ends a cell; what stands before the last wide gap inside it is kept.
 * One search per cell (a lazy `[^\n]*?` prefix would retry from every position of a line without one).
 */
export function withoutCompanyNames(text: string): string {
  let kept = '';
  let at = 0;
  for (;;) {
    COMPANY_SUFFIX.lastIndex = at;
    const found = COMPANY_SUFFIX.exec(text);
    if (!found) break;
    const newline = text.indexOf('\n', at);
    if (newline !== -1 && newline < found.index) {
      kept += text.slice(at, newline + 1);
      at = newline + 1;
      continue;
    }
    const end = found.index + found[0].length;
    const cell = text.slice(at, end);
    const gap = cell.lastIndexOf('   ');
    if (gap >= 0) kept += cell.slice(0, gap);
    at = end;
  }
  return kept + text.slice(at);
}

export interface FeatureSettings {
  dimensions: number;
  wordNgrams: [number, number];
  charNgrams: [number, number];
  hashing: 'fnv1a32';
  tf: 'sublinear';
  normalisationVersion: number;
}

export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = {
  dimensions: 2 ** 14,
  wordNgrams: [1, 2],
  charNgrams: [3, 5],
  hashing: 'fnv1a32',
  tf: 'sublinear',
  normalisationVersion: NORMALISATION_VERSION,
};

/** Stable hash of the settings (key order fixed), stored in the manifest and checked at load. */
export function featureSettingsHash(settings: FeatureSettings): string {
  const canonical = JSON.stringify([
    settings.dimensions,
    settings.wordNgrams,
    settings.charNgrams,
    settings.hashing,
    settings.tf,
    settings.normalisationVersion,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\p{Nd}+/gu, '0')
    .replace(/[^\p{L}0]+/gu, ' ')
    .trim();
}

export function tokenise(text: string): string[] {
  const normalised = normaliseText(withoutCompanyNames(text));
  return normalised === '' ? [] : normalised.split(' ');
}

const FNV_OFFSET = 0x811c9dc5;

export function fnv1a32(value: string): number {
  return fnvExtend(FNV_OFFSET, value, 0, value.length);
}

/** Continues an FNV-1a hash over `value[from..to)`, so prefixes are hashed once and never concatenated. */
function fnvExtend(hash: number, value: string, from: number, to: number): number {
  let h = hash;
  for (let i = from; i < to; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const WORD_PREFIX = fnv1a32('w:');
const BIGRAM_PREFIX = fnv1a32('b:');
const CHAR_PREFIX = fnv1a32('c:');

/** Every feature string of a text with its count (before hashing); for explanations and tests. */
export function featureStrings(text: string, settings: FeatureSettings): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, times = 1) => counts.set(feature, (counts.get(feature) ?? 0) + times);
  const words = tokenise(text);
  forEachWordNgram(words, settings, (gram) => add((gram.includes(' ') ? 'b:' : 'w:') + gram));
  for (const [word, occurrences] of wordCounts(words)) {
    for (const gram of charNgrams(word, settings)) add(`c:${gram}`, occurrences);
  }
  return counts;
}

function forEachWordNgram(words: string[], settings: FeatureSettings, visit: (gram: string) => void): void {
  const [min, max] = settings.wordNgrams;
  for (let i = 0; i < words.length; i++) {
    for (let n = min; n <= max && i + n <= words.length; n++) visit(words.slice(i, i + n).join(' '));
  }
}

export function wordCounts(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Character n-grams of one word padded with `_` (repeats included, as they count). */
export function charNgrams(word: string, settings: FeatureSettings): string[] {
  const padded = `_${word}_`;
  const grams: string[] = [];
  for (let n = settings.charNgrams[0]; n <= settings.charNgrams[1]; n++) {
    for (let start = 0; start + n <= padded.length; start++) grams.push(padded.slice(start, start + n));
  }
  return grams;
}

/**
 * Hashed indices of one word's character n-grams (same values as hashing `c:` + each gram). Cached per
 * settings object: invoice vocabulary is small and repeats, and this is most of the featurisation cost.
 */
export function charNgramIndices(word: string, settings: FeatureSettings): Uint32Array {
  let cache = gramCaches.get(settings);
  if (!cache) {
    cache = new Map();
    gramCaches.set(settings, cache);
  }
  const cached = cache.get(word);
  if (cached) return cached;
  const indices = computeCharNgramIndices(word, settings);
  if (cache.size >= GRAM_CACHE_LIMIT) cache.clear();
  cache.set(word, indices);
  return indices;
}

const GRAM_CACHE_LIMIT = 200_000;
const gramCaches = new WeakMap<FeatureSettings, Map<string, Uint32Array>>();

function computeCharNgramIndices(word: string, settings: FeatureSettings): Uint32Array {
  const padded = `_${word}_`;
  const mask = settings.dimensions - 1;
  const [min, max] = settings.charNgrams;
  const indices: number[] = [];
  for (let start = 0; start + min <= padded.length; start++) {
    let hash = fnvExtend(CHAR_PREFIX, padded, start, start + min - 1);
    for (let end = start + min; end <= Math.min(start + max, padded.length); end++) {
      hash = fnvExtend(hash, padded, end - 1, end);
      indices.push(hash & mask);
    }
  }
  return Uint32Array.from(indices);
}

/** Hashed index of a word n-gram (words joined by one space, `w:` for unigrams, `b:` otherwise). */
export function wordNgramIndex(words: string[], start: number, n: number, mask: number): number {
  let hash = fnvExtend(n === 1 ? WORD_PREFIX : BIGRAM_PREFIX, words[start]!, 0, words[start]!.length);
  for (let k = start + 1; k < start + n; k++) {
    hash = fnvExtend(hash, ' ', 0, 1);
    hash = fnvExtend(hash, words[k]!, 0, words[k]!.length);
  }
  return hash & mask;
}

/** A sparse vector: ascending unique indices and their values. */
export interface SparseVector {
  indices: Uint32Array;
  values: Float32Array;
}

/**
 * Hashed raw term counts of a text (no weighting): what IDF fitting and featurisation both start from.
 * Hashes are computed incrementally (no feature strings are built); equal to hashing featureStrings().
 */
export function hashedCounts(text: string, settings: FeatureSettings): Map<number, number> {
  return hashedCountsOfWords(tokenise(text), settings);
}

export function hashedCountsOfWords(words: string[], settings: FeatureSettings): Map<number, number> {
  const mask = settings.dimensions - 1;
  const hashed = new Map<number, number>();
  const [min, max] = settings.wordNgrams;
  for (let i = 0; i < words.length; i++) {
    for (let n = min; n <= max && i + n <= words.length; n++) {
      const index = wordNgramIndex(words, i, n, mask);
      hashed.set(index, (hashed.get(index) ?? 0) + 1);
    }
  }
  for (const [word, occurrences] of wordCounts(words)) {
    for (const index of charNgramIndices(word, settings))
      hashed.set(index, (hashed.get(index) ?? 0) + occurrences);
  }
  return hashed;
}

export function hashStrings(strings: Map<string, number>, settings: FeatureSettings): Map<number, number> {
  const mask = settings.dimensions - 1;
  const hashed = new Map<number, number>();
  for (const [feature, count] of strings) {
    const index = fnv1a32(feature) & mask;
    hashed.set(index, (hashed.get(index) ?? 0) + count);
  }
  return hashed;
}

/** IDF per hashed dimension, learned from the training texts' hashed counts. */
export function fitIdf(documents: Map<number, number>[], dimensions: number): Float32Array {
  const documentFrequency = new Uint32Array(dimensions);
  for (const counts of documents) for (const index of counts.keys()) documentFrequency[index]!++;
  const idf = new Float32Array(dimensions);
  const n = documents.length;
  for (let i = 0; i < dimensions; i++) idf[i] = Math.log((1 + n) / (1 + documentFrequency[i]!)) + 1;
  return idf;
}

/** Sublinear TF × IDF, L2-normalised, as a sparse vector. */
export function weightCounts(counts: Map<number, number>, idf: Float32Array): SparseVector {
  // Index and count packed into one float64 (index · 2^21 + count, exact for any 32-bit index) so that one
  // numeric typed-array sort orders both without a Map lookup per entry.
  const packed = new Float64Array(counts.size);
  let k = 0;
  for (const [index, count] of counts) packed[k++] = index * PACK + Math.min(count, PACK - 1);
  packed.sort();
  const indices = new Uint32Array(packed.length);
  const values = new Float32Array(packed.length);
  let squares = 0;
  for (k = 0; k < packed.length; k++) {
    const index = Math.floor(packed[k]! / PACK);
    const value = (1 + Math.log(packed[k]! - index * PACK)) * idf[index]!;
    indices[k] = index;
    values[k] = value;
    squares += value * value;
  }
  const norm = Math.sqrt(squares);
  if (norm > 0) for (k = 0; k < values.length; k++) values[k] = values[k]! / norm;
  return { indices, values };
}

const PACK = 2 ** 21;

export function featurise(text: string, settings: FeatureSettings, idf: Float32Array): SparseVector {
  return weightCounts(hashedCounts(text, settings), idf);
}

/** Writes sparse rows into a dense row-major [rows.length, dimensions] matrix (the ONNX input). */
export function densify(rows: SparseVector[], dimensions: number): Float32Array {
  const dense = new Float32Array(rows.length * dimensions);
  rows.forEach((row, r) => {
    const offset = r * dimensions;
    for (let k = 0; k < row.indices.length; k++) dense[offset + row.indices[k]!] = row.values[k]!;
  });
  return dense;
}
