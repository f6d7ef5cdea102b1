import type { Word } from '../../../contract/document.ts';
import { TABLE_HEADER_LEXICON } from '../text/table-column-names.ts';
import { fold } from '../text/text.ts';

/** A sidebar is narrower than this share of the page and wider than the least (an item-number column). */
const MIN_GUTTER = 0.12;
const MAX_GUTTER = 0.42;
const MIN_COLUMN_WIDTH = 0.12;
const MIN_ROWS_EACH_SIDE = 8;
const MIN_SPLIT_ROWS = 3;

/**
 * A page with a sidebar (a narrow column of facts down the left, label above value, beside the main content)
 * reads as two flows, not as rows across the page: "NO. DE FACTURA" in the sidebar would otherwise take the
 * table's item code printed at its height as its value, and the number printed under it would be lost.
 *
 * The sidebar is found by its gutter: an x where no line's text runs across, with enough lines on both sides
 * and lines that have words on both sides. Lines are split there, and the page is returned as the sidebar's
 * lines, then the rest, each in the order the lines came (lines crossing the gutter, such as a footer, stay
 * whole in the second flow, unless they start left of it and end just past it: a long sidebar line). A page without such a gutter comes back as it was.
 */
export function splitSidebar(lines: Word[][], pageWidth: number): Word[][] {
  const gutter = findGutter(lines, pageWidth);
  if (gutter === null) return lines;
  const left: Word[][] = [];
  const rest: Word[][] = [];
  for (const line of lines) {
    if (crosses(line, gutter)) {
      // A sidebar line whose last word reaches a little past the gutter is still the sidebar's.
      if (line.every((w) => w.x1 < gutter + 0.05 * pageWidth)) left.push(line);
      else rest.push(line);
      continue;
    }
    const leftWords = line.filter((w) => w.x1 <= gutter);
    const rightWords = line.filter((w) => w.x0 >= gutter);
    if (leftWords.length > 0) left.push(leftWords);
    if (rightWords.length > 0) rest.push(rightWords);
  }
  return [...left, ...rest];
}

function findGutter(lines: Word[][], pageWidth: number): number | null {
  const sorted = lines.map((line) => [...line].sort((a, b) => a.x0 - b.x0));
  let best: { x: number; split: number; crossing: number } | null = null;
  for (let x = MIN_GUTTER * pageWidth; x <= MAX_GUTTER * pageWidth; x += 2) {
    let crossing = 0;
    let leftRows = 0;
    let rightRows = 0;
    let rightWordRows = 0;
    let split = 0;
    let leftStart = Number.POSITIVE_INFINITY;
    let leftEnd = 0;
    let splitsTableHeader = false;
    let leftTop = Number.POSITIVE_INFINITY;
    let leftBottom = 0;
    const crossingTops: number[] = [];
    const spanningTops: number[] = [];
    for (const line of sorted) {
      if (crosses(line, x)) {
        crossing++;
        const top = Math.min(...line.map((w) => w.y0));
        crossingTops.push(top);
        // Text from well left of x to well right of it (an item row across the page), not a sidebar line
        // reaching a little past the gutter.
        if (line[0]!.x0 < x - 0.05 * pageWidth && line.at(-1)!.x1 > x + 0.05 * pageWidth)
          spanningTops.push(top);
        continue;
      }
      const hasLeft = line.some((w) => w.x1 <= x);
      const hasRight = line.some((w) => w.x0 >= x);
      if (hasLeft) {
        leftRows++;
        for (const w of line) {
          if (w.x1 > x) continue;
          leftStart = Math.min(leftStart, w.x0);
          leftEnd = Math.max(leftEnd, w.x1);
          leftTop = Math.min(leftTop, w.y0);
          leftBottom = Math.max(leftBottom, w.y1);
        }
      }
      if (hasRight) rightRows++;
      if (line.some((w) => w.x0 >= x && /\p{L}{2}/u.test(w.text))) rightWordRows++;
      if (hasLeft && hasRight) {
        split++;
        splitsTableHeader ||=
          columnNames(line, (w) => w.x1 <= x) >= 1 && columnNames(line, (w) => w.x0 >= x) >= 2;
      }
    }
    // A table whose description column is set apart from its numbers is not a sidebar: its header has
    // column names on both sides.
    if (splitsTableHeader) continue;
    // Beside a sidebar nothing runs across it; a page title above it or a footer below it may.
    if (crossingTops.filter((top) => top > leftTop && top < leftBottom).length > 1) continue;
    // A line running from the left column far into the right one between the left column's lines (an item
    // row under a label grid) says the two sides are one page, not a sidebar beside the content.
    if (spanningTops.some((top) => top > leftTop && top < leftBottom)) continue;
    if (crossing > Math.max(2, 0.1 * lines.length)) continue;
    // Right of the gutter only figures (a receipt's amounts beside its descriptions): one flow of rows, no
    // sidebar beside a main content.
    if (rightWordRows < 0.5 * rightRows) continue;
    if (leftRows < MIN_ROWS_EACH_SIDE || rightRows < MIN_ROWS_EACH_SIDE || split < MIN_SPLIT_ROWS) continue;
    if (leftEnd - leftStart < MIN_COLUMN_WIDTH * pageWidth) continue;
    // Of gutters that split as many lines, the one fewest lines run across: a sidebar line reaching past the
    // leftmost such x ("REPARACIONES TÉCNICAS DEL") stays in the sidebar.
    if (!best || split > best.split || (split === best.split && crossing < best.crossing))
      best = { x, split, crossing };
  }
  return best?.x ?? null;
}

const COLUMN_NAME =
  /^(?:cant(?:idad)?|descripci[oó]n|detalle|concepto|c[oó]d(?:igo)?|ref(?:erencia)?|[ií]tem|unidad|und|u\.?\/?m\b|valor|vr|vlr|v\.|precio|unit(?:ario)?|importe|sub-?total|total|iva|%)/i;

/**
 * The words of the lexicon's column names in the other languages ("qty", "price", "extended", "menge"…), of
 * three letters or more: "de" or "per" inside a name says nothing.
 */
const OTHER_COLUMN_WORDS = new Set(
  Object.values(TABLE_HEADER_LEXICON)
    .flatMap((columns) =>
      Object.values(columns).flatMap((phrases) =>
        phrases.flatMap((phrase) => phrase.split(/\s+/).map(columnWordKey)),
      ),
    )
    .filter((key) => key.length >= 3),
);

function columnWordKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}%]/gu, '');
}

function isColumnName(word: Word): boolean {
  const text = word.text.replace(/^[^\p{L}]+/u, '');
  return COLUMN_NAME.test(text) || OTHER_COLUMN_WORDS.has(columnWordKey(text));
}

function columnNames(line: Word[], side: (word: Word) => boolean): number {
  return line.filter((word) => side(word) && isColumnName(word)).length;
}

/** Text runs across x: a word covers it, or the words either side of it are no further apart than a space. */
function crosses(line: Word[], x: number): boolean {
  let before: Word | null = null;
  let after: Word | null = null;
  for (const word of line) {
    if (word.x0 < x && word.x1 > x) return true;
    if (word.x1 <= x && (!before || word.x1 > before.x1)) before = word;
    if (word.x0 >= x && (!after || word.x0 < after.x0)) after = word;
  }
  if (!before || !after) return false;
  const height = Math.max(before.y1 - before.y0, after.y1 - after.y0);
  return after.x0 - before.x1 < 0.8 * height;
}
