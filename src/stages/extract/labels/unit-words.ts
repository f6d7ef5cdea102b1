import type { Language } from './lexicon.ts';

/**
 * Units of measure printed in an item table's unit column (or beside its quantity), per language, as data
 * (lower case; a trailing full stop is optional when matching). They tell a unit token apart from the
 * description's last word. Adding a language or a unit is a change to this table only.
 */
export const UNIT_WORDS: Record<Language, string[]> = {
  es: [
    'u',
    'un',
    'und',
    'unid',
    'unidad',
    'unidades',
    'ud',
    'uds',
    'hr',
    'hrs',
    'hora',
    'horas',
    'hh',
    'h',
    'gl',
    'gal',
    'galon',
    'galón',
    'glb',
    'global',
    'kg',
    'kgs',
    'caja',
    'cj',
    'viaje',
    'srv',
    'serv',
    'pza',
    'pzas',
    'm',
    'mt',
    'mts',
    'l',
    'lt',
    'lts',
    'c/u',
  ],
  en: ['pcs', 'pc', 'ea', 'each', 'hrs', 'hr', 'hours', 'hour', 'units', 'trip'],
  pt: [
    'un',
    'und',
    'unid',
    'pç',
    'pc',
    'pçs',
    'h',
    'hr',
    'horas',
    'hora',
    'cx',
    'lt',
    'kg',
    'vb',
    'sv',
    'serv',
  ],
  de: ['stk', 'st', 'stück', 'std', 'h', 'pausch', 'psch', 'pauschal', 'fahrt', 'l', 'kg', 'satz'],
  fr: [
    'u',
    'pce',
    'pièce',
    'pièces',
    'h',
    'heure',
    'heures',
    'forfait',
    'fft',
    'ens',
    'déplacement',
    'l',
    'kg',
  ],
  it: ['nr', 'pz', 'pezzi', 'ore', 'ora', 'h', 'forf', 'forfait', 'a corpo', 'viaggio', 'l', 'kg', 'conf'],
  nl: ['stk', 'st', 'stuk', 'stuks', 'uur', 'u', 'rit', 'forfait', 'l', 'kg'],
};

const ALL_UNITS = new Set(Object.values(UNIT_WORDS).flat());

/** Units of two words ("a corpo"), as their words. */
export const MULTI_WORD_UNITS: string[][] = Object.values(UNIT_WORDS)
  .flat()
  .filter((u) => u.includes(' '))
  .map((u) => u.split(' '));

/** A token that is a unit of measure of any language ("Ud.", "uds", "Stk.", "pç", "ore", "a corpo"). */
export function isUnitWord(text: string): boolean {
  const folded = text.toLowerCase().replace(/\.$/, '');
  return ALL_UNITS.has(folded.replace(/\s+/g, ' '));
}
