/** Whole numbers in words, in capitals, for the "amount in words" lines of set b (up to 999 999 999). */

const ES_UNITS = [
  'CERO',
  'UNO',
  'DOS',
  'TRES',
  'CUATRO',
  'CINCO',
  'SEIS',
  'SIETE',
  'OCHO',
  'NUEVE',
  'DIEZ',
  'ONCE',
  'DOCE',
  'TRECE',
  'CATORCE',
  'QUINCE',
  'DIECISÉIS',
  'DIECISIETE',
  'DIECIOCHO',
  'DIECINUEVE',
  'VEINTE',
  'VEINTIUNO',
  'VEINTIDÓS',
  'VEINTITRÉS',
  'VEINTICUATRO',
  'VEINTICINCO',
  'VEINTISÉIS',
  'VEINTISIETE',
  'VEINTIOCHO',
  'VEINTINUEVE',
];
const ES_TENS = ['', '', '', 'TREINTA', 'CUARENTA', 'CINCUENTA', 'SESENTA', 'SETENTA', 'OCHENTA', 'NOVENTA'];
const ES_HUNDREDS = [
  '',
  'CIENTO',
  'DOSCIENTOS',
  'TRESCIENTOS',
  'CUATROCIENTOS',
  'QUINIENTOS',
  'SEISCIENTOS',
  'SETECIENTOS',
  'OCHOCIENTOS',
  'NOVECIENTOS',
];

function es999(n: number): string {
  if (n === 100) return 'CIEN';
  const r = n % 100;
  const rest =
    r < 30 ? ES_UNITS[r]! : `${ES_TENS[Math.floor(r / 10)]}${r % 10 ? ` Y ${ES_UNITS[r % 10]}` : ''}`;
  const h = ES_HUNDREDS[Math.floor(n / 100)]!;
  return [h, r ? rest : ''].filter(Boolean).join(' ');
}
/** "uno" shortened before a noun: VEINTIÚN, TREINTA Y UN. */
const apocope = (s: string) => s.replace(/VEINTIUNO$/, 'VEINTIÚN').replace(/UNO$/, 'UN');

/** Spanish words for a whole number, shortened as before a noun ("VEINTIÚN MIL", "TREINTA Y UN PESOS"). */
export function spanishWords(n: number): string {
  if (n === 0) return 'CERO';
  const m = Math.floor(n / 1e6);
  const t = Math.floor((n % 1e6) / 1000);
  const u = n % 1000;
  const parts: string[] = [];
  if (m) parts.push(m === 1 ? 'UN MILLÓN' : `${apocope(es999(m))} MILLONES`);
  if (t) parts.push(t === 1 ? 'MIL' : `${apocope(es999(t))} MIL`);
  if (u) parts.push(apocope(es999(u)));
  return parts.join(' ');
}

const EN_UNITS = [
  'ZERO',
  'ONE',
  'TWO',
  'THREE',
  'FOUR',
  'FIVE',
  'SIX',
  'SEVEN',
  'EIGHT',
  'NINE',
  'TEN',
  'ELEVEN',
  'TWELVE',
  'THIRTEEN',
  'FOURTEEN',
  'FIFTEEN',
  'SIXTEEN',
  'SEVENTEEN',
  'EIGHTEEN',
  'NINETEEN',
];
const EN_TENS = ['', '', 'TWENTY', 'THIRTY', 'FORTY', 'FIFTY', 'SIXTY', 'SEVENTY', 'EIGHTY', 'NINETY'];

function en999(n: number): string {
  const r = n % 100;
  const rest =
    r < 20 ? EN_UNITS[r]! : `${EN_TENS[Math.floor(r / 10)]}${r % 10 ? `-${EN_UNITS[r % 10]}` : ''}`;
  const h = Math.floor(n / 100) ? `${EN_UNITS[Math.floor(n / 100)]} HUNDRED` : '';
  return [h, r ? rest : ''].filter(Boolean).join(' AND ');
}

/** English words for a whole number ("TWELVE THOUSAND THREE HUNDRED AND FORTY-FIVE"). */
export function englishWords(n: number): string {
  if (n === 0) return 'ZERO';
  const m = Math.floor(n / 1e6);
  const t = Math.floor((n % 1e6) / 1000);
  const u = n % 1000;
  const parts: string[] = [];
  if (m) parts.push(`${en999(m)} MILLION`);
  if (t) parts.push(`${en999(t)} THOUSAND`);
  if (u) parts.push(en999(u));
  return parts.join(' ');
}
