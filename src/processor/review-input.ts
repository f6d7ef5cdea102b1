import { z } from 'zod';
import type { ClassCode, LineItem } from '../contract/result.ts';
import {
  AMOUNT_FIELDS,
  DATE_FIELDS,
  FIELD_LIMITS,
  type FieldValue,
  LINE_LIMITS,
  REVIEW_FIELDS,
  type ReviewField,
  type ReviewInvoice,
} from '../ports/review.ts';
import { parseAmount } from '../stages/extract/values/amount.ts';

/**
 * A reviewer's form, checked field by field: every problem is reported in Spanish next to its field and
 * nothing is saved until all are fixed. Amounts are read as people type them (`1.234.567,89`, `1234567.89`);
 * dates are ISO days; text is stored as typed (HTML or SQL in a field is just text) up to its column's length.
 */

export interface ReviewForm {
  version: string;
  fields: Partial<Record<ReviewField, string>>;
  lines: Array<Partial<Record<keyof LineItem, string>>>;
  classCode?: string;
}

export interface ParsedReview {
  version: string;
  /** Only the fields whose value differs from what is stored. */
  changed: Partial<Record<ReviewField, FieldValue>>;
  /** Every field's value after the review (stored and changed). */
  values: Record<ReviewField, FieldValue>;
  lines: LineItem[] | undefined;
  classCode: ClassCode | undefined;
  /** Allowed, shown to the reviewer: the lines do not add up to the subtotal, or subtotal + tax ≠ total. */
  warnings: string[];
}

export type ReviewInputResult =
  | { ok: true; review: ParsedReview }
  | { ok: false; errors: Record<string, string> };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function readNumber(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  // As people type amounts here: `1.500` is fifteen hundred, `0,125` an eighth, `1234567.89` as printed.
  const plain = parseAmount(trimmed);
  return plain === null || !Number.isFinite(plain) || Math.abs(plain) >= 1e14 ? 'invalid' : plain;
}

const cents = (v: number) => Math.round(v * 100) / 100;

function sameStored(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  return (a ?? null) === (b ?? null);
}

export const reviewFormSchema = z.object({
  version: z.string().max(64),
  fields: z.record(z.string(), z.string().max(20_000)),
  lines: z.array(z.record(z.string(), z.string().max(20_000))).max(2_000),
  classCode: z.string().max(4).optional(),
});

export function parseReviewForm(form: ReviewForm, stored: ReviewInvoice): ReviewInputResult {
  const errors: Record<string, string> = {};
  const values = { ...stored.fields };
  const changed: ParsedReview['changed'] = {};
  for (const field of REVIEW_FIELDS) {
    const raw = form.fields[field];
    if (raw === undefined) continue;
    let value: FieldValue;
    const text = raw.trim();
    if (AMOUNT_FIELDS.includes(field)) {
      const n = readNumber(text);
      if (n === 'invalid') {
        errors[field] = 'Importe no válido (ejemplo: 1.234.567,89)';
        continue;
      }
      value = n === null ? null : cents(n);
    } else if (DATE_FIELDS.includes(field)) {
      if (text !== '' && !validDay(text)) {
        errors[field] = 'Fecha no válida (AAAA-MM-DD)';
        continue;
      }
      value = text === '' ? null : text;
    } else {
      const limit = FIELD_LIMITS[field] ?? 512;
      if (text.length > limit) {
        errors[field] = `Demasiado largo: ${text.length} caracteres, máximo ${limit}`;
        continue;
      }
      value = text === '' ? null : text;
    }
    values[field] = value;
    if (!sameStored(value, stored.fields[field])) changed[field] = value;
  }

  const lines: LineItem[] = [];
  form.lines.forEach((row, index) => {
    const n = index + 1;
    const text = (key: keyof LineItem, limit: number) => {
      const value = (row[key] ?? '').trim();
      if (value.length > limit) errors[`lines.${index}.${key}`] = `Línea ${n}: máximo ${limit} caracteres`;
      return value === '' ? null : value;
    };
    const number = (key: 'quantity' | 'unitPrice' | 'amount', label: string) => {
      const value = readNumber(row[key] ?? '');
      if (value === 'invalid') {
        errors[`lines.${index}.${key}`] = `Línea ${n}: ${label} no válido`;
        return null;
      }
      return value;
    };
    const line: LineItem = {
      code: text('code', LINE_LIMITS.code),
      description: text('description', LINE_LIMITS.description),
      quantity: number('quantity', 'cantidad'),
      unit: text('unit', LINE_LIMITS.unit),
      unitPrice: number('unitPrice', 'precio'),
      amount: number('amount', 'importe'),
    };
    if (line.quantity !== null && line.quantity < 0)
      errors[`lines.${index}.quantity`] = `Línea ${n}: la cantidad no puede ser negativa`;
    if (line.amount !== null) line.amount = cents(line.amount);
    if (Object.values(line).some((v) => v !== null)) lines.push(line);
  });
  const linesChanged = JSON.stringify(lines) !== JSON.stringify(stored.lines);

  let classCode: ClassCode | undefined;
  if (form.classCode !== undefined && form.classCode !== '') {
    if (form.classCode === '0' || form.classCode === '1') classCode = Number(form.classCode) as ClassCode;
    else errors.classCode = 'Clase no válida';
  }
  if (form.version !== stored.version) errors.version = 'conflict';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const warnings: string[] = [];
  const sum = lines.reduce((s, l) => s + (l.amount ?? 0), 0);
  const { subtotal, tax, total } = values as {
    subtotal: number | null;
    tax: number | null;
    total: number | null;
  };
  if (
    lines.length > 0 &&
    subtotal !== null &&
    Math.abs(cents(sum) - subtotal) > 0.011 * Math.max(1, lines.length)
  )
    warnings.push('Las líneas no suman el subtotal');
  if (subtotal !== null && tax !== null && total !== null && Math.abs(subtotal + tax - total) > 0.015)
    warnings.push('Subtotal más impuestos no da el total');
  return {
    ok: true,
    review: {
      version: form.version,
      changed,
      values,
      lines: linesChanged ? lines : undefined,
      classCode,
      warnings,
    },
  };
}
