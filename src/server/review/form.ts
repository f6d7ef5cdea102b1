import { REVIEW_FIELDS, type ReviewField } from '../../ports/review.ts';
import type { ReviewForm } from '../../processor/review-input.ts';

/** Most line rows a form may carry (the warehouse keeps every line; a page holds far fewer). */
const MAX_LINES = 2000;
const LINE_KEYS = ['code', 'description', 'quantity', 'unit', 'unitPrice', 'amount'] as const;
const LINE_NAME = /^l\.(\d{1,4})\.(code|description|quantity|unit|unitPrice|amount)$/;

/** The posted form (`f.<field>`, `l.<row>.<column>`, `version`, `classCode`) as the service reads it. */
export function readForm(body: Record<string, unknown>): ReviewForm {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const fields: Partial<Record<ReviewField, string>> = {};
  for (const field of REVIEW_FIELDS) {
    const value = body[`f.${field}`];
    if (typeof value === 'string') fields[field] = value;
  }
  const rows = new Map<number, Record<string, string>>();
  for (const [name, value] of Object.entries(body)) {
    const match = LINE_NAME.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    if (index >= MAX_LINES) continue;
    const row = rows.get(index) ?? {};
    row[match[2] as string] = text(value);
    rows.set(index, row);
  }
  const lines = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => Object.fromEntries(LINE_KEYS.map((key) => [key, row[key] ?? ''])));
  const classCode = body.classCode;
  return {
    version: text(body.version),
    fields,
    lines,
    ...(typeof classCode === 'string' ? { classCode } : {}),
  };
}
