import { distance } from 'fastest-levenshtein';
import { type LabelHit, type Row, wordAt } from '../page/layout.ts';
import { type Language, type PartyRole, ROLE_HEADING_PREFIXES, ROLE_HEADINGS } from './lexicon.ts';
import { phraseKeys, type Token, tokenize } from './normalize.ts';

/** A role heading of the lexicon found on a row. */
export interface RoleHeading {
  role: PartyRole;
  lang: Language;
  /** The heading names a person as well as a block: it heads a block only with nothing after it in its cell. */
  bare: boolean;
  hit: LabelHit;
}

interface Entry {
  keys: string[];
  role: PartyRole;
  lang: Language;
  bare: boolean;
}

let entries: Map<string, Entry[]> | null = null;

/** Every phrase, alone and after each prefix, indexed by its first key; longest first. */
function table(): Map<string, Entry[]> {
  if (entries) return entries;
  const byFirst = new Map<string, Entry[]>();
  const prefixes = [[], ...ROLE_HEADING_PREFIXES.map(phraseKeys)];
  for (const group of ROLE_HEADINGS) {
    for (const phrase of group.phrases) {
      for (const prefix of prefixes) {
        const keys = [...prefix, ...phraseKeys(phrase)];
        const entry = { keys, role: group.role, lang: group.lang, bare: group.bare === true };
        const list = byFirst.get(keys[0]!) ?? [];
        list.push(entry);
        byFirst.set(keys[0]!, list);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  entries = byFirst;
  return byFirst;
}

/**
 * Whether a word read by OCR is a heading's word: exactly, or (OCR rows only) one confusion away in words of
 * seven letters or more, two in words of ten ("Adgquirente" for "Adquiriente", "Racturado" for "Facturado").
 */
function sameWord(token: string, key: string, ocr: boolean): boolean {
  if (token === key) return true;
  if (!ocr || key.length < 7 || Math.abs(token.length - key.length) > 2) return false;
  return distance(token, key) <= (key.length >= 10 ? 2 : 1);
}

/** A heading never runs across a column gap (three spaces between cells). */
function sameCell(text: string, tokens: Token[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++)
    if (text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('   ')) return false;
  return true;
}

function longestAt(row: Row, tokens: Token[], from: number, ocr: boolean): [number, Entry] | null {
  const first = tokens[from]!.key;
  const lists: Entry[][] = [];
  const exact = table().get(first);
  if (exact) lists.push(exact);
  if (ocr && first.length >= 5) {
    for (const [key, list] of table()) if (key !== first && sameWord(first, key, true)) lists.push(list);
  }
  let best: [number, Entry] | null = null;
  for (const list of lists) {
    for (const entry of list) {
      const end = from + entry.keys.length;
      if (end > tokens.length || (best && end <= best[0])) continue;
      if (!entry.keys.every((key, k) => sameWord(tokens[from + k]!.key, key, ocr))) continue;
      if (!sameCell(row.folded, tokens, from, end)) continue;
      best = [end, entry];
    }
  }
  return best;
}

/** Every role heading on the rows, longest match first, left to right, without overlaps. */
export function findRoleHeadings(rows: Row[]): RoleHeading[] {
  const out: RoleHeading[] = [];
  for (const row of rows) {
    const ocr = row.confidence < 1;
    const tokens = tokenize(row.folded);
    let i = 0;
    while (i < tokens.length) {
      const found = longestAt(row, tokens, i, ocr);
      if (!found) {
        i++;
        continue;
      }
      const [end, entry] = found;
      const start = tokens[i]!.start;
      // "Señor(es)", "Sr.": the closing bracket or the abbreviation's dot is the heading's.
      let stop = tokens[end - 1]!.end;
      while (stop < row.folded.length && (row.folded[stop] === ')' || row.folded[stop] === '.')) stop++;
      const first = wordAt(row, start);
      const last = Math.max(first, wordAt(row, stop - 1));
      const firstWord = row.words[first];
      const lastWord = row.words[Math.min(last, row.words.length - 1)];
      if (firstWord && lastWord) {
        out.push({
          role: entry.role,
          lang: entry.lang,
          bare: entry.bare,
          hit: { row, start, end: stop, first, last, x0: firstWord.x0, x1: lastWord.x1 },
        });
      }
      i = end;
    }
  }
  return out;
}
