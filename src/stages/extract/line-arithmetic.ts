import type { LineItem } from '../../contract/result.ts';
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
    if (quantity === null) return line;
    issues.push(`line_${index + 1}_quantity_derived`);
    return { ...line, quantity };
  });
  return { lines: out, issues };
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
