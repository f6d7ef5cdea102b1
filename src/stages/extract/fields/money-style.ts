import type { Row } from '../page/layout.ts';
import { readAmount } from './amounts.ts';
import type { AmountCandidate } from './totals.ts';

/** Money printed with cents: "5.000,00", "R$ 150,00", "1,234.56". */
const WITH_CENTS = /\d[.,]\d{2}(?![\d.,])/g;
/**
 * Money printed in whole units with thousands groups and no cents: "1.234.567", "$ 45,000". Not an id printed
 * in groups ("81.583.054/0001-29", "Nº 000.000.002").
 */
const GROUPED_WHOLE = /(?<![\d.,/-])[1-9]\d{0,2}(?:[.,]\d{3})+(?![\d.,/-])/g;
/** How many amounts with cents make a document's style, against how few in whole units with groups. */
const STYLE_EVIDENCE = 5;
const STYLE_EXCEPTIONS = 0.1;
/** How much a whole number counts where the document prints every other amount with cents. */
const UNCENTED_FACTOR = 0.6;

/**
 * A document prints its money one way. Where every amount carries cents (a Brazilian DANFE's "R$ 5.000,00",
 * a German "1.234,56 €") a whole number after a totals label is something else read as money: a tax code OCR
 * made digits ("IBS" as "185"), a count, a year. Such candidates stay, weaker, so that a reading in the
 * document's own style wins and a lone one goes to review.
 */
export function weakenOffStyleAmounts(candidates: AmountCandidate[], rows: Row[]): AmountCandidate[] {
  if (!printsCents(rows)) return candidates;
  return candidates.map((c) =>
    Number.isInteger(c.value) && !printedWithCents(rows, c) ? { ...c, score: c.score * UNCENTED_FACTOR } : c,
  );
}

function printsCents(rows: Row[]): boolean {
  let cents = 0;
  let whole = 0;
  for (const row of rows) {
    cents += row.text.match(WITH_CENTS)?.length ?? 0;
    whole += row.text.replace(WITH_CENTS, ' ').match(GROUPED_WHOLE)?.length ?? 0;
  }
  return cents >= STYLE_EVIDENCE && whole <= STYLE_EXCEPTIONS * cents;
}

/** An amount with cents and its thousands groups: "5.000,00", "1 234,56", "1'234.56". */
const CENTED_AMOUNT = /(?<![\d.,'])(?:\d{1,3}(?:[ .,'\u00a0\u202f]\d{3})+|\d+)[.,]\d{2}(?![\d.,])/g;

/** Whether the candidate's value is printed with cents on its label's row or in the two rows under it. */
function printedWithCents(rows: Row[], c: AmountCandidate): boolean {
  for (let i = c.row.order; i <= c.row.order + 2 && i < rows.length; i++) {
    const row = rows[i]!;
    if (row.page === c.row.page && centedValues(row).has(c.value)) return true;
  }
  return false;
}

/** The values a row prints with cents (an integer amount printed "150,00" is in the document's style). */
function centedValues(row: Row): Set<number> {
  const values = new Set<number>();
  for (const match of row.text.matchAll(CENTED_AMOUNT)) {
    const value = readAmount(match[0]);
    if (value !== null) values.add(Math.abs(value));
  }
  return values;
}
