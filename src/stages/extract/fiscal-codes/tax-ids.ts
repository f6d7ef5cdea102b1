/**
 * Check digits of national tax ids, each as its authority publishes it. Every function takes the id's
 * characters without separators (upper case) and says whether its check digit(s) verify; a value of the wrong
 * shape does not verify.
 */

const DIAN_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
const CUIT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The DIAN check digit of a Colombian NIT's base. */
export function nitCheckDigit(base: string): number {
  let sum = 0;
  for (let i = 0; i < base.length; i++) sum += Number(base[base.length - 1 - i]) * (DIAN_WEIGHTS[i] ?? 0);
  const remainder = sum % 11;
  return remainder > 1 ? 11 - remainder : remainder;
}

/** Argentina's CUIT/CUIL: 11 digits, check digit modulo 11. */
export function cuitIsValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * CUIT_WEIGHTS[i]!;
  const remainder = 11 - (sum % 11);
  const check = remainder === 11 ? 0 : remainder === 10 ? 9 : remainder;
  return check === Number(digits[10]);
}

/** Colombia's NIT: base digits and the DIAN check digit as the last digit. */
export function nitIsValid(value: string): boolean {
  return /^\d{7,16}$/.test(value) && nitCheckDigit(value.slice(0, -1)) === Number(value.at(-1));
}

/** Weighted sum of digits (or, for Brazil's alphanumeric CNPJ, of character codes − 48). */
function weighted(chars: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) sum += (chars.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum;
}

/** 11 − (sum mod 11), with 10 and 11 becoming 0: Brazil's CNPJ/CPF and NF-e key rule. */
function mod11Brazil(sum: number): number {
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

const CNPJ_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Brazil's CNPJ: 12 characters (digits, or from July 2026 upper-case letters and digits) and two check digits,
 * each modulo 11 over character codes minus 48 (so a digit counts as itself).
 */
export function cnpjIsValid(value: string): boolean {
  if (!/^[0-9A-Z]{12}\d{2}$/.test(value) || /^(\d)\1{13}$/.test(value)) return false;
  const first = mod11Brazil(weighted(value.slice(0, 12), CNPJ_WEIGHTS.slice(1)));
  const second = mod11Brazil(weighted(value.slice(0, 13), CNPJ_WEIGHTS));
  return first === Number(value[12]) && second === Number(value[13]);
}

/** Brazil's CPF: nine digits and two check digits modulo 11 (weights 10..2, then 11..2). */
export function cpfIsValid(value: string): boolean {
  if (!/^\d{11}$/.test(value) || /^(\d)\1{10}$/.test(value)) return false;
  const first = mod11Brazil(weighted(value.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]));
  const second = mod11Brazil(weighted(value.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]));
  return first === Number(value[9]) && second === Number(value[10]);
}

/** Peru's RUC: 11 digits (10… persons, 15/16/17… others, 20… companies), check digit modulo 11. */
export function rucIsValid(value: string): boolean {
  if (!/^(?:10|15|16|17|20)\d{9}$/.test(value)) return false;
  const check = 11 - (weighted(value.slice(0, 10), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return (check === 11 ? 1 : check === 10 ? 0 : check) === Number(value[10]);
}

/** Chile's RUT/RUN check character (0–9 or K) for its body. */
export function rutCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (2 + (i % 6));
  const check = 11 - (sum % 11);
  return check === 11 ? '0' : check === 10 ? 'K' : String(check);
}

/** Chile's RUT: 7–8 digits and the check character, `76086428` + `5`. */
export function rutIsValid(value: string): boolean {
  const match = /^(\d{6,8})([\dK])$/.exec(value);
  return match !== null && rutCheckCharacter(match[1]!) === match[2];
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spain's NIF of a person (DNI: 8 digits and a letter) or a foreigner (NIE: X/Y/Z, 7 digits, a letter). */
export function dniOrNieIsValid(value: string): boolean {
  const match = /^([XYZ]|\d)(\d{7})([A-Z])$/.exec(value);
  if (!match) return false;
  const lead = { X: '0', Y: '1', Z: '2' }[match[1]!] ?? match[1]!;
  return DNI_LETTERS[Number(lead + match[2]) % 23] === match[3];
}

/**
 * Spain's NIF of an entity (the former CIF): a letter for the kind of entity, 7 digits and a control that is a
 * digit or a letter (J=0 … I=9). Public bodies and foreign entities (N, P, Q, R, S, W) use the letter; A, B, E,
 * H the digit; the others either.
 */
export function cifIsValid(value: string): boolean {
  const match = /^([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])$/.exec(value);
  if (!match) return false;
  const digits = match[2]!;
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(digits[i]);
    if (i % 2 === 1) sum += d;
    else sum += Math.floor((2 * d) / 10) + ((2 * d) % 10);
  }
  const control = (10 - (sum % 10)) % 10;
  const letter = 'JABCDEFGHI'[control]!;
  const given = match[3]!;
  if ('NPQRSW'.includes(match[1]!)) return given === letter;
  if ('ABEH'.includes(match[1]!)) return given === String(control);
  return given === letter || given === String(control);
}

/** Any Spanish NIF: a person's, a foreigner's or an entity's. */
export function spanishNifIsValid(value: string): boolean {
  return dniOrNieIsValid(value) || cifIsValid(value);
}

const RFC_CHARACTERS = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

/**
 * Mexico's RFC shape: 3 letters (entity) or 4 (person), the date of birth or incorporation (YYMMDD) and a
 * three-character homoclave whose last character is a check digit.
 */
export function rfcShapeIsValid(value: string): boolean {
  const match = /^[A-ZÑ&]{3,4}(\d{2})(\d{2})(\d{2})[A-Z\d]{2}[\dA]$/.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * The RFC's check digit (SAT's algorithm): the characters' values (0–9, A=10 … with & and Ñ in their places),
 * an entity's 12 characters preceded by a space, weighted 13..2; 11 − sum mod 11, 10 as A and 11 as 0. SAT's
 * generic RFCs (XAXX010101000) and many test ones do not verify, so this is a signal, not a requirement.
 */
export function rfcCheckDigitIsValid(value: string): boolean {
  if (!rfcShapeIsValid(value)) return false;
  const padded = value.length === 12 ? ` ${value}` : value;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += RFC_CHARACTERS.indexOf(padded[i]!) * (13 - i);
  const check = 11 - (sum % 11);
  return (check === 11 ? '0' : check === 10 ? 'A' : String(check)) === value.at(-1);
}

/** Luhn's check over a digit string (Italy's partita IVA, France's SIREN). */
export function luhnIsValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 7064 MOD 11,10 (Germany's USt-IdNr.). */
function iso7064Mod11_10(digits: string): boolean {
  let product = 10;
  for (let i = 0; i < digits.length - 1; i++) {
    let sum = (Number(digits[i]) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(digits.at(-1));
}

/** A remainder modulo 97 of a long digit string, piece by piece. */
function mod97(digits: string): number {
  let remainder = 0;
  for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  return remainder;
}

/** Per country: the number's shape after the prefix, and its check when the country publishes one. */
const EU_VAT: Record<string, { shape: RegExp; check?: (n: string) => boolean }> = {
  AT: {
    shape: /^U\d{8}$/,
    check: (n) => {
      let sum = 0;
      for (let i = 1; i < 8; i++) {
        const d = Number(n[i]) * (i % 2 === 0 ? 2 : 1);
        sum += Math.floor(d / 10) + (d % 10);
      }
      return (96 - sum) % 10 === Number(n[8]);
    },
  },
  BE: { shape: /^[01]\d{9}$/, check: (n) => 97 - (Number(n.slice(0, 8)) % 97) === Number(n.slice(8)) },
  DE: { shape: /^[1-9]\d{8}$/, check: iso7064Mod11_10 },
  DK: { shape: /^\d{8}$/, check: (n) => weighted(n, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0 },
  ES: { shape: /^[0-9A-Z]\d{7}[0-9A-Z]$/, check: spanishNifIsValid },
  FI: { shape: /^\d{8}$/ },
  // The United Kingdom left the EU but its numbers keep their shape: 9 digits that verify modulo 97 (old
  // series) or with 55 added (new series); GD/HA + 3 digits for public bodies. A branch's three more digits
  // are left out: printed after a space they cannot be told from the next field's figures.
  GB: { shape: /^(?:\d{9}|(?:GD|HA)\d{3})$/, check: gbVatIsValid },
  FR: {
    shape: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
    // A numeric key is (12 + 3 × (SIREN mod 97)) mod 97; SIRENs verify by Luhn (La Poste's excepted).
    check: (n) =>
      /^\d{2}/.test(n)
        ? Number(n.slice(0, 2)) === (12 + 3 * (Number(n.slice(2)) % 97)) % 97
        : luhnIsValid(n.slice(2)),
  },
  IE: { shape: /^\d[\dA-Z+*]\d{5}[A-W][A-IW]?$/ },
  IT: { shape: /^\d{11}$/, check: luhnIsValid },
  LU: { shape: /^\d{8}$/, check: (n) => Number(n.slice(0, 6)) % 89 === Number(n.slice(6)) },
  NL: {
    shape: /^\d{9}B\d{2}$/,
    // The older numbers verify modulo 11 (weights 9..2, −1); numbers issued since 2020 modulo 97 over
    // "NL" and the number with letters as 10..35.
    check: (n) => {
      const digits = n.slice(0, 9);
      const elevens = weighted(digits.slice(0, 8), [9, 8, 7, 6, 5, 4, 3, 2]) - Number(digits[8]);
      const letters = `NL${n}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
      return elevens % 11 === 0 || mod97(letters) === 1;
    },
  },
  PL: {
    shape: /^\d{10}$/,
    check: (n) => weighted(n.slice(0, 9), [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === Number(n[9]),
  },
  PT: {
    shape: /^[1-9]\d{8}$/,
    check: (n) => {
      const check = 11 - (weighted(n.slice(0, 8), [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
      return (check >= 10 ? 0 : check) === Number(n[8]);
    },
  },
  SE: { shape: /^\d{10}01$/, check: (n) => luhnIsValid(n.slice(0, 10)) },
};

/** The United Kingdom's VAT check over the first nine digits (public bodies' GD/HA numbers have none). */
function gbVatIsValid(n: string): boolean {
  if (/^(?:GD|HA)/.test(n)) return true;
  const sum = weighted(n.slice(0, 7), [8, 7, 6, 5, 4, 3, 2]) + Number(n.slice(7, 9));
  return sum % 97 === 0 || (sum + 55) % 97 === 0;
}

/**
 * A US employer identification number's shape: nine digits whose two-digit prefix is one the IRS assigns
 * (01–06, 10–16, 20–27, 30–48, 50–68, 71–77, 80–88, 90–95, 98, 99). It has no check digit.
 */
export function einShapeIsValid(value: string): boolean {
  return /^(?:0[1-6]|1[0-6]|2[0-7]|3\d|4[0-8]|5\d|6[0-8]|7[1-7]|8[0-8]|9[0-5]|9[89])\d{7}$/.test(value);
}

/** Whether `value` (country prefix and number, `DE123456789`) is an EU VAT number of a known shape. */
export function euVatShapeIsKnown(value: string): boolean {
  const rule = EU_VAT[value.slice(0, 2)];
  return rule?.shape.test(value.slice(2)) === true;
}

/**
 * An EU VAT number's check: true when it verifies, false when it does not or its shape is wrong, null when the
 * country's shape is right but it publishes no check this module knows.
 */
export function euVatIsValid(value: string): boolean | null {
  const rule = EU_VAT[value.slice(0, 2)];
  if (!rule?.shape.test(value.slice(2))) return false;
  return rule.check ? rule.check(value.slice(2)) : null;
}

/** The countries whose VAT numbers this module knows. */
export const EU_VAT_PREFIXES = Object.keys(EU_VAT);
