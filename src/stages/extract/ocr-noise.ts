import type { Word } from '../../contract/document.ts';

/**
 * OCR leaves specks and rules as stray punctuation ("|", ":", "—", "«"), reads shading as rows of single
 * letters, and splits or decorates numbers (".3.454.900,71", "53.100,64:", "1.535.700, 00"). Text-layer words
 * never pass through here.
 */
const PUNCTUATION_ONLY = /^[\s|:;.,'"`*«»“”‘’_~=+—–\-!¡¿?^°•·…()[\]{}]+$/u;
const LEADING_JUNK = /^[.:;'"`*«»“”‘’|_~—–]+(?=[\d$(\p{L}-])/u;
const TRAILING_JUNK = /(?<=\d)[:;.,'"`«»“”‘’|_~]+$/u;

export function cleanOcrWords(words: Word[]): Word[] {
  const kept: Word[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const next = words[index + 1];
    const checkDigit = checkDigitDash(kept.at(-1), word, next);
    if (checkDigit) {
      kept[kept.length - 1] = checkDigit;
      if (checkDigit.x1 === next?.x1) index++;
      continue;
    }
    if (PUNCTUATION_ONLY.test(word.text)) continue;
    // A lone low-confidence letter is a speck, not a word ("E", "a"); digits and confident letters stay.
    if (word.text.length === 1 && !/\d/.test(word.text) && word.confidence < 0.5) continue;
    if (
      word.text.length === 2 &&
      !/\d/.test(word.text) &&
      word.confidence < 0.25 &&
      !/\d/.test(next?.text ?? '')
    )
      continue;
    const text = word.text.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '');
    if (text === '') continue;
    kept.push(text === word.text ? word : { ...word, text });
  }
  // A speck read as a full stop after a lower-case word in mid-sentence ("ajuste de. conexiones").
  for (let i = 0; i + 1 < kept.length; i++) {
    const word = kept[i]!;
    if (/^\p{Ll}{2,}\.$/u.test(word.text) && /^\p{Ll}/u.test(kept[i + 1]!.text))
      kept[i] = { ...word, text: word.text.slice(0, -1) };
  }
  return mergeSplitDecimals(kept);
}

/**
 * "908335392 - 4", "837233376 -": the dash before a NIT's check digit looks like a speck on its own, but it
 * says a check digit follows (or was printed and lost). It is glued to the digits, with the digit if legible.
 */
function checkDigitDash(previous: Word | undefined, word: Word, next: Word | undefined): Word | null {
  if (!previous || !/^[-‐–—]$/.test(word.text) || !/(?:^|[^\d.,])\d{6,10}$/.test(previous.text)) return null;
  const height = Math.max(1, previous.y1 - previous.y0);
  if (word.x0 - previous.x1 > height) return null;
  const digit = next && /^[\dOo]$/.test(next.text) && next.x0 - word.x1 < height ? next : null;
  return {
    ...previous,
    text: `${previous.text}-${digit?.text ?? ''}`,
    x1: (digit ?? word).x1,
    confidence: Math.min(previous.confidence, word.confidence, digit?.confidence ?? 1),
  };
}

/** "1.535.700," + "00" printed as one amount, split by OCR at the decimal mark. */
function mergeSplitDecimals(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const height = Math.max(1, word.y1 - word.y0);
    if (next && /\d[.,]$/.test(word.text) && /^\d{2}$/.test(next.text) && next.x0 - word.x1 < 0.8 * height) {
      out.push({
        ...word,
        text: word.text + next.text,
        x1: next.x1,
        confidence: Math.min(word.confidence, next.confidence),
      });
      i++;
    } else out.push(word);
  }
  return out;
}

/** Rows of shading or specks: mostly one- or two-letter "words" read with low confidence. */
export function isNoiseRow(words: Word[]): boolean {
  if (words.length === 0) return true;
  if (words.some((w) => /\p{L}{4}|\d{2}/u.test(w.text) && w.confidence >= 0.3)) return false;
  const short = words.filter((w) => w.text.length <= 2 && !/\d/.test(w.text)).length;
  const confidence = words.reduce((s, w) => s + w.confidence, 0) / words.length;
  return (short / words.length >= 0.6 && confidence < 0.5) || confidence < 0.15;
}
