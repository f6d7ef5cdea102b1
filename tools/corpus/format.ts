/**
 * How values are printed. Each invoice picks one style per kind of value; the truth keeps plain numbers and
 * ISO dates, so the printed forms here are what an extractor must learn to normalise.
 */

export type NumberStyle = 'co' | 'intl';

export interface AmountStyle {
  /** 'co' = 1.234.567,89; 'intl' = 1,234,567.89 */
  numbers: NumberStyle;
  /** Whether amounts carry cents; without cents every amount of the invoice is a whole number. */
  cents: boolean;
  /** What surrounds the number: `$ 1.234`, `$1.234`, `COP 1.234`, `1.234 COP` or nothing. */
  symbol: 'dollar-space' | 'dollar' | 'code-before' | 'code-after' | 'none';
}

function groupDigits(integerPart: string, separator: string): string {
  return integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A plain number in the style, without currency: `1.234.567,89` or `1,234,567.89`. */
export function formatNumber(value: number, numbers: NumberStyle, decimals: number): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [integerPart = '0', fraction] = fixed.split('.');
  const thousands = numbers === 'co' ? '.' : ',';
  const decimalMark = numbers === 'co' ? ',' : '.';
  const body = groupDigits(integerPart, thousands) + (fraction ? decimalMark + fraction : '');
  return negative ? `-${body}` : body;
}

export function formatAmount(value: number, style: AmountStyle, currency: string): string {
  const number = formatNumber(value, style.numbers, style.cents ? 2 : 0);
  const sign = number.startsWith('-') ? '-' : '';
  const body = sign ? number.slice(1) : number;
  switch (style.symbol) {
    case 'dollar-space':
      return `${sign}$ ${body}`;
    case 'dollar':
      return `${sign}$${body}`;
    case 'code-before':
      return `${sign}${currency} ${body}`;
    case 'code-after':
      return `${sign}${body} ${currency}`;
    default:
      return number;
  }
}

/** Quantities print without decimals when whole (`2`, `2,5`), or always with two (`2,00`) if the invoice does. */
export function formatQuantity(value: number, numbers: NumberStyle, alwaysDecimals: boolean): string {
  if (alwaysDecimals) return formatNumber(value, numbers, 2);
  if (Number.isInteger(value)) return String(value);
  return formatNumber(value, numbers, 2).replace(/0$/, '');
}

export type DateStyle = 'dmy-slash' | 'iso' | 'long' | 'dmy-abbrev' | 'month-first' | 'dmy-dash';

export const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** Prints an ISO date (`2026-03-15`) as `15/03/2026`, `2026-03-15`, `15 de marzo de 2026`, `15-mar-2026`, … */
export function formatDate(iso: string, style: DateStyle): string {
  const [year = '', month = '', day = ''] = iso.split('-');
  const monthName = MONTHS[Number(month) - 1] ?? '';
  const dayNumber = String(Number(day));
  switch (style) {
    case 'iso':
      return iso;
    case 'long':
      return `${dayNumber} de ${monthName} de ${year}`;
    case 'dmy-abbrev':
      return `${day}-${monthName.slice(0, 3)}-${year}`;
    case 'month-first':
      return `${monthName} ${dayNumber} de ${year}`;
    case 'dmy-dash':
      return `${day}-${month}-${year}`;
    default:
      return `${day}/${month}/${year}`;
  }
}

/** Adds days to an ISO date, in UTC so that the result never depends on the machine's time zone. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function roundCents(value: number): number {
  return Math.round(value * 100 + (value >= 0 ? 1e-6 : -1e-6)) / 100;
}
