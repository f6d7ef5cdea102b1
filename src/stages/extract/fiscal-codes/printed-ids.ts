import { repairDigits } from '../text/text.ts';
import { asDigits, asLetters, digitReadings, lookalikePrefix, onlyVerified } from './lookalike-ids.ts';
import type { TaxId } from './tax-id.ts';
import { taxIdLabelOf } from './tax-id-labels.ts';
import {
  cnpjIsValid,
  cpfIsValid,
  EU_VAT_PREFIXES,
  einShapeIsValid,
  euVatIsValid,
  euVatShapeIsKnown,
  nitCheckDigit,
  rfcCheckDigitIsValid,
  rfcShapeIsValid,
  rucIsValid,
  rutIsValid,
  spanishNifIsValid,
} from './tax-ids.ts';

/** The ids a label names outside Colombia and Argentina (see tax-id.ts for NIT and CUIT). */
export type NationalIdKind = 'rfc' | 'cnpj' | 'cpf' | 'nif' | 'ruc' | 'rut' | 'vat' | 'ein';

/**
 * The national id a label announces, from the label's folded text (`rfc`, `cnpj / cpf`, `ust-idnr.`, `p.iva`…),
 * with the VAT country a label implies when the number may be printed without its prefix. Null for labels of
 * Colombia's and Argentina's ids and unknown ones.
 */
export function nationalKindFromLabel(folded: string): { kind: NationalIdKind; country?: string } | null {
  const label = taxIdLabelOf(folded);
  if (!label || label.kind === 'nit' || label.kind === 'cuit' || label.kind === 'other') return null;
  return label.country && label.kind === 'vat'
    ? { kind: label.kind, country: label.country }
    : { kind: label.kind };
}

/**
 * Reads the id at the start of `printed` as the label announced it. Normalised values (the contract's
 * `taxId`): RFC, NIF, CNPJ upper-case letters and digits (`HGT9312179LA`, `B12345674`, `81583054000129`); CPF
 * and RUC digits; RUT body, dash and check character (`76086428-5`); VAT numbers with their country prefix
 * (`DE123456789`). Null when nothing of the announced kind is there.
 */
export function parseNationalId(printed: string, kind: NationalIdKind, country?: string): TaxId | null {
  const text = printed.trim().toUpperCase();
  switch (kind) {
    case 'rfc':
      return rfc(text);
    case 'cnpj':
    case 'cpf':
      return cnpjOrCpf(text) ?? cnpjOrCpf(repairDigits(text));
    case 'nif':
      return nif(text);
    case 'ruc':
      return ruc(repairDigits(text));
    case 'rut':
      return rut(repairDigits(text));
    case 'vat':
      return vat(text, country);
    case 'ein':
      return ein(repairDigits(text));
  }
}

/** A US employer identification number, `12-3456789`: digits only, its two-digit prefix one the IRS assigns. */
export function ein(text: string): TaxId | null {
  // A dash after it that leads no digit is a separator OCR made of a dot ("20-3989565- 19 Commerce Drive").
  const match = /^(\d{2})\s?[-‐–]?\s?(\d{7})(?!\d)(?!-\d)/.exec(text);
  if (!match) return null;
  const value = match[1]! + match[2]!;
  // No check digit: the prefix is the only shape check, so the id is not `checked`.
  return einShapeIsValid(value) ? { value, kind: 'ein', valid: false, checked: false } : null;
}

function rfc(text: string): TaxId | null {
  const match = /^([A-ZÑ&]{3,4})[ -]?(\d{6})[ -]?([A-Z\d]{3})(?![A-Z\d])/.exec(text);
  if (!match) return lookalikeRfc(text);
  const value = match[1]! + match[2]! + match[3]!;
  if (!rfcShapeIsValid(value)) return null;
  // SAT's check digit is a signal only (generic and test RFCs do not verify), so it is not `checked`.
  return { value, kind: 'rfc', valid: rfcCheckDigitIsValid(value), checked: false };
}

/**
 * "100981228QL0" for "IOO981228QL0": OCR's digits in the name letters or letters in the date. The 12 or 13
 * characters say how many letters lead (an entity's 3, a person's 4); the repair stands only when SAT's check
 * digit verifies it.
 */
function lookalikeRfc(text: string): TaxId | null {
  const token = /^[A-ZÑ&\d|]{12,13}(?![A-Z\d])/.exec(text)?.[0];
  if (!token) return null;
  const letters = token.length - 9;
  const value =
    asLetters(token.slice(0, letters)) + asDigits(token.slice(letters, letters + 6)) + token.slice(-3);
  return value !== token && rfcCheckDigitIsValid(value)
    ? { value, kind: 'rfc', valid: true, checked: false }
    : null;
}

function cnpjOrCpf(text: string): TaxId | null {
  const cnpj =
    /^([\dA-Z]{2})\.?([\dA-Z]{3})\.?([\dA-Z]{3})\s?\/?\s?([\dA-Z]{4})\s?-?\s?(\d{2})(?![\dA-Z])/.exec(text);
  if (cnpj) {
    const value = cnpj.slice(1).join('');
    return { value, kind: 'cnpj', valid: cnpjIsValid(value), checked: true };
  }
  const cpf = /^(\d{3})\.?(\d{3})\.?(\d{3})\s?-?\s?(\d{2})(?!\d)/.exec(text);
  if (cpf) {
    const value = cpf.slice(1).join('');
    return { value, kind: 'cpf', valid: cpfIsValid(value), checked: true };
  }
  return null;
}

function nif(text: string): TaxId | null {
  // Spain's NIF (`B-12345674`, `12345678-Z`, `X1234567L`), optionally with its VAT prefix; or Portugal's nine digits.
  const match = /^(?:ES[ -]?)?([A-Z\d])[ .-]?(\d{2})\.?(\d{3})\.?(\d{2})[ -]?([A-Z\d])(?![A-Z\d])/.exec(text);
  if (!match) return null;
  const value = match.slice(1).join('');
  if (/^\d{9}$/.test(value) && !spanishNifIsValid(value)) {
    const portuguese = euVatIsValid(`PT${value}`);
    if (portuguese) return { value, kind: 'nif', valid: true, checked: true };
  }
  return { value, kind: 'nif', valid: spanishNifIsValid(value), checked: true };
}

function ruc(text: string): TaxId | null {
  const match = /^(\d{11}|\d{13})(?!\d)/.exec(text.replace(/^(\d+)[ -](\d)(?!\d)/, '$1$2'));
  if (!match) return null;
  const value = match[1]!;
  // Peru's RUC has 11 digits and a check digit; Ecuador's 13 digits have none this module checks.
  if (value.length === 11) return { value, kind: 'ruc', valid: rucIsValid(value), checked: true };
  return { value, kind: 'ruc', valid: false, checked: false };
}

function rut(text: string): TaxId | null {
  const match = /^(\d{1,2})\.?(\d{3})\.?(\d{3})\s?-\s?([\dK])(?![\dA-Z])/.exec(text);
  if (!match) return null;
  const body = match[1]! + match[2]! + match[3]!;
  // A Colombian "RUT" is the NIT's registry: a base whose DIAN check digit verifies is a NIT, not Chile's RUT.
  if (match[4] !== 'K' && nitCheckDigit(body) === Number(match[4]) && !rutIsValid(body + match[4]!))
    return null;
  return { value: `${body}-${match[4]}`, kind: 'rut', valid: rutIsValid(body + match[4]!), checked: true };
}

function vat(text: string, country: string | undefined): TaxId | null {
  // The number runs until two spaces (a column gap) or a character no VAT number has.
  const head = /^[A-Z\d][A-Z\d .-]{5,18}/.exec(text)?.[0].split('  ')[0]?.replace(/[ .-]/g, '') ?? '';
  const prefixed = /^[A-Z]{2}/.test(head);
  const candidates = prefixed ? [head] : country ? [`${country}${head}`] : [];
  // A prefix read with look-alikes ("1T0610…", "JT 0709…"): the country it stands for, if the number verifies.
  const prefix = lookalikePrefix(head.slice(0, 2), EU_VAT_PREFIXES, country);
  const misreadPrefix =
    prefix && !EU_VAT_PREFIXES.includes(head.slice(0, 2)) ? `${prefix}${head.slice(2)}` : null;
  if (misreadPrefix) candidates.unshift(misreadPrefix);
  // Belgium's BTW/TVA numbers share the Dutch and French labels.
  if (!prefixed && (country === 'NL' || country === 'FR')) candidates.push(`BE${head}`);
  let invalid: TaxId | null = null;
  for (const candidate of candidates) {
    if (!EU_VAT_PREFIXES.includes(candidate.slice(0, 2))) {
      if (misreadPrefix) continue;
      // A VAT number of a country whose shape is not known here (CH, NO…): kept as printed, unchecked. Its
      // digits follow the prefix: "VIAROMA77" or "INDIRIZZO" is the next field's words, not an id.
      if (prefixed && /^[A-Z]{2}\d[A-Z\d]{5,13}$/.test(candidate) && /\d{6}/.test(candidate))
        return { value: candidate, kind: 'vat', valid: false, checked: false };
      continue;
    }
    for (let length = candidate.length; length >= 8; length--) {
      const value = candidate.slice(0, length);
      const valid = euVatIsValid(value);
      if (valid !== false) return { value, kind: 'vat', valid: valid === true, checked: valid !== null };
      // A prefixed number of the right shape whose check fails: a misreading worth reporting, if nothing verifies.
      if (!invalid && prefixed && euVatShapeIsKnown(value))
        invalid = { value, kind: 'vat', valid: false, checked: true };
    }
  }
  return lookalikeVat(candidates) ?? invalid;
}

/**
 * A VAT number whose digits OCR read as letters ("FRO9 737697318", "NL92986675BB02"): the one reading with
 * look-alikes taken as digits that the country's check verifies, at the longest length that does.
 */
function lookalikeVat(candidates: readonly string[]): TaxId | null {
  for (const candidate of candidates) {
    const country = candidate.slice(0, 2);
    if (!EU_VAT_PREFIXES.includes(country)) continue;
    for (let length = candidate.length; length >= 8; length--) {
      const readings = digitReadings(candidate.slice(2, length)).map((body) => `${country}${body}`);
      const value = onlyVerified(readings, (reading) => euVatIsValid(reading) === true);
      if (value) return { value, kind: 'vat', valid: true, checked: true };
    }
  }
  return null;
}
