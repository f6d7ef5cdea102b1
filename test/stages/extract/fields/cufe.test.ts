import { describe, expect, it } from 'vitest';
import { findCufe } from '../../../../src/stages/extract/fields/cufe.ts';
import { rowsOf } from '../rows-fixture.ts';

const CUFE =
  '25bfa790f097e1c7219f1d87dc1f90a769e664ff52866bccc9fa64f75bc1e7a7617fcf4acbf33d04be036a8b02febc06';

describe('findCufe', () => {
  it('reads a CUFE wrapped over rows in a sidebar, next to another column', () => {
    const rows = rowsOf([
      [
        263,
        [
          [40, 'CUFE'],
          [230, 'Observación: Se recomienda reemplazar piezas con desgaste'],
        ],
      ],
      [273, [[40, CUFE.slice(0, 32)]]],
      [
        283,
        [
          [40, CUFE.slice(32, 64)],
          [230, 'Resolución DIAN No. 18760195217976 del 2026-07-09'],
        ],
      ],
      [292, [[40, CUFE.slice(64)]]],
    ]);
    expect(findCufe(rows)).toMatchObject({ value: CUFE, score: 0.97 });
  });

  it('maps look-alikes back inside the run ("f£" and "£" for f, "t" for f, "S" for 5) and trusts it less', () => {
    const ocr =
      '25bfa790f£097e1c7219f1d87dc1f£90a769e664f£f£52866bccc9fa64£75bcle7a7617tcf4acbf33d04be036a8b02febc06';
    const found = findCufe(rowsOf([[362, [[48, `CÓDIGO ÚNICO DE FACTURA (CUFE) ${ocr}`]]]], 0.6));
    expect(found?.value).toBe(CUFE);
    expect(found!.score).toBeLessThan(0.7);
  });

  it('gives nothing rather than a run of the wrong length', () => {
    const extra = `${CUFE.slice(0, 40)}c${CUFE.slice(40)}`;
    expect(findCufe(rowsOf([[300, [[40, `CUFE: ${extra}`]]]], 0.5))).toBeNull();
    const short = `${CUFE.slice(0, 50)} ${CUFE.slice(51)}`;
    expect(findCufe(rowsOf([[300, [[40, `CUFE: ${short}`]]]], 0.5))).toBeNull();
  });
});
