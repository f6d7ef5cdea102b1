import { describe, expect, it } from 'vitest';
import { dropImpossibleAccents } from '../../../../src/stages/extract/text/spanish-accents.ts';

describe('dropImpossibleAccents', () => {
  it('drops an accent Spanish spelling cannot have there (a speck OCR read over a letter)', () => {
    expect(dropImpossibleAccents('Mánufacturas Textiles Montebello S.A.S')).toBe(
      'Manufacturas Textiles Montebello S.A.S',
    );
    expect(dropImpossibleAccents('Electrómotores Itagüí S.A.S.')).toBe('Electromotores Itagüí S.A.S.');
    expect(dropImpossibleAccents('Lanas La Pradéra')).toBe('Lanas La Pradera');
    // Articles and prepositions are never accented.
    expect(dropImpossibleAccents('Textiles Lá Pradera S.A.S.')).toBe('Textiles La Pradera S.A.S.');
    expect(dropImpossibleAccents('Hilados dél Valle')).toBe('Hilados del Valle');
  });

  it('keeps every accent the rules allow, and what they cannot judge', () => {
    const right = [
      'Cóndor',
      'Gómez',
      'Técnicas',
      'Hidráulicas',
      'Bogotá',
      'Medellín',
      'Ingeniería',
      'Raúl',
      'Ruíz',
      'Tecnología',
      'Compañía',
      'Cía.',
      'Construcción',
      'Fábrica',
      'Neumáticos',
      'Atlántico',
      'Álvarez',
      'Díaz',
      'Río',
      'Itagüí',
      'Hilanderías',
      'Electromecánicas',
      'Andrés',
      'Ibagué',
      'Cúcuta',
      'Sánchez',
      'Héctor',
      'Guía',
      'Lubricación',
      'Óptica',
      'Águila',
      'Ángel',
      'Perú',
      'SÁNCHEZ',
      'INGENIERÍA',
    ];
    for (const word of right) expect(dropImpossibleAccents(word), word).toBe(word);
    // An accent on a place the rules allow is not known to be wrong ("Ándina" for "Andina").
    expect(dropImpossibleAccents('Hilanderías Ándina S.A.')).toBe('Hilanderías Ándina S.A.');
  });
});
