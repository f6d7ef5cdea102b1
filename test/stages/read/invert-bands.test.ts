import { describe, expect, it } from 'vitest';
import { findDarkBands, invertDarkBands } from '../../../src/stages/read/invert-bands.ts';
import type { GrayImage } from '../../../src/stages/read/rasterize.ts';

function page(width = 800, height = 400): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(240) };
}

function fill(image: GrayImage, x0: number, y0: number, x1: number, y1: number, value: number): void {
  for (let y = y0; y < y1; y++) image.data.fill(value, y * image.width + x0, y * image.width + x1);
}

describe('invertDarkBands', () => {
  it('makes a mid-grey band white too, not light grey', () => {
    const image = page();
    fill(image, 50, 100, 750, 140, 100);
    for (let x = 60; x < 740; x += 12) fill(image, x, 110, x + 3, 130, 245);
    const { image: out, bands } = invertDarkBands(image);
    expect(bands).toHaveLength(1);
    expect(out.data[105 * 800 + 400]).toBeGreaterThan(230);
    expect(out.data[120 * 800 + 61]).toBeLessThan(40);
  });

  it('finds a dark header band with white letters and turns it into dark letters on paper white', () => {
    const image = page();
    fill(image, 50, 100, 750, 140, 30);
    // White "letters": strokes 3 px wide every 12 px across the band's middle.
    for (let x = 60; x < 740; x += 12) fill(image, x, 110, x + 3, 130, 245);
    const { image: out, bands } = invertDarkBands(image);
    expect(bands).toEqual([{ x0: 50, y0: 100, x1: 750, y1: 140 }]);
    expect(out.data[120 * 800 + 61]).toBeLessThan(40);
    expect(out.data[105 * 800 + 400]).toBeGreaterThan(230);
    // Outside the band nothing changes, and the input is left as it was.
    expect(out.data[50 * 800 + 400]).toBe(240);
    expect(image.data[105 * 800 + 400]).toBe(30);
  });

  it('leaves ordinary pages alone: black text, table rules, a bold word', () => {
    const image = page();
    for (let y = 20; y < 380; y += 20) for (let x = 40; x < 760; x += 9) fill(image, x, y, x + 4, y + 10, 20);
    fill(image, 40, 200, 760, 203, 0); // a 3 px rule
    fill(image, 300, 250, 360, 262, 0); // a short, solid bold word
    // A heading in heavy bold letters: 14 px strokes, 4 px apart, over 300 px.
    for (let x = 100; x < 400; x += 18) fill(image, x, 300, x + 14, 330, 10);
    const { image: out, bands } = invertDarkBands(image);
    expect(bands).toEqual([]);
    expect(out).toBe(image);
    expect(findDarkBands(page())).toEqual([]);
  });
});
