/**
 * Month names and their usual abbreviations in the lexicon's languages, folded (no accents, lower case).
 * Data: a language or a spelling more is a line here.
 */
export const MONTH_NAMES: Record<number, string[]> = {
  1: [
    'enero',
    'ene',
    'january',
    'jan',
    'januar',
    'janvier',
    'janv',
    'gennaio',
    'gen',
    'janeiro',
    'januari',
    'jaenner',
    'janner',
  ],
  2: ['febrero', 'feb', 'february', 'februar', 'fevrier', 'fevr', 'fev', 'febbraio', 'fevereiro', 'februari'],
  3: ['marzo', 'mar', 'march', 'marz', 'maerz', 'mars', 'marco', 'maart', 'mrt'],
  4: ['abril', 'abr', 'april', 'apr', 'avril', 'avr', 'aprile'],
  5: ['mayo', 'may', 'mai', 'maggio', 'mag', 'maio', 'mei'],
  6: ['junio', 'jun', 'june', 'juni', 'juin', 'giugno', 'giu', 'junho'],
  7: ['julio', 'jul', 'july', 'juli', 'juillet', 'juil', 'luglio', 'lug', 'julho'],
  8: ['agosto', 'ago', 'august', 'aug', 'aout', 'augustus'],
  9: ['septiembre', 'setiembre', 'sep', 'sept', 'september', 'septembre', 'settembre', 'set', 'setembro'],
  10: ['octubre', 'oct', 'october', 'oktober', 'okt', 'octobre', 'ottobre', 'ott', 'outubro', 'out'],
  11: ['noviembre', 'nov', 'november', 'novembre', 'novembro'],
  12: ['diciembre', 'dic', 'december', 'dec', 'dezember', 'dez', 'decembre', 'dicembre', 'dezembro'],
};
