import type { Row } from '../page/layout.ts';
import { joinSplitThousands } from '../page/split-numbers.ts';
import { amountsMatch, looksLikeAmount, parseAmount } from '../values/amount.ts';
import { UNIT_WORD, wholeQuantity } from './line-recovery.ts';

/**
 * The numbers row of a receipt item ("2 UN x 470.900,65   941.801,30"): three numbers that obey
 * quantity × unit price = amount, or, when OCR lost or garbled one of them, the printed multiplication
 * "quantity [unit] x price" itself says which numbers are the quantity and the price.
 */
export interface ItemRow {
  /** Text before the numbers (the description when it is printed on the same row). */
  before: string;
  quantity: number;
  unit: string | null;
  unitPrice: number;
  amount: number;
}

interface NumberAt {
  index: number;
  value: number;
}

/** "x", "*", "@" or "x" glued to the price ("x$50.400", "x.50.400", "x'3.667.400,00"). */
const TIMES = /^[x*@]$/i;
const TIMES_GLUED = /^[x*@][.$'’`:-]?(?=\d)/i;

export function readItemRow(row: Row): ItemRow | null {
  // "941 801,30": a thousands separator OCR read as a gap, as in table rows.
  const tokens = repairNumberTokens(joinSplitThousands(row.words).map((w) => w.text));
  const numbers: NumberAt[] = [];
  tokens.forEach((t, index) => {
    const clean = t.replace(TIMES_GLUED, '').replace(/^[.$](?=\d)/, '');
    if (/%$/.test(t) || !looksLikeAmount(clean)) return;
    const value = parseAmount(clean);
    if (value !== null) numbers.push({ index, value });
  });
  return (
    byArithmetic(tokens, numbers) ??
    byPrintedMultiplication(tokens, numbers) ??
    byPriceAndAmount(tokens, numbers)
  );
}

const MONEY = /^\$?\d{1,3}(?:[.,:]\d{3})+(?:[.,;]\d{2})?$/;

/**
 * "SENSOR INDUCTIVO M18 PNP   UN   262.300,59   1.573.803,54": a table row whose quantity OCR lost, under a
 * header it could not read. The row ends in two amounts written as money after a description; the second is a
 * whole count (1–999) of the first. The count is computed, as the unit price × quantity check would.
 */
function byPriceAndAmount(tokens: string[], numbers: NumberAt[]): ItemRow | null {
  const amount = numbers.at(-1);
  const price = numbers.at(-2);
  if (!amount || !price || amount.index !== tokens.length - 1 || price.index !== tokens.length - 2)
    return null;
  if (!MONEY.test(tokens[price.index]!) || !MONEY.test(tokens[amount.index]!)) return null;
  const quantity = wholeQuantity(amount.value, price.value);
  if (quantity === null || !Number.isInteger(quantity) || quantity > 999) return null;
  if (numbers.length > 3) return null;
  let end = price.index;
  let unit: string | null = null;
  // "Unidad x: 1.049.300": a receipt's multiplication whose sign OCR glued a speck to; its description is above.
  const times = /^[x*@][:.;]?$/i.test(tokens[end - 1] ?? '');
  if (times) end--;
  if (UNIT_WORD.test(tokens[end - 1] ?? '')) {
    unit = tokens[end - 1]!;
    end--;
  }
  const before = tokens.slice(0, end).join(' ');
  if (!times && !/\p{L}{3}/u.test(before)) return null;
  return { before, quantity, unit, unitPrice: price.value, amount: amount.value };
}

function tolerance(amount: number): number {
  return Number.isInteger(amount) ? 1 : 0.011;
}

/** The amount is the last number; a quantity and a price before it multiply to it. */
function byArithmetic(tokens: string[], numbers: NumberAt[]): ItemRow | null {
  if (numbers.length < 3) return null;
  const last = numbers[numbers.length - 1]!;
  for (let p = numbers.length - 2; p >= 1; p--) {
    for (let q = p - 1; q >= 0; q--) {
      const quantity = numbers[q]!;
      const price = numbers[p]!;
      if (
        quantity.value <= 0 ||
        !amountsMatch(quantity.value * price.value, last.value, tolerance(last.value))
      )
        continue;
      const found = item(tokens, quantity.index + 1, price.index, {
        before: tokens.slice(0, quantity.index).join(' '),
        quantity: quantity.value,
        unitPrice: price.value,
        amount: last.value,
      });
      // A unit column printed before the quantity ("Aceite hidráulico ISO VG 68   GAL   8   129.100,00").
      const unitBefore = tokens[quantity.index - 1];
      if (found.unit === null && quantity.index >= 2 && unitBefore && UNIT_WORD.test(unitBefore))
        return { ...found, before: tokens.slice(0, quantity.index - 1).join(' '), unit: unitBefore };
      return found;
    }
  }
  return null;
}

/**
 * "UN x 4.466.300,00   4.466.300,00" (quantity lost: amount ÷ price is a whole quantity), "1-Unidad x
 * 30.600,43   30.600,43" or "15H x 113.100" (quantity glued to its unit), "2,00 Unidad x 259.800   57 600" (amount garbled: the
 * amount stays as read, the row is still an item). The price must follow the multiplication sign and be
 * written as money, and the amount must be the row's last word.
 */
function byPrintedMultiplication(tokens: string[], numbers: NumberAt[]): ItemRow | null {
  const times = tokens.findIndex(
    (t, i) => TIMES.test(t) || (TIMES_GLUED.test(t) && numbers.some((n) => n.index === i)),
  );
  if (times < 0) return null;
  const priceAt = TIMES.test(tokens[times]!) ? times + 1 : times;
  const price = numbers.find((n) => n.index === priceAt);
  const amount = numbers.find((n) => n.index === tokens.length - 1 && n.index > priceAt);
  if (!price || !amount || price.value <= 0 || !/[.,]\d{2,3}$|\d[.,]\d{3}/.test(tokens[priceAt]!))
    return null;
  let start = times;
  const unitTokens: string[] = [];
  while (start > 0 && unitTokens.length < 2 && /^\p{L}[\p{L}.]*$/u.test(tokens[start - 1]!)) {
    unitTokens.unshift(tokens[start - 1]!);
    start--;
  }
  const glued =
    start > 0 && unitTokens.length === 0
      ? /^(\d+(?:[.,]\d+)?)[-–]?(\p{L}+\.?)$/u.exec(tokens[start - 1]!)
      : null;
  if (glued) {
    unitTokens.push(glued[2]!);
    start--;
  }
  const printed = glued
    ? parseAmount(glued[1]!)
    : (numbers.find((n) => n.index === start - 1)?.value ?? null);
  if (printed !== null && !glued) start--;
  const quantity = printed ?? wholeQuantity(amount.value, price.value);
  // A quantity that is neither printed nor implied, or a row of free text with an "x" in it, is no item.
  if (quantity === null || quantity <= 0 || (printed === null && unitTokens.length === 0)) return null;
  return {
    before: tokens.slice(0, start).join(' '),
    quantity,
    unit: unitTokens.length > 0 ? unitTokens.join(' ') : null,
    unitPrice: price.value,
    amount: amount.value,
  };
}

function item(tokens: string[], unitFrom: number, unitTo: number, found: Omit<ItemRow, 'unit'>): ItemRow {
  const unitTokens = tokens.slice(unitFrom, unitTo).filter((t) => !/^(?:x|\*|@|\$|cop|usd)$/i.test(t));
  return { ...found, unit: unitTokens.length > 0 && unitTokens.length <= 2 ? unitTokens.join(' ') : null };
}

/**
 * OCR damage to the numbers of a receipt row: a semicolon for the decimal comma ("1;00") and cents split
 * off by a lost comma ("1.218.400 00" for "1.218.400,00").
 */
function repairNumberTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (const raw of tokens) {
    const token = /^\d+;\d{2}$/.test(raw) ? raw.replace(';', ',') : raw;
    const previous = out[out.length - 1];
    if (previous && /^\$?\d{1,3}(?:\.\d{3})+$/.test(previous) && /^\d{2}$/.test(token)) {
      out[out.length - 1] = `${previous},${token}`;
      continue;
    }
    out.push(token);
  }
  return out;
}
