import { describe, expect, it } from 'vitest';
import { withoutDescriptionSpecks } from '../../../../src/stages/extract/tables/description-specks.ts';

const described = (description: string) =>
  withoutDescriptionSpecks([{ code: null, description, quantity: 1, unit: null, unitPrice: 1, amount: 1 }])[0]
    ?.description;

describe('withoutDescriptionSpecks', () => {
  it('drops specks OCR read as punctuation around prepositions and articles', () => {
    expect(described('ALQUILER DE EQUIPO DE. IZAJE')).toBe('ALQUILER DE EQUIPO DE IZAJE');
    expect(described("VIÁTICOS DEL' TÉCNICO")).toBe('VIÁTICOS DEL TÉCNICO');
    expect(described("MANO DE'OBRA TÉCNICO")).toBe('MANO DE OBRA TÉCNICO');
    expect(described('Insumos de: limpieza y consumibles')).toBe('Insumos de limpieza y consumibles');
    expect(described('Correa. en V B-52')).toBe('Correa en V B-52');
    expect(described('Transporte -de personal y herramientas')).toBe('Transporte de personal y herramientas');
  });

  it('keeps punctuation that belongs to the text', () => {
    for (const text of [
      'PLAN DE MANTENIMIENTO TRIMESTRAL: REVISIÓN DE SISTEMA',
      'Manómetro 0-160 psi',
      'Repuestos varios (tornillería, arandelas y terminales)',
      'Válvula solenoide 1/2"',
      'Kit de mantenimiento compresor 8000 h.',
    ])
      expect(described(text)).toBe(text);
  });
});
