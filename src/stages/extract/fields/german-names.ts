import type { TaxId } from '../fiscal-codes/tax-id.ts';
import { fold } from '../text/text.ts';
import { LEGAL_FORMS } from './legal-forms.ts';

/**
 * German spelling through a Spanish OCR model: the model has no umlauts nor "ß" and reads them as the nearest
 * letters it has, the acute vowels and "ñ" ("MÚLLER", "Górlitz", "Industriestrañe"). German writes no acute
 * accent and no "ñ", so in a German company's name they can only be those letters.
 */
const GERMAN_FORM_AT_END = new RegExp(
  String.raw`(?<![\p{L}])(?:${(LEGAL_FORMS.DE ?? []).map((f) => f.form).join('|')})\.?\s*$`,
  'u',
);

const GERMAN_LETTER: Readonly<Record<string, string>> = {
  á: 'ä',
  ó: 'ö',
  ú: 'ü',
  Á: 'Ä',
  Ó: 'Ö',
  Ú: 'Ü',
  ñ: 'ß',
};

/** A German or Austrian company: its VAT number says so, or its name ends in a German legal form. */
export function isGermanCompany(name: string, taxId: TaxId | null): boolean {
  if (taxId?.kind === 'vat' && /^(?:DE|AT)/.test(taxId.value)) return true;
  return GERMAN_FORM_AT_END.test(fold(name));
}

/** The umlauts and "ß" that OCR read as acute vowels and "ñ". */
export function germanLetters(name: string): string {
  return name.replace(/[áóúÁÓÚñ]/g, (char) => GERMAN_LETTER[char] ?? char);
}
