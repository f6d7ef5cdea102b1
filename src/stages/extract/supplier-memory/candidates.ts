import type { Box, ReadDocument } from '../../../contract/document.ts';
import type { ReviewField, SupplierLocator } from '../../../ports/review.ts';
import { type Evidence, type ReadSpan, readSpans, roundBox } from '../evidence/locate.ts';
import { type Span, spans } from '../evidence/spans.ts';
import { fitsShape, kindOf, type ValueKind } from '../evidence/value-match.ts';
import { fold } from '../text/text.ts';

/** A value proposed by what was learned for this supplier, and where it was read. */
export interface LearnedCandidate {
  field: ReviewField;
  value: string | number;
  evidence: Evidence;
  /** Found next to the learned label, or only at the learned place on the page. */
  via: 'label' | 'position';
}

/** How far (points) a value may sit from where the learned offset puts it. */
const LABEL_TOLERANCE = 36;
/** The same, as a fraction of the page's diagonal, when only the page position is known. */
const POSITION_TOLERANCE = 0.04;

function labelSpans(document: ReadDocument, labelText: string): Span[] {
  const count = labelText.split(' ').length;
  const found: Span[] = [];
  const head = labelText.split(' ')[0];
  for (const span of spans(document, { maxWords: count, exact: true, first: (w) => fold(w.text) === head })) {
    if (fold(span.text) === labelText) found.push(span);
  }
  return found;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function nearest(
  index: ReadSpan[],
  kind: ValueKind,
  locator: SupplierLocator,
  page: number,
  at: { x: number; y: number },
  tolerance: number,
  exclude: Box | null,
): ReadSpan | null {
  let best: ReadSpan | null = null;
  let bestDistance = tolerance;
  for (const read of index) {
    const { span } = read;
    if (span.page !== page || (exclude && overlaps(span.box, exclude))) continue;
    if (!fitsShape(kind, locator.valueFormat, span.text)) continue;
    const distance = Math.hypot(span.box.x0 - at.x, span.box.y0 - at.y);
    // At one place, the span that fits the shape with the fewest words is the value itself.
    if (
      distance < bestDistance ||
      (best && distance === bestDistance && span.words.length < best.span.words.length)
    ) {
      best = read;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The values a supplier's learned locators point at in this document: next to the learned label at the
 * learned offset when the label is printed, else at the learned place on the page. A locator whose place
 * holds nothing of the learned shape proposes nothing.
 */
export function candidatesFromLocators(
  locators: readonly SupplierLocator[],
  document: ReadDocument,
): LearnedCandidate[] {
  const indexes = new Map<string, ReadSpan[]>();
  const candidates: LearnedCandidate[] = [];
  for (const locator of locators) {
    const kind = kindOf(locator.field);
    // Text values keep their word count from one invoice to the next; other kinds are read once per kind.
    const words = locator.exampleValue.trim().split(/\s+/).length;
    const key = kind === 'text' ? `text:${words}` : kind;
    const index =
      indexes.get(key) ??
      readSpans(document, kind, kind === 'text' ? { maxWords: words, exact: true } : undefined);
    indexes.set(key, index);
    let found: ReadSpan | null = null;
    let via: LearnedCandidate['via'] = 'label';
    if (locator.labelText && locator.dx !== null && locator.dy !== null) {
      for (const label of labelSpans(document, locator.labelText)) {
        const at = { x: label.box.x0 + locator.dx, y: label.box.y0 + locator.dy };
        found = nearest(index, kind, locator, label.page, at, LABEL_TOLERANCE, label.box);
        if (found) break;
      }
    }
    if (!found) {
      via = 'position';
      const page = document.pages.find((p) => p.index === locator.page);
      if (page) {
        const at = { x: locator.xRel * page.width, y: locator.yRel * page.height };
        const tolerance = POSITION_TOLERANCE * Math.hypot(page.width, page.height);
        found = nearest(index, kind, locator, page.index, at, tolerance, null);
      }
    }
    if (found)
      candidates.push({
        field: locator.field,
        value: found.value,
        evidence: { page: found.span.page, box: roundBox(found.span.box) },
        via,
      });
  }
  return candidates;
}
