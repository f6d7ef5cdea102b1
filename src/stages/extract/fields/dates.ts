import { fold, repairDigits } from '../text/text.ts';
import { MONTH_NAMES } from './month-names.ts';

/**
 * Dates as printed in any of the lexicon's countries, to ISO `YYYY-MM-DD`: `01.11.2024`, `1/11/24`,
 * `2024-11-01`, `2024-11-01T09:00`, `1 de noviembre de 2024`, `11. Juli 2014`, `1er novembre 2024`,
 * `Nov 1, 2024`, `November 1st 2024`, `15-mar-2026`. Numeric dates are day first unless `monthFirst` (documents
 * in US English) or unless only the other order makes a date.
 */
export interface DateCandidate {
  iso: string;
  index: number;
  length: number;
  /** Day and month could be read either way round (both ≤ 12 and different). */
  ambiguous: boolean;
}

const MONTH: Map<string, number> = new Map(
  Object.entries(MONTH_NAMES).flatMap(([month, names]) => names.map((n) => [n, Number(month)] as const)),
);

const MONTH_ALT = [...MONTH.keys()].sort((a, b) => b.length - a.length).join('|');

const NUMERIC_YMD = /(?<!\d)(\d{4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})(?!\d)/g;
const NUMERIC_DMY = /(?<![\d.,])(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{4}|\d{2})(?![\d,]|\.\d)/g;
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\d\\p{L}])(\\d{1,2})(?:er|st|nd|rd|th|º|°)?\\.?(?:\\s*(?:de\\s+)?|\\s*[-/.]\\s*)(${MONTH_ALT})\\.?(?:\\s*(?:de|del)\\s+|\\s*[-/.,]\\s*|\\s+)(\\d{4}|\\d{2})(?!\\d)`,
  'gu',
);
const MONTH_DAY_YEAR = new RegExp(
  `(?<!\\p{L})(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+de\\s+|\\s+)(\\d{4})(?!\\d)`,
  'gu',
);

export function findDates(text: string, monthFirst = false): DateCandidate[] {
  const prepared = fold(
    /\d/.test(text)
      ? text.replace(/\S+/g, (token) => (/[/.-]/.test(token) ? repairDigits(token) : token))
      : text,
  );
  const out: DateCandidate[] = [];
  const add = (iso: string | null, match: RegExpExecArray, ambiguous: boolean) => {
    if (!iso) return;
    if (out.some((d) => d.index <= match.index && match.index < d.index + d.length)) return;
    out.push({ iso, index: match.index, length: match[0].length, ambiguous });
  };
  for (const m of prepared.matchAll(NUMERIC_YMD))
    add(build(Number(m[1]), Number(m[2]), Number(m[3])), m, false);
  for (const m of prepared.matchAll(NUMERIC_DMY)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = year(m[3]!);
    const dayFirst = build(y, b, a);
    const monthFirstIso = build(y, a, b);
    const ambiguous = dayFirst !== null && monthFirstIso !== null && a !== b;
    add(monthFirst ? (monthFirstIso ?? dayFirst) : (dayFirst ?? monthFirstIso), m, ambiguous);
  }
  for (const m of prepared.matchAll(DAY_MONTH_YEAR))
    add(build(year(m[3]!), MONTH.get(m[2]!) ?? 0, Number(m[1])), m, false);
  for (const m of prepared.matchAll(MONTH_DAY_YEAR))
    add(build(year(m[3]!), MONTH.get(m[1]!) ?? 0, Number(m[2])), m, false);
  return out.sort((a, b) => a.index - b.index);
}

function year(text: string): number {
  const value = Number(text);
  if (text.length === 4) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

function build(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
