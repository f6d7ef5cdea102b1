import { describe, expect, it } from 'vitest';
import { germanLetters, isGermanCompany } from '../../../../src/stages/extract/fields/german-names.ts';

describe('German company names read by a Spanish OCR model', () => {
  it('knows a German company by its legal form or its VAT number', () => {
    expect(isGermanCompany('MÚLLER TEXTILMASCHINEN KG', null)).toBe(true);
    expect(isGermanCompany('Spinnerei Górlitz GmbH', null)).toBe(true);
    expect(
      isGermanCompany('Weberei Lindner', { value: 'DE585363102', kind: 'vat', valid: true, checked: true }),
    ).toBe(true);
    expect(isGermanCompany('Hilandería Luján SRL', null)).toBe(false);
    expect(isGermanCompany('Tornillos 25 kg', null)).toBe(false);
  });

  it('reads acute vowels and "ñ" back as umlauts and "ß"', () => {
    expect(germanLetters('MÚLLER TEXTILMASCHINEN KG')).toBe('MÜLLER TEXTILMASCHINEN KG');
    expect(germanLetters('Scháfer Instandhaltung AG')).toBe('Schäfer Instandhaltung AG');
    expect(germanLetters('Spinnerei Górlitz GmbH')).toBe('Spinnerei Görlitz GmbH');
    expect(germanLetters('Industriestrañe')).toBe('Industriestraße');
  });
});
