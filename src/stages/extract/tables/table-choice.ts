import { lineAmountOk } from '../reconcile/validate.ts';
import type { TableResult } from './table.ts';

/**
 * The ruled grid's items (page/grid-table.ts) or the row reader's (table.ts): the grid's are taken when
 * their arithmetic holds at least as well — as many lines where quantity × unit price = amount, as large a
 * share of them, and their sum matching the subtotal whenever the row reader's does. `sumMatches` is asked
 * only when the lines' own arithmetic does not already decide.
 */
export function chooseLineTable(
  ruled: TableResult | null,
  rows: TableResult,
  sumMatches: (table: TableResult) => boolean,
): TableResult {
  if (!ruled || ruled.lines.length === 0) return rows;
  if (rows.lines.length === 0) return ruled;
  const ruledOk = arithmeticHolds(ruled);
  const rowsOk = arithmeticHolds(rows);
  if (ruledOk.count < rowsOk.count || ruledOk.share < rowsOk.share) return rows;
  if (sumMatches(rows) && !sumMatches(ruled)) return rows;
  return ruled;
}

function arithmeticHolds(table: TableResult): { count: number; share: number } {
  const count = table.lines.filter((line) => lineAmountOk(line) === true).length;
  return { count, share: count / table.lines.length };
}
