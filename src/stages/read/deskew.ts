import { createGrayImage, type GrayImage } from './gray-image.ts';

/** Largest skew we look for: scanners and phones tilt pages by a few degrees, not more. */
const MAX_DEGREES = 5;
/** Below this the page is treated as straight: rotating costs time and blurs the glyphs slightly. */
export const MIN_DESKEW_DEGREES = 0.3;
/** The estimate works on a downsampled copy about this wide. */
const WORK_WIDTH = 800;
const MAX_SAMPLES = 200_000;

/**
 * Estimates how far a scan's text lines are tilted, in degrees, clockwise as seen on screen (y grows
 * downwards): the projection-profile method. Dark pixels are projected onto the vertical axis along each
 * candidate angle; when the angle matches the lines, rows of text and the gaps between them are sharpest
 * (largest sum of squared row counts). Coarse search over ±5°, then a fine one around the best.
 */
export function estimateSkewDegrees(image: GrayImage): number {
  const points = darkPoints(image);
  if (points.xs.length < 500) return 0;
  let best = search(points, -MAX_DEGREES, MAX_DEGREES, 0.5);
  best = search(points, best - 0.5, best + 0.5, 0.05);
  return Math.round(best * 100) / 100;
}

interface Points {
  xs: Float32Array;
  ys: Float32Array;
  height: number;
  width: number;
}

function darkPoints(image: GrayImage): Points {
  const step = Math.max(1, Math.round(image.width / WORK_WIDTH));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y += step) {
    const row = y * image.width;
    for (let x = 0; x < image.width; x += step) {
      if (image.data[row + x]! < 128) {
        xs.push(x / step);
        ys.push(y / step);
      }
    }
  }
  // Keep an even sample of a dense page (a dark scan border would otherwise dominate the cost).
  const keepEvery = Math.max(1, Math.ceil(xs.length / MAX_SAMPLES));
  const count = Math.floor(xs.length / keepEvery);
  const sampledX = new Float32Array(count);
  const sampledY = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    sampledX[i] = xs[i * keepEvery]!;
    sampledY[i] = ys[i * keepEvery]!;
  }
  return {
    xs: sampledX,
    ys: sampledY,
    width: Math.ceil(image.width / step),
    height: Math.ceil(image.height / step),
  };
}

function search(points: Points, from: number, to: number, step: number): number {
  let bestAngle = 0;
  let bestScore = -1;
  const margin = Math.ceil(points.width * Math.tan((MAX_DEGREES + 1) * (Math.PI / 180)));
  const bins = new Float64Array(points.height + 2 * margin + 2);
  for (let degrees = from; degrees <= to + 1e-9; degrees += step) {
    const slope = Math.tan(degrees * (Math.PI / 180));
    bins.fill(0);
    for (let i = 0; i < points.xs.length; i++) {
      const bin = Math.round(points.ys[i]! - points.xs[i]! * slope) + margin;
      bins[bin]! += 1;
    }
    let score = 0;
    for (let i = 0; i < bins.length; i++) score += bins[i]! * bins[i]!;
    // Ties (an empty page) keep the angle closest to zero.
    if (score > bestScore * (1 + 1e-9) || (score >= bestScore && Math.abs(degrees) < Math.abs(bestAngle))) {
      bestScore = score;
      bestAngle = degrees;
    }
  }
  return bestAngle;
}

/**
 * The image turned counter-clockwise by `degrees` about its centre (undoing a clockwise tilt of that much),
 * same size, uncovered corners white, bilinear. Done here rather than in tesseract: its WASM rotation costs
 * ~0.4 s per page, this ~50 ms.
 */
export function rotateGray(image: GrayImage, degrees: number): GrayImage {
  const { width, height, data } = image;
  const rotated = createGrayImage(width, height);
  const out = rotated.data;
  const radians = degrees * (Math.PI / 180);
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const cx = width / 2;
  const cy = height / 2;
  const maxX = width - 1;
  const maxY = height - 1;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    // Source position of (0, y); it moves by (cos, sin) per output pixel.
    let sx = cx - cx * cos - dy * sin;
    let sy = cy - cx * sin + dy * cos;
    const row = y * width;
    for (let x = 0; x < width; x++, sx += cos, sy += sin) {
      if (sx < 0 || sy < 0 || sx >= maxX || sy >= maxY) {
        out[row + x] = 255;
        continue;
      }
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx;
      out[row + x] = top + (bottom - top) * fy + 0.5;
    }
  }
  return rotated;
}
