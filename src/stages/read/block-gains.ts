import type { GrayImage } from './gray-image.ts';
import { histogramOf, percentile } from './histogram.ts';

/** Side of the blocks the background is estimated on (≈ 4 mm at 200 dpi): larger than any letter. */
export const BLOCK = 32;
/** A block's background tone: a high percentile, since letters cover less than half of it. */
const BACKGROUND_PERCENTILE = 0.9;

/**
 * Each pixel scaled by the block gains interpolated (bilinearly, between block centres) at its position. The
 * horizontal weights are the same on every row, and a row whose gains are all 1 is copied as it is: a sidebar
 * page costs ~15 ms here instead of ~70 with the interpolation done per pixel.
 */
export function applyGains(
  image: GrayImage,
  into: GrayImage,
  gain: Float32Array,
  columns: number,
  rows: number,
): GrayImage {
  const { width, height } = image;
  const left = new Int32Array(width);
  const weight = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(columns - 1, Math.max(0, (x - BLOCK / 2) / BLOCK));
    left[x] = Math.floor(fx);
    weight[x] = fx - Math.floor(fx);
  }
  const rowGain = new Float32Array(columns + 1);
  const data = into.data;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(rows - 1, Math.max(0, (y - BLOCK / 2) / BLOCK));
    const y0 = Math.floor(fy);
    const y1 = Math.min(rows - 1, y0 + 1);
    const wy = fy - y0;
    let flat = true;
    for (let c = 0; c < columns; c++) {
      const g = (gain[y0 * columns + c] as number) * (1 - wy) + (gain[y1 * columns + c] as number) * wy;
      rowGain[c] = g;
      if (g !== 1) flat = false;
    }
    rowGain[columns] = rowGain[columns - 1] as number;
    const row = y * width;
    if (flat) {
      if (into !== image) data.set(image.data.subarray(row, row + width), row);
      continue;
    }
    for (let x = 0; x < width; x++) {
      const c = left[x] as number;
      const g0 = rowGain[c] as number;
      const g = g0 + ((rowGain[c + 1] as number) - g0) * (weight[x] as number);
      const value = (image.data[row + x] as number) * g + 0.5;
      data[row + x] = Math.min(255, value);
    }
  }
  return into;
}

/** Each block's background tone (a high percentile of its pixels), row by row. */
export function blockBackgrounds(image: GrayImage, columns: number, rows: number): Float32Array {
  const { width, height } = image;
  const out = new Float32Array(columns * rows);
  const histogram = new Uint32Array(256);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      const rect = {
        x0: bx * BLOCK,
        y0: by * BLOCK,
        x1: Math.min(width, (bx + 1) * BLOCK),
        y1: Math.min(height, (by + 1) * BLOCK),
      };
      const value = percentile(histogramOf(image.data, width, rect, histogram), BACKGROUND_PERCENTILE);
      out[by * columns + bx] = value;
    }
  }
  return out;
}
