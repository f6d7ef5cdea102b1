/** Spanish amount in words ("SON: UN MILLÓN DOSCIENTOS … PESOS M/CTE"), as many Colombian invoices print. */

const UNITS = [
  '',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

function belowThousand(n: number): string {
  if (n === 100) return 'cien';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds) parts.push(HUNDREDS[hundreds] as string);
  if (rest < 30) {
    if (rest) parts.push(UNITS[rest] as string);
  } else {
    const unit = rest % 10;
    parts.push(
      unit ? `${TENS[Math.floor(rest / 10)]} y ${UNITS[unit]}` : (TENS[Math.floor(rest / 10)] as string),
    );
  }
  return parts.join(' ');
}

/** "uno" becomes "un" before a noun: "un millón", "veintiún mil". */
export function apocope(words: string): string {
  return words.replace(/veintiuno$/, 'veintiún').replace(/uno$/, 'un');
}

export function integerInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${n}`);
  if (n === 0) return 'cero';
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor((n % 1_000_000) / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (millions) parts.push(millions === 1 ? 'un millón' : `${apocope(integerInWords(millions))} millones`);
  if (thousands) parts.push(thousands === 1 ? 'mil' : `${apocope(belowThousand(thousands))} mil`);
  if (rest) parts.push(belowThousand(rest));
  return parts.join(' ');
}

export function amountInWords(value: number, currency: 'COP' | 'USD'): string {
  const whole = Math.floor(value + 1e-9);
  const centavos = Math.round((value - whole) * 100);
  const wholeWords = apocope(integerInWords(whole));
  // "un millón de pesos", "dos millones de pesos": "de" after a round million.
  const joiner = /millón$|millones$/.test(wholeWords) ? ' de' : '';
  const unit = currency === 'USD' ? 'dólares' : 'pesos';
  const tail = currency === 'USD' ? '' : ' m/cte';
  const cents = centavos ? ` con ${integerInWords(centavos)} centavos` : '';
  return `${wholeWords}${joiner} ${unit}${cents}${tail}`.toUpperCase();
}
