import { fold } from '../text/text.ts';

/**
 * Tokens for label matching: folded words (no case, no accents) with OCR's digit/letter confusions undone
 * inside words that are mostly letters ("T0TAL", "1VA", "Fa5tura"), and "l"/"I" read as one letter, so that
 * a label matches however OCR or the font drew those letters. One key for the lexicon and the page alike.
 */
export interface Token {
  key: string;
  /** Character span in the text the token came from. */
  start: number;
  end: number;
}

const TOKEN = /(?:(?![°º])[\p{L}\p{N}])+[°º]?|[°º#]/gu;
const DIGIT_AS_LETTER: Record<string, string> = { '0': 'o', '1': 'i', '5': 's', '|': 'i', l: 'i' };

export function tokenKey(word: string): string {
  const folded = fold(word);
  let letters = 0;
  let digits = 0;
  for (const char of folded) {
    if (char >= '0' && char <= '9') digits++;
    else letters++;
  }
  const mapDigits = letters > 0 && letters >= digits;
  let out = '';
  for (const char of folded) {
    const mapped = DIGIT_AS_LETTER[char];
    out += mapped !== undefined && (mapDigits || char === 'l') ? mapped : char;
  }
  return out;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    tokens.push({ key: tokenKey(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The keys of a lexicon phrase's words, `{no}` kept as it is. */
export function phraseKeys(phrase: string): string[] {
  return phrase
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word === '{no}' ? word : tokenKey(word)));
}
