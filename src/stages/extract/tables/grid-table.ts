import type { ReadDocument, Word } from '../../../contract/document.ts';
import type { LineItem } from '../../../contract/result.ts';
import { buildGrids, type Grid, type GridBand, type GridCell } from '../page/grid.ts';
import { buildRow, type Row } from '../page/layout.ts';
import { collapseSpaces, fold } from '../text/text.ts';
import { amountsMatch, parseAmount, parseSpaceGrouped } from '../values/amount.ts';
import { withoutItemNumbers } from './item-numbers.ts';
import { type TableResult, TOTALS_START } from './table.ts';
import { type ColumnKind, readHeader } from './table-header.ts';

/**
 * Line items read from a ruled grid: the band whose cells name the columns (the table header matching of
 * table-header.ts) gives each column its kind, and every band below it with a line amount is one item, its
 * cells' whole text (a wrapped description is one cell however its lines sit). The table ends at a totals
 * label or a band whose cells are not the header's columns; it continues on the next page when that page's
 * grid has the same column edges (its header repeated or not).
 */

/** Column edges this close (points) are the same edge. */
const EDGE_TOLERANCE = 2.5;

interface GridColumn {
  kind: ColumnKind;
  x0: number;
  x1: number;
}

interface OpenTable {
  columns: GridColumn[];
  amountColumn: number;
}

export function findRuledLineItems(document: ReadDocument, rows: Row[]): TableResult | null {
  const lines: LineItem[] = [];
  const spans: { page: number; y0: number; y1: number }[] = [];
  let open: OpenTable | null = null;
  for (const page of document.pages) {
    if (!page.rulings || page.rulings.length === 0) {
      open = null;
      continue;
    }
    const words = page.lines.flatMap((line) => line.words);
    let continuing = open;
    open = null;
    for (const grid of buildGrids(page.rulings, words)) {
      const read = readGrid(grid, page.index, page.width, page.height, continuing);
      continuing = null;
      // Items ruled in groups (several to a band): the row reader of table.ts reads those.
      if (read === 'many') return null;
      if (!read || (read.items.length === 0 && !read.header)) continue;
      lines.push(...read.items);
      spans.push({ page: page.index, y0: read.y0, y1: read.y1 });
      open = read.ended ? null : read.table;
      if (lines.length > 0 && read.ended) break;
    }
    if (lines.length > 0 && !open) break;
  }
  if (lines.length === 0) return null;
  const tableRows = new Set<number>();
  for (const row of rows) {
    const span = spans.find((s) => s.page === row.page);
    if (!span) continue;
    const inside = row.words.filter((w) => {
      const cy = (w.y0 + w.y1) / 2;
      return cy > span.y0 && cy < span.y1;
    }).length;
    if (inside > row.words.length / 2) tableRows.add(row.order);
  }
  return { lines: withoutItemNumbers(lines), rows: tableRows, found: true, confidence: 1 };
}

interface GridRead {
  table: OpenTable;
  header: boolean;
  items: LineItem[];
  /** The table reached its totals (or its end) on this grid: it does not continue on the next page. */
  ended: boolean;
  y0: number;
  y1: number;
}

function readGrid(
  grid: Grid,
  page: number,
  width: number,
  height: number,
  continuing: OpenTable | null,
): GridRead | 'many' | null {
  let start = -1;
  let table: OpenTable | null = null;
  let header = false;
  for (let i = 0; i < grid.bands.length && !table; i++) {
    const columns = headerColumns(grid.bands[i]!, page, width, height);
    if (columns) {
      table = { columns, amountColumn: -1 };
      start = i + 1;
      header = true;
    }
  }
  if (!table && continuing && sameColumns(grid.bands[0]!, continuing.columns)) {
    table = continuing;
    start = 0;
  }
  if (!table) return null;
  const items: { cells: Map<ColumnKind | number, string>; amounts: (number | null)[] }[] = [];
  let ended = false;
  let last = start - 1;
  for (let i = start; i < grid.bands.length; i++) {
    const band = grid.bands[i]!;
    const first = band.cells.find((c) => c.text !== '');
    if (first && TOTALS_START.test(fold(first.text).replace(/^[¡!|:;.,'"`´*-]+\s*/, ''))) {
      ended = true;
      break;
    }
    if (!sameColumns(band, table.columns)) {
      ended = true;
      break;
    }
    const item = readBand(band, table.columns);
    if (item === 'many') return 'many';
    last = i;
    if (item) items.push(item);
  }
  table.amountColumn = chooseAmountColumn(items, table.columns);
  const amountIndexes = table.columns.flatMap((c, k) => (c.kind === 'amount' ? [k] : []));
  const amountAt = amountIndexes.indexOf(table.amountColumn);
  const lines = items.map((item) => toLineItem(item.cells, item.amounts[amountAt] ?? null));
  const top = grid.bands[Math.max(0, start - (header ? 1 : 0))]!.y0;
  const bottom = grid.bands[Math.max(last, 0)]!.y1;
  return { table, header, items: lines, ended, y0: top, y1: bottom };
}

/**
 * The band's cells as one header row (each cell's lines laid end to end, the cells far apart) read by the
 * table header matching; each cell takes the kind of the column name found inside it.
 */
function headerColumns(band: GridBand, page: number, width: number, height: number): GridColumn[] | null {
  if (band.cells.length < 3 || band.cells.some((c) => c.words.length > 8)) return null;
  const words: Word[] = [];
  for (const cell of band.cells) {
    const tokens = cell.text.split(/\s+/).filter((t) => t !== '');
    if (tokens.length === 0) continue;
    const chars = tokens.reduce((n, t) => n + t.length, 0) + tokens.length - 1;
    const step = Math.min(4, Math.max(0.5, (cell.x1 - cell.x0 - 16) / chars));
    let x = cell.x0 + 8;
    for (const text of tokens) {
      const x1 = x + step * text.length;
      words.push({ text, x0: x, x1, y0: band.y0 + 2, y1: band.y0 + 8, confidence: 1 });
      x = x1 + step;
    }
  }
  if (words.length === 0) return null;
  const header = readHeader(buildRow(words, page, -1, width, height));
  if (!header) return null;
  const kinds = new Set<ColumnKind>();
  const columns = band.cells.map((cell): GridColumn => {
    const named = header.columns.filter((c) => {
      const centre = (c.x0 + c.x1) / 2;
      return centre >= cell.x0 && centre < cell.x1;
    });
    const kind = named.find((c) => c.kind !== 'other')?.kind ?? named[0]?.kind ?? 'other';
    kinds.add(kind);
    return { kind, x0: cell.x0, x1: cell.x1 };
  });
  if (!kinds.has('description') || !kinds.has('amount')) return null;
  return columns;
}

function sameColumns(band: GridBand, columns: GridColumn[]): boolean {
  return (
    band.cells.length === columns.length &&
    band.cells.every(
      (cell, k) =>
        Math.abs(cell.x0 - columns[k]!.x0) <= EDGE_TOLERANCE &&
        Math.abs(cell.x1 - columns[k]!.x1) <= EDGE_TOLERANCE,
    )
  );
}

type BandItem = { cells: Map<ColumnKind | number, string>; amounts: (number | null)[] };

/**
 * One item per band: its line amount (in some amount column) is required. A band whose numeric cells hold
 * numbers on more than one line is several items under one rule (rows ruled in groups): 'many'.
 */
function readBand(band: GridBand, columns: GridColumn[]): BandItem | 'many' | null {
  const cells = new Map<ColumnKind | number, string>();
  const amounts: (number | null)[] = [];
  let numbered = false;
  band.cells.forEach((cell: GridCell, k) => {
    const column = columns[k]!;
    if (column.kind === 'amount') {
      amounts.push(numberOf(cell.text));
      cells.set(k, cell.text);
    } else if (column.kind !== 'other' && !cells.has(column.kind)) cells.set(column.kind, cell.text);
    else if (column.kind !== 'other') cells.set(column.kind, `${cells.get(column.kind)} ${cell.text}`);
    if (
      (column.kind === 'amount' || column.kind === 'unitPrice' || column.kind === 'quantity') &&
      cell.lines.filter((line) => numberOf(line) !== null).length > 1
    )
      numbered = true;
  });
  if (numbered) return 'many';
  if (!amounts.some((a) => a !== null)) return null;
  return { cells, amounts };
}

/** The amount column that equals quantity × unit price most often (the last one on a tie). */
function chooseAmountColumn(items: BandItem[], columns: GridColumn[]): number {
  const indexes = columns.flatMap((c, k) => (c.kind === 'amount' ? [k] : []));
  let best = indexes[indexes.length - 1] ?? -1;
  let bestScore = -1;
  indexes.forEach((index, at) => {
    let score = 0;
    for (const item of items) {
      const q = numberOf(item.cells.get('quantity') ?? '');
      const p = numberOf(item.cells.get('unitPrice') ?? '');
      const a = item.amounts[at];
      if (q !== null && p !== null && a !== null && a !== undefined && amountsMatch(q * p, a, 0.51)) score++;
    }
    if (score >= bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

function toLineItem(cells: Map<ColumnKind | number, string>, amount: number | null): LineItem {
  const quantityText = cells.get('quantity') ?? '';
  const quantity = numberOf(quantityText);
  let unit = collapseSpaces(cells.get('unit') ?? '');
  // "2 UN" in a quantity column with no unit column of its own.
  if (!unit)
    unit = quantityText
      .split(/\s+/)
      .filter((t) => t !== '' && !/\d/.test(t))
      .join(' ');
  const code = collapseSpaces(cells.get('code') ?? '');
  const description = collapseSpaces(cells.get('description') ?? '');
  return {
    code: code || null,
    description: description || null,
    quantity,
    unit: unit || null,
    unitPrice: numberOf(cells.get('unitPrice') ?? ''),
    amount,
  };
}

/** The number a cell prints: its whole text ("$ 1.600.000,00"), else its first token that is one. */
function numberOf(text: string): number | null {
  const whole = parseAmount(text) ?? parseSpaceGrouped(text);
  if (whole !== null) return whole;
  for (const token of text.split(/\s+/)) {
    if (/%$/.test(token)) continue;
    const value = parseAmount(token);
    if (value !== null) return value;
  }
  return null;
}
