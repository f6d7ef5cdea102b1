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
/** An Argentine CUIT (11 digits) from its first ten digits, or throws when the check digit would be 10. */
export function cuit(stem: string): string {
  const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const s = [...stem].reduce((a, c, i) => a + Number(c) * w[i]!, 0);
  const dv = (11 - (s % 11)) % 11;
  if (dv === 10) throw new Error(`no CUIT for ${stem}`);
  return stem + dv;
}
/** A Brazilian CNPJ (14 digits) from its first twelve (root of eight, branch of four). */
export function cnpj(stem: string): string {
  const dv = (ds: string) => {
    const s = [...ds].reduce((a, c, i) => a + Number(c) * (((ds.length - 1 - i) % 8) + 2), 0);
    return s % 11 < 2 ? 0 : 11 - (s % 11);
  };
  const d1 = dv(stem);
  return `${stem}${d1}${dv(stem + d1)}`;
}
/** `digits` completed by a Luhn check digit (French SIREN and SIRET). */
export function luhn(digits: string): string {
  for (let c = 0; c <= 9; c++) {
    const s = [...`${digits}${c}`].reverse().reduce((a, ch, i) => {
      const d = Number(ch) * (i % 2 ? 2 : 1);
      return a + (d > 9 ? d - 9 : d);
    }, 0);
    if (s % 10 === 0) return `${digits}${c}`;
  }
  throw new Error('unreachable');
}
/** The French intra-community VAT number of a SIREN. */
export const frVat = (siren: string) =>
  `FR${String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0')}${siren}`;
/** A Spanish DNI-style NIF: eight digits and their control letter. */
export const dni = (n: number) => `${String(n).padStart(8, '0')}${'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}`;
/** An IBAN with its real check digits from a country code and a BBAN. */
export function iban(country: string, bban: string): string {
  const digits = [...`${bban}${country}00`]
    .map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55)))
    .join('');
  const check = 98 - Number(BigInt(digits) % 97n);
  const id = `${country}${String(check).padStart(2, '0')}${bban}`;
  return id.replace(/(.{4})/g, '$1 ').trim();
}
/** A Dutch VAT number NL<9 digits>B01 from its first eight digits, or throws when no ninth digit is valid. */
export function nlVat(first8: number): string {
  const id = [...'0123456789'].map((c) => `NL${first8}${c}B01`).find((s) => parseTaxId(s, 'vat')?.valid);
  if (!id) throw new Error(`no Dutch VAT number for ${first8}`);
  return id;
}
/** A Chilean RUT "body-check" (check by mod 11 with weights 2..7 from the right; 11 → 0, 10 → K), undotted. */
export function rut(body: number): string {
  const s = [...String(body)].reverse().reduce((a, c, i) => a + Number(c) * ((i % 6) + 2), 0);
  const dv = 11 - (s % 11);
  return `${body}-${dv === 11 ? '0' : dv === 10 ? 'K' : dv}`;
}
/** A Portuguese NIF (9 digits) from its first eight (mod 11 with weights 9..2; a check of 10 or 11 is 0). */
export function ptNif(stem: string): string {
  const s = [...stem].reduce((a, c, i) => a + Number(c) * (9 - i), 0);
  const dv = 11 - (s % 11);
  return `${stem}${dv >= 10 ? 0 : dv}`;
}
/** A Swiss UID "CHE-123.456.789" from its first eight digits (mod 11, weights 5,4,3,2,7,6,5,4); throws on a 10. */
export function chUid(stem: string): string {
  const w = [5, 4, 3, 2, 7, 6, 5, 4];
  const s = [...stem].reduce((a, c, i) => a + Number(c) * w[i]!, 0);
  const dv = (11 - (s % 11)) % 11;
  if (dv === 10) throw new Error(`no UID for ${stem}`);
  const d = `${stem}${dv}`;
  return `CHE-${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`;
}
/** A Belgian VAT number BE0123456789 from its first eight digits (the last two are 97 − first eight mod 97). */
export const beVat = (first8: string) => `BE${first8}${String(97 - (Number(first8) % 97)).padStart(2, '0')}`;
