import { describe, expect, it } from 'vitest';
import { estimateSkewDegrees, rotateGray } from '../../../src/stages/read/deskew.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { chooseOcrDpi } from '../../../src/stages/read/page-images.ts';
import type { GrayImage } from '../../../src/stages/read/rasterize.ts';
import { parseTsvWords } from '../../../src/stages/read/tsv-words.ts';

/** A page of "text": rows of dark dashes of varying length, like words on lines. */
function linedPage(width = 1200, height = 1600): GrayImage {
  const data = new Uint8Array(width * height).fill(255);
  for (let top = 100; top < height - 100; top += 40) {
    for (let x = 80; x < width - 80; x += 90) {
      const length = 40 + ((x * 7 + top) % 40);
      for (let y = top; y < top + 14; y++) data.fill(20, y * width + x, y * width + x + length);
    }
  }
  return { data, width, height };
}

describe('deskew', () => {
  it.each([1.5, -2.5, 4])('estimates a %d° clockwise tilt and straightens it', (degrees) => {
    const tilted = rotateGray(linedPage(), -degrees);
    const estimate = estimateSkewDegrees(tilted);
    expect(Math.abs(estimate - degrees)).toBeLessThan(0.2);
    expect(Math.abs(estimateSkewDegrees(rotateGray(tilted, estimate)))).toBeLessThan(0.2);
  });

  it('reports 0 for a straight page and for a blank one', () => {
    expect(Math.abs(estimateSkewDegrees(linedPage()))).toBeLessThan(0.1);
    const blank = { data: new Uint8Array(400 * 400).fill(255), width: 400, height: 400 };
    expect(estimateSkewDegrees(blank)).toBe(0);
  });
});

describe('tesseract TSV', () => {
  it('keeps word rows with their boxes and confidence, skipping structure rows and empty text', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
      '4\t1\t1\t1\t1\t0\t100\t200\t300\t30\t-1\t',
      '5\t1\t1\t1\t1\t1\t100\t200\t120\t30\t96.5\tFACTURA',
      '5\t1\t1\t1\t1\t2\t240\t201\t80\t29\t91\tFE-1234',
      '5\t1\t1\t1\t1\t3\t330\t201\t10\t29\t95\t ',
    ].join('\n');
    expect(parseTsvWords(tsv)).toEqual([
      { text: 'FACTURA', confidence: 0.965, x0: 100, y0: 200, x1: 220, y1: 230 },
      { text: 'FE-1234', confidence: 0.91, x0: 240, y0: 201, x1: 320, y1: 230 },
    ]);
  });
});

describe('OCR resolution', () => {
  const page = (w: number, h: number) => ({ getBounds: () => [0, 0, w, h] }) as never;
  const noImages = { largestImagePixels: 0, largestImageCoverage: 0, largestImageDpi: 0 };

  it('uses OCR_DPI for an ordinary page, the scan’s own resolution when lower, and enlarges a coarse one', () => {
    expect(chooseOcrDpi(page(595, 842), noImages, defaultReadOptions, 0)).toBe(300);
    const scan = { largestImagePixels: 2066 * 2923, largestImageCoverage: 1, largestImageDpi: 250.1 };
    expect(chooseOcrDpi(page(595, 842), scan, defaultReadOptions, 0)).toBe(251);
    // A photo sent through a chat app (~1200 px across an A4 page) is read at 250 dpi, not at its 145.
    const photo = { largestImagePixels: 1200 * 1697, largestImageCoverage: 1, largestImageDpi: 145 };
    expect(chooseOcrDpi(page(595, 842), photo, defaultReadOptions, 0)).toBe(250);
    expect(chooseOcrDpi(page(595, 842), photo, { ...defaultReadOptions, ocrDpi: 200 }, 0)).toBe(200);
  });

  it('lowers the resolution to fit MAX_IMAGE_PIXELS and refuses below the minimum', () => {
    const options = { ...defaultReadOptions, maxImagePixels: 10_000_000 };
    const dpi = chooseOcrDpi(page(20 * 72, 20 * 72), noImages, options, 0);
    expect(dpi).toBe(158);
    expect((20 * dpi) ** 2).toBeLessThanOrEqual(options.maxImagePixels);
    expect(() => chooseOcrDpi(page(40 * 72, 40 * 72), noImages, options, 0)).toThrow(/ppp/);
  });
});
