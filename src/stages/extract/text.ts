/**
 * Text folding for label matching: lower case without accents, one character in for one character out, so
 * that offsets found in the folded text point at the same characters of the printed text.
 */
export function fold(text: string): string {
  let out = '';
  for (const char of text) {
    const base = char.normalize('NFD')[0] ?? char;
    out +=
      char.length === 1 && base.length === 1 ? base.toLowerCase() : char.toLowerCase().slice(0, char.length);
  }
  return out;
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** OCR reads digits as look-alike letters; inside a number these are almost always the digit. */
const DIGIT_LOOKALIKES: Record<string, string> = {
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
 * Replaces look-alike letters by digits when the token is clearly meant as a number (at least as many real
 * digits as look-alikes, and the look-alike touches a digit or separator).
 */
export function repairDigits(token: string): string {
  if (!/\d/.test(token)) return token;
  let digits = 0;
  let lookalikes = 0;
  for (const char of token) {
    if (char >= '0' && char <= '9') digits++;
    else if (char in DIGIT_LOOKALIKES) lookalikes++;
  }
  if (lookalikes === 0 || lookalikes > digits) return token;
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const char = token[i]!;
    const replacement = DIGIT_LOOKALIKES[char];
    if (replacement && (isNumberChar(token[i - 1]) || isNumberChar(token[i + 1]))) out += replacement;
    else out += char;
  }
  return out;
}

function isNumberChar(char: string | undefined): boolean {
  return char !== undefined && /[\d.,]/.test(char);
}
