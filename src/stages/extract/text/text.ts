/**
 * Text folding for label matching: lower case without accents, one character in for one character out, so
 * that offsets found in the folded text point at the same characters of the printed text.
 */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    else out += foldChar(text[i]!);
  }
  return out;
}

const FOLDED = new Map<string, string>();

/** One UTF-16 unit in, one out (surrogate halves pass through unchanged). */
function foldChar(char: string): string {
  let folded = FOLDED.get(char);
  if (folded === undefined) {
    const lower = (char.normalize('NFD')[0] ?? char).toLowerCase();
    folded = lower.length === 1 ? lower : char;
    FOLDED.set(char, folded);
  }
  return folded;
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** OCR reads digits as look-alike letters; inside a number these are almost always the digit. */
export const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  l: '1',
  I: '1',
  i: '1',
  '|': '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
  G: '6',
};

/**
 * Replaces look-alike letters by digits when the token is clearly meant as a number: it has a real digit and
 * nothing but digits, separators and look-alikes (`2.5OO.OOO`, `l.234,56`); `OC-4589` or `S.A.S.` stay.
 */
export function repairDigits(token: string): string {
  if (!/\d/.test(token) || !LOOKALIKE.test(token) || !NUMBER_WITH_LOOKALIKES.test(token)) return token;
  let out = '';
  for (const char of token) out += DIGIT_LOOKALIKES[char] ?? char;
  return out;
}

const LOOKALIKE = /[OoDQlIi|SsBZzG]/;
const NUMBER_WITH_LOOKALIKES = /^[\d.,\-/\sOoDQlIi|SsBZzG]+$/;

/**
 * Whether a text ends with a label of its own: a word, then a colon ("Fällig am: ", "Due date:"). Tested in two
 * linear steps rather than one pattern that would rescan the text from every letter.
 */
export function endsWithLabel(text: string): boolean {
  return /:\s*$/.test(text) && /\p{L}{2}/u.test(text.slice(0, text.lastIndexOf(':')));
}
