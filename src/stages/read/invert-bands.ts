import { createGrayImage, type GrayImage } from './gray-image.ts';
import { histogramOf, percentile, type Rect } from './histogram.ts';

/** Blocks of this many pixels a side are the unit of the search (8 px ≈ 1 mm at 200 dpi). */
const BLOCK = 8;
/** A block this dark on average may be band, white letters and all (mid-grey bands included). */
const DARK_MEAN = 140;
/** ...but a band is mostly background: its median pixel is dark. A line of heavy bold text is not. */
const BAND_MEDIAN = 150;
/** Rows without a gap (padding above and below the letters) a band must have. */
const MIN_SOLID_ROWS = 3;
/** A band is at least this wide (in blocks) and two blocks high: rules and bold words are not bands. */
const MIN_RUN_BLOCKS = 16;
const MIN_BAND_BLOCKS = 2;
const MAX_GAP_BLOCKS = 2;
/** A strip this light is paper. */
const PAPER_MEAN = 200;

export type Band = Rect;

/**
 * Table headers and totals printed as white text on a dark band: tesseract reads dark-on-light only (its
 * own inverted-text pass is off because it doubles the time on every line), so the bands are found and
 * inverted here, in one pass over the pixels. Returns a new image when a band was found, else the same one;
 * with `inPlace` (the caller owns the image) the bands are inverted in it instead of in a page-sized copy.
 */
export function invertDarkBands(
  image: GrayImage,
  { inPlace = false }: { inPlace?: boolean } = {},
): { image: GrayImage; bands: Band[] } {
  const bands = findDarkBands(image);
  if (bands.length === 0) return { image, bands };
  const copy = inPlace ? image : createGrayImage(image.width, image.height);
  if (!inPlace) copy.data.set(image.data);
  for (const band of bands) invertBand(copy.data, image.width, band);
  return { image: copy, bands };
}

/**
 * Inverted and stretched so that the band's own background (its median, since letters cover less than
 * half of it) becomes paper white: a mid-grey band merely inverted stays grey, and tesseract's global
 * threshold then swallows it whole.
 */
function invertBand(data: Uint8Array, width: number, band: Band): void {
  const histogram = histogramOf(data, width, band);
  const background = percentile(histogram, 0.5);
  const letters = percentile(histogram, 0.98);
  // After inversion the background is 255 − background and the letters 255 − letters (darker).
  const dark = 255 - letters;
  const light = 255 - background;
  const scale = 240 / Math.max(1, light - dark);
  for (let y = band.y0; y < band.y1; y++) {
    const row = y * width;
    for (let x = band.x0; x < band.x1; x++) {
      const inverted = 255 - (data[row + x] as number);
      data[row + x] = Math.max(0, Math.min(255, Math.round(10 + (inverted - dark) * scale)));
    }
  }
}

/**
 * A printed band has padding above and below its letters: whole rows of it are solid. A line of big bold
 * letters (a supplier's name in the letterhead) never has a row without gaps between its letters.
 */
function hasSolidRows(image: GrayImage, band: Band): boolean {
  const width = band.x1 - band.x0;
  let solid = 0;
  for (let y = band.y0; y < band.y1; y++) {
    let dark = 0;
    const row = y * image.width;
    for (let x = band.x0; x < band.x1; x++) if ((image.data[row + x] as number) < BAND_MEDIAN) dark++;
    if (dark >= 0.97 * width) solid++;
  }
  return solid >= MIN_SOLID_ROWS;
}

function medianOf(image: GrayImage, band: Band): number {
  return percentile(histogramOf(image.data, image.width, band), 0.5);
}

export function findDarkBands(image: GrayImage): Band[] {
  const columns = Math.floor(image.width / BLOCK);
  const rows = Math.floor(image.height / BLOCK);
  const dark = blockDarkness(image, columns, rows);
  // Runs of dark blocks on each block row, merged with the run above them when they overlap.
  const open: (Band & { blocks: number })[] = [];
  const done: Band[] = [];
  for (let by = 0; by < rows; by++) {
    const runs: [number, number][] = [];
    for (let bx = 0; bx < columns; ) {
      if (!dark[by * columns + bx]) {
        bx++;
        continue;
      }
      const start = bx;
      let end = bx;
      // A letter's strokes can lighten a block or two inside the band: short gaps do not end the run.
      while (bx < columns && bx - end <= MAX_GAP_BLOCKS) {
        if (dark[by * columns + bx]) end = bx + 1;
        bx++;
      }
      bx = end;
      if (end - start >= MIN_RUN_BLOCKS) runs.push([start, end]);
    }
    const stillOpen: typeof open = [];
    for (const band of open) {
      const run = runs.find(([s, e]) => s * BLOCK < band.x1 && e * BLOCK > band.x0);
      if (run) {
        band.x0 = Math.min(band.x0, run[0] * BLOCK);
        band.x1 = Math.max(band.x1, run[1] * BLOCK);
        band.y1 = (by + 1) * BLOCK;
        band.blocks++;
        runs.splice(runs.indexOf(run), 1);
        stillOpen.push(band);
      } else if (band.blocks >= MIN_BAND_BLOCKS) done.push(bandOf(band));
    }
    for (const [s, e] of runs)
      stillOpen.push({ x0: s * BLOCK, x1: e * BLOCK, y0: by * BLOCK, y1: (by + 1) * BLOCK, blocks: 1 });
    open.splice(0, open.length, ...stillOpen);
  }
  for (const band of open) if (band.blocks >= MIN_BAND_BLOCKS) done.push(bandOf(band));
  return mergeOverlapping(done)
    .map((band) => fitToEdges(image, band))
    .filter((band) => medianOf(image, band) < BAND_MEDIAN && hasSolidRows(image, band));
}

/**
 * Blocks are coarse: each edge moves out, pixel by pixel, while the strip beyond it is still dark, so that
 * the band's first and last letters are not cut by the edge of the inverted area.
 */
function fitToEdges(image: GrayImage, band: Band): Band {
  const { data, width, height } = image;
  const fitted = { ...band };
  const columnMean = (x: number) => {
    let sum = 0;
    for (let y = fitted.y0; y < fitted.y1; y++) sum += data[y * width + x] as number;
    return sum / Math.max(1, fitted.y1 - fitted.y0);
  };
  const rowMean = (y: number) => {
    let sum = 0;
    for (let x = fitted.x0; x < fitted.x1; x++) sum += data[y * width + x] as number;
    return sum / Math.max(1, fitted.x1 - fitted.x0);
  };
  // Blocks half on paper first give their paper back, then the edges grow over what is still band.
  while (fitted.x1 - fitted.x0 > BLOCK && columnMean(fitted.x0) > PAPER_MEAN) fitted.x0++;
  while (fitted.x1 - fitted.x0 > BLOCK && columnMean(fitted.x1 - 1) > PAPER_MEAN) fitted.x1--;
  while (fitted.y1 - fitted.y0 > 2 && rowMean(fitted.y0) > PAPER_MEAN) fitted.y0++;
  while (fitted.y1 - fitted.y0 > 2 && rowMean(fitted.y1 - 1) > PAPER_MEAN) fitted.y1--;
  for (let n = 0; n < 2 * BLOCK && fitted.x0 > 0 && columnMean(fitted.x0 - 1) < DARK_MEAN; n++) fitted.x0--;
  for (let n = 0; n < 2 * BLOCK && fitted.x1 < width && columnMean(fitted.x1) < DARK_MEAN; n++) fitted.x1++;
  for (let n = 0; n < 2 * BLOCK && fitted.y0 > 0 && rowMean(fitted.y0 - 1) < DARK_MEAN; n++) fitted.y0--;
  for (let n = 0; n < 2 * BLOCK && fitted.y1 < height && rowMean(fitted.y1) < DARK_MEAN; n++) fitted.y1++;
  return fitted;
}

/** White letters split a band's rows into pieces; inverting an overlap twice would undo it. */
function mergeOverlapping(bands: Band[]): Band[] {
  const merged: Band[] = [];
  for (const band of [...bands].sort((a, b) => a.y0 - b.y0)) {
    const other = merged.find(
      (m) => m.x0 <= band.x1 && band.x0 <= m.x1 && m.y0 <= band.y1 && band.y0 <= m.y1,
    );
    if (!other) {
      merged.push({ ...band });
      continue;
    }
    other.x0 = Math.min(other.x0, band.x0);
    other.y0 = Math.min(other.y0, band.y0);
    other.x1 = Math.max(other.x1, band.x1);
    other.y1 = Math.max(other.y1, band.y1);
  }
  return merged;
}

function bandOf({ x0, y0, x1, y1 }: Band): Band {
  return { x0, y0, x1, y1 };
}

function blockDarkness(image: GrayImage, columns: number, rows: number): Uint8Array {
  const sums = new Uint32Array(columns * rows);
  const { data, width } = image;
  for (let y = 0; y < rows * BLOCK; y++) {
    const row = y * width;
    const base = Math.floor(y / BLOCK) * columns;
    for (let x = 0; x < columns * BLOCK; x++) sums[base + ((x / BLOCK) | 0)]! += data[row + x] as number;
  }
  const dark = new Uint8Array(columns * rows);
  const limit = DARK_MEAN * BLOCK * BLOCK;
  for (let i = 0; i < dark.length; i++) dark[i] = (sums[i] as number) < limit ? 1 : 0;
  return dark;
}
