import { describe, expect, it } from 'vitest';
import { findFreeLineItems } from '../../../../src/stages/extract/tables/table-free.ts';
import { rowsOf } from '../rows-fixture.ts';

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

  it('reads the printed multiplication when OCR lost, glued or garbled one number', () => {
    const rows = rowsOf(
      [
        [100, [[14, 'Mantenimiento de urdidora']]],
        [
          110,
          [
            [24, 'UN x 4.466.300,00'],
            [169, '4.466.300,00'],
          ],
        ],
        [120, [[14, 'Guía hilo cerámica']]],
        [
          130,
          [
            [24, '1-Unidad x 30.600,43'],
            [169, '30.600,43'],
          ],
        ],
        [140, [[14, 'Alquiler de equipo de izaje']]],
        [
          150,
          [
            [24, "1 Unidad x'3.667.400,00"],
            [169, '3.667.400,00'],
          ],
        ],
        [160, [[14, 'Sensor inductivo M18 PNP']]],
        [
          170,
          [
            [24, '2,00 Unidad x 259.800'],
            [169, '57.600'],
          ],
        ],
        [180, [[14, 'Termografía de tableros']]],
        [
          190,
          [
            [24, '15H x 113.100'],
            [169, '1.696.500'],
          ],
        ],
      ],
      0.9,
    );
    const { lines } = findFreeLineItems(rows, () => false);
    expect(lines.map((l) => [l.description, l.quantity, l.unit, l.unitPrice, l.amount])).toEqual([
      ['Mantenimiento de urdidora', 1, 'UN', 4_466_300, 4_466_300],
      ['Guía hilo cerámica', 1, 'Unidad', 30_600.43, 30_600.43],
      ['Alquiler de equipo de izaje', 1, 'Unidad', 3_667_400, 3_667_400],
      // The garbled amount stays as read; the row still ends the item above.
      ['Sensor inductivo M18 PNP', 2, 'Unidad', 259_800, 57_600],
      ['Termografía de tableros', 15, 'H', 113_100, 1_696_500],
    ]);
  });

  it('does not take the customer block above the first item as its description', () => {
    const rows = rowsOf(
      [
        [100, [[14, 'Razón social Confecciones Panamericana Ltda.']]],
        [110, [[14, 'NIT 930540946-2']]],
        [120, [[14, 'Dir. Km 2 vía al Mar']]],
        [130, [[14, 'Servicio técnico preventivo a caldera de vapor']]],
        [140, [[14, 'Continental 200 BHP: inspección visual y limpieza']]],
        [
          150,
          [
            [24, '1 SERV x 2.029.900,54'],
            [169, '2.029.900,54'],
          ],
        ],
      ],
      0.9,
    );
    const { lines } = findFreeLineItems(rows, () => false);
    expect(lines.map((l) => l.description)).toEqual([
      'Servicio técnico preventivo a caldera de vapor Continental 200 BHP: inspección visual y limpieza',
    ]);
  });

  it('takes a unit printed before the quantity off the description', () => {
    const rows = rowsOf(
      [
        [
          100,
          [
            [14, 'Aceite hidráulico ISO VG 68'],
            [200, 'GAL'],
            [240, '8'],
            [300, '129.100,00'],
            [400, '1.032.800,00'],
          ],
        ],
      ],
      0.9,
    );
    const { lines } = findFreeLineItems(rows, () => false);
    expect(lines.map((l) => [l.description, l.quantity, l.unit, l.amount])).toEqual([
      ['Aceite hidráulico ISO VG 68', 8, 'GAL', 1_032_800],
    ]);
  });
});

describe('findFreeLineItems on a table whose header and quantities OCR lost', () => {
  it('takes rows ending in price and amount whose quotient is a whole count, with their wrapped text', () => {
    const rows = rowsOf(
      [
        [
          211,
          [
            [37, '68341'],
            [93, 'VERIFICACIÓN Y AJUSTE PREVENTIVO DE SENSORES DE'],
            [347, 'HH'],
            [451, '69.700,30'],
            [534, '139.400,60'],
          ],
        ],
        [222, [[92, 'TRAMA EN TELAR DE CHORRO DE AIRE TOYOTA JAT810']]],
        [
          236,
          [
            [37, '81164'],
            [93, 'SENSOR INDUCTIVO M18 PNP'],
            [348, 'UN'],
            [447, '262.300,59'],
            [528, '1.573.803,54'],
          ],
        ],
        [
          250,
          [
            [37, '16512'],
            [93, 'AGUJAS PARA TEJEDORA CIRCULAR (CAJA X 100)'],
            [447, '800.600,15'],
            [534, '800.600,15'],
          ],
        ],
        // Two amounts that are no whole count of each other: not an item.
        [
          264,
          [
            [93, 'Saldo anterior'],
            [447, '123.456,00'],
            [534, '500.000,00'],
          ],
        ],
      ],
      0.9,
    );
    const { lines } = findFreeLineItems(rows, () => false);
    expect(lines.map((l) => [l.code, l.description, l.quantity, l.unit, l.unitPrice, l.amount])).toEqual([
      [
        '68341',
        'VERIFICACIÓN Y AJUSTE PREVENTIVO DE SENSORES DE TRAMA EN TELAR DE CHORRO DE AIRE TOYOTA JAT810',
        2,
        'HH',
        69_700.3,
        139_400.6,
      ],
      ['81164', 'SENSOR INDUCTIVO M18 PNP', 6, 'UN', 262_300.59, 1_573_803.54],
      ['16512', 'AGUJAS PARA TEJEDORA CIRCULAR (CAJA X 100)', 1, null, 800_600.15, 800_600.15],
    ]);
  });

  it('stops joining wrapped text at the first row that is not: a note further down stays out', () => {
    const rows = rowsOf(
      [
        [
          211,
          [
            [37, '68341'],
            [93, 'GUÍA HILO CERÁMICA'],
            [347, 'UN'],
            [451, '32.000,00'],
            [534, '64.000,00'],
          ],
        ],
        [222, [[93, 'Nota: precios en pesos']]],
        [233, [[93, 'sujetos a cambio sin previo aviso']]],
      ],
      0.9,
    );
    const { lines } = findFreeLineItems(rows, () => false);
    expect(lines.map((l) => l.description)).toEqual(['GUÍA HILO CERÁMICA']);
  });

  it('leaves a receipt\'s description above its numbers when the sign of "Unidad x:" carries a speck', () => {
    const rows = rowsOf(
      [
        [261, [[11, '003B KIT DE MANTENIMIENTO COMPRESOR 8000 H']]],
        [
          271,
          [
            [21, '1,00 u x 2.331.500'],
            [170, '2.331.500'],
          ],
        ],
        [283, [[11, 'ALQUILER DE EQUIPO DE IZAJE']]],
        [
          289,
          [
            [45, 'Unidad x: 1.049.300'],
            [165, '1.049.300'],
          ],
        ],
      ],
      0.9,
    );
    const { lines } = findFreeLineItems(rows, () => false);
    expect(lines.map((l) => [l.description, l.quantity, l.amount])).toEqual([
      ['KIT DE MANTENIMIENTO COMPRESOR 8000 H', 1, 2_331_500],
      ['ALQUILER DE EQUIPO DE IZAJE', 1, 1_049_300],
    ]);
  });
});
