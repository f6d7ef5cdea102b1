import type { Word } from '../../../src/contract/document.ts';
import { buildRow, type Row } from '../../../src/stages/extract/page/layout.ts';

/**
 * Rows for unit tests: each row is [y, [[x, text], …]]; words of a cell are laid out at 4.6 pt a character,
 * so cells far apart become separate cells. `confidence` below 1 makes them read like OCR words.
 */
export function rowsOf(spec: [number, [number, string][]][], confidence = 1): Row[] {
  return spec.map(([y, cells], order) => {
    const words: Word[] = [];
    for (const [x, text] of cells) {
      let cursor = x;
      for (const token of text.split(' ')) {
        const x1 = cursor + token.length * 4.6;
        words.push({ text: token, x0: cursor, x1, y0: y, y1: y + 9, confidence });
        cursor = x1 + 2.5;
      }
    }
    return buildRow(words, 0, order, 612, 792);
  });
}
