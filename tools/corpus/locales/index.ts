import { DE_DE } from './de-de.ts';
import { EN_GB, EN_US } from './en-locales.ts';
import { ES_AR, ES_ES, ES_MX } from './es-locales.ts';
import { FR_FR } from './fr-fr.ts';
import { IT_IT } from './it-it.ts';
import { NL_NL } from './nl-nl.ts';
import { PT_BR } from './pt-br.ts';
import type { Locale } from './types.ts';

export { ES_CO_WORDS } from './es-co.ts';
export type { LayoutWords, Locale, NationalIdKind } from './types.ts';

/** The default: Colombian invoices, drawn by the original generator (no `Locale` object). */
export const DEFAULT_LOCALE = 'es-CO';

const LOCALES: Locale[] = [ES_ES, ES_MX, ES_AR, EN_US, EN_GB, DE_DE, FR_FR, IT_IT, PT_BR, NL_NL];

/** Every locale code `--locales` accepts, es-CO first. */
export const LOCALE_CODES: string[] = [DEFAULT_LOCALE, ...LOCALES.map((locale) => locale.code)];

/** The data of a locale, or null for es-CO (the original generator). Throws on an unknown code. */
export function localeByCode(code: string): Locale | null {
  if (code === DEFAULT_LOCALE) return null;
  const locale = LOCALES.find((candidate) => candidate.code === code);
  if (!locale) throw new Error(`unknown locale "${code}" (known: ${LOCALE_CODES.join(', ')})`);
  return locale;
}

/** `all` or a comma-separated list of codes, validated. */
export function parseLocales(list: string): string[] {
  if (list.trim() === 'all') return [...LOCALE_CODES];
  const codes = list
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  if (codes.length === 0) throw new Error('empty locale list');
  for (const code of codes) localeByCode(code);
  return codes;
}
