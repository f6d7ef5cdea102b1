import type { TotalsChoice } from '../fields/totals.ts';
import type { Row } from '../page/layout.ts';
import { joinSplitThousands } from '../page/split-numbers.ts';
import { amountsMatch, looksLikeAmount, parseAmount, roundCents } from '../values/amount.ts';
import { taxRateFits } from '../values/tax-rates.ts';
import { byLostLeadingDigits } from './totals-lost-digits.ts';

/**
 * Second pass over the totals block for what the labels missed. OCR misreads labels ("1.V.A.", "TOTAL
 * FACTURA: ENEE"), so an amount can be printed and read while its label is not. An unlabelled amount is
 * taken only when arithmetic singles it out: tax = total − subtotal, total = subtotal + tax, subtotal = the
 * lines' sum. When the total itself is unreadable but subtotal (equal to the lines' sum) and tax were read,
 * the total is computed and reported as such (`derived`), never passed off as read.
 */
export interface ArithmeticFill {
  subtotal: boolean;
  tax: boolean;
  total: boolean;
  /** Fields computed rather than read (listed in validation.issues as `<field>_derived`). */
  derived: ('total' | 'subtotal' | 'tax')[];
}

export interface ArithmeticTotals {
  subtotal: number | null;
  tax: number | null;
  total: number | null;
  charges: number;
}

/** Two amounts that are the same figure, to the peso (rounding of cents printed apart). */
const near = (a: number, b: number) => amountsMatch(a, b, 1.01);

export function fillByArithmetic(
  choice: TotalsChoice,
  rows: Row[],
  tableRows: Set<number>,
  linesSum: number | null,
): { values: ArithmeticTotals; fill: ArithmeticFill; consistent: boolean } {
  const values: ArithmeticTotals = {
    subtotal: choice.subtotal?.value ?? null,
    tax: choice.tax?.value ?? null,
    total: choice.total?.value ?? null,
    charges: 0,
  };
  const fill: ArithmeticFill = { subtotal: false, tax: false, total: false, derived: [] };
  byLostLeadingDigits(choice, values, fill);
  if (choice.consistent && fill.derived.length === 0) return { values, fill, consistent: true };
  const printed = amountsAfterTable(rows, tableRows);
  // A figure printed with cents is the computed one only to the cent (71,51 is not 70,63); a whole one, to the
  // peso (rounded printing).
  const has = (value: number) =>
    printed.some((p) => amountsMatch(p, value, Number.isInteger(p) ? 1.01 : 0.011));

  // A subtotal read wrong or not at all, when the lines' sum is printed among the totals.
  if (linesSum !== null && (values.subtotal === null || !near(values.subtotal, linesSum)) && has(linesSum)) {
    const taxFits = values.tax !== null && values.total !== null && near(linesSum + values.tax, values.total);
    if (values.subtotal === null || taxFits) {
      values.subtotal = linesSum;
      fill.subtotal = true;
    }
  }
  const { subtotal } = values;
  if (subtotal !== null && values.total !== null && values.total > subtotal) {
    const tax = roundCents(values.total - subtotal);
    if ((values.tax === null || !near(values.tax, tax)) && has(tax) && tax / subtotal <= 0.35) {
      values.tax = tax;
      fill.tax = true;
    }
  }
  if (subtotal !== null && values.tax !== null) {
    const total = roundCents(subtotal + values.tax);
    const totalWrong = values.total === null || !near(values.total, total);
    if (totalWrong && has(total)) {
      values.total = total;
      fill.total = true;
    } else if (
      values.total === null &&
      linesSum !== null &&
      near(linesSum, subtotal) &&
      values.tax >= 0 &&
      values.tax / subtotal <= 0.35
    ) {
      values.total = total;
      fill.total = true;
      fill.derived.push('total');
    }
  }
  byTaxRate(choice, values, fill, linesSum);
  const withheld = choice.withholdings?.value ?? null;
  const consistent =
    values.subtotal !== null &&
    values.tax !== null &&
    values.total !== null &&
    (near(values.subtotal + values.tax, values.total) ||
      (withheld !== null && near(values.subtotal + values.tax - withheld, values.total)));
  return { values, fill, consistent };
}

/**
 * When one of subtotal, tax and total was misread beyond recognition (digits lost, "$ 14 | 1,161"), the other
 * two still fix it if they agree with a VAT rate: two figures read apart from each other do not fall on a
 * rate by chance. Only a figure OCR read (or none) is replaced: a text layer's figure is what the document
 * says, and a document that does not add up is reported, not corrected. The figure computed is listed as
 * derived, and nothing is computed from a subtotal the lines contradict.
 */
function byTaxRate(
  choice: TotalsChoice,
  values: ArithmeticTotals,
  fill: ArithmeticFill,
  linesSum: number | null,
): void {
  const { subtotal, tax, total } = values;
  if (subtotal !== null && tax !== null && total !== null && near(subtotal + tax, total)) return;
  const replaceable = (field: 'subtotal' | 'tax' | 'total') => {
    const read = choice[field];
    return read === null || read.confidence < 1;
  };
  const linesAgree = (value: number) => linesSum === null || near(linesSum, value);
  // "IVA 0% (exento): so": the total is the subtotal, and the lines add up to both, so nothing was taxed.
  if (
    subtotal !== null &&
    total !== null &&
    subtotal > 0 &&
    near(subtotal, total) &&
    linesSum !== null &&
    near(linesSum, subtotal) &&
    tax !== 0 &&
    !fill.tax &&
    replaceable('tax')
  ) {
    values.tax = 0;
    fill.tax = true;
    fill.derived.push('tax');
    return;
  }
  if (subtotal !== null && tax !== null && taxRateFits(subtotal, tax)) {
    if (!replaceable('total') || !linesAgree(subtotal)) return;
    values.total = roundCents(subtotal + tax);
    fill.total = true;
    fill.derived.push('total');
  } else if (subtotal !== null && total !== null && taxRateFits(subtotal, roundCents(total - subtotal))) {
    if (!replaceable('tax') || !linesAgree(subtotal)) return;
    values.tax = roundCents(total - subtotal);
    fill.tax = true;
    fill.derived.push('tax');
  } else if (tax !== null && total !== null && taxRateFits(roundCents(total - tax), tax)) {
    if (!replaceable('subtotal') || !linesAgree(roundCents(total - tax))) return;
    values.subtotal = roundCents(total - tax);
    fill.subtotal = true;
    fill.derived.push('subtotal');
  } else if (
    linesSum !== null &&
    total !== null &&
    (subtotal === null || !near(subtotal, linesSum)) &&
    taxRateFits(linesSum, roundCents(total - linesSum))
  ) {
    // The subtotal unreadable and the tax with it: the lines' sum and the total still agree on a rate.
    if (!replaceable('subtotal') || (tax !== null && !replaceable('tax'))) return;
    values.subtotal = linesSum;
    values.tax = roundCents(total - linesSum);
    fill.subtotal = true;
    fill.tax = true;
    fill.derived.push('subtotal', 'tax');
  }
}

/** Every amount printed outside the item rows, below the first item row (the totals block and its band). */
function amountsAfterTable(rows: Row[], tableRows: Set<number>): number[] {
  const firstTableRow = Math.min(...tableRows);
  const out: number[] = [];
  for (const row of rows) {
    if (tableRows.has(row.order) || (Number.isFinite(firstTableRow) && row.order < firstTableRow)) continue;
    for (const word of joinSplitThousands(row.words)) {
      const text = word.text.replace(/^[:$(]+|[:)]+$/g, '');
      if (/%/.test(text) || !looksLikeAmount(text)) continue;
      const value = parseAmount(text);
      if (value !== null && value > 0) out.push(Math.abs(value));
    }
  }
  return out;
}
