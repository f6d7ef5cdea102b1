import { describe, expect, it } from 'vitest';
import type { Word } from '../../../../src/contract/document.ts';
import { chooseTotals, findAmountCandidates } from '../../../../src/stages/extract/fields/totals.ts';
import { joinSplitThousands } from '../../../../src/stages/extract/page/split-numbers.ts';
import { rowsOf } from '../rows-fixture.ts';

/** Words laid out left to right at 6 pt per character, `gap` points apart, as OCR returns them. */
function words(texts: string[], gaps: number[], confidence = 0.9): Word[] {
  let x = 100;
  return texts.map((text, i) => {
    const word = { text, x0: x, x1: x + 6 * text.length, y0: 10, y1: 18, confidence };
    x = word.x1 + (gaps[i] ?? 30);
    return word;
  });
}

describe('joinSplitThousands', () => {
  it('rejoins the first digits of an amount split off by a hairline gap, not by a space', () => {
    expect(joinSplitThousands(words(['1', '40,000.00'], [1.5])).map((w) => w.text)).toEqual(['140,000.00']);
    expect(joinSplitThousands(words(['1', '40,000.00'], [6])).map((w) => w.text)).toEqual(['1', '40,000.00']);
    // Four digits before the first separator is no amount.
    expect(joinSplitThousands(words(['12', '40,000'], [1])).map((w) => w.text)).toEqual(['12', '40,000']);
  });

  it('rejoins an amount whose separators OCR read as gaps', () => {
    const out = joinSplitThousands(
      words(['Variador', '3', '573', '200', '3.573', '200,50'], [30, 5, 6, 40, 4]),
    );
    expect(out.map((w) => w.text)).toEqual(['Variador', '3.573.200', '3.573.200,50']);
    expect(out[1]).toMatchObject({ x0: 100 + 48 + 30, x1: 100 + 48 + 30 + 6 + 5 + 18 + 6 + 18 });
  });

  it('rejoins a longer tail after a dollar sign, never after a bare digit that may be a "$" read as 5', () => {
    expect(joinSplitThousands(words(['$53', '714,691.39'], [5])).map((w) => w.text)).toEqual([
      '$53,714,691.39',
    ]);
    expect(joinSplitThousands(words(['5', '248.100,00'], [5])).map((w) => w.text)).toEqual([
      '5',
      '248.100,00',
    ]);
  });

  it("rejoins cents whose decimal mark OCR read as a gap, in the amount's own convention", () => {
    expect(joinSplitThousands(words(['229,600', '86'], [6])).map((w) => w.text)).toEqual(['229,600.86']);
    expect(joinSplitThousands(words(['1.624.600', '00'], [5])).map((w) => w.text)).toEqual(['1.624.600,00']);
    // Two digits a column away, or after a number with no group separator, are something else.
    expect(joinSplitThousands(words(['229,600', '86'], [40])).map((w) => w.text)).toEqual(['229,600', '86']);
    expect(joinSplitThousands(words(['2024', '15'], [6])).map((w) => w.text)).toEqual(['2024', '15']);
    // A "$" read as 5 before an amount is not a lost separator.
    expect(joinSplitThousands(words(['5', '248.100,00'], [6])).map((w) => w.text)).toEqual([
      '5',
      '248.100,00',
    ]);
  });

  it('keeps numbers of neighbouring columns apart, and text-layer words as printed', () => {
    expect(joinSplitThousands(words(['2', '500', '1.000'], [40, 40])).map((w) => w.text)).toEqual([
      '2',
      '500',
      '1.000',
    ]);
    expect(joinSplitThousands(words(['1', '234'], [4], 1)).map((w) => w.text)).toEqual(['1', '234']);
    // Four digits after the gap are not a thousands group.
    expect(joinSplitThousands(words(['12', '3456'], [4])).map((w) => w.text)).toEqual(['12', '3456']);
  });
});

describe('split amounts in the totals block', () => {
  it('reads "$ 1.579 500" as one amount under its label', () => {
    const rows = rowsOf(
      [
        [
          272,
          [
            [10, 'Sub-total:'],
            [159, '$ 1.579 500'],
          ],
        ],
        [
          283,
          [
            [10, 'IVA 19%:'],
            [169, '300 105'],
          ],
        ],
        [
          293,
          [
            [10, 'Total factura:'],
            [159, '$ 1.879 605'],
          ],
        ],
      ],
      0.9,
    );
    const totals = chooseTotals(findAmountCandidates(rows, new Set()), null);
    expect([totals.subtotal?.value, totals.tax?.value, totals.total?.value]).toEqual([
      1_579_500, 300_105, 1_879_605,
    ]);
  });
});
