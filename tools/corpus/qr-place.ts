import type { InkBox } from './sheet.ts';

/** Grid step (points) of the free-paper search: fine enough to use narrow gaps, coarse enough to be quick. */
const CELL = 2;

export interface Point {
  x: number;
  y: number;
}

/**
 * The top-left corner of the empty square of `side` points nearest to `wanted` (a desired top-left corner),
 * inside `area` and at least `gap` points from all ink; null when the page has no such room. Top-down units.
 */
export function nearestFreeSquare(
  ink: readonly InkBox[],
  area: InkBox,
  side: number,
  gap: number,
  wanted: Point,
): Point | null {
  const columns = Math.floor((area.right - area.left) / CELL);
  const rows = Math.floor((area.bottom - area.top) / CELL);
  const span = Math.ceil(side / CELL);
  if (span > columns || span > rows) return null;
  const used = inkedCells(ink, area, gap, columns, rows);
  // Summed-area table: any square's ink count in constant time.
  const sums = new Int32Array((columns + 1) * (rows + 1));
  const at = (column: number, row: number) => row * (columns + 1) + column;
  for (let row = 1; row <= rows; row++) {
    for (let column = 1; column <= columns; column++) {
      sums[at(column, row)] =
        (used[(row - 1) * columns + column - 1] as number) +
        (sums[at(column - 1, row)] as number) +
        (sums[at(column, row - 1)] as number) -
        (sums[at(column - 1, row - 1)] as number);
    }
  }
  let best: Point | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let row = 0; row + span <= rows; row++) {
    for (let column = 0; column + span <= columns; column++) {
      const inked =
        (sums[at(column + span, row + span)] as number) -
        (sums[at(column, row + span)] as number) -
        (sums[at(column + span, row)] as number) +
        (sums[at(column, row)] as number);
      if (inked > 0) continue;
      const x = area.left + column * CELL;
      const y = area.top + row * CELL;
      const distance = Math.hypot(x - wanted.x, y - wanted.y);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { x, y };
      }
    }
  }
  return best;
}

/** 1 for every grid cell of `area` that lies within `gap` of some ink. */
function inkedCells(ink: readonly InkBox[], area: InkBox, gap: number, columns: number, rows: number) {
  const used = new Uint8Array(columns * rows);
  for (const box of ink) {
    const left = Math.max(0, Math.floor((box.left - gap - area.left) / CELL));
    const right = Math.min(columns - 1, Math.floor((box.right + gap - area.left) / CELL));
    const top = Math.max(0, Math.floor((box.top - gap - area.top) / CELL));
    const bottom = Math.min(rows - 1, Math.floor((box.bottom + gap - area.top) / CELL));
    for (let row = top; row <= bottom; row++) used.fill(1, row * columns + left, row * columns + right + 1);
  }
  return used;
}

/**
 * Where the page's content ends, ignoring a running footer (page numbers, a supplier line) in the last
 * `footer` points above `bottom`: the QR code of the foot goes under the CUFE, not under the page number.
 */
export function contentBottom(ink: readonly InkBox[], bottom: number, footer: number): number {
  let lowest = 0;
  for (const box of ink) if (box.top < bottom - footer) lowest = Math.max(lowest, box.bottom);
  return lowest;
}
