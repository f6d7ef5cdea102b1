import { createGrayImage, type GrayImage } from './gray-image.ts';

/** Pixels per module of the redrawn symbol: ZXing's pure-barcode path reads 2 px; 3 leaves a margin. */
const MODULE_PX = 3;
/** The quiet zone the QR specification asks for, in modules. */
const QUIET_MODULES = 4;
const DARK = 128;

/**
 * An image made as a QR code (embedded in a PDF, axis-aligned, one flat colour per module) redrawn at
 * 3 px per module, black on white, with its quiet zone: what qr-pure.ts decodes without searching for the
 * symbol (on 41 such images of bench corpus 880001, 0.8 ms each instead of 6–16 ms with jsQR).
 *
 * The grid is taken from the symbol itself: the top-left finder's top edge is a dark run of 7 modules, and the
 * symbol spans the dark pixels' bounding box, 21 + 4k modules wide. Null when the picture is not such a grid
 * (a photo, a rotated or blurred code): the caller then decodes the image as it is.
 */
export function redrawCrispQr(image: GrayImage): GrayImage | null {
  const box = darkBoundingBox(image);
  if (!box) return null;
  const side = box.x1 - box.x0;
  if (Math.abs(box.y1 - box.y0 - side) > side * 0.03) return null;
  const finderRun = darkRun(image, box.x0, box.y0, 1, 0);
  const finderColumn = darkRun(image, box.x0, box.y0, 0, 1);
  if (Math.abs(finderRun - finderColumn) > Math.max(1, finderRun * 0.1)) return null;
  const modules = moduleCount(image, box.x0, box.y0, side, finderRun);
  if (modules === null) return null;
  const pitch = side / modules;

  const size = (modules + 2 * QUIET_MODULES) * MODULE_PX;
  const out = createGrayImage(size, size);
  out.data.fill(255);
  for (let row = 0; row < modules; row++) {
    for (let column = 0; column < modules; column++) {
      if (!darkModule(image, box.x0, box.y0, pitch, row, column)) continue;
      const top = (row + QUIET_MODULES) * MODULE_PX;
      const left = (column + QUIET_MODULES) * MODULE_PX;
      for (let dy = 0; dy < MODULE_PX; dy++)
        out.data.fill(0, (top + dy) * size + left, (top + dy) * size + left + MODULE_PX);
    }
  }
  return out;
}

/**
 * The symbol's width in modules. Seven modules' run, measured in whole pixels, only estimates it (a 49-module
 * symbol at 5.6 px reads as 48); the counts a QR can have (21 + 4k) near the estimate are tried, and the one
 * whose timing patterns (row and column 6, alternating from module 8 to the far finder) sample exactly is kept.
 */
function moduleCount(
  image: GrayImage,
  x0: number,
  y0: number,
  side: number,
  finderRun: number,
): number | null {
  const estimate = (7 * side) / finderRun;
  const candidates = [];
  for (let n = 21; n <= 177; n += 4) if (Math.abs(n - estimate) <= 3) candidates.push(n);
  candidates.sort((a, b) => Math.abs(a - estimate) - Math.abs(b - estimate));
  return candidates.find((n) => timingPatternsFit(image, x0, y0, side / n, n)) ?? null;
}

function timingPatternsFit(
  image: GrayImage,
  x0: number,
  y0: number,
  pitch: number,
  modules: number,
): boolean {
  if (pitch < 2) return false;
  const at = (row: number, column: number) => darkModule(image, x0, y0, pitch, row, column);
  for (let i = 8; i < modules - 8; i++) {
    const expected = i % 2 === 0;
    if (at(6, i) !== expected || at(i, 6) !== expected) return false;
  }
  return true;
}

/** Whether the module at (row, column) of a grid from (x0, y0) is dark, sampled at its centre. */
function darkModule(
  image: GrayImage,
  x0: number,
  y0: number,
  pitch: number,
  row: number,
  column: number,
): boolean {
  const y = Math.floor(y0 + (row + 0.5) * pitch);
  const x = Math.floor(x0 + (column + 0.5) * pitch);
  return (image.data[y * image.width + x] as number) < DARK;
}

/** The dark pixels' bounding box, end-exclusive; null when there are none. */
function darkBoundingBox(image: GrayImage): { x0: number; y0: number; x1: number; y1: number } | null {
  const { data, width, height } = image;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const start = y * width;
    for (let x = 0; x < width; x++) {
      if ((data[start + x] as number) >= DARK) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** How many dark pixels follow one another from (x, y) in direction (dx, dy). */
function darkRun(image: GrayImage, x: number, y: number, dx: number, dy: number): number {
  let run = 0;
  while (x < image.width && y < image.height && (image.data[y * image.width + x] as number) < DARK) {
    run++;
    x += dx;
    y += dy;
  }
  return run;
}
