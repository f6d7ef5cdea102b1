import type { Mapped } from './mapped.ts';
import { roundCents, sum } from './xml-tree.ts';

/** Cent rounding of each line or tax subtotal may leave a few cents between stated figures. */
const TOLERANCE = 0.021;

/**
 * The XML's own arithmetic: its lines against its stated line total, and line total, allowances, charges and
 * tax against its total. Nothing is changed; a disagreement becomes an issue (an invoice whose totals do not
 * follow from its lines is worth a person's look even when it is the legal document).
 */
export function consistencyIssues(mapped: Mapped): string[] {
  const issues: string[] = [];
  const { invoice, lineTotal, taxBasis, allowances, charges } = mapped;
  const amounts = invoice.lines.map((l) => l.amount);
  const linesSum = amounts.length > 0 && amounts.every((a) => a !== null) ? sum(amounts) : null;
  if (linesSum !== null && lineTotal !== null && Math.abs(linesSum - lineTotal) > TOLERANCE) {
    issues.push('xml_lines_do_not_sum_to_line_total');
  }
  const adjusted = lineTotal === null ? null : roundCents(lineTotal - (allowances ?? 0) + (charges ?? 0));
  if (adjusted !== null && taxBasis !== null && Math.abs(adjusted - taxBasis) > TOLERANCE) {
    issues.push('xml_tax_basis_mismatch');
  }
  const base = taxBasis ?? adjusted;
  const { tax, total } = invoice;
  if (base !== null && tax !== null && total !== null) {
    const expected = base + tax + (mapped.otherAdditions ?? 0);
    if (Math.abs(expected - total) > TOLERANCE) issues.push('xml_totals_inconsistent');
  }
  return issues;
}
