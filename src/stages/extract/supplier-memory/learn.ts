import type { ReadDocument, Word } from '../../../contract/document.ts';
import type { ReviewField, SupplierLocator } from '../../../ports/review.ts';
import { bestSpan, findValueSpans } from '../evidence/locate.ts';
import { boxOf, type Span, wordsBefore } from '../evidence/spans.ts';
import { kindOf, shapeOf } from '../evidence/value-match.ts';
import { fold } from '../text/text.ts';

const HAS_LETTER = /\p{L}/u;
/** Label words sit close to each other and to their value. */
const MAX_LABEL_WORDS = 4;
const MAX_GAP = 80;

/** The words just before the value on its line that read as its label (letters, close together). */
function labelOnLine(document: ReadDocument, span: Span): Word[] {
  const before = wordsBefore(document, span);
  const label: Word[] = [];
  let right = span.box.x0;
  for (let i = before.length - 1; i >= 0 && label.length < MAX_LABEL_WORDS; i--) {
    const word = before[i] as Word;
    if (right - word.x1 > MAX_GAP || !HAS_LETTER.test(word.text)) break;
    label.unshift(word);
    right = word.x0;
  }
  return label;
}

/** A label printed above the value (a boxed header cell): the nearest line above overlapping it. */
function labelAbove(document: ReadDocument, span: Span): Word[] {
  const page = document.pages.find((p) => p.index === span.page);
  if (!page) return [];
  const height = span.box.y1 - span.box.y0;
  let best: Word[] = [];
  let bestGap = Number.POSITIVE_INFINITY;
  for (const line of page.lines) {
    const gap = span.box.y0 - line.y1;
    if (gap < -1 || gap > Math.max(30, 3 * height) || gap >= bestGap) continue;
    const over = line.words.filter(
      (w) => w.x0 < span.box.x1 + 20 && span.box.x0 - 20 < w.x1 && HAS_LETTER.test(w.text),
    );
    if (over.length === 0) continue;
    best = over.sort((a, b) => a.x0 - b.x0).slice(0, MAX_LABEL_WORDS);
    bestGap = gap;
  }
  return best;
}

/**
 * What locates a corrected value on this supplier's page: the label printed nearest to it, the value's
 * offset from that label, its place on the page and its printed shape. Null when the value is not printed
 * on the page (a person typed a value the page does not show: nothing to learn from it).
 */
export function learnLocator(
  document: ReadDocument,
  field: ReviewField,
  value: string | number,
  where: { supplierTaxId: string; fileId: string },
): SupplierLocator | null {
  const kind = kindOf(field);
  const span = bestSpan(document, kind, findValueSpans(document, kind, value));
  if (!span) return null;
  const onLine = labelOnLine(document, span);
  const label = onLine.length > 0 ? onLine : labelAbove(document, span);
  const labelBox = label.length > 0 ? boxOf(label) : null;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    supplierTaxId: where.supplierTaxId,
    field,
    labelText: label.length > 0 ? fold(label.map((w) => w.text).join(' ')) : null,
    dx: labelBox ? round(span.box.x0 - labelBox.x0) : null,
    dy: labelBox ? round(span.box.y0 - labelBox.y0) : null,
    page: span.page,
    xRel: round((span.box.x0 / Math.max(1, span.pageWidth)) * 1000) / 1000,
    yRel: round((span.box.y0 / Math.max(1, span.pageHeight)) * 1000) / 1000,
    valueFormat: shapeOf(span.text),
    exampleValue: span.text,
    fileId: where.fileId,
  };
}
