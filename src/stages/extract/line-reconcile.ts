import { amountsMatch, roundCents } from './amount.ts';

/**
 * A line's amount checked against its own quantity × unit price, for the damage OCR does to one number of
 * three: the amount lost (blank, or letters where digits were), a speck read as a minus sign, or one or two
 * digits misread in the least legible of the numbers, or its leading digits lost or gained (a "4." whose dot
 * sparse OCR read as a gap, dropped; a "$" read as a 5, kept). The printed amount is kept whenever it fits or
 * nothing contradicts it.
 */
export interface ReadNumber {
  value: number;
  /** OCR confidence of the word it was read from (1 for a text layer). */
  confidence: number;
}

export function reconcileAmount(
  quantity: ReadNumber | null,
  unitPrice: ReadNumber | null,
  amount: ReadNumber | null,
): number | null {
  if (!unitPrice || unitPrice.value <= 0) return amount?.value ?? null;
  const product = quantity ? roundCents(quantity.value * unitPrice.value) : null;
  if (!amount) return product;
  const fits = (value: number) => product !== null && amountsMatch(product, value, tolerance(value));
  if (fits(amount.value)) return amount.value;
  // Invoice lines here are never negative when their price is not: the minus is a speck.
  if (
    amount.value < 0 &&
    (fits(-amount.value) || (!quantity && amountsMatch(-amount.value, unitPrice.value)))
  )
    return -amount.value;
  if (
    product !== null &&
    quantity &&
    amount.confidence < Math.min(unitPrice.confidence, quantity.confidence) &&
    digitsApart(product, amount.value) <= 2
  )
    return product;
  if (product !== null && quantity && leadingDigitsApart(product, amount.value)) return product;
  return amount.value;
}

/** "4588000" and "588000", "248100" and "5248100": one ends with the other, one or two digits more in front. */
function leadingDigitsApart(a: number, b: number): boolean {
  const x = Math.abs(a).toFixed(2);
  const y = Math.abs(b).toFixed(2);
  const [longer, shorter] = x.length >= y.length ? [x, y] : [y, x];
  const extra = longer.length - shorter.length;
  return extra >= 1 && extra <= 2 && shorter.length >= 8 && longer.endsWith(shorter);
}

function tolerance(value: number): number {
  return Number.isInteger(value) ? 1 : 0.011;
}

/** How many digits differ between two amounts printed with the same number of digits (else Infinity). */
function digitsApart(a: number, b: number): number {
  const x = Math.abs(a).toFixed(2);
  const y = Math.abs(b).toFixed(2);
  if (x.length !== y.length) return Number.POSITIVE_INFINITY;
  let differ = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differ++;
  return differ;
}
