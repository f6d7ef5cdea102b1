import { firstAmount } from './totals.ts';

/**
 * The first money amount of a text in either decimal convention: `1.234,56`, `1,234.56`, `1 234,56`,
 * `1'234.56`, with a currency symbol or code before or after (`€`, `EUR`, `R$`, `£`, `CHF`, `MXN`...).
 * Currency marks are dropped and thousands written with spaces or apostrophes are joined, then the shared
 * amount reader (totals.ts, amount.ts) decides.
 */
const CURRENCY = /(?:R\$|US\$|U\$S|[€£¥₹]|\b(?:EUR|GBP|CHF|MXN|BRL|CLP|PEN|USD|COP|ARS|UYU|CAD|AUD)\b)/gi;
const SPACED_THOUSANDS = /(?<![\d.,])(\d{1,3})(?:[ \u00a0\u202f'’](\d{3}))+(?:[.,]\d{1,2})?(?![\d.,]\d)/g;

export function normalizeMoneyText(text: string): string {
  return text
    .replace(CURRENCY, ' ')
    .replace(SPACED_THOUSANDS, (match) => {
      const decimal = /[.,]\d{1,2}$/.exec(match)?.[0] ?? '';
      const whole = match.slice(0, match.length - decimal.length).replace(/[ \u00a0\u202f'’]/g, '');
      return whole + (decimal ? `.${decimal.slice(1)}` : '');
    })
    .replace(/\s+/g, ' ')
    .trim();
}

export function readAmount(text: string): number | null {
  return firstAmount(normalizeMoneyText(text));
}
