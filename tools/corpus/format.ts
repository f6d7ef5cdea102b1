/**
 * How values are printed. Each invoice picks one style per kind of value; the truth keeps plain numbers and
 * ISO dates, so the printed forms here are what an extractor must learn to normalise.
 */

/** 'co' = 1.234.567,89; 'intl' = 1,234,567.89; 'space' = 1 234 567,89; 'apostrophe' = 1'234'567.89 */
export type NumberStyle = 'co' | 'intl' | 'space' | 'apostrophe';

export interface AmountStyle {
  numbers: NumberStyle;
  /** Whether amounts carry cents; without cents every amount of the invoice is a whole number. */
  cents: boolean;
  /** What surrounds the number: `$ 1.234`, `$1.234`, `COP 1.234`, `1.234 COP`, `1.234 €` or nothing. */
  symbol: 'dollar-space' | 'dollar' | 'code-before' | 'code-after' | 'sign-after' | 'none';
  /** The currency sign the `dollar*` and `sign-after` styles print; `$` when absent. */
  sign?: string;
}

const SEPARATORS: Record<NumberStyle, [thousands: string, decimal: string]> = {
  co: ['.', ','],
  intl: [',', '.'],
  space: [' ', ','],
  apostrophe: ["'", '.'],
};

function groupDigits(integerPart: string, separator: string): string {
  return integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A plain number in the style, without currency: `1.234.567,89` or `1,234,567.89`. */
export function formatNumber(value: number, numbers: NumberStyle, decimals: number): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [integerPart = '0', fraction] = fixed.split('.');
  const [thousands, decimalMark] = SEPARATORS[numbers];
  const body = groupDigits(integerPart, thousands) + (fraction ? decimalMark + fraction : '');
  return negative ? `-${body}` : body;
}

export function formatAmount(value: number, style: AmountStyle, currency: string): string {
  const number = formatNumber(value, style.numbers, style.cents ? 2 : 0);
  const sign = number.startsWith('-') ? '-' : '';
  const body = sign ? number.slice(1) : number;
  const mark = style.sign ?? '$';
  switch (style.symbol) {
    case 'dollar-space':
      return `${sign}${mark} ${body}`;
    case 'dollar':
      return `${sign}${mark}${body}`;
    case 'sign-after':
      return `${sign}${body} ${mark}`;
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

export type DateStyle =
  | 'dmy-slash'
  | 'iso'
  | 'long'
  | 'dmy-abbrev'
  | 'month-first'
  | 'dmy-dash'
  | 'dmy-dot'
  | 'mdy-slash'
  | 'day-month'
  | 'day-dot-month'
  | 'month-day'
  | 'month-abbrev-day';

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

/**
 * Prints an ISO date (`2026-03-15`) as `15/03/2026`, `2026-03-15`, `15 de marzo de 2026`, `15-mar-2026`,
 * `15.03.2026`, `03/15/2026`, `15 March 2026`, `15. März 2026`, `March 15, 2026`, `Mar 15, 2026`… with the
 * month names of the invoice's language (Spanish by default).
 */
export function formatDate(iso: string, style: DateStyle, months: readonly string[] = MONTHS): string {
  const [year = '', month = '', day = ''] = iso.split('-');
  const monthName = months[Number(month) - 1] ?? '';
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
    case 'dmy-dot':
      return `${day}.${month}.${year}`;
    case 'mdy-slash':
      return `${month}/${day}/${year}`;
    case 'day-month':
      return `${dayNumber} ${monthName} ${year}`;
    case 'day-dot-month':
      return `${dayNumber}. ${monthName} ${year}`;
    case 'month-day':
      return `${monthName} ${dayNumber}, ${year}`;
    case 'month-abbrev-day':
      return `${monthName.slice(0, 3)} ${dayNumber}, ${year}`;
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
