import { describe, expect, it } from 'vitest';
import { weakenOffStyleAmounts } from '../../../../src/stages/extract/fields/money-style.ts';
import type { AmountCandidate } from '../../../../src/stages/extract/fields/totals.ts';
import type { Row } from '../../../../src/stages/extract/page/layout.ts';
import { rowsOf } from '../rows-fixture.ts';

const candidate = (row: Row, value: number): AmountCandidate => ({
  kind: 'total',
  value,
  score: 0.9,
  row,
  label: 'valor total',
  confidence: 0.9,
});

describe('the document’s money style', () => {
  const brazilian = rowsOf([
    [100, [[40, 'CNPJ 81.583.054/0001-29']]],
    [120, [[40, 'Nº 000.000.002']]],
    [140, [[40, 'BC ISSQN   R$ 5.000,00   R$ 150,00']]],
    [160, [[40, 'Valor Total Apurado 185']]],
    [180, [[40, 'Retenções R$ 700,00   Líquido R$ 4.300,00']]],
    [200, [[40, 'VALOR TOTAL DA NFS-E   R$ 5.000,00']]],
  ]);

  it('weakens a whole number where every amount carries cents', () => {
    const [weak, kept] = weakenOffStyleAmounts(
      [candidate(brazilian[3]!, 185), candidate(brazilian[5]!, 5000)],
      brazilian,
    );
    expect(weak!.score).toBeCloseTo(0.54);
    // 5000 is printed "5.000,00": in style.
    expect(kept!.score).toBe(0.9);
  });

  it('leaves whole numbers alone where the document prints whole amounts in groups', () => {
    const colombian = rowsOf([
      [100, [[40, 'Subtotal   $ 2.500.000']]],
      [120, [[40, 'IVA 19%   $ 475.000']]],
      [140, [[40, 'Total   $ 2.975.000']]],
      [160, [[40, 'Retención 2,50   Tarifa 0,19   Cuenta 12,34   Otro 1,10   Más 9,99']]],
    ]);
    const [kept] = weakenOffStyleAmounts([candidate(colombian[2]!, 2975000)], colombian);
    expect(kept!.score).toBe(0.9);
  });

  it('needs enough amounts with cents to call it a style', () => {
    const few = rowsOf([
      [100, [[40, 'Total   150,00']]],
      [120, [[40, 'Pagado 185']]],
    ]);
    const [kept] = weakenOffStyleAmounts([candidate(few[1]!, 185)], few);
    expect(kept!.score).toBe(0.9);
  });
});

describe('amounts printed with cents in any grouping', () => {
  it('keeps a whole amount printed "1 234,00" among amounts with cents', () => {
    const french = rowsOf([
      [100, [[40, 'Total HT   1 234,00 €']]],
      [120, [[40, 'TVA 20 %   246,80 €']]],
      [140, [[40, 'Total TTC   1 480,80 €']]],
      [160, [[40, 'Acompte 10,00   Frais 2,50']]],
    ]);
    const [kept] = weakenOffStyleAmounts([candidate(french[0]!, 1234)], french);
    expect(kept!.score).toBe(0.9);
  });
});
