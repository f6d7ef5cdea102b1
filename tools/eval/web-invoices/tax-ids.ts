/** Tax ids with their real check digits, for the web-rendered evaluation invoices. */
import { parseTaxId, type TaxIdKind } from '../../../src/stages/extract/fiscal-codes/tax-id.ts';
import { nitCheckDigit, rfcCheckDigitIsValid } from '../../../src/stages/extract/fiscal-codes/tax-ids.ts';
/** `stem` completed by the check character that makes it a valid id of its kind (parseTaxId); throws when none does. */
export function valid(
  stem: string,
  hint: TaxIdKind = 'vat',
  label = '',
  alphabet = '0123456789ABCDEFGHJKLMNPQRSTVWXYZ',
): string {
  for (const c of alphabet) {
    const id = parseTaxId(stem + c, hint, label);
    if (id?.valid && (id.checked || (hint === 'rfc' && rfcCheckDigitIsValid(stem + c)))) return stem + c;
  }
  throw new Error(`no valid id for ${stem} (${hint})`);
}
/** A Colombian NIT printed with its check digit. */
export function nit(base: string): string {
  return `${base}-${nitCheckDigit(base.replace(/\D/g, ''))}`;
}
