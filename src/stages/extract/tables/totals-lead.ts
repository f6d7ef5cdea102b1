import type { LabelField } from '../labels/lexicon.ts';
import type { LabelMatch } from '../labels/match.ts';
import type { Column } from './table-header.ts';

/**
 * Where the totals block opens under an item table, in any language: a totals label of the lexicon that
 * starts its cell and is followed by nothing but a rate, a colon and an amount ("Summe netto: 40,20 €",
 * "Zwischensumme:   644,61", "MWST. 19%:", "Net amount: GBP 676.23", "Total H.T.   2 532,81").
 */
export interface TotalsLead {
  /** Left edge of the label (page points). */
  x0: number;
  /** Nothing but punctuation precedes it on its row. */
  rowStart: boolean;
}

/** Totals labels by row order. */
export type TotalsLeads = ReadonlyMap<number, TotalsLead[]>;

const TOTALS_FIELDS = new Set<LabelField>(['total', 'net', 'subtotal', 'tax', 'withholding', 'charge']);

/** What may follow a totals label in its cell: a rate, a colon, then an amount (or nothing). */
const AFTER_TOTALS_LABEL =
  /^[.:]?\s?(?:\(?\d{1,2}(?:[.,]\d{1,2})?\s?%\)?)?\s?[.:]?\s*(?:$|[$€£]|(?:eur|usd|gbp|chf|brl|mxn|ars|cop)\b|-?\d)/;

/** A totals label's colon, a rate perhaps, then an amount: "IVA 16%: $4,002.30", "TOTAL: $29,016.65". */
const COLON_AMOUNT = /^\s?(?:\d{1,2}(?:[.,]\d{1,2})?\s?%\s?)?:\s*(?:[$€£]\s?)?-?\d/;

export function totalsLeads(labels: readonly LabelMatch[]): TotalsLeads {
  const out = new Map<number, TotalsLead[]>();
  const add = (label: LabelMatch) => {
    const rowStart = /^[\s#*|:.-]*$/.test(label.row.folded.slice(0, label.start));
    const list = out.get(label.row.order) ?? [];
    list.push({ x0: label.x0, rowStart });
    out.set(label.row.order, list);
  };
  const inline = new Map<number, LabelMatch[]>();
  for (const label of labels) {
    if (!TOTALS_FIELDS.has(label.field)) continue;
    const rest = label.row.folded.slice(label.end);
    if (label.startsCell && AFTER_TOTALS_LABEL.test(rest.split('   ')[0] ?? '')) add(label);
    else if (COLON_AMOUNT.test(rest))
      inline.set(label.row.order, [...(inline.get(label.row.order) ?? []), label]);
  }
  // "IMPORTE: $25,014.35 IVA 16%: $4,002.30 TOTAL: $29,016.65": totals run on in one line, each label with
  // its colon and amount. Two such labels on a row make it a totals row wherever they stand.
  for (const [order, found] of inline) {
    if (found.length + (out.get(order)?.length ?? 0) < 2) continue;
    const first = found.reduce((a, b) => (b.start < a.start ? b : a));
    add(first);
  }
  return out;
}

/**
 * A row opens the totals block when such a label starts it, or stands where the table's numbers are (right
 * of the description, notes printed to its left: "Hinweise: …   Zwischensumme:   1.830,03 €").
 */
export function opensTotals(leads: readonly TotalsLead[] | undefined, columns: readonly Column[]): boolean {
  if (!leads) return false;
  const description = columns.find((c) => c.kind === 'description');
  const numbers = columns
    .filter(
      (c) =>
        (c.kind === 'quantity' || c.kind === 'unitPrice' || c.kind === 'amount') &&
        c.x0 > (description?.x0 ?? 0),
    )
    .map((c) => c.x0);
  const numbersLeft = numbers.length > 0 ? Math.min(...numbers) : Number.POSITIVE_INFINITY;
  return leads.some((lead) => lead.rowStart || lead.x0 >= numbersLeft - 2);
}
