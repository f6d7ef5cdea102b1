import type { Row } from '../page/layout.ts';
import { TABLE_HEADER_LEXICON, tableColumnPattern } from '../text/table-column-names.ts';
import {
  alignDescriptionStart,
  amountColumnBeyond,
  codeColumnAligned,
  codeColumnUnnamed,
  moneyColumnsFromRows,
  quantityColumnAligned,
  unitPriceColumnBefore,
} from './table-columns-inferred.ts';
import { itemsFollow } from './table-header-evidence.ts';
import { withRepairedColumnNames } from './table-header-words.ts';

/**
 * Finding a line-item table by its header row: the column names in their many spellings, each becoming a
 * column with the x-range of its header words.
 */
export type ColumnKind = 'code' | 'description' | 'quantity' | 'unit' | 'unitPrice' | 'amount' | 'other';

export interface Column {
  kind: ColumnKind;
  label: string;
  x0: number;
  x1: number;
}

export interface TableHeader {
  row: Row;
  columns: Column[];
  /** Left edge of the table: text further left on the same rows (a sidebar) is not part of it. */
  left: number;
}

/**
 * Tried in this order; a later pattern never matches inside text an earlier one took. Each kind's Spanish and
 * English spellings (with their OCR variants) are followed by the other languages' names from the lexicon.
 */
const COLUMN_PATTERNS: [ColumnKind, RegExp][] = [
  ...lexiconPhrasesFirst(),
  ...withLexiconNames([
    [
      'other',
      /(?<![\p{L}])(?:no\.|n[°º]\.?|#|[ií]tem?|[ií]te|it\.|l[ií]n(?:ea)?\.?)(?![\p{L}])|subtotal\s+c\/\s*iva|total\s+c\/\s*iva|(?:valor|precio|importe)\s+(?:con|c\/)\s*iva|%\s*iva|iva\s*%|alic(?:uota)?\.?(?:\s+iva)?|%\s*bonif\.?|bonif(?:icacion)?\.?|%\s*dto\.?|dto(?:co1|ac2)?\.?|%\s*desc(?:uento)?|desc(?:uento)?s?\.?(?=\s|$)|e\/d|marca|tarifa\s+iva|i\.\s?v\.\s?a\.?(?:\s*%)?|impuest\w*(?:\s+iva)?|iva|tasa/gu,
    ],
    [
      'description',
      /codigo\s+producto\s*\/\s*servicio|descripci[oó]n(?:\s+del?\s+(?:servicio|producto|bien|articulo|trabajo))?|descirpcion|descrip\w*\.?|detalle|concepto|producto(?:\s*\/\s*servicio)?|servicios?|articulo|description|item\s+description/g,
    ],
    [
      'unitPrice',
      // "Vir." is how OCR reads "Vlr.".
      /(?:v(?:r|lr|ir|al)?\.?\s*unit(?:ario)?\.?|valor\s+unit(?:ario)?|precio\s+unit(?:ario)?\.?|p\.?\s*unit(?:ario)?\.?|pcio\.?\s*unit\.?|px\s+unitario|costo\s+unit(?:ario)?|unit\s+price|p\.?\s*lista|precio(?! total)|unit(?:ario)?\.?|tarifa)/g,
    ],
    [
      'amount',
      // "Vr. Tota": a header cut at the page's right edge or its last letter lost by OCR.
      /v(?:r|lr|ir|al)?\.?\s*total?|valor\s+total|precio\s+total|importe(?:\s+total)?|sub\s*-?\s*total(?:\s+neto)?|s\.\s*total|total(?:\s+linea)?|valor|monto|amount/g,
    ],
    // Spain's "Uds." (units, the count) beside "Ud." (the unit).
    ['quantity', /kg\/cant|cant\w*\.?|qty|quantity|(?<![a-z])uds\.?(?=\s|$)/g],
    [
      'unit',
      /u\.\s*medida|u\.\s*m\.?|u\s?\/\s?m\.?|unidad(?:\s+de\s+medida)?|unid\w*\.?|und\.?|um\.?(?=\s|$)|unidades|unit(?=\s|$)|(?<![a-z])ud\.?(?=\s|$)/g,
    ],
    ['code', /codigo|c[oó]d\.?|ref\w*\.?|sku|id\s+art\.?|art(?:iculo)?\.?/g],
  ]),
];

/**
 * The lexicon's names of two words and more come first, whole ("Part No.", "Item description", "Unit price"):
 * a shorter name inside them ("No.", "Item", "Unit") must not take one of their words.
 */
function lexiconPhrasesFirst(): [ColumnKind, RegExp][] {
  const kinds: ColumnKind[] = ['description', 'unitPrice', 'amount', 'quantity', 'unit', 'code'];
  const out: [ColumnKind, RegExp][] = [];
  for (const kind of kinds) {
    const phrases = new Set<string>();
    for (const columns of Object.values(TABLE_HEADER_LEXICON))
      for (const phrase of columns[kind] ?? []) if (phrase.includes(' ')) phrases.add(phrase);
    if (phrases.size === 0) continue;
    const source = [...phrases]
      .sort((a, b) => b.length - a.length)
      .map((phrase) =>
        phrase
          .replace(/[\\^$*+?()[\]{}|/]/g, (c) => `\\${c}`)
          .replace(/\./g, '\\.?')
          .replace(/ /g, '\\s+'),
      )
      .join('|');
    out.push([kind, new RegExp(source, 'gu')]);
  }
  return out;
}

/**
 * Each kind's own spellings, then the lexicon's names of that kind as a pattern of their own: a short spelling
 * rejected inside a longer word ("art" in "Artikelnr.") must not hide the lexicon's name at the same place.
 */
function withLexiconNames(patterns: [ColumnKind, RegExp][]): [ColumnKind, RegExp][] {
  return patterns.flatMap(([kind, pattern]): [ColumnKind, RegExp][] => [
    [kind, new RegExp(pattern.source, 'gu')],
    [kind, new RegExp(tableColumnPattern(kind), 'gu')],
  ]);
}

/** A folded row names one of these: a description column, in any of the lexicon's languages. */
const LEXICON_DESCRIPTIONS = Object.values(TABLE_HEADER_LEXICON).flatMap((c) => c.description ?? []);
const LEXICON_NUMBERS = Object.values(TABLE_HEADER_LEXICON).flatMap((c) => [
  ...(c.unitPrice ?? []),
  ...(c.amount ?? []),
]);
const LEXICON_QUANTITIES = Object.values(TABLE_HEADER_LEXICON).flatMap((c) => c.quantity ?? []);

const NUMERIC_NAMES = /valor|total|precio|importe|unit/;

/** Cheap test first: every table header names its description column (or, misread, its numbers). */
const DESCRIPTION_WORD = /descrip|descirp|detalle|concepto|producto|servicio|articulo|description/;

function namesItems(folded: string): boolean {
  if (DESCRIPTION_WORD.test(folded) || LEXICON_DESCRIPTIONS.some((name) => folded.includes(name)))
    return true;
  const numbers = NUMERIC_NAMES.test(folded) || LEXICON_NUMBERS.some((name) => folded.includes(name));
  return numbers && (/cant/.test(folded) || LEXICON_QUANTITIES.some((name) => folded.includes(name)));
}

export function readHeader(printed: Row, following: Row[] = []): TableHeader | null {
  if (printed.words.length > 24) return null;
  const row = withRepairedColumnNames(printed);
  // A header whose description name OCR garbled ("Descripción" read as "Dan") still names its numbers.
  if (!namesItems(row.folded)) return null;
  const taken: boolean[] = new Array(row.folded.length).fill(false);
  const columns: Column[] = [];
  for (const [kind, pattern] of COLUMN_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(row.folded); m; m = pattern.exec(row.folded)) {
      const start = m.index;
      const end = start + m[0].length;
      // A rejected match may hide a shorter one starting later ("precio   total" across two cells).
      if (
        m[0].trim() === '' ||
        m[0].includes('   ') ||
        !isWordBoundary(row.folded, start, end) ||
        taken.slice(start, end).some(Boolean)
      ) {
        pattern.lastIndex = start + 1;
        continue;
      }
      for (let i = start; i < end; i++) taken[i] = true;
      const words = wordsIn(row, start, end);
      if (words.length === 0) continue;
      columns.push({ kind, label: m[0], x0: words[0]!.x0, x1: Math.max(...words.map((w) => w.x1)) });
    }
  }
  // A bare "Unit" beside a "Unit price" column is the unit of measure, not a second price.
  if (columns.filter((c) => c.kind === 'unitPrice').length > 1)
    for (const column of columns)
      if (column.kind === 'unitPrice' && column.label.trim() === 'unit') column.kind = 'unit';
  // Leading cells with no column name are another block beside the table (a sidebar), not part of it.
  let from = 0;
  let left = Number.NEGATIVE_INFINITY;
  for (const cell of row.cells) {
    const start = row.starts[row.words.indexOf(cell.words[0]!)]!;
    if (taken.slice(start, start + cell.text.length).some(Boolean)) break;
    from = start + cell.text.length;
    left = cell.x1 + 1;
  }
  if (left > Number.NEGATIVE_INFINITY && left > 0.45 * row.pageWidth) return null;
  // Every other word of a header row is a column name: a row with free text is not a header.
  const inside = row.folded.slice(from);
  const letters = inside.split('').filter((c) => /[\p{L}\d]/u.test(c)).length;
  const untaken = inside.split('').filter((c, i) => !taken[from + i] && /[\p{L}\d]/u.test(c)).length;
  if (untaken > Math.max(8, 0.25 * letters)) return null;
  if (
    row.words.some((w) => w.x0 >= left && /\d/.test(w.text) && /^[\d.,$]+$/.test(w.text) && w.text.length > 2)
  )
    return null;
  const lostAmount = amountColumnBeyond(columns, row, following);
  if (lostAmount) columns.push(lostAmount);
  const lostPrice = unitPriceColumnBefore(columns, row, following);
  if (lostPrice) columns.push(lostPrice);
  columns.push(...moneyColumnsFromRows(columns, row, following));
  const kinds = new Set(columns.map((c) => c.kind));
  const numeric = ['quantity', 'unitPrice', 'amount'].filter((k) => kinds.has(k as ColumnKind)).length;
  if (!kinds.has('description') && numeric >= 2 && columns.length >= 3) {
    const guessed =
      unnamedColumn(row, taken, from) ?? leadingColumn(row, from, columns) ?? widestGapColumn(row, columns);
    if (guessed) {
      columns.push(guessed);
      left = Math.min(left, guessed.x0 - 4);
    }
  }
  const lostCode =
    codeColumnUnnamed(row, taken, columns, following) ?? codeColumnAligned(columns, following, row);
  if (lostCode) columns.push(lostCode);
  const lostQuantity = quantityColumnAligned(columns, following, row);
  if (lostQuantity) columns.push(lostQuantity);
  columns.sort((a, b) => a.x0 - b.x0);
  alignDescriptionStart(columns, following, row);
  // Printed column names never overlap: a word box OCR drew too wide ("Código" reaching over "Concepto")
  // ends where the next name starts.
  for (let k = 0; k + 1 < columns.length; k++) {
    const next = columns[k + 1]!;
    if (columns[k]!.x1 > next.x0) columns[k]!.x1 = Math.max(columns[k]!.x0 + 1, next.x0 - 2);
  }
  const description = columns.find((c) => c.kind === 'description');
  if (!description || columns.length < 3) return null;
  if (numeric < 2 && !(numeric === 1 && itemsFollow(following, row.page, description.x0))) return null;
  // Item text starts where the first column's name does; far left of it is another block (a sidebar).
  return { row, columns, left: Math.max(left, columns[0]!.x0 - 24) };
}

/**
 * The one run of words (one or two, letters only) among named columns that no column name matched: the
 * description column whose name OCR misread. More than one such run is not a header we can trust.
 */
function unnamedColumn(row: Row, taken: boolean[], from: number): Column | null {
  const runs: Row['words'][] = [];
  let current: Row['words'] = [];
  row.words.forEach((word, i) => {
    const start = row.starts[i]!;
    if (start < from) return;
    const free = !taken.slice(start, start + word.text.length).some(Boolean);
    if (free && /^\p{L}[\p{L}.]*$/u.test(word.text)) current.push(word);
    else if (current.length > 0) {
      runs.push(current);
      current = [];
    }
  });
  if (current.length > 0) runs.push(current);
  if (runs.length !== 1 || runs[0]!.length > 2) return null;
  const words = runs[0]!;
  return {
    kind: 'description',
    label: words.map((w) => w.text).join(' '),
    x0: words[0]!.x0,
    x1: Math.max(...words.map((w) => w.x1)),
  };
}

/**
 * No unmatched word among the named columns, but one cell before them, in the left third of the page, with
 * the numbers' names far to its right: that cell is the description's misread name ("E" for a lost
 * "Descripción"), not a sidebar.
 */
function leadingColumn(row: Row, from: number, columns: Column[]): Column | null {
  const first = Math.min(...columns.map((c) => c.x0));
  const leading = row.words.filter((_, i) => row.starts[i]! < from);
  if (leading.length === 0 || leading.length > 2 || first < 0.4 * row.pageWidth) return null;
  const x0 = leading[0]!.x0;
  if (x0 > row.pageWidth / 3) return null;
  return {
    kind: 'description',
    label: leading.map((w) => w.text).join(' '),
    x0,
    x1: Math.max(...leading.map((w) => w.x1)),
  };
}

/**
 * Every name read but the description's, lost whole: the description is the widest column of an item table,
 * so its place is the one wide gap between named columns ("CÓDIGO" … "P. Unitario"). Its text starts right
 * after the name on its left.
 */
function widestGapColumn(row: Row, columns: Column[]): Column | null {
  const sorted = [...columns].sort((a, b) => a.x0 - b.x0);
  const gaps = sorted.slice(1).map((c, i) => ({ after: sorted[i]!, width: c.x0 - sorted[i]!.x1 }));
  gaps.sort((a, b) => b.width - a.width);
  const [widest, second] = gaps;
  if (!widest || widest.width < 0.2 * row.pageWidth || (second && widest.width < 2 * second.width))
    return null;
  const x0 = widest.after.x1 + 6;
  return { kind: 'description', label: '', x0, x1: x0 + 1 };
}

function isWordBoundary(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  const letter = (c: string | undefined) => c !== undefined && /[\p{L}\d]/u.test(c);
  return !(letter(before) && letter(text[start])) && !(letter(after) && letter(text[end - 1]));
}

function wordsIn(row: Row, start: number, end: number) {
  const words = [];
  for (let i = 0; i < row.words.length; i++) {
    const s = row.starts[i]!;
    const e = s + row.words[i]!.text.length;
    if (e > start && s < end) words.push(row.words[i]!);
  }
  return words;
}

/**
 * Header words wrapped onto a second line ("Valor" over "unitario", "IMPUEST" over "O IVA %") join the
 * column above them, and the column is classified again from its full name.
 */
export function extendHeader(header: TableHeader, next: Row): TableHeader {
  const columns = header.columns.map((c) => ({ ...c }));
  for (const word of next.words) {
    const column = columns.find((c) => Math.min(c.x1, word.x1) - Math.max(c.x0, word.x0) > 0);
    if (column)
      column.label = `${column.label} ${word.text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}`;
  }
  for (const column of columns) column.kind = classify(column.label) ?? column.kind;
  return { row: header.row, columns, left: header.left };
}

function classify(label: string): ColumnKind | null {
  for (const [kind, pattern] of COLUMN_PATTERNS) {
    const anchored = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace('g', ''));
    if (anchored.test(label.trim())) return kind;
  }
  return null;
}
