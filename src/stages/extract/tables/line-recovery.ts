import type { Word } from '../../../contract/document.ts';
import { isUnitWord, MULTI_WORD_UNITS } from '../labels/unit-words.ts';
import { amountsMatch, looksLikeAmount, parseAmount } from '../values/amount.ts';
import { COUNTRY_CURRENCY } from '../values/currency-signs.ts';

/**
 * Recovering a line's fields from words that landed in the description because OCR lost or misread a
 * column header: arithmetic (quantity × unit price = amount) and position decide, never the words alone.
 */
/** A unit of measure of any language (the lexicon's data in labels/unit-words.ts). */
export const UNIT_WORD = { test: isUnitWord };

export function quantityByArithmetic(
  words: Word[],
  unitPrice: number,
  amount: number,
): { quantity: number; unit: string | null } | null {
  for (let i = words.length - 1; i >= 0; i--) {
    const value = parseAmount(words[i]!.text);
    if (value === null || value <= 0) continue;
    const tolerance = Number.isInteger(amount) ? 1 : 0.011;
    if (!amountsMatch(value * unitPrice, amount, tolerance)) continue;
    let unit: string | null = null;
    const after = words[i + 1];
    const before = words[i - 1];
    if (after && UNIT_WORD.test(after.text)) {
      unit = after.text;
      words.splice(i + 1, 1);
    } else if (before && UNIT_WORD.test(before.text)) {
      unit = before.text;
      words.splice(i - 1, 1);
      i--;
    }
    words.splice(i, 1);
    return { quantity: value, unit };
  }
  return null;
}

/**
 * The unit price printed in the description's space: a money-shaped word (with a currency sign or a
 * thousands separator, so that "5 HP" or "P1" never qualify) such that quantity × price = amount. Without a
 * quantity, a small number just before it (or before its unit word: "1 Unidad $2.953.000") that makes the
 * product work is the quantity; a price equal to the amount alone leaves the quantity unknown.
 */
export function unitPriceByArithmetic(
  words: Word[],
  quantity: number | null,
  amount: number,
): { unitPrice: number; quantity: number | null; unit: string | null } | null {
  const tolerance = Number.isInteger(amount) ? 1 : 0.011;
  const fits = (q: number, price: number) => amountsMatch(q * price, amount, tolerance);
  for (let i = words.length - 1; i >= 1; i--) {
    const text = words[i]!.text;
    if (!/^\$|\d[.,:]\d{3}(?:\D|$)/.test(text) || !looksLikeAmount(text)) continue;
    const price = parseAmount(text);
    if (price === null || price <= 0) continue;
    let unitAt = UNIT_WORD.test(words[i - 1]!.text) ? i - 1 : -1;
    let found = quantity;
    let quantityAt = -1;
    if (quantity !== null) {
      if (!fits(quantity, price)) continue;
    } else {
      const at = unitAt >= 0 ? unitAt - 1 : i - 1;
      const q = at >= 0 ? parseAmount(words[at]!.text) : null;
      if (q !== null && q > 0 && q < 10_000 && fits(q, price)) {
        found = q;
        quantityAt = at;
        // The unit printed before its quantity ("Und   3   2.228.700,97").
        if (unitAt < 0 && at >= 1 && UNIT_WORD.test(words[at - 1]!.text)) unitAt = at - 1;
      } else if (wholeQuantity(amount, price) === null) continue;
    }
    const unit = unitAt >= 0 ? words[unitAt]!.text : null;
    for (const k of [i, unitAt, quantityAt].filter((k) => k >= 0).sort((a, b) => b - a)) words.splice(k, 1);
    return { unitPrice: price, quantity: found, unit };
  }
  return null;
}

/**
 * amount ÷ unit price when it is a plausible printed quantity (whole, or in halves: 2,5 hours), else null.
 * Used to accept a price whose quantity OCR lost; the quantity itself is filled in by line-arithmetic.ts.
 */
export function wholeQuantity(amount: number, unitPrice: number): number | null {
  if (unitPrice <= 0 || amount <= 0) return null;
  const ratio = amount / unitPrice;
  const halves = Math.round(ratio * 2) / 2;
  if (halves < 0.5 || halves > 9999) return null;
  const tolerance = Number.isInteger(amount) ? 1 : 0.011;
  return amountsMatch(halves * unitPrice, amount, tolerance) ? halves : null;
}

/** A product or service code: letters and digits, at least one digit ("001S", "REP-135", "0020"). */
const CODE_LIKE = /^(?=.*\d)(?=.{3})[\p{L}\d]{1,8}(?:[-/][\p{L}\d]{1,8})?$/u;

/**
 * Words printed left of the description's header belong to a column without a readable header of its own
 * (unit, code, quantity printed before the description); a unit word far right of the description's text is
 * the unit column. Claimed words leave `words`.
 */
export function claimStrayWords(
  words: Word[],
  descriptionX0: number,
  current: { code: boolean; unit: boolean; quantity: boolean },
): { code: string | null; unit: string | null; quantity: number | null } {
  const found: { code: string | null; unit: string | null; quantity: number | null } = {
    code: null,
    unit: null,
    quantity: null,
  };
  while (words.length > 1 && words[0]!.x1 < descriptionX0 - 2) {
    const text = words[0]!.text;
    if (!current.unit && found.unit === null && UNIT_WORD.test(text)) found.unit = text;
    else if (!current.quantity && found.quantity === null && /^\d+(?:[.,]\d+)?$/.test(text))
      found.quantity = parseAmount(text);
    else if (!current.code && found.code === null && CODE_LIKE.test(text)) found.code = text;
    else break;
    words.shift();
  }
  // A currency sign or code standing after the description's text belongs to the price beside it.
  while (words.length > 1 && isPriceSign(words[words.length - 1]!, words[words.length - 2]!)) words.pop();
  // A unit or a code far right of the description's text: the next column, whose header was not read.
  if (!current.unit) found.unit ??= multiWordUnitAtEnd(words);
  for (let claimed = 0; claimed < 2 && words.length > 1; claimed++) {
    const last = words[words.length - 1]!;
    const before = words[words.length - 2]!;
    const charWidth = (before.x1 - before.x0) / Math.max(1, before.text.length);
    if (last.x0 - before.x1 <= 3 * charWidth) break;
    if (!current.unit && found.unit === null && UNIT_WORD.test(last.text)) found.unit = last.text;
    else if (!current.code && found.code === null && CODE_LIKE.test(last.text) && /[-/]/.test(last.text))
      found.code = last.text;
    else break;
    words.pop();
  }
  return found;
}

/** A unit of two words ("a corpo") standing apart after the description's text, taken off its end. */
function multiWordUnitAtEnd(words: Word[]): string | null {
  for (const unit of MULTI_WORD_UNITS) {
    const n = unit.length;
    if (words.length <= n) continue;
    const tail = words.slice(-n);
    if (tail.some((w, i) => w.text.toLowerCase().replace(/\.$/, '') !== unit[i])) continue;
    const before = words[words.length - n - 1]!;
    const charWidth = (before.x1 - before.x0) / Math.max(1, before.text.length);
    if (tail[0]!.x0 - before.x1 <= 3 * charWidth) continue;
    words.splice(words.length - n, n);
    return tail.map((w) => w.text).join(' ');
  }
  return null;
}

const CURRENCY_CODES = new Set(Object.values(COUNTRY_CURRENCY));

/** "€", "£", "$", "R$" alone, or an ISO currency code ("GBP") set apart from the word before it. */
function isPriceSign(word: Word, before: Word): boolean {
  if (/^(?:[€£$]|r\$|us\$)$/i.test(word.text)) return true;
  if (!CURRENCY_CODES.has(word.text)) return false;
  const charWidth = (before.x1 - before.x0) / Math.max(1, before.text.length);
  return word.x0 - before.x1 > 2 * charWidth;
}
