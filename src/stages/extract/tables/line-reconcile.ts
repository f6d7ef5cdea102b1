import { amountsMatch, roundCents } from '../values/amount.ts';

/**
 * A line's amount checked against its own quantity × unit price, for the damage OCR does to one number of
 * three: the amount lost (blank, or letters where digits were), a speck read as a minus sign, or one or two
 * digits misread in the least legible of the numbers, or its leading digits lost (a "4." whose dot sparse OCR
 * read as a gap, dropped with it). The printed amount is kept whenever it fits or nothing contradicts it.
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
  if (product !== null && quantity && lostLeadingDigits(product, amount.value)) return product;
  return amount.value;
}

/**
 * The unit price that lost its leading digits ("5.180.700" read as "180.700"), given back as amount ÷ quantity
 * when that is what the read price ends with; otherwise the price as read.
 */
export function reconcileUnitPrice(
  quantity: number | null,
  unitPrice: number | null,
  amount: number | null,
): number | null {
  if (unitPrice === null || quantity === null || quantity <= 0 || amount === null) return unitPrice;
  const implied = roundCents(amount / quantity);
  const exact = (price: number) => amountsMatch(roundCents(quantity * price), amount, tolerance(amount));
  if (exact(unitPrice) || !exact(implied)) return unitPrice;
  return lostLeadingDigits(implied, unitPrice) ? implied : unitPrice;
}

/**
 * "588000" is "4588000" with its first one or two digits lost. Only from five digits on: shorter numbers end
 * alike by chance. Gaining digits is not OCR's way: a "$" read as a 5 stays a word apart.
 */
function lostLeadingDigits(whole: number, read: number): boolean {
  const x = Math.abs(whole).toFixed(2);
  const y = Math.abs(read).toFixed(2);
  const extra = x.length - y.length;
  return extra >= 1 && extra <= 2 && y.length >= 8 && x.endsWith(y);
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
