import type { Box, ReadDocument } from '../../../contract/document.ts';
import type { Invoice } from '../../../contract/result.ts';
import type { ReviewField } from '../../../ports/review.ts';
import { type Span, spans, wordsBefore } from './spans.ts';
import { kindOf, readValue, sameValue, type ValueKind } from './value-match.ts';

/** Where on the page a value was printed: the review screen draws this box over the page. */
export interface Evidence {
  page: number;
  box: Box;
}

export interface ReadSpan {
  span: Span;
  value: string | number;
}

/** Every span of the document that reads as a value of this kind, with that value (read once, matched often). */
export function readSpans(document: ReadDocument, kind: ValueKind): ReadSpan[] {
  const read: ReadSpan[] = [];
  for (const span of spans(document)) {
    const value = readValue(kind, span.text);
    if (value !== null) read.push({ span, value });
  }
  return read;
}

/** Letters that make a run of words a label rather than another value. */
const HAS_LETTERS = /\p{L}{2}/u;

/**
 * The spans of the document printed as `value` for a field of this kind. The smallest span wins at each
 * place (`$ 1.234` and `1.234` are one occurrence), so a value is found once per place it is printed.
 */
export function findValueSpans(
  document: ReadDocument,
  kind: ValueKind,
  value: unknown,
  index: ReadSpan[] = readSpans(document, kind),
): Span[] {
  const found: Span[] = [];
  for (const { span, value: printed } of index) {
    if (!sameValue(kind, printed, value)) continue;
    const overlaps = found.findIndex(
      (f) => f.page === span.page && f.line === span.line && f.box.x0 < span.box.x1 && span.box.x0 < f.box.x1,
    );
    if (overlaps === -1) found.push(span);
    else if ((found[overlaps] as Span).words.length > span.words.length) found[overlaps] = span;
  }
  return found;
}

/**
 * The occurrence a reader would point at: one with a label (letters) before it on its line; among those, the
 * last one for amounts (totals sit at the bottom), the first otherwise.
 */
export function bestSpan(document: ReadDocument, kind: ValueKind, found: Span[]): Span | null {
  const labelled = found.filter((s) => wordsBefore(document, s).some((w) => HAS_LETTERS.test(w.text)));
  const pool = labelled.length > 0 ? labelled : found;
  return (kind === 'amount' ? pool.at(-1) : pool[0]) ?? null;
}

const FIELD_VALUE: Record<ReviewField, (invoice: Invoice) => unknown> = {
  number: (i) => i.number,
  issueDate: (i) => i.issueDate,
  dueDate: (i) => i.dueDate,
  purchaseOrder: (i) => i.purchaseOrder,
  cufe: (i) => i.cufe,
  supplierName: (i) => i.supplier.name,
  supplierTaxId: (i) => i.supplier.taxId,
  customerName: (i) => i.customer.name,
  customerTaxId: (i) => i.customer.taxId,
  currency: () => null,
  subtotal: (i) => i.subtotal,
  tax: (i) => i.tax,
  withholdings: (i) => i.withholdings,
  total: (i) => i.total,
};

/** For each field with a value, the box of the words it was read from (found again by its printed value). */
export function locateEvidence(document: ReadDocument, invoice: Invoice): Record<string, Evidence> {
  const evidence: Record<string, Evidence> = {};
  const indexes = new Map<ValueKind, ReadSpan[]>();
  for (const [field, read] of Object.entries(FIELD_VALUE) as Array<[ReviewField, (i: Invoice) => unknown]>) {
    const value = read(invoice);
    if (value === null || value === undefined || value === '') continue;
    const kind = kindOf(field);
    const index = indexes.get(kind) ?? readSpans(document, kind);
    indexes.set(kind, index);
    const best = bestSpan(document, kind, findValueSpans(document, kind, value, index));
    if (best) evidence[field] = { page: best.page, box: roundBox(best.box) };
  }
  return evidence;
}

export function roundBox(box: Box): Box {
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x0: r(box.x0), y0: r(box.y0), x1: r(box.x1), y1: r(box.y1) };
}
