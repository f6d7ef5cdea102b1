import type { NationalIdKind } from './locales/types.ts';
import type { Random } from './random.ts';

/**
 * Company tax ids of other countries, with their national check digits, as the truth writes them (the
 * extractor's normal form: `B12345674`, `DE123456789`, `FR40123456824`, `IT01234567897`, `NL123456782B01`,
 * `GB123456789`, `ABC0102034K5`, `30710145764`, `12345678000195`, `123456789`) and as invoices print them.
 */

function luhnCheck(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return sum;
}

/** Spain's entity NIF (CIF): B/A + 7 digits + the control digit. */
function spanishCif(rng: Random): string {
  const letter = rng.pick(['B', 'B', 'B', 'A']);
  const digits = rng.digits(7);
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(digits[i]);
    sum += i % 2 === 1 ? d : Math.floor((2 * d) / 10) + ((2 * d) % 10);
  }
  return `${letter}${digits}${(10 - (sum % 10)) % 10}`;
}

/** Germany: 9 digits, the last an ISO 7064 MOD 11,10 check digit. */
function germanVat(rng: Random): string {
  const body = String(rng.int(1, 9)) + rng.digits(7);
  let product = 10;
  for (const c of body) {
    let sum = (Number(c) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  return `DE${body}${(11 - product) % 10}`;
}

/** France: a key of two digits, (12 + 3 × (SIREN mod 97)) mod 97, and a SIREN that verifies by Luhn. */
function frenchVat(rng: Random): string {
  const head = String(rng.int(3, 9)) + rng.digits(7);
  const siren = `${head}${luhnCheck(head)}`;
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}

/** Italy: 11 digits, the last a Luhn check digit. */
function italianVat(rng: Random): string {
  const head = `0${rng.digits(9)}`;
  return `IT${head}${luhnCheck(head)}`;
}

/** The Netherlands (pre-2020 numbers): 9 digits verifying modulo 11 (weights 9..2, −1) and `B01`. */
function dutchVat(rng: Random): string {
  for (;;) {
    const head = String(rng.int(1, 9)) + rng.digits(7);
    const check = weightedSum(head, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    if (check < 10) return `NL${head}${check}B${rng.pick(['01', '01', '02'])}`;
  }
}

/** United Kingdom: 9 digits, weights 8..2 on the first seven plus the last two ≡ 0 modulo 97. */
function britishVat(rng: Random): string {
  const head = String(rng.int(1, 9)) + rng.digits(6);
  const sum = weightedSum(head, [8, 7, 6, 5, 4, 3, 2]);
  return `GB${head}${String((97 - (sum % 97)) % 97).padStart(2, '0')}`;
}

const RFC_CHARACTERS = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

/** Mexico's RFC of an entity: 3 letters, the date of incorporation (YYMMDD), 2 characters and SAT's check. */
function mexicanRfc(rng: Random): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const alnum = 'ABCDEFGHIJKLMNPQRSTUVWXYZ123456789';
  let head = '';
  for (let i = 0; i < 3; i++) head += letters[rng.int(0, letters.length - 1)];
  const date = `${String(rng.int(85, 99)).padStart(2, '0')}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `${head}${date}${alnum[rng.int(0, alnum.length - 1)]}${alnum[rng.int(0, alnum.length - 1)]}`;
  const padded = ` ${body}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += RFC_CHARACTERS.indexOf(padded[i] as string) * (13 - i);
  const check = 11 - (sum % 11);
  return `${body}${check === 11 ? '0' : check === 10 ? 'A' : String(check)}`;
}

/** Argentina's CUIT of a company (30/33…): 11 digits, modulo 11 (bases whose check would be 10 are skipped). */
function argentineCuit(rng: Random): string {
  for (;;) {
    const head = `${rng.pick(['30', '30', '33'])}${rng.digits(8)}`;
    const remainder = 11 - (weightedSum(head, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
    if (remainder === 10) continue;
    return `${head}${remainder === 11 ? 0 : remainder}`;
  }
}

function mod11Brazil(sum: number): number {
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** Brazil's CNPJ: 8-digit root, `0001` (head office) or a branch, two check digits modulo 11. */
function brazilianCnpj(rng: Random): string {
  const twelve = `${rng.digits(8)}${rng.pick(['0001', '0001', '0002'])}`;
  const weights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const first = mod11Brazil(weightedSum(twelve, weights.slice(1)));
  const second = mod11Brazil(weightedSum(`${twelve}${first}`, weights));
  return `${twelve}${first}${second}`;
}

/** A US employer identification number (EIN), digits only: the contract keeps other ids as digits. */
function usEin(rng: Random): string {
  return `${rng.pick(['12', '20', '27', '36', '46', '56', '84', '94'])}${rng.digits(7)}`;
}

const GENERATORS: Record<NationalIdKind, (rng: Random) => string> = {
  nif: spanishCif,
  'vat-de': germanVat,
  'vat-fr': frenchVat,
  'vat-it': italianVat,
  'vat-nl': dutchVat,
  'vat-gb': britishVat,
  rfc: mexicanRfc,
  cuit: argentineCuit,
  cnpj: brazilianCnpj,
  ein: usEin,
};

export function randomNationalId(rng: Random, kind: NationalIdKind): string {
  return GENERATORS[kind](rng);
}

/** How many printed forms `formatNationalId` knows (a style picks one index). */
export const NATIONAL_ID_VARIANTS = 3;

const spaced = (text: string, groups: number[]) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    parts.push(text.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
};

/** Prints a truth id in one of the forms invoices use (`variant` 0 is the plain normal form). */
export function formatNationalId(kind: NationalIdKind, value: string, variant: number): string {
  const v = variant % NATIONAL_ID_VARIANTS;
  switch (kind) {
    case 'nif':
      return [value, `${value[0]}-${value.slice(1)}`, `ES${value}`][v] as string;
    case 'vat-de':
      return [value, spaced(value, [2, 3, 3, 3]), value.slice(2)][v] as string;
    case 'vat-fr':
      return [value, spaced(value, [2, 2, 3, 3, 3]), `${value.slice(0, 4)} ${value.slice(4)}`][v] as string;
    case 'vat-it':
      return [value, value.slice(2), `${value.slice(0, 2)} ${value.slice(2)}`][v] as string;
    case 'vat-nl':
      return [value, `${value.slice(0, 11)} ${value.slice(11)}`, spaced(value, [2, 9, 3])][v] as string;
    case 'vat-gb':
      return [value, spaced(value, [2, 3, 4, 2]), `${value.slice(0, 2)} ${value.slice(2)}`][v] as string;
    case 'rfc':
      return [value, value, `${value.slice(0, 3)}-${value.slice(3, 9)}-${value.slice(9)}`][v] as string;
    case 'cuit':
      return [
        `${value.slice(0, 2)}-${value.slice(2, 10)}-${value.slice(10)}`,
        value,
        `${value.slice(0, 2)}-${value.slice(2, 10)}-${value.slice(10)}`,
      ][v] as string;
    case 'cnpj': {
      const dotted = `${value.slice(0, 2)}.${value.slice(2, 5)}.${value.slice(5, 8)}/${value.slice(8, 12)}-${value.slice(12)}`;
      return [dotted, value, dotted][v] as string;
    }
    case 'ein':
      return `${value.slice(0, 2)}-${value.slice(2)}`;
  }
}
