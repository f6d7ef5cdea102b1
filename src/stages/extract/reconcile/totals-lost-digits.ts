import type { TotalsChoice } from '../fields/totals.ts';
import { roundCents } from '../values/amount.ts';
import { TAX_RATES, taxRateFits } from '../values/tax-rates.ts';
import type { ArithmeticFill, ArithmeticTotals } from './totals-arithmetic.ts';

/** Digits shared at the end before two readings count as one figure with its head misread. */
const MIN_SHARED_DIGITS = 6;

/**
 * "Subtotal 457.401,11 · IVA 19% 656.906,21 · Total 114.307,32": OCR lost the first group of two figures
 * (or read the dollar sign as a digit before them: "54.185.400", which still adds up), while the tax came
 * through. The tax over a VAT rate gives a subtotal (to the cent either way of the division), and with it a
 * total, whose last six or more digits are the ones read: the readings were those figures with their heads
 * misread. Every figure read must agree so, and the read subtotal and tax must not already fall on a rate.
 * The other way round, a tax read with a digit before it ("51.568.926,93") is the difference of a subtotal
 * and total that fall on a rate. Only figures OCR read (or none) are replaced, each listed as derived.
 */
export function byLostLeadingDigits(
  choice: TotalsChoice,
  values: ArithmeticTotals,
  fill: ArithmeticFill,
): void {
  const { subtotal, tax, total } = values;
  if (tax === null || tax <= 0 || (subtotal === null && total === null)) return;
  if (subtotal !== null && taxRateFits(subtotal, tax)) return;
  const ocr = (field: 'subtotal' | 'tax' | 'total') => (choice[field]?.confidence ?? 0) < 1;
  if (subtotal !== null && total !== null && ocr('tax')) {
    const difference = roundCents(total - subtotal);
    if (taxRateFits(subtotal, difference) && sameTail(tax, difference)) {
      replace(values, fill, 'tax', difference);
      return;
    }
  }
  if (!ocr('subtotal') || !ocr('total')) return;
  for (const rate of TAX_RATES) {
    const exact = roundCents(tax / rate);
    for (const base of [exact, roundCents(exact - 0.01), roundCents(exact + 0.01)]) {
      if (!taxRateFits(base, tax)) continue;
      const sum = roundCents(base + tax);
      const tails = [
        [subtotal, base],
        [total, sum],
      ].filter((pair): pair is [number, number] => pair[0] !== null);
      if (!tails.every(([read, computed]) => sameTail(read, computed))) continue;
      if (tails.every(([read, computed]) => read === computed)) return;
      if (subtotal !== base) replace(values, fill, 'subtotal', base);
      if (total !== sum) replace(values, fill, 'total', sum);
      return;
    }
  }
}

function replace(
  values: ArithmeticTotals,
  fill: ArithmeticFill,
  field: 'subtotal' | 'tax' | 'total',
  value: number,
): void {
  values[field] = value;
  fill[field] = true;
  fill.derived.push(field);
}

/** The two figures end in the same digits (cents included), one of them one or two digits longer. */
function sameTail(read: number, computed: number): boolean {
  const a = Math.round(Math.abs(read) * 100).toString();
  const b = Math.round(computed * 100).toString();
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= MIN_SHARED_DIGITS && long.length - short.length <= 2 && long.endsWith(short);
}
