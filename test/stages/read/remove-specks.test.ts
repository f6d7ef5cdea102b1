import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../../src/stages/read/gray-image.ts';
import { removeSpecks } from '../../../src/stages/read/remove-specks.ts';

const PAPER = 236;

function page(width = 200, height = 120): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(PAPER) };
}

function fill(image: GrayImage, x0: number, y0: number, x1: number, y1: number, value: number): void {
  for (let y = y0; y < y1; y++) image.data.fill(value, y * image.width + x0, y * image.width + x1);
}

const at = (image: GrayImage, x: number, y: number) => image.data[y * image.width + x];

describe('removeSpecks', () => {
  it('paints isolated specks of one to four pixels, dark or faint, the paper tone', () => {
    const image = page();
    fill(image, 20, 20, 21, 21, 40); // one dark pixel
    fill(image, 60, 30, 62, 32, 180); // a faint 2×2 smudge (a speck after JPEG and rotation)
    fill(image, 100, 40, 101, 42, 90); // 1×2
    const out = removeSpecks(image);
    expect(out).not.toBe(image);
    expect(at(out, 20, 20)).toBe(PAPER);
    expect([at(out, 60, 30), at(out, 61, 31)]).toEqual([PAPER, PAPER]);
    expect([at(out, 100, 40), at(out, 100, 41)]).toEqual([PAPER, PAPER]);
    // The caller's image is not touched without `inPlace`.
    expect(at(image, 20, 20)).toBe(40);
  });

  it('keeps a full stop beside its digits, an accent over its letter and dots larger than a speck', () => {
    const image = page();
    fill(image, 20, 20, 26, 34, 30); // a digit
    fill(image, 28, 32, 30, 34, 30); // its thousands dot, 2 px to the right
    fill(image, 50, 24, 54, 34, 30); // a letter
    fill(image, 51, 20, 53, 22, 30); // its accent, 2 px above
    fill(image, 100, 60, 103, 63, 30); // a 3×3 dot standing alone (a bullet)
    fill(image, 140, 60, 141, 61, 215); // a pixel barely darker than the paper
    expect(removeSpecks(image)).toBe(image);
  });

  it('keeps a speck that sits within reach of other ink, and paints in place when asked', () => {
    const image = page();
    fill(image, 40, 40, 60, 44, 30); // a rule
    fill(image, 50, 47, 51, 48, 30); // 3 px below it
    fill(image, 120, 80, 121, 81, 30); // alone
    const out = removeSpecks(image, { inPlace: true });
    expect(out).toBe(image);
    expect(at(image, 50, 47)).toBe(30);
    expect(at(image, 120, 80)).toBe(PAPER);
  });
});
