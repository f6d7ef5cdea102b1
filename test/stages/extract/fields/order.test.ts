import { describe, expect, it } from 'vitest';
import { findPurchaseOrder, repairCodePrefix } from '../../../../src/stages/extract/fields/order.ts';
import { rowsOf } from '../rows-fixture.ts';

describe('findPurchaseOrder', () => {
  it('reads a "Doc. referencia" column of a label grid', () => {
    const rows = rowsOf([
      [
        96,
        [
          [44, 'Número'],
          [150, 'Fecha factura'],
          [364, 'Doc. referencia'],
          [470, 'Moneda'],
        ],
      ],
      [
        112,
        [
          [45, 'FEV72049'],
          [150, '4 de noviembre de 2025'],
          [364, '4500068672'],
          [470, 'COP'],
        ],
      ],
    ]);
    expect(findPurchaseOrder(rows)?.value).toBe('4500068672');
  });

  it('reads past the label\'s "No" that OCR set in a cell of its own', () => {
    const rows = rowsOf(
      [
        [
          142,
          [
            [10, 'O.C.'],
            [40, 'No'],
            [70, '4500013939'],
          ],
        ],
      ],
      0.9,
    );
    expect(findPurchaseOrder(rows)?.value).toBe('4500013939');
  });

  it('reads "de compra No." whose "Orden" OCR lost, not a bare "de compra"', () => {
    const labelled = (label: string) =>
      rowsOf(
        [
          [
            174,
            [
              [67, label],
              [151, '4500092877'],
            ],
          ],
        ],
        0.9,
      );
    expect(findPurchaseOrder(labelled('de compra No.'))?.value).toBe('4500092877');
    expect(findPurchaseOrder(labelled('de compra N°'))?.value).toBe('4500092877');
    expect(findPurchaseOrder(labelled('Valor de compra'))).toBeNull();
  });

  it('reads an order label that lost its "de" across a gap, a comma speck after it, and "Doc. reterencia"', () => {
    const split = rowsOf(
      [
        [
          104,
          [
            [13, 'Orden'],
            [53, 'compra No. PED-422'],
          ],
        ],
      ],
      0.9,
    );
    expect(findPurchaseOrder(split)?.value).toBe('PED-422');
    expect(findPurchaseOrder(rowsOf([[129, [[15, 'Orden de comprá No., 4500081530']]]], 0.9))?.value).toBe(
      '4500081530',
    );
    const grid = rowsOf(
      [
        [
          96,
          [
            [44, 'Número'],
            [364, 'Doc. reterencia'],
          ],
        ],
        [
          112,
          [
            [44, 'FE93911'],
            [363, '4500047904'],
          ],
        ],
      ],
      0.9,
    );
    expect(findPurchaseOrder(grid)?.value).toBe('4500047904');
  });

  it('gives back the O that OCR read as a zero in the order prefix', () => {
    const rows = rowsOf([[90, [[40, 'Orden de compra: 0C-2805']]]], 0.9);
    expect(findPurchaseOrder(rows)?.value).toBe('OC-2805');
    expect(repairCodePrefix('0S-2494')).toBe('OS-2494');
    // A speck between the label and its value.
    expect(findPurchaseOrder(rowsOf([[90, [[40, "Orden de compra No..'822125"]]]], 0.9))?.value).toBe(
      '822125',
    );
    expect(findPurchaseOrder(rowsOf([[90, [[40, "NO. PEDIDO:'60258"]]]], 0.9))?.value).toBe('60258');
    expect(repairCodePrefix('0012-00004567')).toBe('0012-00004567');
  });

  it('keeps an order prefix that OCR gave a speck or lower case, and still reads "OC:" as a label', () => {
    expect(findPurchaseOrder(rowsOf([[90, [[9, 'No. Pedido: OC.2026-829']]]], 0.9))?.value).toBe(
      'OC 2026-829',
    );
    const labelled = rowsOf(
      [
        [
          171,
          [
            [36, 'Orden de compra No.'],
            [148, 'OC. 2026-903'],
          ],
        ],
      ],
      0.9,
    );
    expect(findPurchaseOrder(labelled)?.value).toBe('OC 2026-903');
    // The heading over it was not read: a lower-case prefix near the top is still the order.
    expect(findPurchaseOrder(rowsOf([[114, [[437, 'oc 2026-129']]]], 0.9))?.value).toBe('OC 2026-129');
    expect(findPurchaseOrder(rowsOf([[121, [[10, 'OC: 4500068460']]]], 0.9))?.value).toBe('4500068460');
    expect(repairCodePrefix('OC-95687')).toBe('OC-95687');
    expect(repairCodePrefix('O0C-55960')).toBe('OC-55960');
    expect(repairCodePrefix('0Cc-6728')).toBe('OC-6728');
  });

  it('stops at the next label glued on with a full stop, and reads a label with a speck after "Orden"', () => {
    expect(
      findPurchaseOrder(rowsOf([[134, [[55, 'ORDEN DE COMPRA: 4500081955.PLAZO: 15 días']]]], 0.9))?.value,
    ).toBe('4500081955');
    expect(findPurchaseOrder(rowsOf([[139, [[14, "Orden' de compra No. OC 2025-788"]]]], 0.9))?.value).toBe(
      'OC 2025-788',
    );
    expect(findPurchaseOrder(rowsOf([[139, [[14, 'Orden de compra: 2026.118']]]], 0.9))?.value).toBe(
      '2026.118',
    );
  });

  it('reads "OC" before a plain long number as a label, and O.C. with an O read as 0 or a colon', () => {
    const one = (text: string) => findPurchaseOrder(rowsOf([[110, [[43, text]]]], 0.9))?.value;
    expect(one('OC 4500017218- Condición de pago Crédito')).toBe('4500017218');
    expect(one('0.C. NO.: 207877')).toBe('207877');
    expect(one('O:C. No.: 540160')).toBe('540160');
    expect(one('rden de compra: 4500058519')).toBe('4500058519');
    // An order code with its own prefix stays whole.
    expect(one('No. Pedido: OC 2026-829')).toBe('OC 2026-829');
    expect(one('Pedido: OC-95687')).toBe('OC-95687');
  });

  it('takes an order reference alone in a header cell when its label was not read, trusting it less', () => {
    const rows = rowsOf([
      [
        171,
        [
          [49, 'Medio de pago'],
          [157, '8 días'],
        ],
      ],
      [
        189,
        [
          [157, 'OC 2026-093'],
          [423, 'Barranquilla, Atlántico'],
        ],
      ],
    ]);
    const found = findPurchaseOrder(rows);
    expect(found?.value).toBe('OC 2026-093');
    expect(found?.score).toBeLessThan(0.5);
  });

  it('does not take an item code of a table row for the order', () => {
    const rows = rowsOf([
      [
        284,
        [
          [49, 'Alquiler de equipo de izaje'],
          [200, 'OT-757'],
          [300, '1'],
          [400, '1.199.900'],
        ],
      ],
    ]);
    expect(findPurchaseOrder(rows)).toBeNull();
  });
});
