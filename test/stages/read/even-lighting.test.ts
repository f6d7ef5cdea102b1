import { describe, expect, it } from 'vitest';
import { evenLighting } from '../../../src/stages/read/even-lighting.ts';
import type { GrayImage } from '../../../src/stages/read/gray-image.ts';

const SIZE = 960;

/** A page of text rows (ink 40 on paper 245), lit by `light(x, y)` (1 = full light). */
function litPage(light: (x: number, y: number) => number): GrayImage {
  const data = new Uint8Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    const inkRow = y % 24 < 8 && y > 40 && y < SIZE - 40;
    for (let x = 0; x < SIZE; x++) {
      const ink = inkRow && x > 40 && x < SIZE - 40 && x % 16 < 10;
      data[y * SIZE + x] = Math.round((ink ? 40 : 245) * light(x, y));
    }
  }
  return { width: SIZE, height: SIZE, data };
}

const at = (image: GrayImage, x: number, y: number) => image.data[y * image.width + x] as number;

describe('evenLighting', () => {
  it('brings the dim side of a photo up to the paper tone and keeps its letters dark', () => {
    const photo = litPage((x) => 1 - (0.55 * x) / SIZE);
    // A global threshold cannot separate these: the dim side's paper is darker than the bright side's ink would
    // need for any one cut that also keeps thin strokes on the bright side.
    expect(at(photo, SIZE - 20, 20)).toBeLessThan(120);
    const out = evenLighting(photo);
    expect(out).not.toBe(photo);
    expect(at(out, 20, 20)).toBeGreaterThan(225);
    expect(at(out, SIZE - 20, 20)).toBeGreaterThan(225);
    expect(at(out, SIZE - 60, 50)).toBeLessThan(70); // ink on the dim side
    expect(at(out, 64, 50)).toBeLessThan(70); // ink on the bright side
  });

  it('works in place on a page the caller owns', () => {
    const photo = litPage(
      (x, y) => 1 - 0.3 * ((x + y) / (2 * SIZE)) - 0.2 * Math.exp(-(((y - 480) / 200) ** 2)),
    );
    expect(evenLighting(photo, { inPlace: true })).toBe(photo);
    expect(at(photo, SIZE - 20, 480)).toBeGreaterThan(220);
  });

  it('leaves a scan with even paper alone, dark bands and logos included', () => {
    const scan = litPage(() => 0.97);
    for (let y = 200; y < 260; y++) scan.data.fill(30, y * SIZE, (y + 1) * SIZE); // a dark header band
    for (let y = 600; y < 700; y++) scan.data.fill(20, y * SIZE + 700, y * SIZE + 800); // a logo
    expect(evenLighting(scan)).toBe(scan);
  });
});
