import type { LineItem } from '../../../contract/result.ts';
import { lineAmountOk } from '../reconcile/validate.ts';
import { wholeQuantity } from './line-recovery.ts';

/**
 * A quantity OCR dropped (one thin digit in its own column is the easiest thing to lose) is the line's
 * amount ÷ unit price when that is a whole or half number. It is computed, not read: each one is reported as
 * `line_<n>_quantity_derived` in validation.issues.
 */
export function deriveMissingQuantities(lines: LineItem[]): { lines: LineItem[]; issues: string[] } {
  const issues: string[] = [];
  const out = lines.map((line, index) => {
    if (line.quantity !== null || line.unitPrice === null || line.amount === null) return line;
    const quantity = wholeQuantity(line.amount, line.unitPrice);
    if (quantity !== null) {
      issues.push(`line_${index + 1}_quantity_derived`);
      return { ...line, quantity };
    }
    // Either number may be the one that lost its first digit: only when one of them alone fits is it restored.
    const amount = withLeadingDigit(line.amount, (candidate) => wholeCount(candidate, line.unitPrice!));
    const unitPrice = withLeadingDigit(line.unitPrice, (candidate) => wholeCount(line.amount!, candidate));
    if (amount && !unitPrice) {
      issues.push(`line_${index + 1}_amount_derived`, `line_${index + 1}_quantity_derived`);
      return { ...line, amount: amount.value, quantity: amount.quantity };
    }
    if (unitPrice && !amount) {
      issues.push(`line_${index + 1}_unit_price_derived`, `line_${index + 1}_quantity_derived`);
      return { ...line, unitPrice: unitPrice.value, quantity: unitPrice.quantity };
    }
    return line;
  });
  return { lines: out, issues };
}

/**
 * A line whose quantity, unit price and amount were all read but do not agree, because OCR lost the first
 * digit of the amount or of the unit price ("16 × 71.600   1 145.600" read as 145.600), or read the dollar
 * sign as a 5 before it ("52.424.900,54"): the digit given back (or the 5 taken off) that makes quantity × unit
 * price exact is, when it does so for only one of the two numbers. Only on scans (`ocr`): a text layer's
 * figures are what the document says. Reported as `line_<n>_amount_derived` or `line_<n>_unit_price_derived`.
 */
export function restoreLeadingDigits(
  lines: LineItem[],
  ocr: boolean,
): { lines: LineItem[]; issues: string[] } {
  const issues: string[] = [];
  if (!ocr) return { lines, issues };
  const out = lines.map((line, index) => {
    const { quantity, unitPrice, amount } = line;
    if (quantity === null || unitPrice === null || amount === null || quantity <= 0) return line;
    if (lineAmountOk(line) !== false) return line;
    const exact = (a: number, b: number) => Math.abs(a - b) <= 0.011 * Math.max(1, quantity);
    const amountFits = (c: number) => (exact(quantity * unitPrice, c) ? quantity : null);
    const priceFits = (c: number) => (exact(quantity * c, amount) ? quantity : null);
    // "1 × 51.830.000   1.830.000" fits a 5 lost from the amount as well as a 5 read for the price's "$":
    // only a repair that is the one possible is made.
    const repairs = [
      { field: 'amount' as const, fix: withLeadingDigit(amount, amountFits) },
      { field: 'amount' as const, fix: withoutDollarDigit(amount, amountFits) },
      { field: 'unitPrice' as const, fix: withLeadingDigit(unitPrice, priceFits) },
      { field: 'unitPrice' as const, fix: withoutDollarDigit(unitPrice, priceFits) },
    ].filter((r) => r.fix !== null);
    const [only] = repairs;
    if (repairs.length !== 1 || !only?.fix) return line;
    issues.push(`line_${index + 1}_${only.field === 'amount' ? 'amount' : 'unit_price'}_derived`);
    return { ...line, [only.field]: only.fix.value };
  });
  return { lines: out, issues };
}

/**
 * Sparse OCR drops a leading "1." with its dot ("1.535.200" read as "535 200"), and the quantity beside it
 * may be lost too. A number is given back its first digit when exactly one digit in front of it makes a
 * whole quantity: a coincidence for one digit, not for the only one of nine.
 */
function withLeadingDigit(
  read: number,
  quantityWith: (candidate: number) => number | null,
): { value: number; quantity: number } | null {
  if (read < 10_000) return null;
  const place = 10 ** Math.floor(Math.log10(read) + 1);
  const fits: { value: number; quantity: number }[] = [];
  for (let digit = 1; digit <= 9; digit++) {
    const value = Math.round((digit * place + read) * 100) / 100;
    const quantity = quantityWith(value);
    if (quantity !== null) fits.push({ value, quantity });
  }
  return fits.length === 1 ? fits[0]! : null;
}

/** The number without a first digit 5, when that fits: the dollar sign read as a 5 ("52.424.900,54"). */
function withoutDollarDigit(
  read: number,
  quantityWith: (candidate: number) => number | null,
): { value: number; quantity: number } | null {
  if (read < 100_000) return null;
  const place = 10 ** Math.floor(Math.log10(read));
  if (Math.floor(read / place) !== 5) return null;
  const value = Math.round((read % place) * 100) / 100;
  const quantity = value > 0 ? quantityWith(value) : null;
  return quantity === null ? null : { value, quantity };
}

/** A whole count of units as invoices print them (1–999). */
function wholeCount(amount: number, unitPrice: number): number | null {
  const quantity = wholeQuantity(amount, unitPrice);
  return quantity !== null && Number.isInteger(quantity) && quantity <= 999 ? quantity : null;
}

/**
 * The one line whose amount OCR lost entirely is what the subtotal leaves after the other lines, when the
 * totals block adds up (so the subtotal is trusted), the rest is positive and less than the subtotal, and,
 * where the line's quantity and unit price were read, their product agrees. Computed, not read: reported as
 * `line_<n>_amount_derived`.
 */
export function deriveMissingAmount(
  lines: LineItem[],
  subtotal: number | null,
  totalsConsistent: boolean,
): { lines: LineItem[]; issues: string[] } {
  const missing = lines.flatMap((line, index) => (line.amount === null ? [index] : []));
  if (subtotal === null || !totalsConsistent || missing.length !== 1) return { lines, issues: [] };
  const index = missing[0] as number;
  const others = lines.reduce((sum, line) => sum + (line.amount ?? 0), 0);
  const amount = Math.round((subtotal - others) * 100) / 100;
  if (!(amount > 0 && amount < subtotal)) return { lines, issues: [] };
  const line = lines[index] as LineItem;
  if (
    line.quantity !== null &&
    line.unitPrice !== null &&
    Math.abs(line.quantity * line.unitPrice - amount) > 1
  )
    return { lines, issues: [] };
  const out = lines.map((l, i) => (i === index ? { ...l, amount } : l));
  return { lines: out, issues: [`line_${index + 1}_amount_derived`] };
}
