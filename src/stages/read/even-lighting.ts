import { applyGains, BLOCK, blockBackgrounds } from './block-gains.ts';
import { createGrayImage, type GrayImage } from './gray-image.ts';

/**
 * How far (in blocks, ≈ 8 mm at 200 dpi) the light is looked for around a block: a block covered by ink
 * (a paragraph, a logo, a dark table-header band narrower than twice this) takes the paper tone seen nearby,
 * so only light that changes slowly over the page counts as light.
 */
const REACH = 2;
/** The tone paper is brought to: that of a clean flatbed scan. */
const PAPER = 240;
/** Pages whose light varies less than this (bright paper over dim paper) are left as they are. */
const MIN_UNEVENNESS = 1.15;
/** The most a block is brightened (deep shadow, a dark desk around the sheet). */
const MAX_GAIN = 4;

/**
 * A photographed page lit unevenly (a gradient from the window, a hand's shadow, a vignette) brought to one
 * paper tone. Tesseract binarises a page with one global threshold, so on such a photo the dim half comes out
 * black or the bright half loses its thin strokes; a flat page comes out as a scan does. The light is the
 * paper's tone, estimated per block (a high percentile of its pixels), closed over `REACH` blocks so that
 * blocks under ink take their neighbours' paper, and smoothed; each pixel is scaled by PAPER over the light
 * at its position. Scans and rendered pages, whose paper is even, come back unchanged (the same object); with
 * `inPlace` (the caller owns the image) the page is changed in place instead of in a copy.
 */
export function evenLighting(image: GrayImage, { inPlace = false }: { inPlace?: boolean } = {}): GrayImage {
  const { width, height } = image;
  const columns = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  if (columns < 2 * REACH + 1 || rows < 2 * REACH + 1) return image;
  const light = smooth(close(blockBackgrounds(image, columns, rows), columns, rows), columns, rows);
  if (unevenness(light) < MIN_UNEVENNESS) return image;
  const gain = new Float32Array(light.length);
  for (let i = 0; i < light.length; i++)
    gain[i] = Math.min(MAX_GAIN, PAPER / Math.max(1, light[i] as number));
  return applyGains(image, inPlace ? image : createGrayImage(width, height), gain, columns, rows);
}

/**
 * A morphological closing of the block tones: the brightest block within REACH (filling blocks under ink),
 * then the dimmest of those within REACH, so that a slope of light keeps its level where a plain maximum
 * would carry the bright side's level into the dim side.
 */
function close(values: Float32Array, columns: number, rows: number): Float32Array {
  // Padded with the edge blocks repeated: a window cut short at the border would take the level from inside.
  const wide = columns + 2 * REACH;
  const tall = rows + 2 * REACH;
  const padded = new Float32Array(wide * tall);
  for (let r = 0; r < tall; r++) {
    const from = Math.min(rows - 1, Math.max(0, r - REACH));
    for (let c = 0; c < wide; c++)
      padded[r * wide + c] = values[from * columns + Math.min(columns - 1, Math.max(0, c - REACH))] as number;
  }
  const closed = spread(spread(padded, wide, tall, Math.max, 0), wide, tall, Math.min, 255);
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++)
    out.set(closed.subarray((r + REACH) * wide + REACH, (r + REACH) * wide + REACH + columns), r * columns);
  return out;
}

/** `pick` (max or min) over the blocks within REACH of each block: separable, rows then columns. */
function spread(
  values: Float32Array,
  columns: number,
  rows: number,
  pick: (a: number, b: number) => number,
  start: number,
): Float32Array {
  const across = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let best = start;
      for (let k = Math.max(0, c - REACH); k <= Math.min(columns - 1, c + REACH); k++)
        best = pick(best, values[r * columns + k] as number);
      across[r * columns + c] = best;
    }
  }
  const out = new Float32Array(values.length);
  for (let c = 0; c < columns; c++) {
    for (let r = 0; r < rows; r++) {
      let best = start;
      for (let k = Math.max(0, r - REACH); k <= Math.min(rows - 1, r + REACH); k++)
        best = pick(best, across[k * columns + c] as number);
      out[r * columns + c] = best;
    }
  }
  return out;
}

/** A 3×3 block mean, so that the gains have no steps where the running maximum changes. */
function smooth(values: Float32Array, columns: number, rows: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let sum = 0;
      let n = 0;
      for (let j = Math.max(0, r - 1); j <= Math.min(rows - 1, r + 1); j++) {
        for (let k = Math.max(0, c - 1); k <= Math.min(columns - 1, c + 1); k++) {
          sum += values[j * columns + k] as number;
          n++;
        }
      }
      out[r * columns + c] = sum / n;
    }
  }
  return out;
}

/** The ratio of bright to dim light over the page (its 95th and 5th percentiles). */
function unevenness(light: Float32Array): number {
  const sorted = Float32Array.from(light).sort();
  const dim = sorted[Math.floor(sorted.length * 0.05)] as number;
  const bright = sorted[Math.floor(sorted.length * 0.95)] as number;
  return bright / Math.max(1, dim);
}
