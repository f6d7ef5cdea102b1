import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage } from '../../../src/stages/read/gray-image.ts';
import { findRulingLines } from '../../../src/stages/read/ruling-lines.ts';

/** A white page at 72 dpi (one pixel a point) with dark rectangles drawn on it. */
function page(width: number, height: number, boxes: [number, number, number, number][]): GrayImage {
  const image = createGrayImage(width, height);
  image.data.fill(255);
  for (const [x0, y0, x1, y1] of boxes)
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) image.data[y * width + x] = 20;
  return image;
}

describe('ruling lines of a scanned page', () => {
  it('finds a ruled table: its row rules and column rules, in points, thick scans and broken toner included', () => {
    const boxes: [number, number, number, number][] = [];
    // Three horizontal rules 2 px thick, one with a 1 px gap, across x 50..450.
    for (const y of [100, 130, 160]) boxes.push([50, y, 450, y + 2]);
    boxes.push([50, 200, 240, 201], [241, 200, 450, 201]);
    // Four vertical rules from y 100 to 201.
    for (const x of [50, 200, 320, 448]) boxes.push([x, 100, x + 2, 201]);
    const rulings = findRulingLines(page(500, 300, boxes), 72);
    const horizontal = rulings.filter((r) => r.y0 === r.y1);
    const vertical = rulings.filter((r) => r.x0 === r.x1);
    const near = (values: number[], want: number) => values.some((v) => Math.abs(v - want) <= 1);
    for (const y of [100, 130, 160, 200])
      expect(
        near(
          horizontal.map((r) => r.y0),
          y,
        ),
        `rule at y ${y}`,
      ).toBe(true);
    expect(horizontal).toHaveLength(4);
    expect(horizontal.find((r) => Math.abs(r.y0 - 200) <= 1)).toMatchObject({ x0: 50, x1: 450 });
    for (const x of [50, 200, 320, 448])
      expect(
        near(
          vertical.map((r) => r.x0),
          x,
        ),
        `rule at x ${x}`,
      ).toBe(true);
    expect(vertical).toHaveLength(4);
    expect(vertical.every((r) => r.y1 - r.y0 >= 100)).toBe(true);
  });

  it('leaves out letters, short dashes and filled boxes', () => {
    const rulings = findRulingLines(
      page(500, 300, [
        // A word's strokes: short.
        [60, 50, 62, 60],
        [70, 55, 90, 57],
        // A filled header band 20 pt tall: a box, not a rule.
        [50, 100, 450, 120],
        // A dash of 20 pt.
        [50, 200, 70, 201],
      ]),
      72,
    );
    expect(rulings).toEqual([]);
  });

  it('scales pixel positions to points at the page image dpi', () => {
    const rulings = findRulingLines(page(1000, 400, [[100, 200, 900, 204]]), 200);
    expect(rulings).toHaveLength(1);
    expect(rulings[0]!.x0).toBeCloseTo(36, 0);
    expect(rulings[0]!.x1).toBeCloseTo(324, 0);
    expect(rulings[0]!.y0).toBeCloseTo(72.5, 0);
  });
});
