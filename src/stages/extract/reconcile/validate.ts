import type { Invoice, LineItem } from '../../../contract/result.ts';
import { amountsMatch } from '../values/amount.ts';

/**
 * Arithmetic checks on an extracted invoice. They never change a value: what fails is reported so that the
 * warehouse and a person can see it, and confidence drops with it.
 */
export function lineAmountOk(line: LineItem): boolean | null {
  if (line.quantity === null || line.unitPrice === null || line.amount === null) return null;
  const expected = line.quantity * line.unitPrice;
  // Whole-peso invoices round each line to the peso.
  const tolerance = Number.isInteger(line.amount) && !Number.isInteger(expected) ? 1 : 0.011;
  return amountsMatch(expected, line.amount, tolerance);
}

export function linesSum(lines: LineItem[]): number | null {
  if (lines.length === 0 || lines.some((l) => l.amount === null)) return null;
  return Math.round(lines.reduce((s, l) => s + (l.amount ?? 0), 0) * 100) / 100;
}

export function linesMatchSubtotal(lines: LineItem[], subtotal: number | null): boolean | null {
  const sum = linesSum(lines);
  if (sum === null || subtotal === null) return null;
  return amountsMatch(
    sum,
    subtotal,
    Math.max(0.011, 0.0051 * lines.length, Number.isInteger(subtotal) ? 1 : 0),
  );
}

export function validateInvoice(invoice: Invoice, totalsConsistent: boolean): string[] {
  const issues: string[] = [];
  if (!invoice.number) issues.push('missing_number');
  if (!invoice.issueDate) issues.push('missing_issue_date');
  if (invoice.total === null) issues.push('missing_total');
  if (!invoice.supplier.taxId) issues.push('missing_supplier_tax_id');
  if (invoice.lines.length === 0) issues.push('missing_lines');
  invoice.lines.forEach((line, i) => {
    if (lineAmountOk(line) === false) issues.push(`line_${i + 1}_amount_mismatch`);
  });
  if (linesMatchSubtotal(invoice.lines, invoice.subtotal) === false)
    issues.push('lines_do_not_sum_to_subtotal');
  if (invoice.subtotal !== null && invoice.tax !== null && invoice.total !== null && !totalsConsistent) {
    issues.push('subtotal_plus_tax_not_total');
  }
  if (invoice.issueDate && invoice.dueDate && invoice.dueDate < invoice.issueDate)
    issues.push('due_date_before_issue_date');
  return issues;
}
