import { describe, expect, it } from 'vitest';
import { flattenBackground } from '../../../src/stages/read/flatten-background.ts';
import type { GrayImage } from '../../../src/stages/read/gray-image.ts';

function page(paper: number, width = 640, height = 640): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(paper) };
}

function fill(image: GrayImage, x0: number, y0: number, x1: number, y1: number, value: number): void {
  for (let y = y0; y < y1; y++) image.data.fill(value, y * image.width + x0, y * image.width + x1);
}

describe('flattenBackground', () => {
  it('lifts a grey sidebar to the paper tone and keeps its letters dark', () => {
    const image = page(240);
    fill(image, 0, 0, 192, 640, 205);
    for (let y = 40; y < 600; y += 24) fill(image, 20, y, 150, y + 8, 30);
    const out = flattenBackground(image);
    expect(out).not.toBe(image);
    expect(Math.abs((out.data[300 * 640 + 60 - 640 * 4] as number) - 240)).toBeLessThanOrEqual(6);
    expect(out.data[44 * 640 + 60]).toBeLessThan(60);
    // Paper far from the panel is untouched.
    expect(out.data[300 * 640 + 500]).toBe(240);
  });

  it('leaves a page without panels alone, whatever its paper tone, and ink blocks as they are', () => {
    const dim = page(226);
    for (let y = 40; y < 600; y += 24) fill(dim, 20, y, 600, y + 8, 30);
    fill(dim, 400, 400, 480, 480, 20); // a logo
    expect(flattenBackground(dim)).toBe(dim);
  });
});
