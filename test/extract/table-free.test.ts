import { describe, expect, it } from 'vitest';
import { findFreeLineItems } from '../../src/stages/extract/table-free.ts';
import { rowsOf } from './rows-fixture.ts';

describe('findFreeLineItems on OCR receipts', () => {
  it('rejoins an amount whose thousands separator OCR read as a gap', () => {
    const rows = rowsOf(
      [
        [100, [[14, 'Filtro de aire para compresor']]],
        [
          110,
          [
            [24, '2 UN x 470.900,65'],
            [169, '941 801,30'],
          ],
        ],
      ],
      0.9,
    );
    const { lines } = findFreeLineItems(rows, () => false);
    expect(lines.map((l) => [l.description, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['Filtro de aire para compresor', 2, 470_900.65, 941_801.3],
    ]);
  });
});
