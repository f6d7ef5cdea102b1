import type { Row } from '../page/layout.ts';
import type { Column } from './table-header.ts';
import { HEADER_EVIDENCE_ROWS, MONEY_EVIDENCE_ROWS } from './table-header-evidence.ts';

/**
 * Columns of an item table whose names OCR lost or misread, placed from what the item rows under the header
 * print: an amount past the unit price, codes between the description and the numbers, a count before the
 * next column, the description's text starting left of its half-read name.
 */

const MONEY = /^\$?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?$/;

/**
 * The amount column whose name OCR lost (a dark band, a faded "Vr. Total"): the header names a unit price but
 * no amount, and at least two of the rows under it print a second amount wholly right of the price's name.
 */
export function amountColumnBeyond(columns: Column[], row: Row, following: Row[]): Column | null {
  if (columns.some((c) => c.kind === 'amount')) return null;
  const price = columns.find((c) => c.kind === 'unitPrice');
  if (!price) return null;
  const beyond = evidenceRows(following, row).flatMap((next) => {
    const amounts = next.words.filter((w) => MONEY.test(w.text));
    const last = amounts.at(-1);
    return amounts.length >= 2 && last && last.x0 > price.x1 + 8 ? [last] : [];
  });
  if (beyond.length < 2) return null;
  return {
    kind: 'amount',
    label: '',
    x0: Math.min(...beyond.map((w) => w.x0)),
    x1: Math.max(...beyond.map((w) => w.x1)),
  };
}

/**
 * The unit-price column whose name OCR lost ("Cód.   Detalle   Valor total" over rows printing a price and an
 * amount): the header names an amount but no unit price, and at least two of the rows under it print another
 * amount wholly left of the amount's name and right of the description's, right-aligned with each other.
 */
export function unitPriceColumnBefore(columns: Column[], row: Row, following: Row[]): Column | null {
  if (columns.some((c) => c.kind === 'unitPrice')) return null;
  const amount = columns.find((c) => c.kind === 'amount');
  const description = columns.find((c) => c.kind === 'description');
  if (!amount || !description || description.x0 > amount.x0) return null;
  const prices = evidenceRows(following, row, MONEY_EVIDENCE_ROWS).flatMap((next) => {
    const money = next.words.filter((w) => MONEY.test(w.text) && w.x0 > description.x1);
    const before = money.filter((w) => w.x1 < amount.x0 - 8).at(-1);
    return before && money.at(-1) !== before ? [before] : [];
  });
  return rightAligned('unitPrice', prices);
}

/**
 * Both money columns' names lost or misread ("Cód.   Detalle   Vir. T"): the header names a description,
 * another column and no price or amount, and at least two of the rows under it print two amounts right of the
 * description's name, each right-aligned with the same one of the other rows, as columns are and free text
 * is not.
 */
export function moneyColumnsFromRows(columns: Column[], row: Row, following: Row[]): Column[] {
  if (columns.some((c) => c.kind === 'unitPrice' || c.kind === 'amount')) return [];
  const description = columns.find((c) => c.kind === 'description');
  // A description's name alone is no header: a wrapped item's last word ("servicio") reads as one.
  if (!description || columns.length < 2) return [];
  const pairs = evidenceRows(following, row, MONEY_EVIDENCE_ROWS).flatMap((next) => {
    const money = next.words.filter((w) => MONEY.test(w.text) && w.x0 > description.x1);
    return money.length >= 2 ? [money.slice(-2)] : [];
  });
  const price = rightAligned(
    'unitPrice',
    pairs.map((p) => p[0]!),
  );
  const amount = rightAligned(
    'amount',
    pairs.map((p) => p[1]!),
  );
  return price && amount ? [price, amount] : [];
}

/**
 * A column of this kind spanning the words whose right edges lie within 12 pt of the words' median one, when
 * two or more do and they are most of them (one amount OCR split in two does not hide the column).
 */
function rightAligned(kind: 'unitPrice' | 'amount', words: Row['words']): Column | null {
  const edges = words.map((w) => w.x1).sort((a, b) => a - b);
  const median = edges[Math.floor(edges.length / 2)] ?? 0;
  const aligned = words.filter((w) => Math.abs(w.x1 - median) <= 12);
  if (aligned.length < 2 || aligned.length * 3 < words.length * 2) return null;
  return {
    kind,
    label: '',
    x0: Math.min(...aligned.map((w) => w.x0)),
    x1: Math.max(...aligned.map((w) => w.x1)),
  };
}

const CODE_LIKE = /^(?=.*\d)[\p{L}\d]{3,8}(?:[-/][\p{L}\d]{1,8})?$/u;

/**
 * A header cell no column name matched ("cues" for a misread "Código"), between the description and the
 * numbers, over item rows that print a code under it: the code column, so that the codes do not run into the
 * description.
 */
export function codeColumnUnnamed(
  row: Row,
  taken: boolean[],
  columns: Column[],
  following: Row[],
): Column | null {
  const gap = codeGap(columns, 1);
  if (!gap) return null;
  const { description, firstNumber } = gap;
  for (const cell of row.cells) {
    if (cell.x0 <= description.x1 || cell.x1 >= firstNumber || cell.words.length > 2) continue;
    const start = row.starts[row.words.indexOf(cell.words[0]!)]!;
    if (taken.slice(start, start + cell.text.length).some(Boolean)) continue;
    const codes = evidenceRows(following, row).filter((next) =>
      next.words.some((w) => CODE_LIKE.test(w.text) && w.x1 > cell.x0 - 10 && w.x0 < cell.x1 + 10),
    );
    if (codes.length >= 2) return { kind: 'code', label: cell.text, x0: cell.x0, x1: cell.x1 };
  }
  return null;
}

/**
 * "Descripción del servicio" read only as "servicio", or a name centred over its column: the item rows' text
 * starts left of it, past the previous column's name. The description column starts where that text does on
 * two or more rows, so its first words do not go to the column before.
 */
export function alignDescriptionStart(columns: Column[], following: Row[], row: Row): void {
  const index = columns.findIndex((c) => c.kind === 'description');
  const description = columns[index];
  const previous = columns[index - 1];
  if (!description || !previous) return;
  const starts = evidenceRows(following, row).flatMap((next) => {
    const cell = next.cells.find(
      (c) =>
        c.x0 > previous.x1 + 2 &&
        c.x0 < description.x0 - 4 &&
        c.words.filter((w) => /\p{L}{2}/u.test(w.text)).length >= 3,
    );
    return cell ? [cell.x0] : [];
  });
  if (starts.length < 2 || Math.max(...starts) - Math.min(...starts) > 10) return;
  description.x0 = Math.min(...starts) - 2;
}

/**
 * No header word at all over a column of codes ("Concepto   Cant" with "33596" printed between them): the item
 * rows' last word before the numbers is a code starting at the same x on two or more rows, as a column does
 * and the end of free text does not.
 */
export function codeColumnAligned(columns: Column[], following: Row[], row: Row): Column | null {
  const gap = codeGap(columns, 2);
  if (!gap) return null;
  const { description, firstNumber } = gap;
  const middle = description.x0 + 0.4 * (firstNumber - description.x0);
  const codes = evidenceRows(following, row).flatMap((next) => {
    const before = next.words.filter((w) => w.x1 < firstNumber - 2);
    const last = before.at(-1);
    return last && last.x0 > middle && CODE_LIKE.test(last.text) && /\d{3}/.test(last.text) ? [last] : [];
  });
  if (codes.length < 2) return null;
  const x0 = Math.min(...codes.map((w) => w.x0));
  if (Math.max(...codes.map((w) => w.x0)) - x0 > 12) return null;
  return { kind: 'code', label: '', x0: x0 - 2, x1: Math.max(...codes.map((w) => w.x1)) + 2 };
}

const COUNT = /^\d{1,4}(?:[.,]\d{1,2})?$/;

/**
 * The quantity column whose name OCR lost ("Concepto   Unid.   Precio" with "8,00" printed before the unit): the
 * item rows' last word before the next column is a bare count, its right edge at the same x on two or more
 * rows (counts are right-aligned), as a column is and the end of free text is not.
 */
export function quantityColumnAligned(columns: Column[], following: Row[], row: Row): Column | null {
  if (columns.some((c) => c.kind === 'quantity')) return null;
  const description = columns.find((c) => c.kind === 'description');
  if (!description) return null;
  const next = columns.filter((c) => c.x0 > description.x0).sort((a, b) => a.x0 - b.x0)[0];
  if (!next || next.kind === 'code') return null;
  const middle = description.x0 + 0.5 * (next.x0 - description.x0);
  const counts = evidenceRows(following, row).flatMap((item) => {
    const before = item.words.filter((w) => w.x1 < next.x0 - 2);
    const last = before.at(-1);
    const previous = before.at(-2);
    // A cell of its own: free text ending in a number ("compresor 8000") runs up to it.
    const apart =
      previous !== undefined && last !== undefined && last.x0 - previous.x1 > 2 * (last.y1 - last.y0);
    return last && apart && last.x0 > middle && COUNT.test(last.text) ? [last] : [];
  });
  if (counts.length < 2) return null;
  const x1 = Math.max(...counts.map((w) => w.x1));
  if (x1 - Math.min(...counts.map((w) => w.x1)) > 8) return null;
  return { kind: 'quantity', label: '', x0: Math.min(...counts.map((w) => w.x0)) - 2, x1: x1 + 2 };
}

/** The rows under the header that may show what its lost names were: the next few, on its page. */
function evidenceRows(following: Row[], header: Row, count = HEADER_EVIDENCE_ROWS): Row[] {
  return following.filter((next) => next.page === header.page).slice(0, count);
}

/**
 * Where a code column could stand: between the description and the first numeric column, in a table with no
 * code column and at least `minNumbers` numeric ones.
 */
function codeGap(columns: Column[], minNumbers: number): { description: Column; firstNumber: number } | null {
  const description = columns.find((c) => c.kind === 'description');
  const numbers = columns.filter(
    (c) => c.kind === 'quantity' || c.kind === 'unitPrice' || c.kind === 'amount',
  );
  if (!description || numbers.length < minNumbers || columns.some((c) => c.kind === 'code')) return null;
  return { description, firstNumber: Math.min(...numbers.map((c) => c.x0)) };
}
