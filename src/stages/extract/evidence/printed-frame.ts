import type { Box, PageText } from '../../../contract/document.ts';
import type { FieldEvidence } from '../../../contract/result.ts';

/**
 * A box on a page OCR read turned (`quarterTurns` clockwise) put back in the page's frame as it is printed and
 * rendered, where the review screen draws it. `page.width`/`height` are the turned frame's.
 */
export function toPrintedFrame(box: Box, page: Pick<PageText, 'width' | 'height' | 'quarterTurns'>): Box {
  const turns = page.quarterTurns ?? 0;
  if (turns === 0) return box;
  // The printed page's size: a quarter turn swapped the sides.
  const printedWidth = turns === 2 ? page.width : page.height;
  const printedHeight = turns === 2 ? page.height : page.width;
  const back = (x: number, y: number): [number, number] =>
    turns === 1
      ? [y, printedHeight - x]
      : turns === 2
        ? [printedWidth - x, printedHeight - y]
        : [printedWidth - y, x];
  const [ax, ay] = back(box.x0, box.y0);
  const [bx, by] = back(box.x1, box.y1);
  return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
}

/** Every field's box in the printed frame of its page. */
export function evidenceInPrintedFrame(
  evidence: Record<string, FieldEvidence> | undefined,
  pages: readonly PageText[],
): Record<string, FieldEvidence> | undefined {
  if (!evidence || !pages.some((p) => p.quarterTurns)) return evidence;
  return Object.fromEntries(
    Object.entries(evidence).map(([field, found]) => {
      const page = pages[found.page];
      return [field, page ? { ...found, box: toPrintedFrame(found.box, page) } : found];
    }),
  );
}
