/**
 * Which line items the extractor's own checks doubt, from validation issue codes: `line_<n>_amount_mismatch`
 * (quantity × unit price is not the amount) and `line_<n>_{amount,unit_price,quantity}_derived` (a figure
 * computed from the others, not read). `xml_line_<n>_…` are the same checks on an e-invoice's XML. Lines
 * are numbered from 1 in the codes, from 0 here.
 */

export type LineColumn = 'quantity' | 'unitPrice' | 'amount';

export interface LineDoubt {
  /** The line's arithmetic fails: quantity, unit price and amount are all suspect. */
  mismatch: boolean;
  /** Figures computed rather than read. */
  derived: LineColumn[];
}

const LINE_ISSUE =
  /^(?:xml_)?line_(\d{1,5})_(amount_mismatch|amount_derived|unit_price_derived|quantity_derived)$/;
const DERIVED: Record<string, LineColumn> = {
  amount_derived: 'amount',
  unit_price_derived: 'unitPrice',
  quantity_derived: 'quantity',
};

export function lineDoubts(issues: readonly string[]): Map<number, LineDoubt> {
  const doubts = new Map<number, LineDoubt>();
  for (const issue of issues) {
    const match = LINE_ISSUE.exec(issue);
    if (!match?.[1] || !match[2]) continue;
    const index = Number(match[1]) - 1;
    if (index < 0) continue;
    const doubt = doubts.get(index) ?? { mismatch: false, derived: [] };
    const column = DERIVED[match[2]];
    if (column) {
      if (!doubt.derived.includes(column)) doubt.derived.push(column);
    } else doubt.mismatch = true;
    doubts.set(index, doubt);
  }
  return doubts;
}

/** The figures of a line the reviewer should look at. */
export function doubtfulColumns(doubt: LineDoubt | undefined): LineColumn[] {
  if (!doubt) return [];
  return doubt.mismatch ? ['quantity', 'unitPrice', 'amount'] : doubt.derived;
}
