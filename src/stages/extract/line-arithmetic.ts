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
