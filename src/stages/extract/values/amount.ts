import { repairDigits } from '../text/text.ts';

/**
 * Money amounts as printed on Latin-American invoices: `1.234.567,89`, `$ 1.234.567`, `1,234,567.89`,
 * `$2.460.00` (dots for thousands and decimals), `18.297,00`, `74647,9330`, and OCR damage (look-alike
 * letters, a space after a separator). The rule: the last separator is the decimal mark when it is followed
 * by anything but exactly three digits, or when both marks appear; every other separator must be followed by
 * exactly three digits, otherwise the text is not an amount.
 */
export function parseAmount(raw: string): number | null {
  let text = raw.trim();
  if (text === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text
    // A speck after the dollar sign reads as a colon or semicolon ("$:11.495.601,84"), or as a full stop
    // before the groups of a thousands amount ("$.126.000,00").
    .replace(/^\$\.(?=\d{1,3}[.,]\d{3})/, '$')
    // ...or as a digit before it ("5$476.816"): no amount has a dollar sign inside its digits.
    .replace(/^\d\$(?=\d{1,3}[.,]\d{3})/, '$')
    .replace(/^(?:COP|USD|ARS|EUR|MXN|GBP|CHF|BRL|US\$|U\$S|R\$|\$|€|£)[\s:;*'’]*/i, '')
    // A speck glued before a trailing code reads as a full stop ("-75,196.25.COP").
    .replace(/(?<=\d)[\s.]*(?:COP|USD|ARS|EUR|MXN|GBP|CHF|BRL|€|£)$/i, '')
    .trim();
  // A minus with a speck beside it ("--COP 54.371") is still one minus.
  if (text.startsWith('-')) {
    negative = !negative;
    text = text
      .replace(/^-+/, '')
      // A dollar sign with a speck read as a digit before it ("-5$.287.012,29").
      .replace(/^\d\$\.?(?=\d{1,3}[.,]\d{3})/, '$')
      .replace(/^(?:COP|USD|ARS|EUR|GBP|\$|€|£)[\s:;*'’]*/i, '')
      .trim();
  }
  // A speck beside a thousands mark reads as a colon or semicolon next to it ("161.:117", "5;,474.800").
  text = repairDigits(text)
    .replace(/([.,])\s(?=\d{3}\b)/g, '$1')
    .replace(/(?<=\d)(?:([.,])[:;]|[:;]([.,]))(?=\d{3}(?!\d))/g, '$1$2');
  // A thousands mark OCR read as a gap ("836 528,17", "20.913 204,36"): joined when the part before it is three
  // digits or already grouped; "2 528,17" is more likely a count beside an amount.
  if (/^(?:\d{3}|\d{1,3}(?:[.,]\d{3})+) \d{3}(?:[.,]\d{3})*[.,]\d{2}$/.test(text))
    text = text.replace(' ', thousandsMark(text.replace(' ', '')));
  // OCR reads a thousands dot as a colon ("277:202,22"): it becomes the mark the other separators are not.
  if (/\d:\d{3}(?!\d)/.test(text)) text = text.replace(/(?<=\d):(?=\d{3}(?!\d))/g, thousandsMark(text));
  // ...and the decimal mark as a colon after thousands groups ("1,362,000:00").
  if (/\d[.,]\d{3}:\d{2}$/.test(text)) text = text.replace(/:(?=\d{2}$)/, /,\d{3}:/.test(text) ? '.' : ',');
  // A speck beside the decimal mark after thousands groups reads as one more mark ("396.200,.00").
  if (/\d[.,]\d{3}[.,]{2}\d{2}$/.test(text))
    text = text.replace(/[.,]{2}(?=\d{2}$)/, /^\d{1,3},\d{3}/.test(text) ? '.' : ',');
  if (!/^\d[\d.,]*$/.test(text) || /[.,]{2}/.test(text) || /[.,]$/.test(text)) return null;
  const value = parseDigits(text);
  if (value === null) return null;
  return negative ? -value : value;
}

function thousandsMark(text: string): string {
  const decimal = /([.,])\d{1,2}$/.exec(text)?.[1];
  if (decimal) return decimal === ',' ? '.' : ',';
  return /\d,\d{3}/.test(text) ? ',' : '.';
}

function parseDigits(text: string): number | null {
  const separators = [...text.matchAll(/[.,]/g)].map((m) => m.index);
  // Eleven digits or more with no separator is an id (a DIAN resolution, a CAE), not money.
  if (separators.length === 0) return text.length > 10 ? null : Number(text);
  const groups = text.split(/[.,]/);
  const last = groups[groups.length - 1]!;
  const lastMark = text[separators[separators.length - 1]!]!;
  const mixed = text.includes('.') && text.includes(',');
  // Three digits after the last mark are a thousands group even when the marks differ: OCR swapped one
  // ("4,499.000"); money is printed with two decimals or none.
  const lastIsDecimal = last.length !== 3 || (groups.length === 2 && groups[0] === '0');
  const integerGroups = lastIsDecimal ? groups.slice(0, -1) : groups;
  // With both marks, the decimal mark may appear once only: `1.234,5` yes, `1,234,5.6` no. OCR swaps dots
  // and commas, though: "1,507.000,00" with every earlier group of three digits and two cents at the end
  // is still one amount, its last mark the decimal one.
  if (mixed && text.slice(0, separators[separators.length - 1]).includes(lastMark) && last.length !== 2)
    return null;
  for (let i = 1; i < integerGroups.length; i++) if (integerGroups[i]!.length !== 3) return null;
  if (integerGroups.length > 1 && (integerGroups[0]!.length === 0 || integerGroups[0]!.length > 3))
    return null;
  const integer = integerGroups.join('');
  const value = lastIsDecimal ? Number(`${integer}.${last}`) : Number(integer);
  return Number.isFinite(value) ? value : null;
}

/** The thousands groups a space separates ("1 200,00", "12 345 678.90": French, Swiss and ISO style). */
function isSpaceGrouped(parts: string[]): boolean {
  if (parts.length < 2 || !/^\d{1,3}$/.test(parts[0]!)) return false;
  for (let i = 1; i < parts.length - 1; i++) if (!/^\d{3}$/.test(parts[i]!)) return false;
  return /^\d{3}(?:[.,]\d{1,2})?$/.test(parts.at(-1)!);
}

/** A cell's text as one amount when its thousands are grouped by spaces, else null. */
export function parseSpaceGrouped(text: string): number | null {
  const parts = text
    .replace(/^(?:€|\$|EUR|CHF|USD)\s*/i, '')
    // Only from the first space of a run: a long run of spaces is not tried from each of its spaces.
    .replace(/(?<!\s)\s*(?:€|EUR|CHF|USD)$/i, '')
    .trim()
    .split(/\s+/);
  return isSpaceGrouped(parts) ? parseAmount(parts.join('')) : null;
}

/** A word as `parseAmount` reads it, with its box. */
interface Placed {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Words of one cell or column with space-grouped thousands joined ("1" "200,00" → "1200,00"): only groups a
 * word space apart (under half the text's height), so a count and an amount in columns of their own stay two.
 */
export function joinSpaceGroups<W extends Placed>(words: readonly W[]): W[] {
  const joined: W[] = [];
  for (let i = 0; i < words.length; i++) {
    let end = i + 1;
    const parts = [words[i]!.text];
    while (end < words.length) {
      const previous = words[end - 1]!;
      const next = words[end]!;
      const gap = next.x0 - previous.x1;
      if (gap < 0 || gap > 0.5 * Math.max(1, previous.y1 - previous.y0)) break;
      if (!/^\d{3}(?:[.,]\d{1,2})?$/.test(next.text)) break;
      parts.push(next.text);
      end++;
      if (/[.,]/.test(next.text)) break;
    }
    if (end > i + 1 && isSpaceGrouped(parts)) {
      const first = words[i]!;
      const last = words[end - 1]!;
      joined.push({
        ...first,
        text: parts.join(''),
        x1: last.x1,
        y0: Math.min(first.y0, last.y0),
        y1: Math.max(first.y1, last.y1),
      });
      i = end - 1;
    } else joined.push(words[i]!);
  }
  return joined;
}

/** A token that is printed as an amount (not a percentage, a date or a code). */
const AMOUNT_TOKEN =
  /^\(?-?(?:\$[.:]?|COP|USD|US\$|R\$|[€£])?\s?-?[\dOoDQlI|SsBZzG][\dOoDQlI|SsBZzG.,:]*[€£]?\)?$/;

export function looksLikeAmount(token: string): boolean {
  if (!AMOUNT_TOKEN.test(token) || !/\d/.test(token)) return false;
  return parseAmount(token) !== null;
}

/** Equal to the cent, or to the peso when the printed amounts carry no cents. */
export function amountsMatch(a: number, b: number, tolerance = 0.011): boolean {
  return Math.abs(a - b) <= Math.max(tolerance, Math.abs(b) * 1e-9);
}

export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
