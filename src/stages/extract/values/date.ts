import { fold, repairDigits } from '../text/text.ts';

/**
 * Dates as printed on Latin-American invoices, to ISO `YYYY-MM-DD`: `15/03/2026`, `15-03-26`, `2026-03-15`,
 * `15 de marzo de 2026`, `15-mar-2026`, `marzo 15 de 2026`, `March 15, 2026`, `31 /10 /23`. Numeric dates are
 * day-first (Latin America) unless the first number cannot be a month-day pair that way round.
 */
const MONTHS: Record<string, number> = {
  ene: 1,
  enero: 1,
  jan: 1,
  january: 1,
  feb: 2,
  febrero: 2,
  february: 2,
  mar: 3,
  marzo: 3,
  march: 3,
  abr: 4,
  abril: 4,
  apr: 4,
  april: 4,
  may: 5,
  mayo: 5,
  jun: 6,
  junio: 6,
  june: 6,
  jul: 7,
  julio: 7,
  july: 7,
  ago: 8,
  agosto: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  septiembre: 9,
  setiembre: 9,
  september: 9,
  oct: 10,
  octubre: 10,
  october: 10,
  nov: 11,
  noviembre: 11,
  november: 11,
  dic: 12,
  diciembre: 12,
  dec: 12,
  december: 12,
};

const MONTH_WORD =
  '(ene(?:ro)?|[ft]eb(?:rero|ruary)?|mar(?:zo|ch)?|abr(?:il)?|apr(?:il)?|may(?:o)?|jun(?:io|e)?|jul(?:io|y)?|ago(?:sto)?|aug(?:ust)?|sept?(?:iembre|ember)?|setiembre|oct(?:ubre|ober)?|nov(?:iembre|ember)?|dic(?:iembre)?|dec(?:ember)?|jan(?:uary)?)';

const PATTERNS: { regex: RegExp; order: 'dmy' | 'ymd' | 'd-month-y' | 'month-d-y' }[] = [
  // A speck beside a separator reads as one more dash ("2025- 06- -12").
  { regex: /(?<!\d)(\d{4})\s?[-/.][\s-]{0,2}(\d{1,2})\s?[-/.][\s-]{0,2}(\d{1,2})(?!\d)/, order: 'ymd' },
  { regex: /(?<!\d)(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{4}|\d{2})(?!\d)/, order: 'dmy' },
  {
    regex: new RegExp(
      `(?<![\\d\\p{L}])(\\d{1,2})(?:\\s*[-.]?\\s*de\\s+|\\s*[-/.]\\s*|\\s+)${MONTH_WORD}\\.?(?:\\s*(?:de|del)(?:[.,]?\\s+|\\s*-\\s*)|\\s*[-/.,]\\s*|\\s+)(\\d{4}|\\d{2})(?!\\d)`,
      'u',
    ),
    order: 'd-month-y',
  },
  {
    regex: new RegExp(
      `(?<!\\p{L})${MONTH_WORD}\\.?\\s+(\\d{1,2})(?:\\s*,\\s*|\\s+de\\s+|\\s+|\\s*del\\s+)(\\d{4})(?!\\d)`,
      'u',
    ),
    order: 'month-d-y',
  },
];

export interface DateMatch {
  iso: string;
  index: number;
  length: number;
}

/** The first date in the text, with where it was found. */
export function findDate(text: string): DateMatch | null {
  // OCR damage inside numeric dates ("2O26-O3-15"); same length, so offsets still hold.
  const folded = fold(
    /\d/.test(text)
      ? text
          .replace(/\S+/g, (token) => (/[/.-]/.test(token) ? repairDigits(token) : token))
          // Specks read as colons between a month and its day ("abril::15 de 2025"), kept as long.
          .replace(/(?<=\p{L})[:;]+(?=\s*\d)/gu, (marks) => ' '.repeat(marks.length))
      : text,
  );
  let best: DateMatch | null = null;
  for (const { regex, order } of PATTERNS) {
    const match = regex.exec(folded);
    if (!match) continue;
    const iso = toIso(match, order);
    if (iso && (!best || match.index < best.index))
      best = { iso, index: match.index, length: match[0].length };
  }
  return best;
}

export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
}

function toIso(match: RegExpExecArray, order: 'dmy' | 'ymd' | 'd-month-y' | 'month-d-y'): string | null {
  const [, a = '', b = '', c = ''] = match;
  switch (order) {
    case 'ymd':
      return build(Number(a), Number(b), Number(c));
    case 'dmy': {
      const first = Number(a);
      const second = Number(b);
      if (second > 12 && first <= 12) return build(year(c), first, second);
      return build(year(c), second, first);
    }
    case 'd-month-y':
      return build(year(c), monthOf(b), Number(a));
    case 'month-d-y':
      return build(year(c), monthOf(a), Number(b));
  }
}

/** A month's name or abbreviation; OCR reads the f of "feb" as a t ("26-teb-2025"), and no month starts so. */
function monthOf(word: string): number {
  return MONTHS[word.replace(/^t(?=eb)/, 'f')] ?? 0;
}

function year(text: string): number {
  const value = Number(text);
  if (text.length === 4) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

function build(y: number, m: number, d: number): string | null {
  if (y < 1970 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
