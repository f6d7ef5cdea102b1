import jsQRModule from 'jsqr';
import { createGrayImage, type GrayImage } from './gray-image.ts';

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

/** Crops are enlarged no further than this: jsQR's time grows with the area. */
const MAX_ENLARGED_SIDE = 1200;
/** Smaller embedded images are enlarged to this: jsQR's 8-px blocks need modules of 2 px or more. */
const SHARP_MIN_SIDE = 240;
/** Larger embedded images are averaged down to this. */
const SHARP_MAX_SIDE = 400;
/** Larger crops are averaged down: a QR's modules stay several pixels wide. */
const MAX_SIDE = 720;

/**
 * Decodes one QR code inside `region` of a grey image (the whole image by default). The crop is framed with a
 * white quiet zone (embedded QR images are often cut to the symbol) and scaled to sizes jsQR reads well, one
 * after the other. Returns null when no symbol decodes; a decoded one has passed Reed–Solomon error correction.
 */
export function decodeQr(
  image: GrayImage,
  region: Region = whole(image),
  { sharp = false }: { sharp?: boolean } = {},
): DecodedQr | null {
  const side = Math.max(region.width, region.height);
  for (const scale of sharp ? sharpScales(side) : scales(side)) {
    const found = decodeAt(image, region, scale);
    if (found) return found;
    // Salt-and-pepper scanner noise makes jsQR see finder patterns in the paper: a 3×3 mean wipes the specks
    // out at the cost of the finest modules, so it is tried once, after the crop as it is.
    if (!sharp && scale === 1) {
      const smooth = decodeAt(meanFiltered(image, region), whole(region), 1);
      if (smooth)
        return {
          ...smooth,
          region: { ...smooth.region, x: smooth.region.x + region.x, y: smooth.region.y + region.y },
        };
    }
  }
  return null;
}

/** The region's pixels, each the mean of its 3×3 neighbourhood (clamped at the edges). */
function meanFiltered(image: GrayImage, region: Region): GrayImage {
  const { width, height } = region;
  const out = createGrayImage(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const row = region.y + Math.min(height - 1, Math.max(0, y + dy));
        for (let dx = -1; dx <= 1; dx++) {
          sum += image.data[
            row * image.width + region.x + Math.min(width - 1, Math.max(0, x + dx))
          ] as number;
        }
      }
      out.data[y * width + x] = sum / 9;
    }
  }
  return out;
}

/**
 * jsQR binarises in fixed 8-px blocks, so a scanned symbol at 3–4 px per module often reads only enlarged, and
 * best with bilinear interpolation (smooth module edges; whole-pixel repetition leaves steps that shift its
 * thresholds): over 29 generated scans with a QR and 35 real AFIP pages at 200 dpi, ×2 bilinear read 28 and
 * 28, the crop as it is 25 and 26. The crop as it is goes first all the same: jsQR's time grows with the area,
 * and on 17 scans of the current generator trying ×1, ×2, ×3 in turn read all 17 in ~75 ms each against
 * ~125 ms for ×2 first.
 */
function scales(side: number): number[] {
  if (side > MAX_SIDE) return [MAX_SIDE / side];
  return [1, ...[2, 3].filter((scale) => side * scale <= MAX_ENLARGED_SIDE)];
}

/**
 * An image made as a QR code (embedded in a PDF) has crisp modules: averaged down to 400 px (a version-16
 * symbol keeps ~4 px per module) or enlarged only when tiny. On 200 generated digital invoices the 41 QR images
 * all read either way at 400 or 720 px; 400 costs 5 ms per document on average instead of 9, and 320 lost 9.
 */
function sharpScales(side: number): number[] {
  if (side > SHARP_MAX_SIDE) return [SHARP_MAX_SIDE / side];
  return side >= SHARP_MIN_SIDE ? [1] : [Math.ceil(SHARP_MIN_SIDE / side)];
}

function decodeAt(image: GrayImage, region: Region, scale: number): DecodedQr | null {
  const innerWidth = Math.max(1, Math.round(region.width * scale));
  const innerHeight = Math.max(1, Math.round(region.height * scale));
  const pad = Math.round(Math.max(innerWidth, innerHeight) * 0.08) + 4;
  const width = innerWidth + 2 * pad;
  const height = innerHeight + 2 * pad;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  const sample = scale > 1 ? bilinear : boxAverage;
  for (let y = 0; y < innerHeight; y++) {
    for (let x = 0; x < innerWidth; x++) {
      const value = sample(image, region, scale, x, y);
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

/** A region covering all of something of this size, from its origin. */
function whole(size: { width: number; height: number }): Region {
  return { x: 0, y: 0, width: size.width, height: size.height };
}

/** The region's grey at output pixel (x, y) of an enlargement, interpolated between the four nearest pixels. */
function bilinear(image: GrayImage, region: Region, scale: number, x: number, y: number): number {
  const sx = Math.min(region.width - 1.001, Math.max(0, (x + 0.5) / scale - 0.5));
  const sy = Math.min(region.height - 1.001, Math.max(0, (y + 0.5) / scale - 0.5));
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  const fx = sx - x0;
  const fy = sy - y0;
  const { data, width } = image;
  const i = (region.y + y0) * width + region.x + x0;
  const right = region.width > 1 ? 1 : 0;
  const down = region.height > 1 ? width : 0;
  const top = (data[i] as number) * (1 - fx) + (data[i + right] as number) * fx;
  const bottom = (data[i + down] as number) * (1 - fx) + (data[i + down + right] as number) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** The mean of the pixels an output pixel of a reduction (or copy) covers. */
function boxAverage(image: GrayImage, region: Region, scale: number, x: number, y: number): number {
  const step = 1 / scale;
  const y0 = region.y + Math.floor(y * step);
  const y1 = Math.max(y0 + 1, region.y + Math.floor((y + 1) * step));
  const x0 = region.x + Math.floor(x * step);
  const x1 = Math.max(x0 + 1, region.x + Math.floor((x + 1) * step));
  const { data, width } = image;
  let sum = 0;
  for (let row = y0; row < y1; row++)
    for (let col = x0; col < x1; col++) sum += data[row * width + col] as number;
  return sum / ((x1 - x0) * (y1 - y0));
}
