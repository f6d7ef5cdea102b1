/** Colombian NIT with its DIAN check digit (weights applied right to left). */
const WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

export function nitCheckDigit(base: string): number {
  const digits = base.split('').reverse();
  const sum = digits.reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0);
  const r = sum % 11;
  return r > 1 ? 11 - r : r;
}

/** The contract form: digits, '-', check digit. */
export function nitWithDigit(base: string): string {
  return `${base}-${nitCheckDigit(base)}`;
}

/** How suppliers print it: with dots (900.123.456-7) or plain (900123456-7). */
export function printNit(base: string, dotted: boolean): string {
  const body = dotted ? base.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : base;
  return `${body}-${nitCheckDigit(base)}`;
}
