/**
 * OCR's letter/digit confusions inside tax ids whose scheme says where letters and digits go (EU VAT numbers,
 * Mexico's RFC). A reading is repaired only into one that the scheme's check digit verifies, so a repair never
 * turns a misread id into a confident wrong one. Text is upper case (the parsers upper-case it first).
 */

/** Glyphs OCR reads for a digit, and the digit. */
const DIGIT_FOR: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  '|': '1',
  S: '5',
  B: '8',
  Z: '2',
  G: '6',
};

/** Glyphs OCR reads for a capital letter, and the letter. */
const LETTER_FOR: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '|': 'I',
  J: 'I',
  L: 'I',
  '5': 'S',
  '8': 'B',
  '2': 'Z',
  '6': 'G',
};

/** More ambiguous characters than this in one id and no repair is tried (2^n readings). */
const MAX_AMBIGUOUS = 4;

/**
 * A two-letter country prefix read with look-alikes ("1T", "JT"): the prefix it stands for when that is one of
 * `known`; null otherwise. A letter read for another letter ("J" for "I") is taken so only when the label
 * names the country (`expected`): "LT" is Lithuania's prefix as well as a misread "IT".
 */
export function lookalikePrefix(printed: string, known: readonly string[], expected?: string): string | null {
  if (printed.length !== 2) return null;
  let out = '';
  for (const char of printed) {
    const letter = /[A-Z]/.test(char) && expected === undefined ? char : LETTER_FOR[char];
    out += letter ?? char;
  }
  if (out === printed || !known.includes(out)) return null;
  return expected === undefined || expected === out ? out : null;
}

/** Every reading of `text` with each look-alike letter taken as itself or as its digit. */
export function digitReadings(text: string): string[] {
  const positions = [...text].flatMap((char, index) => (char in DIGIT_FOR ? [index] : []));
  if (positions.length === 0 || positions.length > MAX_AMBIGUOUS) return [];
  const readings: string[] = [];
  for (let mask = 1; mask < 1 << positions.length; mask++) {
    const chars = [...text];
    positions.forEach((position, bit) => {
      if (mask & (1 << bit)) chars[position] = DIGIT_FOR[chars[position]!]!;
    });
    readings.push(chars.join(''));
  }
  return readings;
}

/** The letters of `text` with OCR's digits for letters undone ("100" → "IOO"). */
export function asLetters(text: string): string {
  let out = '';
  for (const char of text) out += /\d|\|/.test(char) ? (LETTER_FOR[char] ?? char) : char;
  return out;
}

/** The digits of `text` with OCR's letters for digits undone ("9IO628" → "910628"). */
export function asDigits(text: string): string {
  let out = '';
  for (const char of text) out += DIGIT_FOR[char] ?? char;
  return out;
}

/**
 * The one reading among `readings` that `verifies` (repaired ids that verify alike are one id); null when
 * none does or two different ones do.
 */
export function onlyVerified(
  readings: readonly string[],
  verifies: (value: string) => boolean,
): string | null {
  const verified = new Set(readings.filter(verifies));
  return verified.size === 1 ? [...verified][0]! : null;
}
