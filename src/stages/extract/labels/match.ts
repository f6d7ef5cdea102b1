import type { LabelHit, Row } from '../page/layout.ts';
import { wordAt } from '../page/layout.ts';
import { fold } from '../text/text.ts';
import {
  type LabelField,
  type Language,
  LEXICON,
  NUMBER_MARKERS,
  OCR_NUMBER_MARKER_READINGS,
} from './lexicon.ts';
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

const MARKER_WORDS = new Set(NUMBER_MARKERS.map((m) => phraseKeys(m).join(' ')));

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
          // "Invoice number", "Número de factura", "Rechnungsnummer" name a number as plainly as "Invoice No.".
          marker: keys.some((key) => key === '{no}' || MARKER_WORDS.has(key) || /(?:nummer|nr)$/.test(key)),
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
/** Words after which a label goes on across a column gap ("Fecha de   vencimiento"). */
const CONNECTORS = new Set([
  'de',
  'del',
  'la',
  'el',
  'of',
  'the',
  'da',
  'do',
  'du',
  'des',
  'di',
  'van',
  'der',
  'y',
  'e',
  'a',
]);

/** Whether a label may run from token `i - 1` on to token `i` (no column gap between, or a connector). */
function continues(tokens: Token[], i: number, text: string | null): boolean {
  if (text === null || i === 0) return true;
  const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
  return !gap.includes('   ') || CONNECTORS.has(tokens[i - 1]!.key);
}

function longestAt(tokens: Token[], from: number, text: string | null = null): [number, Entry] | null {
  const { lexicon, markers } = tries();
  let best: [number, Entry] | null = null;
  // Depth-first over the trie; `{no}` edges consume one or more marker tokens.
  const stack: [TrieNode, number][] = [[lexicon, from]];
  let steps = 0;
  while (stack.length > 0 && steps++ < 200) {
    const [at, i] = stack.pop()!;
    if (at.entry && i > from && (!best || i > best[0])) best = [i, at.entry];
    if (i >= tokens.length || (i > from && !continues(tokens, i, text))) continue;
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
    let tokens = rowTokens(row);
    let i = 0;
    let previousEnd = -1;
    while (i < tokens.length) {
      let found = longestAt(tokens, i, row.folded);
      if (!found && row.confidence < 1) {
        const joined = withWordJoined(tokens, i, row.folded);
        found = joined ? longestAt(joined, i, row.folded) : null;
        if (found) tokens = joined!;
      }
      if (!found) {
        i++;
        continue;
      }
      const [matchedEnd, entry] = found;
      // "NIT No.:", "Resolución DIAN Nº", "Invoice No.": a number marker after a label belongs to it.
      // Not across a column gap: "FACTURE   N° de facture" is a title, then a label of its own.
      const trailing =
        entry.marker || matchedEnd >= tokens.length || !continues(tokens, matchedEnd, row.folded)
          ? []
          : markerEnds(tokens, matchedEnd, tries().markers);
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
  out.push(...stackedLabels(rows, out));
  return out;
}

/**
 * OCR breaks a word with a space where letters print wide apart ("Umsat zsteuer", "RECHNUNGS DATUM"): the
 * token at `i` joined with the next, when only one space parts them, for a second look-up on OCR'd rows.
 */
function withWordJoined(tokens: Token[], i: number, text: string): Token[] | null {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!a || !b || text.slice(a.end, b.start) !== ' ') return null;
  const joined = { key: a.key + b.key, start: a.start, end: b.end };
  return [...tokens.slice(0, i), joined, ...tokens.slice(i + 2)];
}

const OCR_MARKER_KEY = phraseKeys('n°').join(' ');
const OCR_MARKER_READINGS = new Set(OCR_NUMBER_MARKER_READINGS);

/** A row's tokens; on a row OCR read (its confidence under 1), a misread `N°` is the marker again. */
function rowTokens(row: Row): Token[] {
  const tokens = tokenize(row.folded);
  if (row.confidence >= 1) return tokens;
  return tokens.map((t) => (OCR_MARKER_READINGS.has(t.key) ? { ...t, key: OCR_MARKER_KEY } : t));
}

/**
 * Labels wrapped in a narrow box: "Número de" over "factura", "Fecha de" over "emisión". A phrase that starts
 * in a cell and ends in the cell right under it is one label, placed on the lower row where it ends.
 */
function stackedLabels(rows: Row[], found: LabelMatch[]): LabelMatch[] {
  const out: LabelMatch[] = [];
  for (const upper of rows) {
    const height = Math.max(4, upper.y1 - upper.y0);
    for (let j = upper.order + 1; j <= upper.order + 2 && j < rows.length; j++) {
      const lower = rows[j]!;
      if (lower.page !== upper.page || lower.y0 - upper.y1 > 1.2 * height || lower.y0 <= upper.y0) continue;
      for (const top of upper.cells) {
        const bottom = lower.cells.find((c) => Math.abs(c.x0 - top.x0) < 8);
        if (!bottom) continue;
        const topTokens = tokenize(fold(top.text));
        const tokens = [
          ...topTokens,
          ...tokenize(fold(bottom.text)).map((t) => ({ ...t, start: -1 - t.start, end: -1 - t.end })),
        ];
        for (let i = 0; i < topTokens.length; i++) {
          const match = longestAt(tokens, i);
          if (!match || match[0] <= topTokens.length || match[1].field === 'other') continue;
          const [end, entry] = match;
          const offset = lower.starts[lower.words.indexOf(bottom.words[0]!)] ?? 0;
          const stop = offset + (-1 - tokens[end - 1]!.end);
          // "Date of issue" over "Date due": a phrase made of the tail of one whole label and the head of
          // another ("issue" + "date") is neither; a stacked label starts at a label's start and ends at its end.
          const topOffset = upper.starts[upper.words.indexOf(top.words[0]!)] ?? 0;
          const upperStart = topOffset + topTokens[i]!.start;
          if (found.some((l) => l.row === upper && l.start < upperStart && l.end > upperStart)) continue;
          if (found.some((l) => l.row === lower && l.start <= stop && l.end > stop)) continue;
          const first = wordAt(lower, offset);
          const last = Math.max(first, wordAt(lower, stop - 1));
          const lastWord = lower.words[Math.min(last, lower.words.length - 1)]!;
          if (found.some((l) => l.row === lower && l.start === offset && l.field === entry.field)) break;
          out.push({
            row: lower,
            start: offset,
            end: stop,
            first,
            last,
            x0: bottom.x0,
            x1: lastWord.x1,
            field: entry.field,
            lang: entry.lang,
            weight: entry.weight * 0.95,
            marker: entry.marker,
            startsCell: true,
          });
          break;
        }
      }
    }
  }
  return out;
}
