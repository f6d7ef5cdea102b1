import { describe, expect, it } from 'vitest';
import { reconcileAmount, reconcileUnitPrice } from '../../../../src/stages/extract/tables/line-reconcile.ts';
import { findLineItems } from '../../../../src/stages/extract/tables/table.ts';
import { rowsOf } from '../rows-fixture.ts';

const read = (value: number, confidence = 0.95) => ({ value, confidence });

describe('reconcileAmount', () => {
  it('keeps a printed amount that fits or that nothing contradicts', () => {
    expect(reconcileAmount(read(2), read(50_000), read(100_000))).toBe(100_000);
    expect(reconcileAmount(null, read(50_000), read(100_000))).toBe(100_000);
    expect(reconcileAmount(read(2), null, read(100_000))).toBe(100_000);
    // A confident amount that disagrees is left for validation to report.
    expect(reconcileAmount(read(2, 0.9), read(50_000, 0.9), read(100_900, 0.95))).toBe(100_900);
  });

  it('computes an amount OCR lost from quantity × unit price', () => {
    expect(reconcileAmount(read(16.5), read(81_000), null)).toBe(1_336_500);
    expect(reconcileAmount(null, read(81_000), null)).toBeNull();
  });

  it('drops a speck read as a minus sign', () => {
    expect(reconcileAmount(null, read(337_200), read(-337_200))).toBe(337_200);
    expect(reconcileAmount(read(3), read(1_000), read(-3_000))).toBe(3_000);
  });

  it('trusts quantity × price over a less legible amount one or two digits away', () => {
    expect(reconcileAmount(read(1, 0.97), read(4_765_300, 0.97), read(4_165_300, 0.1))).toBe(4_765_300);
    // Too far apart to be a misread digit.
    expect(reconcileAmount(read(1, 0.97), read(4_765_300, 0.97), read(1_165_000, 0.1))).toBe(1_165_000);
  });

  it('trusts quantity × price over an amount that lost its leading digits, however legible', () => {
    // "4.588.000" read as "4 588.000", the 4 dropped.
    expect(reconcileAmount(read(1), read(4_588_000), read(588_000))).toBe(4_588_000);
    expect(reconcileAmount(read(16), read(81_500), read(304_000))).toBe(1_304_000);
    // The longer amount is the whole one: it is the price that lost digits.
    expect(reconcileAmount(read(3), read(180_700), read(15_542_100))).toBe(15_542_100);
    expect(reconcileUnitPrice(3, 180_700, 15_542_100)).toBe(5_180_700);
    expect(reconcileUnitPrice(3, 180_700, 15_542_000)).toBe(180_700);
    expect(reconcileUnitPrice(2, 50_000, 100_000)).toBe(50_000);
    // Short amounts end alike by chance; and without a quantity there is no product to trust.
    expect(reconcileAmount(read(3), read(1_000), read(13_000))).toBe(13_000);
    expect(reconcileAmount(null, read(4_588_000), read(588_000))).toBe(588_000);
  });
});

describe('findLineItems with an amount OCR garbled', () => {
  it('keeps a row with a money-shaped price as its own item, not as more description', () => {
    const rows = rowsOf(
      [
        [
          100,
          [
            [40, 'Descripción'],
            [300, 'Cant.'],
            [380, 'Vr. Unitario'],
            [500, 'Vr. Total'],
          ],
        ],
        [
          115,
          [
            [40, 'Alquiler de equipo de izaje'],
            [305, '1'],
            [380, '1.231.200'],
            [500, '1.231.200'],
          ],
        ],
        [
          130,
          [
            [40, 'Sensor inductivo M18 PNP'],
            [380, '348.500'],
            [500, 'ES7OOO'],
          ],
        ],
        // A footnote whose phone number falls under the price column is no item.
        [
          200,
          [
            [40, 'Comentarios: llamar al'],
            [380, '3207354175'],
          ],
        ],
      ],
      0.9,
    );
    const { lines } = findLineItems(rows);
    expect(lines.map((l) => [l.description, l.unitPrice, l.amount])).toEqual([
      ['Alquiler de equipo de izaje', 1_231_200, 1_231_200],
      ['Sensor inductivo M18 PNP', 348_500, null],
    ]);
  });
});

describe('findLineItems at the end of the table', () => {
  it('stops at a single observation, which is no description', () => {
    const rows = rowsOf(
      [
        [
          100,
          [
            [40, 'Descripción'],
            [300, 'Cant.'],
            [380, 'Vr. Unitario'],
            [500, 'Vr. Total'],
          ],
        ],
        [
          115,
          [
            [40, 'Mano de obra especializada'],
            [305, '9'],
            [380, '116.300'],
            [500, '1.046.700'],
          ],
        ],
        [128, [[30, 'OBSERVACIÓN: Se adjunta informe de inspección']]],
      ],
      0.9,
    );
    expect(findLineItems(rows).lines.map((l) => l.description)).toEqual(['Mano de obra especializada']);
  });
});

describe('findLineItems with every number of a row damaged', () => {
  const header: [number, [number, string][]] = [
    100,
    [
      [40, 'Detalle'],
      [320, 'Unid.'],
      [370, 'Cant'],
      [440, 'Precio'],
      [540, 'Total'],
    ],
  ];
  const first: [number, [number, string][]] = [
    115,
    [
      [40, 'Motor eléctrico trifásico 5 HP'],
      [325, 'Und'],
      [370, '2.00'],
      [440, '698.32'],
      [525, '1,396.64'],
    ],
  ];

  it('keeps a row that fills its own unit and quantity columns as its own item', () => {
    const rows = rowsOf(
      [
        header,
        first,
        [
          128,
          [
            [40, 'Cambio programado de filtros'],
            [325, 'Hora'],
            [370, '8.50'],
            [535, 'LOLSOL'],
          ],
        ],
      ],
      0.9,
    );
    expect(findLineItems(rows).lines.map((l) => [l.description, l.quantity, l.amount])).toEqual([
      ['Motor eléctrico trifásico 5 HP', 2, 1396.64],
      ['Cambio programado de filtros', 8.5, null],
    ]);
  });

  it('still reads a wrapped description as one', () => {
    const rows = rowsOf([header, first, [128, [[40, 'con base y acople']]]], 0.9);
    expect(findLineItems(rows).lines.map((l) => l.description)).toEqual([
      'Motor eléctrico trifásico 5 HP con base y acople',
    ]);
  });
});

describe('findLineItems with a currency code beside its number', () => {
  it('keeps a code OCR read with a speck ("COP.") off the description', () => {
    const rows = rowsOf(
      [
        [
          100,
          [
            [40, 'Concepto'],
            [380, 'Vr. Unit.'],
            [480, 'Importe'],
          ],
        ],
        [
          115,
          [
            [40, 'Manómetro 0-160 psi'],
            [360, 'COP. 106.800,45'],
            [460, 'COP 213.600,90'],
          ],
        ],
      ],
      0.9,
    );
    expect(findLineItems(rows).lines.map((l) => [l.description, l.unitPrice, l.amount])).toEqual([
      ['Manómetro 0-160 psi', 106_800.45, 213_600.9],
    ]);
  });
});
