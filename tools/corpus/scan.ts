import * as mupdf from 'mupdf';
import { PDFDocument } from 'pdf-lib';
import type { Random } from './random.ts';

export const SCAN_DPI = 200;

export interface ScanOptions {
  dpi?: number;
  /** JPEG quality 1..100. */
  quality?: number;
}

/**
 * Rotates a grey image about its centre (bilinear) and shifts it by (dx, dy) pixels, as a sheet lies a little
 * askew and off-centre on the scanner glass; uncovered borders become paper white.
 */
function rotate(
  src: Uint8ClampedArray,
  width: number,
  height: number,
  degrees: number,
  dx: number,
  dy: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height);
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const fromCentre = y - dy - cy;
    let sx = cx + (-dx - cx) * cos + fromCentre * sin;
    let sy = cy - (-dx - cx) * sin + fromCentre * cos;
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
        out[y * width + x] = 250;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = (src[i] as number) * (1 - fx) + (src[i + 1] as number) * fx;
      const bottom = (src[i + width] as number) * (1 - fx) + (src[i + width + 1] as number) * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/** 3x3 box blur, for the slightly soft scans. */
function blur(src: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(src);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      let sum = 0;
      for (let dy = -width; dy <= width; dy += width) {
        sum += (src[i + dy - 1] as number) + (src[i + dy] as number) + (src[i + dy + 1] as number);
      }
      out[i] = sum / 9;
    }
  }
  return out;
}

/** Paper tone, contrast, sensor noise and specks, all from the seeded generator. */
function degrade(pixels: Uint8ClampedArray, rng: Random): void {
  const paper = rng.int(228, 250);
  const ink = rng.int(10, 55);
  const noise = rng.float(4, 14);
  const speckRate = rng.float(0.0002, 0.0015);
  const scale = (paper - ink) / 255;
  for (let i = 0; i < pixels.length; i++) {
    let value = ink + (pixels[i] as number) * scale + rng.gaussian() * noise;
    if (rng.next() < speckRate) value = rng.int(0, 120);
    pixels[i] = value;
  }
}

/**
 * Turns a digital PDF into a "scanned" one: every page rendered to grey pixels at `dpi`, slightly rotated
 * (±1.5°), noisy and sometimes blurred, then written as one JPEG image per page with no text layer.
 */
export async function scanPdf(pdf: Uint8Array, rng: Random, options: ScanOptions = {}): Promise<Uint8Array> {
  const dpi = options.dpi ?? SCAN_DPI;
  const quality = options.quality ?? rng.int(55, 80);
  const source = mupdf.Document.openDocument(pdf, 'application/pdf');
  const out = await PDFDocument.create({ updateMetadata: false });
  try {
    for (let index = 0; index < source.countPages(); index++) {
      const page = source.loadPage(index);
      const [x0, y0, x1, y1] = page.getBounds();
      const rendered = page.toPixmap(
        mupdf.Matrix.scale(dpi / 72, dpi / 72),
        mupdf.ColorSpace.DeviceGray,
        false,
        true,
      );
      const width = rendered.getWidth();
      const height = rendered.getHeight();
      if (rendered.getStride() !== width) throw new Error('unexpected pixmap stride');
      const shift = dpi / 20; // up to 1.3 mm each way
      let pixels = rotate(
        rendered.getPixels(),
        width,
        height,
        rng.float(-1.5, 1.5),
        rng.float(-shift, shift),
        rng.float(-shift, shift),
      );
      if (rng.chance(0.35)) pixels = blur(pixels, width, height);
      degrade(pixels, rng);
      const scanned = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, width, height], false);
      scanned.getPixels().set(pixels);
      scanned.setResolution(dpi, dpi);
      const jpeg = scanned.asJPEG(quality);
      const image = await out.embedJpg(jpeg);
      const pageWidth = x1 - x0;
      const pageHeight = y1 - y0;
      out
        .addPage([pageWidth, pageHeight])
        .drawImage(image, { x: 0, y: 0, width: pageWidth, height: pageHeight });
      scanned.destroy();
      rendered.destroy();
      page.destroy();
    }
  } finally {
    source.destroy();
  }
  return out.save();
}
