import type { GrayImage } from './gray-image.ts';
import type { Region } from './qr-decode.ts';

/** Cell side in millimetres: about two modules of a printed QR, and shorter than a line of body text. */
const CELL_MM = 1.6;
const INK = 128;
/** Printed QR codes (with the DIAN's and AFIP's payloads) measure between these, in millimetres. */
const MIN_SIDE_MM = 12;
const MAX_SIDE_MM = 70;
const MAX_CANDIDATES = 6;

/**
 * Where a QR code may lie on a page image, most likely first. A QR is a square of evenly mixed ink: cells about
 * two modules wide are between a quarter and three quarters dark, edge to edge, while text leaves pale gaps
 * between lines and filled bands are almost solid. Cells like that are grouped into connected blobs and the
 * roughly square, well-filled blobs of a plausible printed size are returned, each framed with a margin.
 * Cheap (one pass over the pixels) so that jsQR only ever sees small crops instead of a 4-megapixel page.
 */
export function locateQrCandidates(image: GrayImage, dpi: number): Region[] {
  const cell = Math.max(4, Math.round((CELL_MM / 25.4) * dpi));
  const columns = Math.floor(image.width / cell);
  const rows = Math.floor(image.height / cell);
  const mixed = new Uint8Array(columns * rows);
  const ink = new Uint32Array(columns * rows);
  const { data, width } = image;
  for (let y = 0; y < rows * cell; y++) {
    const rowBase = Math.floor(y / cell) * columns;
    const offset = y * width;
    for (let x = 0; x < columns * cell; x++) {
      if ((data[offset + x] as number) < INK) (ink[rowBase + Math.floor(x / cell)] as number)++;
    }
  }
  const area = cell * cell;
  for (let i = 0; i < mixed.length; i++) {
    const share = (ink[i] as number) / area;
    mixed[i] = share >= 0.22 && share <= 0.92 ? 1 : 0;
  }
  const core = majority(mixed, columns, rows);
  const minCells = ((MIN_SIDE_MM / 25.4) * dpi) / cell;
  const maxCells = ((MAX_SIDE_MM / 25.4) * dpi) / cell;
  const candidates: { region: Region; fill: number }[] = [];
  for (const blob of blobs(core, columns, rows)) {
    const w = blob.x1 - blob.x0 + 1;
    const h = blob.y1 - blob.y0 + 1;
    if (Math.min(w, h) < minCells * 0.8 || Math.max(w, h) > maxCells) continue;
    if (Math.max(w, h) / Math.min(w, h) > 1.4) continue;
    const fill = blob.cells / (w * h);
    if (fill < 0.55) continue;
    const margin = Math.ceil(Math.max(w, h) * 0.15) + 1;
    const x0 = Math.max(0, (blob.x0 - margin) * cell);
    const y0 = Math.max(0, (blob.y0 - margin) * cell);
    const x1 = Math.min(image.width, (blob.x1 + 1 + margin) * cell);
    const y1 = Math.min(image.height, (blob.y1 + 1 + margin) * cell);
    candidates.push({ region: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, fill });
  }
  return candidates
    .sort((a, b) => b.fill - a.fill)
    .slice(0, MAX_CANDIDATES)
    .map((c) => c.region);
}

/**
 * A cell is set when most of its 3×3 neighbourhood is: holes inside a symbol (a run of light or dark modules)
 * close, and a line of text or a ruled box touching it, one cell thick, falls away instead of joining its blob.
 */
function majority(mask: Uint8Array, columns: number, rows: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 1; y < rows - 1; y++) {
    for (let x = 1; x < columns - 1; x++) {
      let set = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) set += mask[(y + dy) * columns + x + dx] as number;
      out[y * columns + x] = set >= 5 ? 1 : 0;
    }
  }
  return out;
}

interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  cells: number;
}

/** 8-connected groups of set cells (iterative flood fill: a page has tens of thousands of cells). */
function blobs(mask: Uint8Array, columns: number, rows: number): Blob[] {
  const seen = new Uint8Array(mask.length);
  const found: Blob[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const blob: Blob = { x0: columns, y0: rows, x1: 0, y1: 0, cells: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const index = stack.pop() as number;
      const cx = index % columns;
      const cy = (index - cx) / columns;
      blob.cells++;
      blob.x0 = Math.min(blob.x0, cx);
      blob.x1 = Math.max(blob.x1, cx);
      blob.y0 = Math.min(blob.y0, cy);
      blob.y1 = Math.max(blob.y1, cy);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = cy + dy;
        if (ny < 0 || ny >= rows) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx;
          if (nx < 0 || nx >= columns) continue;
          const next = ny * columns + nx;
          if (mask[next] && !seen[next]) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    found.push(blob);
  }
  return found;
}
