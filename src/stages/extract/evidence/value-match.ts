import type { ReviewField } from '../../../ports/review.ts';
import { fold } from '../text/text.ts';
import { amountsMatch, parseAmount } from '../values/amount.ts';
import { parseDate } from '../values/date.ts';

/**
 * How a field's value is compared with printed text: amounts by their parsed number, dates by their ISO day,
 * tax ids by their digits, everything else by its letters and digits (spaces and punctuation ignored).
 */
export type ValueKind = 'amount' | 'date' | 'taxId' | 'text';

export function kindOf(field: ReviewField): ValueKind {
  if (field === 'subtotal' || field === 'tax' || field === 'withholdings' || field === 'total')
    return 'amount';
  if (field === 'issueDate' || field === 'dueDate') return 'date';
  if (field === 'supplierTaxId' || field === 'customerTaxId') return 'taxId';
  return 'text';
}

const alnum = (text: string) => fold(text).replace(/[^a-z0-9]/g, '');
const digits = (text: string) => text.replace(/\D/g, '');

/** The value printed text stands for, in the field's kind; null when the text cannot be that kind. */
export function readValue(kind: ValueKind, printed: string): string | number | null {
  switch (kind) {
    case 'amount':
      return parseAmount(printed);
    case 'date':
      return parseDate(printed);
    case 'taxId': {
      const d = digits(printed);
      return d.length >= 5 && d.length <= 15 ? printed.trim() : null;
    }
    case 'text':
      return alnum(printed) === '' ? null : printed.trim();
  }
}

/** Whether two values of one kind are the same value (however each was printed). */
export function sameValue(kind: ValueKind, a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  switch (kind) {
    case 'amount': {
      const x = typeof a === 'number' ? a : parseAmount(String(a));
      const y = typeof b === 'number' ? b : parseAmount(String(b));
      return x !== null && y !== null && amountsMatch(Math.abs(x), Math.abs(y));
    }
    case 'date': {
      const x = parseDate(String(a)) ?? String(a);
      const y = parseDate(String(b)) ?? String(b);
      return x === y;
    }
    case 'taxId': {
      const x = digits(String(a));
      const y = digits(String(b));
      // A check digit printed apart or left out still names the same party.
      return x !== '' && (x === y || x.slice(0, -1) === y || y.slice(0, -1) === x);
    }
    case 'text':
      return alnum(String(a)) !== '' && alnum(String(a)) === alnum(String(b));
  }
}

/** The printed value's shape: digits become 9, letters A, runs kept as printed; other characters as they are. */
export function shapeOf(printed: string): string {
  return fold(printed.trim()).replace(/[0-9]/g, '9').replace(/[a-z]/g, 'A');
}

/**
 * Whether printed text has the learned shape. Amounts vary in length from one invoice to the next, so for
 * them only "is an amount" counts; other values must keep their shape except for the length of digit runs.
 */
export function fitsShape(kind: ValueKind, learned: string, printed: string): boolean {
  if (kind === 'amount') return parseAmount(printed) !== null;
  if (kind === 'date') return parseDate(printed) !== null;
  const squeeze = (shape: string) => shape.replace(/9+/g, '9');
  return squeeze(shapeOf(printed)) === squeeze(learned);
}
