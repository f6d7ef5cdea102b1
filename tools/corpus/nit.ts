import type { Random } from './random.ts';

/** DIAN weights, applied from the rightmost digit of the base number leftwards. */
const DIAN_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

/** The DIAN check digit ("dígito de verificación") of a NIT base number. */
export function nitCheckDigit(base: string): number {
  if (!/^\d{1,15}$/.test(base)) throw new Error(`not a NIT base number: ${base}`);
  let sum = 0;
  const digits = base.split('').reverse();
  digits.forEach((digit, i) => {
    sum += Number(digit) * (DIAN_WEIGHTS[i] as number);
  });
  const remainder = sum % 11;
  return remainder > 1 ? 11 - remainder : remainder;
}

/** A company NIT as the truth writes it: `900123456-7`. */
export function randomCompanyNit(rng: Random): string {
  const base = rng.pick(['8', '9']) + rng.pick(['0', '1', '3', '6', '9']) + rng.digits(7);
  return `${base}-${nitCheckDigit(base)}`;
}

export type NitStyle = 'dotted' | 'plain' | 'spaced';

/** Prints a truth NIT (`900123456-7`) as `900.123.456-7`, `900123456-7` or `900123456 - 7`. */
export function formatNit(nit: string, style: NitStyle): string {
  const [base = '', check = ''] = nit.split('-');
  if (style === 'plain') return `${base}-${check}`;
  if (style === 'spaced') return `${base} - ${check}`;
  return `${base.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${check}`;
}
