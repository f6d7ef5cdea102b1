import { DIGIT_LOOKALIKES } from '../text/text.ts';

/**
 * Letters OCR and the printed digit they are mistaken for: a zero read as `O`, a one as `I` or `l`, a five as
 * `S`, an eight as `B`, a two as `Z`. Tesseract's language model prefers a letter after letters, so the zero
 * of "INV012813" comes out as "INVO12813" with full word confidence.
 */
const DIGIT_LOOKALIKE_LETTERS = 'OQIlSBZ';

const LETTER_BESIDE_DIGIT = new RegExp(
  `[${DIGIT_LOOKALIKE_LETTERS}](?=\\d)|(?<=\\d)[${DIGIT_LOOKALIKE_LETTERS}]`,
);

/**
 * Whether an identifier read by OCR could be a different identifier: one of its letters that OCR confuses
 * with a digit touches a digit, so nothing on the page says which of the two was printed.
 */
export function hasDigitLookalikeLetter(value: string): boolean {
  return LETTER_BESIDE_DIGIT.test(value);
}

/**
 * The likelier reading of an ambiguous OCR'd identifier, for a person to confirm (its confidence stays low):
 * a look-alike letter between two digits is the digit; an `O` between a letter prefix and its digits is the
 * zero of the number's padding ("INVO12813" → "INV012813", "FO01-…" → "F001-…") when the prefix has two
 * letters or more, or the digits after it start with another zero. A one-letter prefix before other digits
 * ("PO123", "SO4471") may be a word of its own and is left as read.
 */
export function likelierReading(value: string): string {
  const chars = [...value];
  const letter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    // A look-alike with digits on both sides is the digit ("2O26", "10l5", "4S0").
    const swap = DIGIT_LOOKALIKE_LETTERS.includes(c) ? DIGIT_LOOKALIKES[c] : undefined;
    if (swap && digit(chars[i - 1]) && digit(chars[i + 1])) {
      chars[i] = swap;
      continue;
    }
    if (c !== 'O' || !digit(chars[i + 1]) || !letter(chars[i - 1])) continue;
    let prefix = 0;
    while (letter(chars[i - 1 - prefix])) prefix++;
    if (prefix >= 2 || chars[i + 1] === '0') chars[i] = '0';
  }
  return chars.join('');
}

/**
 * "FACTURA A N200003-00000438": OCR read the `N°` before a number as `N2` (or `Ne`, `N9`) with no gap, and the
 * marker became part of the number. Returns the number without it, or null when there is none. Only for what
 * OCR read: a printed `N2…` is what it says.
 */
const GLUED_MARKER = /^N[°º2e9](?=\d)/;

export function withoutGluedMarker(value: string): string | null {
  return GLUED_MARKER.test(value) ? value.replace(GLUED_MARKER, '') : null;
}

/**
 * "MT1 379" for "MT1379": OCR set a gap inside a number, and the reading stopped at it. Returns the number with
 * the digits that follow it up to the end of its cell (cells are three spaces apart in a row's text), or null
 * when nothing but digits follows it there. Only for what OCR read, and put to a person.
 */
export function splitByOcrGap(rowText: string, value: string): string | null {
  if (!/\d$/.test(value)) return null;
  const at = rowText.indexOf(value);
  if (at === -1) return null;
  const after = /^ (\d{1,6})(?= {3}|$)/.exec(rowText.slice(at + value.length));
  return after ? `${value}${after[1]}` : null;
}
