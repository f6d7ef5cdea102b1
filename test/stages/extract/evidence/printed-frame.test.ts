import { describe, expect, it } from 'vitest';
import { toPrintedFrame } from '../../../../src/stages/extract/evidence/printed-frame.ts';
import { type QuarterTurns, turnQuarters } from '../../../../src/stages/read/orientation.ts';

describe('evidence boxes of a page OCR read turned', () => {
  it.each([1, 2, 3] as const)('go back to where they are printed after %i quarter turn(s)', (turns) => {
    // A 7×4 printed page with one mark at (5, 1); the reader saw it turned, as turnQuarters turns it.
    const [width, height, markX, markY] = [7, 4, 5, 1];
    const printed = { data: new Uint8Array(width * height).fill(255), width, height };
    printed.data[markY * width + markX] = 0;
    const turned = turnQuarters(printed, turns as QuarterTurns);
    const at = turned.data.indexOf(0);
    const [x, y] = [at % turned.width, Math.floor(at / turned.width)];
    const box = toPrintedFrame(
      { x0: x, y0: y, x1: x + 1, y1: y + 1 },
      { width: turned.width, height: turned.height, quarterTurns: turns },
    );
    expect(box).toEqual({ x0: markX, y0: markY, x1: markX + 1, y1: markY + 1 });
  });

  it('leaves a page read as it lies alone', () => {
    const box = { x0: 1, y0: 2, x1: 3, y1: 4 };
    expect(toPrintedFrame(box, { width: 10, height: 20 })).toBe(box);
  });
});
