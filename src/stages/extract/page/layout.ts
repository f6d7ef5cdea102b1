import type { ReadDocument, Word } from '../../../contract/document.ts';
import { cleanOcrWords, isNoiseRow } from '../text/ocr-noise.ts';
import { fold } from '../text/text.ts';
import { mergeSplitLines } from './ocr-lines.ts';
import { splitSidebar } from './sidebar.ts';

/**
 * The page as extraction sees it: visual rows of words, each row split into cells at wide gaps (a label and
 * its value in another column, or two table columns), with folded text whose character offsets map back to
 * words.
 */
export interface Cell {
  words: Word[];
  text: string;
  x0: number;
  x1: number;
}

export interface Row {
  page: number;
  /** Position of the row among all rows of the document, in reading order. */
  order: number;
  pageHeight: number;
  pageWidth: number;
  y0: number;
  y1: number;
  x0: number;
  x1: number;
  words: Word[];
  cells: Cell[];
  /** Words joined by one space, cells by three. */
  text: string;
  folded: string;
  /** Offset of each word in `text`. */
  starts: number[];
  confidence: number;
}

const PAGE_COPY_WORDS = /\b(original|duplicado|triplicado|cuadruplicado|copia)\b/g;

/** Rows of every page; pages that repeat an earlier page (ORIGINAL / DUPLICADO / TRIPLICADO copies) are dropped. */
export function layoutRows(document: ReadDocument): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const page of document.pages) {
    const signature = page.lines
      .map((l) => l.text)
      .join('\n')
      .toLowerCase()
      .replace(PAGE_COPY_WORDS, '')
      .replace(/\s+/g, ' ');
    if (signature.trim() === '' || seen.has(signature)) continue;
    seen.add(signature);
    const lines: Word[][] = [];
    for (const line of page.source === 'ocr' ? mergeSplitLines(page.lines) : page.lines) {
      const words = page.source === 'ocr' ? cleanOcrWords(line.words) : line.words;
      if (words.length === 0 || (page.source === 'ocr' && isNoiseRow(words))) continue;
      lines.push(words);
    }
    for (const words of splitSidebar(lines, page.width)) {
      rows.push(buildRow(words, page.index, rows.length, page.width, page.height));
    }
  }
  return rows;
}

export function buildRow(
  words: Word[],
  page: number,
  order: number,
  pageWidth: number,
  pageHeight: number,
): Row {
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  const cells: Cell[] = [];
  let text = '';
  const starts: number[] = [];
  let cell: Word[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const word = sorted[i]!;
    if (i > 0) {
      const previous = sorted[i - 1]!;
      if (isWideGap(previous, word)) {
        cells.push(toCell(cell));
        cell = [];
        text += '   ';
      } else text += ' ';
    }
    starts.push(text.length);
    text += word.text;
    cell.push(word);
  }
  if (cell.length > 0) cells.push(toCell(cell));
  let confidence = 1;
  for (const w of sorted) confidence = Math.min(confidence, w.confidence);
  return {
    page,
    order,
    pageWidth,
    pageHeight,
    y0: Math.min(...sorted.map((w) => w.y0)),
    y1: Math.max(...sorted.map((w) => w.y1)),
    x0: sorted[0]!.x0,
    x1: Math.max(...sorted.map((w) => w.x1)),
    words: sorted,
    cells,
    text,
    folded: fold(text),
    starts,
    confidence,
  };
}

function isWideGap(previous: Word, word: Word): boolean {
  const height = Math.max(1, previous.y1 - previous.y0);
  return word.x0 - previous.x1 > Math.max(1.2 * height, 8);
}

function toCell(words: Word[]): Cell {
  return {
    words,
    text: words.map((w) => w.text).join(' '),
    x0: words[0]!.x0,
    x1: Math.max(...words.map((w) => w.x1)),
  };
}

export function rowHeight(row: Row): number {
  return Math.max(4, row.y1 - row.y0);
}

/** Index of the word that holds character `offset` of the row text (or the first word after it). */
export function wordAt(row: Row, offset: number): number {
  for (let i = row.starts.length - 1; i >= 0; i--) {
    if (row.starts[i]! <= offset) return offset < row.starts[i]! + row.words[i]!.text.length ? i : i + 1;
  }
  return 0;
}

export interface LabelHit {
  row: Row;
  /** Label character span in the row text. */
  start: number;
  end: number;
  /** Words of the label. */
  first: number;
  last: number;
  x0: number;
  x1: number;
}

/** Every match of a label pattern (on folded text) in the given rows. The pattern must have the g flag. */
export function findLabels(rows: Row[], pattern: RegExp): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const row of rows) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(row.folded); match; match = pattern.exec(row.folded)) {
      // A label never spans a column gap: it ends at the gap when what comes before is a whole label itself
      // (OCR boxes "FACTURA" apart from "DE VENTA NO."); otherwise a shorter match may start later.
      let label = match[0].trimEnd();
      const gap = label.indexOf('   ');
      // ...except after a preposition or article, which no label ends with ("FECHA DE   VENCIMIENTO",
      // "Subtotal antes   de IVA"), or after "Orden" whose "de" OCR lost ("Orden   compra No.").
      const openEnded =
        gap > 0 && /(?:^|\s)(?:de|del|la|las|los|y|e|a|antes|orden)$/.test(label.slice(0, gap));
      if (openEnded) {
        // The label goes on across the gap.
      } else if (gap > 0 && matchesWhole(pattern, row.folded, match.index, gap)) label = label.slice(0, gap);
      else if (label.length === 0 || gap >= 0) {
        pattern.lastIndex = match.index + 1;
        continue;
      }
      const start = match.index;
      const end = start + label.length;
      const first = wordAt(row, start);
      const last = Math.max(first, wordAt(row, end - 1));
      const firstWord = row.words[first];
      const lastWord = row.words[Math.min(last, row.words.length - 1)];
      if (!firstWord || !lastWord) continue;
      hits.push({ row, start, end, first, last, x0: firstWord.x0, x1: lastWord.x1 });
    }
  }
  return hits;
}

/** Whether `pattern` matches exactly `length` characters of `text` from `start` (with what precedes as context). */
function matchesWhole(pattern: RegExp, text: string, start: number, length: number): boolean {
  const sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
  sticky.lastIndex = start;
  const match = sticky.exec(text.slice(0, start + length));
  return match !== null && match[0].trimEnd().length === length;
}

/** Where a value was found relative to its label; drives confidence. */
export type Placement = 'same-cell' | 'next-cell' | 'below';

export interface ValueWindow {
  text: string;
  placement: Placement;
  row: Row;
  confidence: number;
}

/**
 * The places a label's value can be: the rest of the label's cell, the next cell on the row, and the cell
 * right under the label (label-over-value grids) within two row heights.
 */
export function valueWindows(rows: Row[], hit: LabelHit): ValueWindow[] {
  const { row } = hit;
  const windows: ValueWindow[] = [];
  const rest = row.text.slice(hit.end);
  const cellBreak = rest.indexOf('   ');
  const sameCell = (cellBreak === -1 ? rest : rest.slice(0, cellBreak)).trim();
  const after = row.words.slice(hit.last + 1);
  const wordsConfidence = (words: Word[]) => words.reduce((m, w) => Math.min(m, w.confidence), 1);
  if (sameCell.replace(/^[\s:#.\-–]+/, '') !== '') {
    windows.push({ text: sameCell, placement: 'same-cell', row, confidence: wordsConfidence(after) });
  }
  // The cell the label ends in: one that continues across a gap ("Subtotal antes   de IVA") spans two.
  const lastWord = row.words[hit.last];
  const labelCellIndex = row.cells.findIndex(
    (c) =>
      c.x1 >= hit.x1 - 0.5 &&
      (c.x0 <= hit.x0 + 0.5 || (lastWord !== undefined && c.words.includes(lastWord))),
  );
  const nextCell = labelCellIndex >= 0 ? row.cells[labelCellIndex + 1] : undefined;
  if (nextCell && (nextCell.x0 - hit.x1 < 0.45 * row.pageWidth || nextCell === row.cells.at(-1))) {
    // A currency symbol printed apart ("TOTAL   $   19.293,78") belongs to the cell after it.
    const following = row.cells[labelCellIndex + 2];
    const symbolOnly = /^(?:\$|cop|usd|ars|us\$|\$:)$/i.test(nextCell.text.trim());
    // ...and so does the label's own "No." that OCR set apart ("O.C.   No   4500013939").
    const labelTail = /^(?:no|nro|n[°º*?]|#)\.?\s*:?$/i.test(nextCell.text.trim());
    const text =
      symbolOnly && following
        ? `${nextCell.text} ${following.text}`
        : labelTail && following
          ? following.text
          : nextCell.text;
    windows.push({ text, placement: 'next-cell', row, confidence: wordsConfidence(nextCell.words) });
  }
  const below = cellBelow(rows, hit);
  if (below) windows.push(below);
  return windows;
}

function cellBelow(rows: Row[], hit: LabelHit): ValueWindow | null {
  const { row } = hit;
  const height = rowHeight(row);
  for (let i = row.order + 1; i < rows.length && i <= row.order + 2; i++) {
    const next = rows[i];
    if (!next || next.page !== row.page || next.y0 - row.y1 > 2.2 * height) break;
    const cell =
      next.cells.find((c) => Math.min(c.x1, hit.x1) - Math.max(c.x0, hit.x0) > 0) ??
      rightAlignedBelow(row, next, hit, height);
    if (cell) {
      const confidence = cell.words.reduce((m, w) => Math.min(m, w.confidence), 1);
      return { text: cell.text, placement: 'below', row: next, confidence };
    }
  }
  return null;
}

/**
 * "TOTALE DA PAGARE" over "€ 6.360,82" in a panel: the label set left and its value right-aligned under it,
 * so that they do not overlap. Only for a label that ends its row, and a cell that starts within a few
 * characters right of the label's end, with nothing of the next row under the label itself.
 */
function rightAlignedBelow(
  row: Row,
  next: Row,
  hit: LabelHit,
  height: number,
): Row['cells'][number] | undefined {
  if (row.cells.some((c) => c.x0 >= hit.x1 - 0.5)) return undefined;
  return next.cells.find((c) => c.x0 > hit.x1 && c.x0 - hit.x1 <= 4 * height);
}

/**
 * The line a label's value wraps onto in a narrow cell: "Data de emissão: 14 de novembro de" over "2025". The
 * next row's cell that starts within the value's cell, right under it; null for a value read below the label.
 */
export function wrappedLine(rows: Row[], hit: LabelHit, window: ValueWindow): string | null {
  if (window.placement === 'below') return null;
  const { row } = hit;
  const labelCell = row.cells.findIndex((c) => c.x0 <= hit.x0 + 0.5 && c.x1 >= hit.x1 - 0.5);
  if (labelCell === -1) return null;
  const cell = row.cells[window.placement === 'same-cell' ? labelCell : labelCell + 1];
  const next = rows[row.order + 1];
  if (!cell || !next || next.page !== row.page) return null;
  const height = rowHeight(row);
  if (next.y0 - row.y1 > 1.2 * height) return null;
  const below = next.cells.find((c) => c.x0 >= cell.x0 - height && c.x0 < cell.x1);
  return below?.text ?? null;
}

export const PLACEMENT_WEIGHT: Record<Placement, number> = { 'same-cell': 1, 'next-cell': 0.92, below: 0.85 };

/** Header fields sit near the top of the first page: a value found lower, or on a later page, counts for less. */
export function positionWeight(row: Row): number {
  return row.page === 0 ? 1 - 0.25 * (row.y0 / row.pageHeight) : 0.6;
}
