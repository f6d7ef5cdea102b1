import * as mupdf from 'mupdf';
import { PDFDocument } from 'pdf-lib';
import type { Rng } from '../../test/heldout/random.ts';

/**
 * Turns a digital invoice into what a phone camera gives: each page seen at an angle on a darker desk
 * (a perspective quad with a small rotation), lit unevenly (a gradient, a soft shadow, a vignette), slightly
 * out of focus, with sensor noise, lower ink contrast and JPEG compression, embedded as the only content of a
 * page of the original size. Where `scanPdf` (test/heldout/scan.ts) gives a flatbed scan, this gives a photo.
 */
export async function photographPdf(pdf: Uint8Array, rng: Rng, dpi = 170): Promise<Uint8Array> {
  const source = mupdf.Document.openDocument(pdf, 'application/pdf');
  // No dates or ids of its own: the same seed gives the same bytes.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('eval-camera');
  for (let index = 0; index < source.countPages(); index++) {
    const page = source.loadPage(index);
    const [x0, y0, x1, y1] = page.getBounds();
    const image = await doc.embedJpg(photographPage(page, rng, dpi));
    doc.addPage([x1 - x0, y1 - y0]).drawImage(image, { x: 0, y: 0, width: x1 - x0, height: y1 - y0 });
  }
  return doc.save();
}

type Point = [number, number];

function photographPage(page: mupdf.Page, rng: Rng, dpi: number): Uint8Array {
  const scale = dpi / 72;
  const rendered = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false);
  const width = rendered.getWidth();
  const height = rendered.getHeight();
  const stride = rendered.getStride();
  const input = rendered.getPixels().slice();
  rendered.destroy();

  // Where the sheet's corners land in the photo: inset by a margin of desk, each corner moved on its own
  // (keystone), then the whole quad turned by a small angle.
  const margin = 0.015 + rng.next() * 0.03;
  const jitter = 0.025;
  const corners: Point[] = [
    [margin, margin],
    [1 - margin, margin],
    [1 - margin, 1 - margin],
    [margin, 1 - margin],
  ].map(([u, v]) => [
    (u! + (rng.next() - 0.5) * jitter) * width,
    (v! + (rng.next() - 0.5) * jitter) * height,
  ]);
  const angle = ((rng.next() - 0.5) * 5 * Math.PI) / 180;
  const turned = corners.map(([x, y]): Point => {
    const dx = x - width / 2;
    const dy = y - height / 2;
    return [
      width / 2 + dx * Math.cos(angle) - dy * Math.sin(angle),
      height / 2 + dx * Math.sin(angle) + dy * Math.cos(angle),
    ];
  });
  const sheet: Point[] = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
  const toSheet = homography(turned, sheet);

  // Light: brightest somewhere, falling off along a direction, with a vignette and a soft shadow band.
  const direction = rng.next() * 2 * Math.PI;
  const fall = 0.15 + rng.next() * 0.3;
  const shadow =
    rng.next() < 0.5
      ? { at: rng.next(), depth: 0.1 + rng.next() * 0.2, width: 0.1 + rng.next() * 0.2 }
      : null;
  const desk = 70 + rng.next() * 60;
  const inkFloor = 35 + rng.next() * 35;

  const target = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, width, height], false);
  const out = target.getPixels();
  const outStride = target.getStride();
  const dx = Math.cos(direction);
  const dy = Math.sin(direction);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = apply(toSheet, x, y);
      let value: number;
      if (sx < 0 || sy < 0 || sx >= width - 1 || sy >= height - 1) value = desk;
      else {
        const paper = bilinear(input, stride, sx, sy);
        value = inkFloor + (paper * (255 - inkFloor)) / 255;
      }
      const u = x / width - 0.5;
      const v = y / height - 0.5;
      let light = 1 - fall * (0.5 + u * dx + v * dy) - 0.35 * (u * u + v * v);
      if (shadow) {
        const along = (u * -dy + v * dx + 0.5 - shadow.at) / shadow.width;
        light -= shadow.depth * Math.exp(-along * along);
      }
      const noise = (rng.next() + rng.next() + rng.next() - 1.5) * 10;
      out[y * outStride + x] = Math.max(0, Math.min(255, value * light + noise));
    }
  }
  boxBlur(out, outStride, width, height);
  const jpeg = target.asJPEG(55 + Math.floor(rng.next() * 25));
  target.destroy();
  return jpeg;
}

function bilinear(pixels: Uint8Array | Uint8ClampedArray, stride: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number) => pixels[yy * stride + xx]!;
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** A 3×3 box blur in place: a camera slightly out of focus. */
function boxBlur(
  pixels: Uint8Array | Uint8ClampedArray,
  stride: number,
  width: number,
  height: number,
): void {
  const copy = pixels.slice();
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      let sum = 0;
      for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) sum += copy[(y + j) * stride + x + i]!;
      pixels[y * stride + x] = Math.round(sum / 9);
    }
  }
}

/** The 3×3 projective map taking each `from` point to its `to` point (four pairs). */
function homography(from: Point[], to: Point[]): number[] {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  return [...solve(rows), 1];
}

function apply(h: number[], x: number, y: number): Point {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

/** Gaussian elimination with partial pivoting on an augmented n×(n+1) system. */
function solve(rows: number[][]): number[] {
  const n = rows.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const p = rows[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = rows[r]!;
      const factor = row[col]! / p[col]!;
      for (let c = col; c <= n; c++) row[c] = row[c]! - factor * p[c]!;
    }
  }
  return rows.map((row, i) => row[n]! / row[i]!);
}
