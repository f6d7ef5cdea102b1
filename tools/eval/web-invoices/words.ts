/** Whole numbers in words, in capitals, for the "amount in words" lines of sets b and c (up to 999 999 999). */
import { apocope, integerInWords } from '../../corpus/words.ts';

/** Spanish words for a whole number, shortened as before a noun ("VEINTIÚN MIL", "TREINTA Y UN PESOS"). */
export function spanishWords(n: number): string {
  return apocope(integerInWords(n)).toUpperCase();
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
