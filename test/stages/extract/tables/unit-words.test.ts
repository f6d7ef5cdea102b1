import { describe, expect, it } from 'vitest';
import { isUnitWord } from '../../../../src/stages/extract/labels/unit-words.ts';
import { findLineItems } from '../../../../src/stages/extract/tables/table.ts';
import { readHeader } from '../../../../src/stages/extract/tables/table-header.ts';
import { rowsOf } from '../rows-fixture.ts';

describe('units of measure as data per language', () => {
  it('knows the units of each language, with or without a full stop', () => {
    for (const unit of [
      'Ud.',
      'uds',
      'nr',
      'ore',
      'pz',
      'forf.',
      'stk',
      'uur',
      'st.',
      'Stk.',
      'Std.',
      'pcs',
      'ea',
      'hrs',
      'h',
      'un',
      'pç',
      'a corpo',
    ])
      expect(isUnitWord(unit), unit).toBe(true);
    for (const word of ['Dornier', 'rutina', 'de', 'P1']) expect(isUnitWord(word), word).toBe(false);
  });

  it('takes a unit standing apart after the description out of it when the unit header was not read', () => {
    const lines = findLineItems(
      rowsOf([
        [
          100,
          [
            [40, 'Concepto'],
            [300, 'Uds'],
            [350, 'Medida'],
            [430, 'Precio'],
            [520, 'Total'],
          ],
        ],
        [
          115,
          [
            [40, 'Contactor tripolar 40 A'],
            [300, '1,00'],
            [355, 'ud'],
            [430, '62.750,68'],
            [520, '62.750,68'],
          ],
        ],
        [
          130,
          [
            [40, 'Mano de obra especializada'],
            [300, '5,5'],
            [355, 'ore'],
            [430, '13,42'],
            [520, '73,81'],
          ],
        ],
      ]),
    ).lines;
    expect(lines.map((l) => [l.description, l.unit])).toEqual([
      ['Contactor tripolar 40 A', 'ud'],
      ['Mano de obra especializada', 'ore'],
    ]);
  });
});

describe('column names', () => {
  it('reads Spanish Uds. and Ud. as the quantity and the unit, Italian Unità as the unit', () => {
    const [row] = rowsOf([
      [
        100,
        [
          [40, 'Concepto'],
          [300, 'Uds.'],
          [350, 'Ud.'],
          [430, 'Precio'],
          [520, 'Importe'],
        ],
      ],
    ]);
    expect(readHeader(row!)?.columns.map((c) => c.kind)).toEqual([
      'description',
      'quantity',
      'unit',
      'unitPrice',
      'amount',
    ]);
    const [italian] = rowsOf([
      [
        100,
        [
          [40, 'Oggetto'],
          [300, 'Unità'],
          [350, 'Q.tà'],
          [430, 'Prezzo'],
          [520, 'Importo'],
        ],
      ],
    ]);
    expect(readHeader(italian!)?.columns.map((c) => c.kind)).toEqual([
      'description',
      'unit',
      'quantity',
      'unitPrice',
      'amount',
    ]);
  });

  it('reads a code header whose first letters spell a shorter name (Artikelnr.)', () => {
    const [row] = rowsOf([
      [
        100,
        [
          [40, 'Leistung'],
          [300, 'Artikelnr.'],
          [370, 'Anzahl'],
          [450, 'E-Preis'],
          [540, 'Betrag'],
        ],
      ],
    ]);
    expect(readHeader(row!)?.columns.map((c) => c.kind)).toEqual([
      'description',
      'code',
      'quantity',
      'unitPrice',
      'amount',
    ]);
  });
});
