import jsQRModule from 'jsqr';
import type { GrayImage } from './gray-image.ts';

// jsqr is CommonJS with an ES-style `default` in its typings: Node's default import is the function itself.
type JsQr = typeof jsQRModule.default;
const jsQR: JsQr =
  typeof jsQRModule === 'function'
    ? (jsQRModule as unknown as JsQr)
    : (jsQRModule as { default: JsQr }).default;

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DecodedQr {
  text: string;
  /** Where the symbol (finder patterns' outer corners) lies, in the pixels of the image searched. */
  region: Region;
}

/**
 * Crops smaller than these are enlarged (whole multiples), one size after the other: jsQR's binariser and
 * finder search work on fixed pixel blocks, and which enlargement reads a symbol printed at 3–4 px per module
 * varies. On 35 real AFIP invoices rendered at 200 dpi and turned 1.2°, 360 px read 25, 500 px 24, both 27.
 */
const MIN_SIDES = [360, 500];
/** Larger crops are averaged down: a QR's modules stay several pixels wide and jsQR's time grows with area. */
const MAX_SIDE = 720;

/**
 * Decodes one QR code inside `region` of a grey image (the whole image by default). The crop is framed with a
 * white quiet zone (embedded QR images are often cut to the symbol) and scaled to a size jsQR reads well.
 * Returns null when no symbol decodes; a decoded one has passed Reed–Solomon error correction.
 */
export function decodeQr(image: GrayImage, region: Region = wholeImage(image)): DecodedQr | null {
  for (const minSide of MIN_SIDES) {
    const found = decodeAt(image, region, minSide);
    if (found) return found;
  }
  return null;
}

function decodeAt(image: GrayImage, region: Region, minSide: number): DecodedQr | null {
  const side = Math.max(region.width, region.height);
  const scale = side < minSide ? Math.ceil(minSide / side) : side > MAX_SIDE ? MAX_SIDE / side : 1;
  const innerWidth = Math.max(1, Math.round(region.width * scale));
  const innerHeight = Math.max(1, Math.round(region.height * scale));
  const pad = Math.round(Math.max(innerWidth, innerHeight) * 0.08) + 4;
  const width = innerWidth + 2 * pad;
  const height = innerHeight + 2 * pad;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  const step = 1 / scale;
  for (let y = 0; y < innerHeight; y++) {
    const sy0 = region.y + Math.floor(y * step);
    const sy1 = Math.max(sy0 + 1, region.y + Math.floor((y + 1) * step));
    for (let x = 0; x < innerWidth; x++) {
      const sx0 = region.x + Math.floor(x * step);
      const sx1 = Math.max(sx0 + 1, region.x + Math.floor((x + 1) * step));
      const value = average(image, sx0, sy0, sx1, sy1);
      const i = ((y + pad) * width + x + pad) * 4;
      rgba[i] = value;
      rgba[i + 1] = value;
      rgba[i + 2] = value;
    }
  }
  const found = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  if (!found || found.data.trim() === '') return null;
  const corners = [
    found.location.topLeftCorner,
    found.location.topRightCorner,
    found.location.bottomLeftCorner,
    found.location.bottomRightCorner,
  ];
  const xs = corners.map((c) => region.x + (c.x - pad) / scale);
  const ys = corners.map((c) => region.y + (c.y - pad) / scale);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const x1 = Math.min(image.width, Math.ceil(Math.max(...xs)));
  const y1 = Math.min(image.height, Math.ceil(Math.max(...ys)));
  return { text: found.data, region: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
}

function wholeImage(image: GrayImage): Region {
  return { x: 0, y: 0, width: image.width, height: image.height };
}

function average(image: GrayImage, x0: number, y0: number, x1: number, y1: number): number {
  const { data, width } = image;
  let sum = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += data[y * width + x] as number;
  return sum / ((x1 - x0) * (y1 - y0));
}
