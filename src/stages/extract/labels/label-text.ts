import { type LabelField, LEXICON, NUMBER_MARKERS, ROLE_HEADING_PREFIXES, ROLE_HEADINGS } from './lexicon.ts';
import { NAME_LABELS } from './name-labels.ts';
import { phraseKeys, tokenize } from './normalize.ts';

/**
 * Whether a text is nothing but a label of the lexicon, in any language: a field's label ("FATURA Nº",
 * "VAT Reg. No."), a party's heading ("Kunde", "Bill to") or a name's label ("Firma", "Name"). A value read in
 * a label's place (the next heading of a grid) is such a text, never a company's name.
 */
export function isLabelText(text: string): boolean {
  const keys = tokenize(text).map((t) => t.key);
  return keys.length > 0 && labelKeys().has(keys.join(' '));
}

/** Whether a text is nothing but one of `field`'s own labels ("FAC", "Fattura n." for the invoice number). */
export function isLabelTextOf(text: string, field: LabelField): boolean {
  const keys = tokenize(text).map((t) => t.key);
  return keys.length > 0 && fieldLabelKeys(field).has(keys.join(' '));
}

let cached: Set<string> | null = null;
const cachedByField = new Map<LabelField, Set<string>>();

function fieldLabelKeys(field: LabelField): Set<string> {
  let keys = cachedByField.get(field);
  if (!keys) {
    keys = new Set<string>();
    for (const group of LEXICON)
      if (group.field === field) for (const phrase of group.phrases) addPhrase(keys, phrase);
    cachedByField.set(field, keys);
  }
  return keys;
}

/** A phrase's keys; with `{no}`, once without a marker and once with each marker. */
function addPhrase(out: Set<string>, phrase: string): void {
  const keys = phraseKeys(phrase).join(' ');
  if (!keys.includes('{no}')) {
    out.add(keys);
    return;
  }
  for (const marker of ['', ...markerKeys()])
    out.add(keys.replace('{no}', marker).replace(/\s+/g, ' ').trim());
}

let markers: string[] | null = null;
function markerKeys(): string[] {
  markers ??= NUMBER_MARKERS.map((m) => phraseKeys(m).join(' '));
  return markers;
}

function labelKeys(): Set<string> {
  if (cached) return cached;
  const out = new Set<string>();
  const add = (phrase: string) => addPhrase(out, phrase);
  for (const group of LEXICON) for (const phrase of group.phrases) add(phrase);
  const prefixes = ['', ...ROLE_HEADING_PREFIXES];
  for (const group of ROLE_HEADINGS)
    for (const phrase of group.phrases) for (const prefix of prefixes) add(`${prefix} ${phrase}`);
  for (const list of Object.values(NAME_LABELS)) for (const phrase of list) add(phrase);
  cached = out;
  return out;
}
