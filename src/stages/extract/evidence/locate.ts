import type { Box, ReadDocument, Word } from '../../../contract/document.ts';
import type { Invoice } from '../../../contract/result.ts';
import type { ReviewField } from '../../../ports/review.ts';
import { fold } from '../text/text.ts';
import { lineWords, makeSpan, type Span, type SpanOptions, spans, wordsBefore } from './spans.ts';
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

const DIGIT = /\d/;
const CURRENCY = /^(?:[A-Z]{0,3}\$|[A-Z]{3})[:.]?$/i;
const hasDigit = (w: Word) => DIGIT.test(w.text);

/** Which runs of words can hold a value of each kind: short runs that end (and mostly start) with a digit. */
export const SPAN_SHAPES: Record<Exclude<ValueKind, 'text'>, SpanOptions> = {
  amount: { maxWords: 3, first: (w) => hasDigit(w) || CURRENCY.test(w.text), last: hasDigit },
  date: { maxWords: 5, last: hasDigit },
  taxId: { maxWords: 4, first: hasDigit, last: hasDigit },
};

/** Every span of the document that reads as a value of this kind, with that value (read once, matched often). */
export function readSpans(document: ReadDocument, kind: ValueKind, options?: SpanOptions): ReadSpan[] {
  const read: ReadSpan[] = [];
  for (const span of spans(document, options ?? (kind === 'text' ? 6 : SPAN_SHAPES[kind]))) {
    const value = readValue(kind, span.text);
    if (value !== null) read.push({ span, value });
  }
  return read;
}

const wordKeys = new WeakMap<Word, string>();
function wordKey(word: Word): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    key = fold(word.text).replace(/[^a-z0-9]/g, '');
    wordKeys.set(word, key);
  }
  return key;
}

/**
 * Text values (numbers, names, orders) found from the value itself: runs whose letters and digits, joined,
 * spell it — each run is extended only while it is still a prefix, so a page is scanned once per value.
 */
export function findTextSpans(document: ReadDocument, value: string): Span[] {
  const target = fold(value).replace(/[^a-z0-9]/g, '');
  if (target === '') return [];
  const found: Span[] = [];
  for (const page of document.pages) {
    for (const [lineIndex, line] of page.lines.entries()) {
      const words = lineWords(line);
      for (let start = 0; start < words.length; start++) {
        const head = wordKey(words[start] as Word);
        if (head === '' || !target.startsWith(head)) continue;
        let joined = head;
        let end = start + 1;
        while (joined.length < target.length && end < words.length) {
          joined += wordKey(words[end] as Word);
          end++;
          if (!target.startsWith(joined)) break;
        }
        if (joined === target) {
          found.push(makeSpan(page, lineIndex, words, start, end));
          start = end - 1;
        }
      }
    }
  }
  return found;
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
  index?: ReadSpan[],
): Span[] {
  if (kind === 'text') return findTextSpans(document, String(value));
  const found: Span[] = [];
  index ??= readSpans(document, kind);
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
    let index: ReadSpan[] | undefined;
    if (kind !== 'text') {
      index = indexes.get(kind) ?? readSpans(document, kind);
      indexes.set(kind, index);
    }
    const best = bestSpan(document, kind, findValueSpans(document, kind, value, index));
    if (best) evidence[field] = { page: best.page, box: roundBox(best.box) };
  }
  return evidence;
}

export function roundBox(box: Box): Box {
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x0: r(box.x0), y0: r(box.y0), x1: r(box.x1), y1: r(box.y1) };
}
