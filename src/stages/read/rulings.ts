import * as mupdf from 'mupdf';
import type { Ruling } from '../../contract/document.ts';

/** Path segments looked at per page at most: a hostile page of a million strokes costs no more than this. */
const MAX_SEGMENTS = 20_000;
/** A path with more segments than this is a drawing (a logo, a glyph outline), not table rules. */
const MAX_PATH_SEGMENTS = 400;
/** Rulings kept per page at most. */
const MAX_RULINGS = 4_000;
/** A segment this far off horizontal or vertical (in points over its length) is neither. */
const SLANT = 0.5;
/** Shorter segments are ticks, dashes or glyph pieces. */
const MIN_LENGTH = 4;
/** A filled rectangle this thin is a rule drawn as a rectangle. */
const THIN = 3;

type Point = [number, number];

/**
 * The page's ruling lines: stroked horizontal and vertical segments, filled thin rectangles (rules drawn as
 * boxes) and the edges of filled rectangles (shaded cells), in page points with the origin at the page's
 * top-left (as words are). White strokes and fills draw nothing visible and are left out. The work is
 * bounded: at most MAX_SEGMENTS path segments are walked per page, and long paths are skipped whole.
 */
export function readRulings(drawing: mupdf.Page | mupdf.DisplayList, bounds = drawing.getBounds()): Ruling[] {
  const [bx0, by0] = bounds;
  const rulings: Ruling[] = [];
  let budget = MAX_SEGMENTS;
  const add = (x0: number, y0: number, x1: number, y1: number) => {
    if (rulings.length >= MAX_RULINGS) return;
    rulings.push({
      x0: round(Math.min(x0, x1) - bx0),
      y0: round(Math.min(y0, y1) - by0),
      x1: round(Math.max(x0, x1) - bx0),
      y1: round(Math.max(y0, y1) - by0),
    });
  };
  /** A path whose whole extent is a thin bar is one rule along its middle. */
  const addIfThin = ([x0, y0, x1, y1]: mupdf.Rect): boolean => {
    if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
    else if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
    else return x1 - x0 < MIN_LENGTH && y1 - y0 < MIN_LENGTH;
    return true;
  };
  const polylines = (path: mupdf.Path, ctm: mupdf.Matrix): Point[][] | null => {
    const lines: Point[][] = [];
    let current: Point[] = [];
    let start: Point | null = null;
    let count = 0;
    let complex = false;
    path.walk({
      moveTo: (x, y) => {
        count++;
        if (current.length > 1) lines.push(current);
        start = transform(ctm, x, y);
        current = [start];
      },
      lineTo: (x, y) => {
        count++;
        current.push(transform(ctm, x, y));
      },
      curveTo: () => {
        count++;
        // A curve breaks the polyline (a rounded corner): the straight parts on each side still count.
        complex = true;
        if (current.length > 1) lines.push(current);
        current = [];
        start = null;
      },
      closePath: () => {
        count++;
        if (start && current.length > 1) current.push(start);
      },
    });
    if (current.length > 1) lines.push(current);
    budget -= count;
    if (count > MAX_PATH_SEGMENTS) return null;
    return complex && lines.length === 0 ? null : lines;
  };
  const onStroke = (path: mupdf.Path, stroke: mupdf.StrokeState, ctm: mupdf.Matrix) => {
    // One call instead of a walk for the common case: a path that is one straight rule.
    if (addIfThin(path.getBounds(stroke, ctm))) {
      budget--;
      return;
    }
    const lines = polylines(path, ctm);
    if (!lines) return;
    for (const points of lines)
      for (let i = 1; i < points.length; i++) {
        const [ax, ay] = points[i - 1]!;
        const [bx, by] = points[i]!;
        if (isRuling(ax, ay, bx, by)) add(ax, ay, bx, by);
      }
  };
  const onFill = (path: mupdf.Path, ctm: mupdf.Matrix) => {
    // Filled bounds: mupdf takes a null stroke state (its typings ask for one).
    if (addIfThin(path.getBounds(null as unknown as mupdf.StrokeState, ctm))) {
      budget--;
      return;
    }
    const lines = polylines(path, ctm);
    if (!lines) return;
    for (const points of lines) {
      const box = rectangleOf(points);
      if (!box) continue;
      const [x0, y0, x1, y1] = box;
      if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
      else if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      else if (x1 - x0 > THIN && y1 - y0 > THIN) {
        add(x0, y0, x1, y0);
        add(x0, y1, x1, y1);
        add(x0, y0, x0, y1);
        add(x1, y0, x1, y1);
      }
    }
  };
  // mupdf.js hands each callback new references (kept paths, stroke states, colour spaces). They are released
  // before the callback returns: a display list's packed paths must not outlive the list, which a wrapper left
  // to the garbage collector would (its late drop frees memory the list already gave back).
  const device = new mupdf.Device({
    strokePath: (path, stroke, ctm, colorspace, color) => {
      try {
        if (budget > 0 && !isWhite(colorspace, color)) onStroke(path, stroke, ctm);
      } finally {
        path.destroy();
        stroke.destroy();
        colorspace.destroy();
      }
    },
    fillPath: (path, _evenOdd, ctm, colorspace, color) => {
      try {
        if (budget > 0 && !isWhite(colorspace, color)) onFill(path, ctm);
      } finally {
        path.destroy();
        colorspace.destroy();
      }
    },
  });
  try {
    drawing.run(device, mupdf.Matrix.identity);
  } finally {
    device.close();
    device.destroy();
  }
  return rulings;
}

function transform(m: mupdf.Matrix, x: number, y: number): Point {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

function isRuling(ax: number, ay: number, bx: number, by: number): boolean {
  const dx = Math.abs(bx - ax);
  const dy = Math.abs(by - ay);
  return (dx >= MIN_LENGTH && dy <= SLANT) || (dy >= MIN_LENGTH && dx <= SLANT);
}

/** The box of a closed polyline that is an axis-aligned rectangle (4 or 5 points), else null. */
function rectangleOf(points: Point[]): [number, number, number, number] | null {
  const corners = points.length === 5 || (points.length === 4 && !samePoint(points[0]!, points[3]!)) ? 4 : 0;
  if (corners === 0) return null;
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[(i + 1) % 4]!;
    if (Math.abs(ax - bx) > SLANT && Math.abs(ay - by) > SLANT) return null;
  }
  const xs = points.slice(0, 4).map((p) => p[0]);
  const ys = points.slice(0, 4).map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function samePoint(a: Point, b: Point): boolean {
  return Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01;
}

function isWhite(colorspace: mupdf.ColorSpace, color: number[]): boolean {
  if (color.length === 0) return false;
  if (colorspace.isSubtractive()) return color.every((c) => c <= 0.02);
  if (colorspace.isGray() || colorspace.isRGB()) return color.every((c) => c >= 0.98);
  return false;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
