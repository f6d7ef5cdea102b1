import { describe, expect, it } from 'vitest';
import type { LineItem } from '../../../../src/contract/result.ts';
import { withoutItemNumbers } from '../../../../src/stages/extract/tables/item-numbers.ts';

const item = (description: string): LineItem => ({
  code: null,
  description,
  quantity: 1,
  unit: null,
  unitPrice: 100,
  amount: 100,
});

describe('withoutItemNumbers', () => {
  it('takes off running item numbers run into the descriptions, one line lost among them', () => {
    const lines = [
      item('Horas de técnico en sitio'),
      item('10 Alquiler de equipo de izaje'),
      item('11 Sensor inductivo M18 PNP'),
      item('13 Filtro separador de aceite'),
      item('14 Guía hilo cerámica'),
    ];
    expect(withoutItemNumbers(lines).map((l) => l.description)).toEqual([
      'Horas de técnico en sitio',
      'Alquiler de equipo de izaje',
      'Sensor inductivo M18 PNP',
      'Filtro separador de aceite',
      'Guía hilo cerámica',
    ]);
  });

  it('keeps counts that open descriptions without counting up with the lines', () => {
    const lines = [
      item('2 Correas en V B-52'),
      item('4 Rodamientos SKF 6205'),
      item('1 Motor eléctrico 5 HP'),
    ];
    expect(withoutItemNumbers(lines)).toEqual(lines);
    const two = [item('1 Correa en V'), item('2 Rodamientos')];
    expect(withoutItemNumbers(two)).toEqual(two);
  });
});
