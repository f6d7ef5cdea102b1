import { repairDigits } from '../text/text.ts';
import { findDates } from './dates.ts';

/**
 * The document identifier at the start of a label's value: `2015738820`, `RE-20140628/9`, `FV-1234`,
 * `0004-00025399`, `A 0001-00001234`, `HGST-0046508`, `F2024/118`. Leading marks and number markers (`:`,
 * `#`, `No.`, `Nº`) are skipped. Returns what was read and how well it is shaped like an invoice number.
 */
export interface IdentifierReading {
  value: string;
  /** 0..1: digits present, sensible length, not a date, an amount, a rate or a phone-like run. */
  shape: number;
  /** Words of prose follow the value in the same window (an item code before its description). */
  prose: boolean;
}

/** Marks before the value, whatever OCR made of them ("N>: 2026…", "»: 2026…"), and a number marker. */
const LEADING = /^[^\p{L}\p{N}]*(?:(?:n[°º]|no|nr|nro|num|numero|number|nummer)\b\.?|n[°º])?[^\p{L}\p{N}]*/iu;
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9\-/._]*/;

export function readIdentifier(window: string): IdentifierReading | null {
  // "0008 - 00004273": a point of sale and its number with spaces around the hyphen are one number.
  // "F=3153": OCR reads a hyphen between a prefix and digits as an equals sign, which no number prints.
  const text = window
    .replace(LEADING, '')
    .replace(/(?<=\d) ?- ?(?=\d)/g, '-')
    .replace(/(?<=[A-Za-z0-9])=(?=\d)/g, '-');
  const match = TOKEN.exec(text);
  if (!match) return null;
  let value = match[0].replace(/[-/._]+$/, '');
  let rest = text.slice(match[0].length);
  // "A 0001-00001234", "FV 1234", "0008 00006490", "FT 2026A/594": a letter series or point of sale printed
  // apart (the number after a letter series may carry its own capital series letter). Portugal's document
  // ids put the document type before a series and its number ("FT A/4233", "FT FT26/455").
  const next = (
    /^[A-Z]{1,4}$/.test(value)
      ? /^ (\d[\dA-Z\-/]*|[A-Z]{1,6}\d{0,4}\/\d+)(?=$|[\s,;)])/
      : /^ (\d[\d\-/]*)(?=$|[\s,;)])/
  ).exec(rest);
  // A series is printed in capitals: a lower-case letter before the digits is the marker's tail OCR split
  // off ("Invoice Nod 202637423").
  if (next && (/^[A-Z]{1,4}$/.test(value) || (/^\d{3,5}$/.test(value) && /^\d{6,8}$/.test(next[1]!)))) {
    value = /^\d/.test(value) ? `${value}-${next[1]}` : `${value} ${next[1]}`;
    rest = rest.slice(next[0].length);
  }
  // OCR's letters for digits inside the digit run of each part ("SETP99OOOO12"), a letter prefix kept.
  value = value
    .split(/(?=[-/])|(?<=[-/])/)
    .map((part) => {
      const run = /^([A-Za-z]{0,6})(\d[\dOoIlS]*)$/.exec(part);
      return run ? run[1]! + repairDigits(run[2]!) : part;
    })
    .join('');
  // "000.000.002": a number printed with thousands marks.
  if (/^\d{1,3}(?:\.\d{3})+$/.test(value)) value = value.replace(/\./g, '');
  if (!/\d/.test(value)) return null;
  const alnum = value.replace(/[^A-Za-z0-9]/g, '');
  const digits = alnum.replace(/\D/g, '').length;
  let shape = 1;
  if (alnum.length < 3) shape *= 0.45;
  if (alnum.length > 20) shape *= 0.3;
  if (digits / alnum.length < 0.3) shape *= 0.6;
  if (/^\d{1,3}([.,]\d{3})*[.,]\d{2}$/.test(value) || /^\d+[.,]\d{1,2}$/.test(value)) shape *= 0.2;
  if (/^[.,%]/.test(rest.trim()) || /^\s*%/.test(rest)) shape *= 0.2;
  if (findDates(value).length > 0 || findDates(`${value}${rest.slice(0, 8)}`).some((d) => d.index === 0))
    shape *= 0.1;
  if (/^\d{2}-\d{8}-\d$/.test(value) || /^\d{1,3}(\.\d{3}){2,}-\d$/.test(value)) shape *= 0.2;
  if (/^[A-Z]{2}\d{8,12}$/.test(value) && /^(?:DE|FR|IT|NL|ES|AT|BE|PT|GB)/.test(value)) shape *= 0.3;
  const prose = (rest.match(/\p{Ll}{3,}/gu)?.length ?? 0) >= 2;
  return { value, shape, prose };
}
