import { describe, expect, it } from 'vitest';
import { chooseTotals, findAmountCandidates } from '../../src/stages/extract/totals.ts';
import { rowsOf } from './rows-fixture.ts';

describe('withholding labels and rates as OCR reads them', () => {
  it('sums every withholding, skipping per-thousand rates and reading ReteICA with an l', () => {
    const rows = rowsOf(
      [
        [
          233,
          [
            [343, 'Rete Fuente 6%:'],
            [460, '($810.816,00)'],
          ],
        ],
        [
          248,
          [
            [343, 'RetelCA 11,04 x mil:'],
            [460, '($149.190,14)'],
          ],
        ],
        [
          263,
          [
            [343, 'RETEICA 11,04 mil:'],
            [460, '--COP 54.371'],
          ],
        ],
        [
          278,
          [
            [343, 'RetelVA 15%:'],
            [460, '(37.665,60)'],
          ],
        ],
      ],
      0.9,
    );
    const totals = chooseTotals(findAmountCandidates(rows, new Set()), null);
    expect(totals.withholdings?.value).toBeCloseTo(810_816 + 149_190.14 + 54_371 + 37_665.6, 2);
  });
});
