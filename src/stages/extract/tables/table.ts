import type { Word } from '../../../contract/document.ts';
import type { LineItem } from '../../../contract/result.ts';
import type { LabelField } from '../labels/lexicon.ts';
import type { LabelMatch } from '../labels/match.ts';
import { isUnitWord } from '../labels/unit-words.ts';
import { type Row, rowHeight } from '../page/layout.ts';
import { joinSplitThousands } from '../page/split-numbers.ts';
import { collapseSpaces } from '../text/text.ts';
import { amountsMatch, joinSpaceGroups, looksLikeAmount, parseAmount } from '../values/amount.ts';
import { withoutItemNumbers } from './item-numbers.ts';
import { type ReadNumber, reconcileAmount, reconcileUnitPrice } from './line-reconcile.ts';
import { claimStrayWords, quantityByArithmetic, unitPriceByArithmetic } from './line-recovery.ts';
import { findFreeLineItems } from './table-free.ts';
import { type Column, type ColumnKind, extendHeader, readHeader, type TableHeader } from './table-header.ts';
import { HEADER_LOOKAHEAD_ROWS } from './table-header-evidence.ts';
import { opensTotals, type TotalsLeads } from './totals-lead.ts';

/**
 * Line items: the table is found by its header row; each following row's words are assigned to columns by
 * horizontal overlap with the header (numbers prefer numeric columns, words prefer text columns); rows
 * without amounts continue the description of the nearest item; the table ends at the totals block and may
 * continue on the next page (with its header repeated or not).
 */
export interface TableResult {
  lines: LineItem[];
  /** Rows that belong to the table (header, items, continuations); totals search skips them. */
  rows: Set<number>;
  found: boolean;
  /** Lowest OCR confidence among the table's words. */
  confidence: number;
}

/** A row that opens the totals block (it ends the item table). */
export const TOTALS_START =
  /^(?:sub\s*-?\s*total|total|iva\b|[il1|]\.v\.a|base\s+(?:gravable|imponible)|neto\b|importe\s+(?:neto|total|otros|iva)|son\b|son:|valor\s+(?:en\s+letras|total|bruto|neto)|observaci(?:on|ones)\b|notas?\b|cae\b|c\.a\.e|cufe|cude|retenci|rete\s?(?:fuente|ica|iva)|percepci|descuento|suma\b|cantidad\s+total|forma\s+de\s+pago|total\s+a\s+pagar|impuestos?\b|otros\s+tributos|gravado|no\s+gravado|exento|moneda|resoluci|fecha\s+(?:de\s+)?vto|pesos|tipo\s+de\s+cambio)/;

/** Written as money: a currency sign, a thousands group or cents ("$ 95.900", "82,900.00"). */
const MONEY_SHAPED = /^\$|\d[.,]\d{3}(?:\D|$)|\d[.,]\d{2}$/;

const PAGE_NUMBER = /^\s*p[aá]g(?:ina)?\.?\s*(?:n[°º]\s*:?\s*)?\d+(?:\s*(?:de|\/)\s*\d+)?\s*$/i;

interface ParsedRow {
  row: Row;
  cells: Map<ColumnKind | `amount${number}`, Word[]>;
  amounts: (number | null)[];
  isItem: boolean;
  /** Where the description's header starts: words further left came from a column without a header. */
  descriptionX0: number | null;
}

/** Label fields that end an item table: the totals block under it, in any of the lexicon's languages. */
const TOTALS_FIELDS = new Set<LabelField>(['total', 'net', 'subtotal', 'tax', 'withholding', 'charge']);

/** The rows (by order) that carry a totals label of the lexicon. */
export function totalsLabelRows(labels: readonly LabelMatch[]): Set<number> {
  return new Set(labels.filter((l) => TOTALS_FIELDS.has(l.field)).map((l) => l.row.order));
}

export function findLineItems(
  rows: Row[],
  totalsRows: ReadonlySet<number> = new Set(),
  leadRows: TotalsLeads = new Map(),
): TableResult {
  const tableRows = new Set<number>();
  const items: { parsed: ParsedRow; extra: Continuation[] }[] = [];
  let header: TableHeader | null = null;
  let confidence = 1;
  let stopped = false;
  let amountColumns: Column[] = [];
  let lastTableRow: Row | null = null;
  const pendingPrefix: string[] = [];
  const headerOnPage = new Map<number, boolean>();
  for (let i = 0; i < rows.length && !stopped; i++) {
    const row = rows[i]!;
    let maybeHeader = readHeader(row, rows.slice(i + 1, i + 1 + HEADER_LOOKAHEAD_ROWS));
    const below = rows[i + 1];
    if (
      maybeHeader &&
      below &&
      below.page === row.page &&
      below.y0 - row.y1 < 0.8 * rowHeight(row) &&
      !below.words.some((w) => looksLikeAmount(w.text))
    ) {
      maybeHeader = extendHeader(maybeHeader, below);
      tableRows.add(below.order);
      i++;
    }
    if (maybeHeader) {
      if (!header || maybeHeader.row.page !== header.row.page || items.length === 0) {
        header = maybeHeader;
        amountColumns = header.columns.filter((c) => c.kind === 'amount');
      }
      tableRows.add(row.order);
      lastTableRow = row;
      continue;
    }
    if (!header) continue;
    if (row.page !== lastTableRow?.page && row.page !== header.row.page && items.length === 0) continue;
    // On a continuation page, the page's own heading comes before the (repeated) table header.
    if (row.page !== header.row.page && lastTableRow && row.page !== lastTableRow.page) {
      let hasHeader = headerOnPage.get(row.page);
      if (hasHeader === undefined) {
        hasHeader = pageHasHeader(rows, i, row.page);
        headerOnPage.set(row.page, hasHeader);
      }
      if (hasHeader) continue;
      const strict = parseRow(row, header.columns, amountColumns, header.left);
      const numbers = [
        strict.amounts.some((a) => a !== null),
        numberIn(strict.cells.get('unitPrice')) !== null,
        numberIn(strict.cells.get('quantity')) !== null,
      ];
      if (numbers.filter(Boolean).length < 2) continue;
    }
    if (row.cells.some((c) => c.x1 > header!.left && TOTALS_START.test(foldCell(c.text)))) {
      stopped = true;
      break;
    }
    if (items.length > 0 && opensTotals(leadRows.get(row.order), header.columns)) {
      stopped = true;
      break;
    }
    const parsed = parseRow(row, header.columns, amountColumns, header.left);
    // A totals label opening its own cell on a row without a quantity or a unit price ends the table, wherever
    // it stands ("Opmerkingen: …   Totaal excl. BTW:   236,94" under a table whose prices sit further right).
    if (
      items.length > 0 &&
      leadRows.has(row.order) &&
      numberIn(parsed.cells.get('quantity')) === null &&
      numberIn(parsed.cells.get('unitPrice')) === null
    ) {
      stopped = true;
      break;
    }
    // A row the lexicon labels as a total, tax or withholding, with nothing in the description column, is the
    // totals block ("Nettobetrag", "zzgl. 19 % MwSt.", "Total TTC") even when its rate reads as a quantity.
    if (items.length > 0 && totalsRows.has(row.order) && !(parsed.cells.get('description') ?? []).length) {
      stopped = true;
      break;
    }
    const nearTable =
      lastTableRow !== null &&
      lastTableRow.page === row.page &&
      row.y0 - lastTableRow.y1 < 1.6 * rowHeight(row);
    if (parsed.isItem || (nearTable && items.length > 0 && fillsOtherColumns(parsed))) {
      items.push({ parsed, extra: [] });
      tableRows.add(row.order);
      lastTableRow = row;
      confidence = Math.min(confidence, row.confidence);
      continue;
    }
    const continuation = continuationText(row, header.columns, header.left);
    const text = continuation?.text ?? '';
    const near =
      lastTableRow && lastTableRow.page === row.page && row.y0 - lastTableRow.y1 < 1.6 * rowHeight(row);
    if (text && near && items.length > 0) {
      appendContinuation(items[items.length - 1]!.extra, continuation!);
      tableRows.add(row.order);
      lastTableRow = row;
    } else if (text && near && items.length === 0) {
      // Text before the first item (a description wrapped above vertically centred numbers) waits for it.
      pendingPrefix.push(text);
    }
  }

  if (items.length === 0) {
    const free = findFreeLineItems(rows, (row) => row.cells.some((c) => TOTALS_START.test(foldCell(c.text))));
    if (free.lines.length > 0) {
      let freeConfidence = 1;
      for (const row of rows)
        if (free.rows.has(row.order)) freeConfidence = Math.min(freeConfidence, row.confidence);
      return {
        lines: withoutItemNumbers(free.lines),
        rows: free.rows,
        found: true,
        confidence: freeConfidence,
      };
    }
  }
  const amountIndex = chooseAmountColumn(
    items.map((i) => i.parsed),
    amountColumns,
  );
  const lines = items.map(({ parsed, extra }, index) =>
    toLineItem(
      parsed,
      extra.map((e) => e.text),
      amountIndex,
      index === 0 ? pendingPrefix : [],
      index + 1,
    ),
  );
  return { lines: withoutItemNumbers(lines), rows: tableRows, found: header !== null, confidence };
}

/**
 * A row whose numbers OCR garbled ("Hora   8.50   LOLSOL") is still its own item when, besides its
 * description, it fills two other columns in cells of their own: a wrapped description never does.
 */
function fillsOtherColumns(parsed: ParsedRow): boolean {
  const description = parsed.cells.get('description') ?? [];
  if (!description.some((w) => /\p{L}{3}/u.test(w.text))) return false;
  const cellOf = (word: Word) => parsed.row.cells.findIndex((c) => c.words.includes(word));
  const descriptionCells = new Set(description.map(cellOf));
  let filled = 0;
  for (const [key, words] of parsed.cells) {
    if (key === 'description') continue;
    if (words.some((w) => !descriptionCells.has(cellOf(w)) && /[\p{L}\d]{2}|\d/u.test(w.text))) filled++;
  }
  return filled >= 2;
}

function pageHasHeader(rows: Row[], from: number, page: number): boolean {
  for (let i = from; i < rows.length && rows[i]!.page === page; i++)
    if (readHeader(rows[i]!, rows.slice(i + 1, i + 1 + HEADER_LOOKAHEAD_ROWS))) return true;
  return false;
}

function foldCell(text: string): string {
  // A speck before a totals label ("¡Subtotal antes de") does not make it an item.
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/^[¡!|:;.,'"`´*-]+\s*/, '');
}

/** Which printed amount column is the line amount: the one that equals quantity × unit price most often. */
function chooseAmountColumn(parsed: ParsedRow[], amountColumns: Column[]): number {
  if (amountColumns.length <= 1) return 0;
  let best = 0;
  let bestScore = -1;
  amountColumns.forEach((_, index) => {
    let score = 0;
    for (const p of parsed) {
      const q = numberIn(p.cells.get('quantity'));
      const price = numberIn(p.cells.get('unitPrice'));
      const amount = p.amounts[index];
      if (
        q !== null &&
        price !== null &&
        amount !== null &&
        amount !== undefined &&
        amountsMatch(q * price, amount, 0.51)
      )
        score++;
    }
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

function parseRow(row: Row, columns: Column[], amountColumns: Column[], left: number): ParsedRow {
  const words = mergeCurrencySymbols(
    joinSpaceGroups(joinSplitThousands(row.words.filter((w) => w.x1 > left))),
  );
  const assigned = words.map((word) => assignColumn(word, columns));
  keepOneNumberPerColumn(words, assigned, columns);
  keepDescriptionContiguous(words, assigned, columns);
  const cells = new Map<ColumnKind | `amount${number}`, Word[]>();
  words.forEach((word, i) => {
    const column = assigned[i];
    if (!column) return;
    const key: ColumnKind | `amount${number}` =
      column.kind === 'amount' ? `amount${amountColumns.indexOf(column)}` : column.kind;
    const list = cells.get(key) ?? [];
    list.push(word);
    cells.set(key, list);
  });
  const amounts = amountColumns.map((_, i) => numberIn(cells.get(`amount${i}`)));
  const price = numberIn(cells.get('unitPrice'));
  const quantity = numberIn(cells.get('quantity'));
  const hasText =
    [...(cells.get('description') ?? []), ...(cells.get('code') ?? [])].some((w) =>
      /\p{L}{3}|\d/u.test(w.text),
    ) && !PAGE_NUMBER.test(row.text);
  // A price printed as money beside item text makes an item even when OCR lost its amount (blank, or
  // letters); a bare number (a phone, a count in a footnote) there does not.
  const moneyPrice = (cells.get('unitPrice') ?? []).some(
    (w) => MONEY_SHAPED.test(w.text) && looksLikeAmount(w.text),
  );
  const isItem =
    (amounts.some((a) => a !== null) && (hasText || price !== null || quantity !== null)) ||
    (price !== null && (quantity !== null || (hasText && moneyPrice)));
  const descriptionX0 = columns.find((c) => c.kind === 'description')?.x0 ?? null;
  return { row, cells, amounts, isItem, descriptionX0 };
}

/**
 * A numeric column holds one number: the one nearest its header. Other numbers that drifted into it from
 * the left ("… caldera Continental 200" before the quantity) belong to the description.
 */
function keepOneNumberPerColumn(words: Word[], assigned: (Column | null)[], columns: Column[]): void {
  const description = columns.find((c) => c.kind === 'description') ?? null;
  for (const column of columns) {
    if (TEXT_KINDS.has(column.kind)) continue;
    const numeric = words
      .map((w, i) => ({ w, i }))
      .filter(({ w, i }) => assigned[i] === column && isNumeric(w.text));
    if (numeric.length < 2) continue;
    const centre = (column.x0 + column.x1) / 2;
    numeric.sort((a, b) => distanceTo(a.w, centre, column) - distanceTo(b.w, centre, column));
    const kept = numeric[0]!;
    for (const { w, i } of numeric.slice(1)) if (w.x1 <= kept.w.x0 && description) assigned[i] = description;
  }
}

function distanceTo(word: Word, centre: number, column: Column): number {
  return Math.min(Math.abs((word.x0 + word.x1) / 2 - centre), Math.abs(word.x1 - column.x1));
}

/** Words between two description words are description too ("Resistencia calefactora 2 kW"). */
function keepDescriptionContiguous(words: Word[], assigned: (Column | null)[], columns: Column[]): void {
  const description = columns.find((c) => c.kind === 'description');
  if (!description) return;
  const next = columns[columns.indexOf(description) + 1];
  const end = next ? next.x0 : Number.POSITIVE_INFINITY;
  const first = assigned.indexOf(description);
  const last = assigned.lastIndexOf(description);
  for (let i = first + 1; i < last; i++) if (words[i]!.x1 <= end) assigned[i] = description;
}

function isNumeric(text: string): boolean {
  return looksLikeAmount(text) || /^\d+(?:[.,]\d+)?\s?%$/.test(text);
}

/** "$" and "COP" printed apart from their number belong to it, with any speck OCR read after them ("COP."). */
function mergeCurrencySymbols(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (
      next &&
      /^(?:\$|cop|usd|us\$)[.,:;]?$/i.test(word.text) &&
      /^\d/.test(next.text) &&
      next.x0 - word.x1 < 12
    ) {
      out.push({
        ...next,
        text: next.text,
        x0: word.x0,
        confidence: Math.min(word.confidence, next.confidence),
      });
      i++;
    } else out.push(word);
  }
  return out;
}

const TEXT_KINDS = new Set<ColumnKind>(['code', 'description', 'unit']);

/**
 * Each column claims the space from its header up to the next header (text columns are left-aligned) or
 * back to the previous header (numeric columns are right-aligned); a word goes to the claiming column of its
 * type with the largest overlap.
 */
function assignColumn(word: Word, columns: Column[]): Column | null {
  const numeric = isNumeric(word.text);
  // A rate ("19%") is never a description, a quantity or a price.
  if (/%$/.test(word.text)) return columns.find((c) => c.kind === 'other' && overlaps(word, c, 30)) ?? null;
  let best: Column | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const previous = columns[i - 1];
    const next = columns[i + 1];
    const isText = TEXT_KINDS.has(column.kind);
    // Right-aligned numbers reach left of their header by about one number's width, no further.
    const claimStart = isText
      ? column.x0 - 4
      : Math.min(column.x0, Math.max(column.x0 - 50, previous ? previous.x1 + 2 : 0));
    const claimEnd = isText ? Math.max(column.x1, next ? next.x0 - 2 : column.x1 + 200) : column.x1 + 6;
    const overlap = Math.min(word.x1, claimEnd) - Math.max(word.x0, claimStart);
    const headerOverlap = Math.min(word.x1, column.x1) - Math.max(word.x0, column.x0);
    const width = Math.max(1, word.x1 - word.x0);
    let score = overlap / width + (headerOverlap > 0 ? 0.5 + headerOverlap / width : 0);
    if (overlap <= 0 && headerOverlap <= 0) {
      const distance = Math.min(Math.abs(word.x0 - claimEnd), Math.abs(word.x1 - claimStart));
      score = -distance / 50;
    }
    const compatible = numeric ? !isText || column.kind === 'code' : isText || column.kind === 'other';
    if (compatible) score += 0.6;
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  return best;
}

function numberIn(words: Word[] | undefined): number | null {
  if (!words) return null;
  for (const w of words) {
    if (/%$/.test(w.text)) continue;
    const value = parseAmount(w.text);
    if (value !== null) return value;
  }
  return null;
}

function readNumberIn(words: Word[] | undefined): ReadNumber | null {
  for (const w of words ?? []) {
    if (/%$/.test(w.text)) continue;
    const value = parseAmount(w.text);
    if (value !== null) return { value, confidence: w.confidence };
  }
  return null;
}

function overlaps(word: Word, column: Column, margin: number): boolean {
  return Math.min(word.x1, column.x1 + margin) - Math.max(word.x0, column.x0 - margin) > 0;
}

/** A row without amounts continues the description: every word inside the description column's space. */
function continuationText(row: Row, columns: Column[], left: number): Continuation | null {
  const index = columns.findIndex((c) => c.kind === 'description');
  if (index < 0) return null;
  const start = Math.max(columns[index]!.x0 - 4, left);
  // A header of two description words ("Discriminação dos serviços") reads as two description columns: the
  // space runs to the first column of another kind.
  const end = columns.slice(index + 1).find((c) => c.kind !== 'description')?.x0 ?? Number.POSITIVE_INFINITY;
  const words = row.words.filter((w) => (w.x0 + w.x1) / 2 >= start && (w.x0 + w.x1) / 2 < end);
  const text = collapseSpaces(words.map((w) => w.text).join(' '));
  return text ? { text, x0: words[0]!.x0, y0: row.y0, y1: row.y1 } : null;
}

interface Continuation {
  text: string;
  x0: number;
  y0: number;
  y1: number;
}

/**
 * One printed line OCR returned as two rows ("fuera" and "de servicio" side by side, a few points apart in
 * height) reads left to right, whichever row came first.
 */
function appendContinuation(extra: Continuation[], next: Continuation): void {
  const previous = extra[extra.length - 1];
  const overlap = previous ? Math.min(previous.y1, next.y1) - Math.max(previous.y0, next.y0) : 0;
  const sameLine =
    previous !== undefined && overlap > 0.5 * Math.min(previous.y1 - previous.y0, next.y1 - next.y0);
  if (sameLine && next.x0 < previous.x0) extra.splice(extra.length - 1, 0, next);
  else extra.push(next);
}

function toLineItem(
  parsed: ParsedRow,
  extra: string[],
  amountIndex: number,
  prefix: string[],
  position: number,
): LineItem {
  const codeWords = [...(parsed.cells.get('code') ?? [])];
  const unitWords = parsed.cells.get('unit') ?? [];
  const quantityWords = parsed.cells.get('quantity') ?? [];
  const descriptionWords = [...(parsed.cells.get('description') ?? [])];
  let unitPrice = numberIn(parsed.cells.get('unitPrice'));
  let quantity = numberIn(quantityWords);
  const amount = reconcileAmount(
    readNumberIn(quantityWords),
    readNumberIn(parsed.cells.get('unitPrice')),
    readNumberIn(parsed.cells.get(`amount${amountIndex}`)),
  );
  unitPrice = reconcileUnitPrice(quantity, unitPrice, amount);
  let unit = collapseSpaces(unitWords.map((w) => w.text).join(' '));
  // A unit of two words whose first word stands left of the unit column's header ("a corpo").
  const lastDescription = descriptionWords[descriptionWords.length - 1];
  if (
    unit &&
    lastDescription &&
    descriptionWords.length > 1 &&
    isUnitWord(`${lastDescription.text} ${unit}`)
  ) {
    unit = `${lastDescription.text} ${unit}`;
    descriptionWords.pop();
  }
  if (!unit)
    unit = quantityWords
      .filter((w) => !/\d/.test(w.text))
      .map((w) => w.text)
      .join(' ');
  // A table without a unit column: a known unit between the quantity and the price landed in the price's cell.
  if (!unit) unit = (parsed.cells.get('unitPrice') ?? []).find((w) => isUnitWord(w.text))?.text ?? '';
  let strayCode: string | null = null;
  if (parsed.descriptionX0 !== null) {
    const stray = claimStrayWords(descriptionWords, parsed.descriptionX0, {
      code: codeWords.length > 0,
      unit: unit !== '',
      quantity: quantity !== null,
    });
    strayCode = stray.code;
    unit ||= stray.unit ?? '';
    quantity ??= stray.quantity;
  }
  // A misread or missing quantity header leaves the quantity (and its unit) among the description's words:
  // the number that multiplies with the unit price into the amount is the quantity.
  if (quantity === null && unitPrice !== null && amount !== null) {
    const found = quantityByArithmetic(descriptionWords, unitPrice, amount);
    if (found) {
      quantity = found.quantity;
      if (found.unit && !unit) unit = found.unit;
    }
  }
  // An unreadable price header leaves the unit price among the description's words: the amount-shaped word
  // that multiplies with the quantity into the line amount is the unit price.
  if (unitPrice === null && amount !== null) {
    const found = unitPriceByArithmetic(descriptionWords, quantity, amount);
    if (found) {
      unitPrice = found.unitPrice;
      quantity ??= found.quantity;
      if (found.unit && !unit) unit = found.unit;
    }
  }
  // The line's own position number printed before its code or description ("1   SRV-405").
  const leading = codeWords.length > 1 ? codeWords : descriptionWords;
  if (leading.length > 1 && leading[0]!.text.replace(/[.:)]$/, '') === String(position)) leading.shift();
  const code = collapseSpaces(strayCode ?? codeWords.map((w) => w.text).join(' ')).replace(/[-.,:;]+$/, '');
  const description = collapseSpaces(
    [...prefix, descriptionWords.map((w) => w.text).join(' '), ...extra].join(' '),
  );
  return {
    code: code && !/^[-.–_]+$/.test(code) ? code : null,
    description: description || null,
    quantity,
    unit: unit || null,
    unitPrice,
    amount,
  };
}
