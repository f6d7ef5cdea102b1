import { describe, expect, it } from 'vitest';
import { findLineItems } from '../../../src/stages/extract/tables/table.ts';
import { readHeader } from '../../../src/stages/extract/tables/table-header.ts';
import { rowsOf } from './rows-fixture.ts';

/** A table whose quantity, unit and price names OCR lost: only "Referencia   Concepto   …   Subtotal" read. */
const faded = (items: [number, [number, string][]][]) =>
  rowsOf(
    [
      [
        100,
        [
          [195, 'Referencia'],
          [237, 'Concepto'],
          [540, 'Subtotal'],
        ],
      ],
      ...items,
    ],
    0.9,
  );

describe('a table header with one numeric column name left', () => {
  it('is the header when item rows with amounts follow it', () => {
    const rows = faded([
      [
        115,
        [
          [197, 'P-00541'],
          [236, 'Caldera de vapor no enciende'],
          [418, 'HH'],
          [457, '7'],
          [480, '63.400,00'],
          [535, '443.800,00'],
        ],
      ],
      [
        128,
        [
          [197, 'P-06588'],
          [237, 'Reparación urgente de urdidora'],
          [417, 'Und'],
          [456, '3'],
          [470, '2.228.700,97'],
          [530, '6.686.102,91'],
        ],
      ],
      [138, [[237, 'fuera de servicio']]],
      // The quantity lost and a colon for the price's thousands dot.
      [
        150,
        [
          [197, 'P-09555'],
          [237, 'Correa dentada'],
          [418, 'UN'],
          [480, '132:700,00'],
          [535, '265.400,00'],
        ],
      ],
    ]);
    // The price and quantity columns are placed from the item rows (right-aligned prices, then counts).
    expect(readHeader(rows[0]!, rows.slice(1))?.columns.map((c) => c.kind)).toEqual([
      'code',
      'description',
      'quantity',
      'unitPrice',
      'amount',
    ]);
    const { lines } = findLineItems(rows);
    expect(lines.map((l) => [l.code, l.description, l.quantity, l.unit, l.unitPrice, l.amount])).toEqual([
      ['P-00541', 'Caldera de vapor no enciende', 7, 'HH', 63_400, 443_800],
      ['P-06588', 'Reparación urgente de urdidora fuera de servicio', 3, 'Und', 2_228_700.97, 6_686_102.91],
      ['P-09555', 'Correa dentada', null, 'UN', 132_700, 265_400],
    ]);
  });

  it('is no header when no item rows follow it', () => {
    const rows = faded([
      [115, [[237, 'Mantenimiento preventivo trimestral']]],
      [
        128,
        [
          [237, 'Valor en letras'],
          [530, '6.686.102,91'],
        ],
      ],
    ]);
    expect(readHeader(rows[0]!, rows.slice(1))).toBeNull();
    expect(readHeader(rows[0]!)).toBeNull();
  });
});

describe('a description line OCR returned as two rows', () => {
  it('reads its parts left to right', () => {
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
            [40, 'Reparación urgente de urdidora'],
            [305, '3'],
            [380, '2.228.700,97'],
            [500, '6.686.102,91'],
          ],
        ],
      ],
      0.9,
    );
    const [second, first] = rowsOf(
      [
        [127, [[120, 'fuera']]],
        [126, [[40, 'de servicio']]],
      ],
      0.9,
    ).map((r, i) => ({ ...r, order: 2 + i, y1: r.y0 + (i === 0 ? 6 : 10) }));
    const { lines } = findLineItems([...rows, second!, first!]);
    expect(lines.map((l) => l.description)).toEqual(['Reparación urgente de urdidora de servicio fuera']);
  });
});
