import type { LabelField } from '../labels/lexicon.ts';
import type { LabelMatch } from '../labels/match.ts';
import { type Row, type ValueWindow, valueWindows } from '../page/layout.ts';
import { NO_BOXES, type RuledBoxes } from '../page/ruled-box.ts';
import { readAmount } from './amounts.ts';
import { PLACEMENT_FACTOR, productScore } from './scorer.ts';
import type { AmountCandidate, TotalKind } from './totals.ts';

/**
 * Amounts under the lexicon's totals labels (total, amount to pay, subtotal, tax, withholdings) in every
 * language, as candidates for the joint choice in totals.ts, which keeps the combination that adds up.
 */
const KIND: Partial<Record<LabelField, TotalKind>> = {
  total: 'total',
  net: 'net',
  subtotal: 'subtotal',
  tax: 'tax',
  withholding: 'withholding',
  charge: 'charge',
};

/** Relative trust of each kind's labels, on the scale of the pattern-based candidates. */
const KIND_WEIGHT: Record<TotalKind, number> = {
  total: 0.9,
  net: 0.85,
  subtotal: 0.85,
  tax: 0.8,
  withholding: 0.9,
  charge: 0.8,
};

/** Marks of money: cents, a thousands group, a currency sign or code. */
const MONEY_MARKS =
  /\d[.,]\d{2}(?!\d)|\d[.,'\u00a0\u202f ]\d{3}(?!\d)|[$€£]|\b(?:eur|usd|gbp|chf|brl|mxn|ars|cop|clp|pen)\b/i;

export function labelledAmounts(
  rows: Row[],
  labels: LabelMatch[],
  tableRows: Set<number>,
  boxes: RuledBoxes = NO_BOXES,
): AmountCandidate[] {
  const lastTableOrder = Math.max(-1, ...tableRows);
  const out: AmountCandidate[] = [];
  for (const label of labels) {
    const kind = KIND[label.field];
    if (!kind || tableRows.has(label.row.order)) continue;
    // "% IVA", "IVA %", "Tipo IVA": the heading of a rate, not of an amount.
    const before = label.row.text.slice(0, label.start).split('   ').at(-1) ?? '';
    if (/%\s*$/.test(before) || /^\s*%/.test(label.row.text.slice(label.end))) continue;
    for (const window of labelWindows(rows, label, boxes)) {
      if (window.placement === 'below' && tableRows.has(window.row.order)) continue;
      const value = readAmount(window.text);
      if (value === null) continue;
      // A bare count ("Total items 3") or year is not money.
      if (Number.isInteger(value) && value < 100 && !/[.,]\d{2}\b|[$€£]/.test(window.text)) break;
      // Six digits and more with no grouping, no cents and no currency look more like an identifier (a VAT
      // number after "Umsatzsteuer-ID", "TVA intracom.") than money: kept, since some systems print totals
      // bare, but weak, so that another reading wins and a lone one goes to review.
      const bare = Number.isInteger(value) && Math.abs(value) >= 100_000 && !MONEY_MARKS.test(window.text);
      const amount = Math.abs(value);
      if ((kind === 'net' || kind === 'total') && amount === 0) break;
      // "Totale documento   5.213,79   1.147,03": a label heading a row of several sums (a summary table's
      // bottom line) does not say which of them is its amount. The first stays the likeliest (a form's title
      // over its boxes' values, "VALOR TOTAL DA NFS-E   R$ 9.500,00   R$ 200,00"), but only as a question.
      const guessed = window.placement !== 'below' && moneyCellsAfter(label) >= 2;
      const features = {
        kind: KIND_WEIGHT[kind],
        label: label.weight,
        cellStart: label.startsCell ? 1 : 0.85,
        placement: PLACEMENT_FACTOR[window.placement],
        afterTable: label.row.order > lastTableOrder ? 1 : 0.9,
        read: 0.5 + 0.5 * window.confidence,
        marks: bare ? 0.6 : 1,
      };
      out.push({
        kind,
        value: amount,
        score: productScore(features),
        row: label.row,
        label: label.row.folded.slice(label.start, label.end),
        confidence: guessed ? Math.min(window.confidence, 0.7) : window.confidence,
      });
      break;
    }
  }
  return out;
}

/** Cells after a label on its row that hold money. */
function moneyCellsAfter(label: LabelMatch): number {
  return label.row.text
    .slice(label.end)
    .split('   ')
    .filter((cell) => MONEY_MARKS.test(cell) && readAmount(cell) !== null).length;
}

/**
 * Where a label's amount may be: first the value under it inside its own ruled box (a box is a cell: label
 * and value share it, however far apart they print), then the places around the label.
 */
function labelWindows(rows: Row[], label: LabelMatch, boxes: RuledBoxes): ValueWindow[] {
  const windows = valueWindows(rows, label);
  const boxed = boxes.valueBelow(rows, label);
  if (!boxed) return windows;
  const placement = boxed.cellBelow ? 'below' : 'same-cell';
  return [{ text: boxed.text, placement, row: boxed.row, confidence: boxed.confidence }, ...windows];
}

/**
 * The pattern finder's candidates less those whose label is only the start of a longer lexicon label of
 * another kind: "VALOR TOTAL DOS PRODUTOS" is a subtotal's label, not "valor total" followed by words;
 * "Total aproximado de tributos" labels no total.
 */
export function withoutShadowed(candidates: AmountCandidate[], labels: LabelMatch[]): AmountCandidate[] {
  return candidates.filter((c) => {
    const span = c.span;
    if (!span) return true;
    return !labels.some(
      (l) =>
        l.row.order === c.row.order &&
        (l.field === 'other' || (KIND[l.field] !== undefined && KIND[l.field] !== c.kind)) &&
        l.x0 <= span.x0 + 0.5 &&
        l.x1 >= span.x1 - 0.5 &&
        l.x1 - l.x0 > span.x1 - span.x0 + 1,
    );
  });
}

/** Candidates of both finders, one per row, kind and value (the stronger score kept). */
export function mergeAmountCandidates(a: AmountCandidate[], b: AmountCandidate[]): AmountCandidate[] {
  const byKey = new Map<string, AmountCandidate>();
  for (const c of [...a, ...b]) {
    // An invoice's total is never nothing: a zero there is an empty box or a paid balance.
    if ((c.kind === 'total' || c.kind === 'net') && c.value === 0) continue;
    const key = `${c.row.order}:${c.kind}:${c.value}`;
    const seen = byKey.get(key);
    if (!seen || seen.score < c.score) byKey.set(key, c);
  }
  return [...byKey.values()];
}
