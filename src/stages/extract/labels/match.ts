import type { LabelHit, Row } from '../layout.ts';
import { wordAt } from '../layout.ts';
import { type LabelField, type Language, LEXICON, NUMBER_MARKERS } from './lexicon.ts';
import { phraseKeys, type Token, tokenize } from './normalize.ts';

const GLUED_VALUE = /^-?\d/;

/** A label of the lexicon found on a row: where it is, which field it names, in which language. */
export interface LabelMatch extends LabelHit {
  field: LabelField;
  lang: Language;
  weight: number;
  /** The phrase ends with (or holds) a number marker: "Invoice No.", "Nº Factura". */
  marker: boolean;
  /** Nothing but other labels or punctuation precedes it in its cell. */
  startsCell: boolean;
}

interface Entry {
  field: LabelField;
  lang: Language;
  weight: number;
  marker: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: Entry;
}

const node = (): TrieNode => ({ next: new Map() });

function insert(root: TrieNode, keys: string[], entry: Entry): void {
  let at = root;
  for (const key of keys) {
    let child = at.next.get(key);
    if (!child) {
      child = node();
      at.next.set(key, child);
    }
    at = child;
  }
  // The first (stronger, listed earlier) entry of a phrase stays.
  if (!at.entry || at.entry.weight < entry.weight) at.entry = entry;
}

let lexiconTrie: TrieNode | null = null;
let markerTrie: TrieNode | null = null;

function tries(): { lexicon: TrieNode; markers: TrieNode } {
  if (!lexiconTrie || !markerTrie) {
    markerTrie = node();
    for (const marker of NUMBER_MARKERS) {
      insert(markerTrie, phraseKeys(marker), { field: 'other', lang: 'en', weight: 1, marker: true });
    }
    lexiconTrie = node();
    for (const group of LEXICON) {
      for (const phrase of group.phrases) {
        const keys = phraseKeys(phrase);
        insert(lexiconTrie, keys, {
          field: group.field,
          lang: group.lang,
          weight: group.weight,
          marker: keys.includes('{no}'),
        });
      }
    }
  }
  return { lexicon: lexiconTrie, markers: markerTrie };
}

/** Longest run of number-marker tokens from `from`; returns the index after it, or every candidate end. */
function markerEnds(tokens: Token[], from: number, markers: TrieNode): number[] {
  const ends: number[] = [];
  let at: TrieNode | undefined = markers;
  for (let i = from; i < tokens.length && at; i++) {
    at = at.next.get(tokens[i]!.key);
    if (at?.entry) ends.push(i + 1);
  }
  return ends;
}

/** Longest lexicon phrase starting at token `from`: [end token index, entry]. */
function longestAt(tokens: Token[], from: number): [number, Entry] | null {
  const { lexicon, markers } = tries();
  let best: [number, Entry] | null = null;
  // Depth-first over the trie; `{no}` edges consume one or more marker tokens.
  const stack: [TrieNode, number][] = [[lexicon, from]];
  let steps = 0;
  while (stack.length > 0 && steps++ < 200) {
    const [at, i] = stack.pop()!;
    if (at.entry && i > from && (!best || i > best[0])) best = [i, at.entry];
    if (i >= tokens.length) continue;
    const child = at.next.get(tokens[i]!.key);
    if (child) stack.push([child, i + 1]);
    const viaMarker = at.next.get('{no}');
    if (viaMarker) for (const end of markerEnds(tokens, i, markers)) stack.push([viaMarker, end]);
  }
  return best;
}

/** Every lexicon label on the rows, longest match first and without overlaps, left to right. */
export function matchLabels(rows: Row[]): LabelMatch[] {
  const out: LabelMatch[] = [];
  for (const row of rows) {
    const tokens = tokenize(row.folded);
    let i = 0;
    let previousEnd = -1;
    while (i < tokens.length) {
      const found = longestAt(tokens, i);
      if (!found) {
        i++;
        continue;
      }
      const [matchedEnd, entry] = found;
      // "NIT No.:", "Resolución DIAN Nº", "Invoice No.": a number marker after a label belongs to it.
      const trailing = entry.marker ? [] : markerEnds(tokens, matchedEnd, tries().markers);
      const end = trailing.at(-1) ?? matchedEnd;
      const marker = entry.marker || trailing.length > 0;
      const start = tokens[i]!.start;
      const stop = tokens[end - 1]!.end;
      // "OC-6108", "FV-1234": letters glued to the digits after them prefix an identifier; they label nothing.
      if (!marker && GLUED_VALUE.test(row.folded.slice(stop, stop + 2))) {
        i++;
        continue;
      }
      const first = wordAt(row, start);
      const last = Math.max(first, wordAt(row, stop - 1));
      const firstWord = row.words[first];
      const lastWord = row.words[Math.min(last, row.words.length - 1)];
      if (firstWord && lastWord) {
        const before = row.text.slice(0, start);
        const cellStart = before.lastIndexOf('   ');
        const inCell = before.slice(cellStart === -1 ? 0 : cellStart + 3);
        const startsCell = /^[\s\p{P}]*$/u.test(
          previousEnd > cellStart ? row.text.slice(previousEnd, start) : inCell,
        );
        out.push({
          row,
          start,
          end: stop,
          first,
          last,
          x0: firstWord.x0,
          x1: lastWord.x1,
          field: entry.field,
          lang: entry.lang,
          weight: entry.weight,
          marker,
          startsCell,
        });
        previousEnd = stop;
      }
      i = end;
    }
  }
  return out;
}
