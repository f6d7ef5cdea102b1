import type { Word } from '../../../contract/document.ts';

/**
 * OCR leaves specks and rules as stray punctuation ("|", ":", "—", "«"), reads shading as rows of single
 * letters, and splits or decorates numbers (".3.454.900,71", "53.100,64:", "1.535.700, 00"). Text-layer words
 * never pass through here.
 */
const PUNCTUATION_ONLY = /^[\s|:;.,'"`*«»“”‘’_~=+—–\-!¡¿?^°•·…()[\]{}]+$/u;
// A square bracket touching a code or an amount is the table's rule ("[003A", "115.600]").
const LEADING_JUNK = /^[.:;'"`*«»“”‘’|_~—–[\]]+(?=[\d$(\p{L}-])/u;
const TRAILING_JUNK = /(?<=\d)[:;.,'"`«»“”‘’|_~[\]]+$/u;

export function cleanOcrWords(read: Word[]): Word[] {
  const words = mergeNumbersSplitAtSeparator(read);
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
    const text = capitalIInCode(
      withAbbreviationDot(word.text.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '')),
    );
    if (text === '') continue;
    kept.push(text === word.text ? word : { ...word, text });
  }
  // A speck read as a full stop after a lower-case word in mid-sentence ("ajuste de. conexiones").
  for (let i = 0; i + 1 < kept.length; i++) {
    const word = kept[i]!;
    if (/^\p{Ll}{2,}\.$/u.test(word.text) && /^\p{Ll}/u.test(kept[i + 1]!.text))
      kept[i] = { ...word, text: word.text.slice(0, -1) };
  }
  return kept;
}

/**
 * "Sl-52916", "FAClT-0042": a lower-case "l" among the capitals of a code's letters, before its digits, is the
 * capital "I" (sans-serif fonts draw them alike); a code never mixes one lower-case letter into capitals.
 */
function capitalIInCode(text: string): string {
  const match = /^([A-Z]*)l([A-Z]*)(?=[-/]?\d)/.exec(text);
  if (!match || match[1]!.length + match[2]!.length === 0) return text;
  return `${match[1]}I${text.slice(match[1]!.length + 1)}`;
}

/**
 * "S.A", "Ltda", "Cía": legal-form abbreviations are printed with their full stop ("S.A.", "Ltda.") or in
 * capitals without any ("SA", "LTDA"); the lone final dot is the speck OCR loses. "S.A.S" is left alone:
 * it is printed without its last dot often enough that the dot cannot be told lost from never printed.
 */
function withAbbreviationDot(text: string): string {
  return /^(?:S\.A|Ltda|C[ií]a)$/.test(text) ? `${text}.` : text;
}

/**
 * "908335392 - 4", "837233376 -": the dash before a NIT's check digit looks like a speck on its own, but it
 * says a check digit follows (or was printed and lost). It is glued to the digits, with the digit if legible.
 */
function checkDigitDash(previous: Word | undefined, word: Word, next: Word | undefined): Word | null {
  if (!previous || !/^[-‐–—]$/.test(word.text) || !/(?:^|[^\d.,])\d{6,10}$/.test(previous.text)) return null;
  // Printed " - " with a space either side: each gap is about half a digit's height, up to one and a half.
  const reach = 1.5 * Math.max(1, previous.y1 - previous.y0);
  if (word.x0 - previous.x1 > reach) return null;
  const digit = next && /^[\dOo]$/.test(next.text) && next.x0 - word.x1 <= reach ? next : null;
  return {
    ...previous,
    text: `${previous.text}-${digit?.text ?? ''}`,
    x1: (digit ?? word).x1,
    confidence: Math.min(previous.confidence, word.confidence, digit?.confidence ?? 1),
  };
}

/** An amount up to a separator OCR kept ("32.819.418,", "$42.", "-$896.") whose digits went to the next word. */
const SPLIT_HEAD = /^[-(]?\$?\d{1,3}(?:[.,]\d{3})*[.,]$/;
/** Three digits continue the thousands (and may end in their own separator); two are the cents. */
const SPLIT_TAIL = /^(?:\d{3}[.,]?|\d{2})$/;

/**
 * "1.535.700," + "00", "1.579." + "500", "$42." + "677." + "803": one printed amount that OCR split right
 * after a separator. Rejoined before trailing separators are stripped as specks, while they still say the
 * number goes on. Neighbouring columns are farther apart than about one character.
 */
function mergeNumbersSplitAtSeparator(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const word of words) {
    const previous = out[out.length - 1];
    if (
      previous &&
      SPLIT_HEAD.test(previous.text) &&
      SPLIT_TAIL.test(word.text) &&
      closeNumberPart(previous, word)
    ) {
      out[out.length - 1] = {
        ...previous,
        text: previous.text + word.text,
        x1: word.x1,
        y0: Math.min(previous.y0, word.y0),
        y1: Math.max(previous.y1, word.y1),
        confidence: Math.min(previous.confidence, word.confidence),
      };
    } else out.push(word);
  }
  return out;
}

function closeNumberPart(left: Word, right: Word): boolean {
  const height = Math.max(1, left.y1 - left.y0);
  const charWidth = (right.x1 - right.x0) / Math.max(1, right.text.length);
  const gap = right.x0 - left.x1;
  return gap <= Math.max(0.5 * height, 1.6 * charWidth);
}

/** Rows of shading or specks: mostly one- or two-letter "words" read with low confidence. */
export function isNoiseRow(words: Word[]): boolean {
  if (words.length === 0) return true;
  if (words.some((w) => /\p{L}{4}|\d{2}/u.test(w.text) && w.confidence >= 0.3)) return false;
  // Specks are read as marks and letters, not as a run of digits: "0C-41559" at 4% confidence is a value
  // whose prefix puzzled tesseract.
  if (words.some((w) => /\d{4}/.test(w.text))) return false;
  const short = words.filter((w) => w.text.length <= 2 && !/\d/.test(w.text)).length;
  const confidence = words.reduce((s, w) => s + w.confidence, 0) / words.length;
  return (short / words.length >= 0.6 && confidence < 0.5) || confidence < 0.15;
}
