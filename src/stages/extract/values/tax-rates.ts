/**
 * VAT rates in use where these invoices come from (Colombia 19/5, Argentina 21/10.5/27, Mexico 16, Peru 18,
 * Chile 19, Ecuador 12/15, Paraguay 10): a tax that is one of them times the subtotal, to the cent, ties the
 * two figures together.
 */
export const TAX_RATES = [0.19, 0.05, 0.16, 0.18, 0.21, 0.105, 0.27, 0.12, 0.15, 0.1];

export function taxRateFits(subtotal: number, tax: number): boolean {
  if (subtotal <= 0 || tax <= 0) return false;
  return TAX_RATES.some((rate) => Math.abs(subtotal * rate - tax) <= Math.max(0.011, tax * 1e-5));
}
