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
 * "FACTURA A N200003-00000438": OCR read the `N°` before a number as `N2` (or `Ne`, `N9`) with no gap, and the
 * marker became part of the number. Returns the number without it, or null when there is none. Only for what
 * OCR read: a printed `N2…` is what it says.
 */
const GLUED_MARKER = /^N[°º2e9](?=\d)/;

export function withoutGluedMarker(value: string): string | null {
  return GLUED_MARKER.test(value) ? value.replace(GLUED_MARKER, '') : null;
}
