import type { Ruling } from '../../contract/document.ts';
import type { GrayImage } from './gray-image.ts';

/** Darker than this is ink. */
const INK = 150;
/** Gaps a scanned rule shows (toner, dust) that still leave it one line, in points. */
const GAP_POINTS = 1.5;
/** Shorter runs are letters and underlines: table rules span a cell at least, in points. */
const MIN_HORIZONTAL_POINTS = 40;
const MIN_VERTICAL_POINTS = 24;
/** A rule is thin; a thicker run of ink is a filled box or a picture, in points. */
const MAX_THICKNESS_POINTS = 3;
/** Rulings kept per page at most (a hostile page costs no more than this). */
const MAX_RULINGS = 4_000;

interface Run {
  at: number;
  from: number;
  to: number;
}

/**
 * The ruling lines of a scanned page (table borders and cell rules), in PDF points from the page's top-left
 * like OCR words: long, thin runs of ink across rows (horizontal) and down columns (vertical). Runs on
 * neighbouring rows or columns that overlap are one rule; a rule thicker than a few points is a filled area,
 * not a line. The image is the straightened page the OCR reads, so its words and these rulings share a frame.
 */
export function findRulingLines(image: GrayImage, dpi: number): Ruling[] {
  const px = (points: number) => Math.max(1, Math.round((points / 72) * dpi));
  const scale = 72 / dpi;
  const gap = px(GAP_POINTS);
  const thickness = px(MAX_THICKNESS_POINTS);
  const horizontal = joinNeighbours(runs(image, 'rows', px(MIN_HORIZONTAL_POINTS), gap), thickness);
  const vertical = joinNeighbours(runs(image, 'columns', px(MIN_VERTICAL_POINTS), gap), thickness);
  const rulings: Ruling[] = [];
  for (const r of horizontal) {
    if (rulings.length >= MAX_RULINGS) break;
    rulings.push({ x0: r.from * scale, x1: r.to * scale, y0: r.at * scale, y1: r.at * scale });
  }
  for (const r of vertical) {
    if (rulings.length >= MAX_RULINGS) break;
    rulings.push({ x0: r.at * scale, x1: r.at * scale, y0: r.from * scale, y1: r.to * scale });
  }
  return rulings;
}

/** Runs of ink at least `minLength` long along every row (or column), bridging gaps up to `gap`. */
function runs(image: GrayImage, along: 'rows' | 'columns', minLength: number, gap: number): Run[] {
  const { width, height, data } = image;
  const lines = along === 'rows' ? height : width;
  const length = along === 'rows' ? width : height;
  const stride = along === 'rows' ? 1 : width;
  const found: Run[] = [];
  for (let line = 0; line < lines; line++) {
    const base = along === 'rows' ? line * width : line;
    let start = -1;
    let lastInk = -1;
    for (let i = 0; i <= length; i++) {
      const ink = i < length && data[base + i * stride]! < INK;
      if (ink) {
        if (start < 0) start = i;
        lastInk = i;
      } else if (start >= 0 && (i === length || i - lastInk > gap)) {
        if (lastInk - start + 1 >= minLength) found.push({ at: line, from: start, to: lastInk + 1 });
        start = -1;
      }
    }
  }
  return found;
}

/** Runs on neighbouring lines that overlap along their length become one rule at their middle. */
function joinNeighbours(found: Run[], maxThickness: number): Run[] {
  const open: { first: number; last: number; from: number; to: number }[] = [];
  const done: Run[] = [];
  const close = (band: (typeof open)[number]) => {
    if (band.last - band.first + 1 <= maxThickness)
      done.push({ at: (band.first + band.last) / 2, from: band.from, to: band.to });
  };
  for (const run of found) {
    // Bands that did not continue on the line before this one are finished.
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k]!.last < run.at - 1) close(open.splice(k, 1)[0]!);
    }
    const band = open.find((b) => b.last >= run.at - 1 && b.from < run.to && run.from < b.to);
    if (band) {
      band.last = run.at;
      band.from = Math.min(band.from, run.from);
      band.to = Math.max(band.to, run.to);
    } else open.push({ first: run.at, last: run.at, from: run.from, to: run.to });
  }
  for (const band of open) close(band);
  return done;
}
