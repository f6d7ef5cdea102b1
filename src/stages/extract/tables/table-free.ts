import type { LineItem } from '../../../contract/result.ts';
import { type Row, rowHeight } from '../page/layout.ts';
import { collapseSpaces } from '../text/text.ts';
import { readItemRow } from './receipt-row.ts';

/**
 * Line items without a table header (tickets, receipts): a row is an item when three of its numbers obey
 * quantity × unit price = amount; its description is the text before the numbers on the same row, or the
 * plain text rows right above it. A leading token with digits (`34185`, `REP-101`) is the product code.
 */
export function findFreeLineItems(
  rows: Row[],
  stopAt: (row: Row) => boolean,
): { lines: LineItem[]; rows: Set<number> } {
  const lines: LineItem[] = [];
  const used = new Set<number>();
  let previousItem = -1;
  let ownText = false;
  // Plain rows under an item that printed its own description: its wrapped text, unless the next item printed
  // none (then they are that item's description, above its numbers, as on a receipt).
  let pending: number[] = [];
  const closePending = () => {
    const last = lines.at(-1);
    if (last && pending.length > 0) {
      const text = pending.map((k) => rows[k]!.text).join(' ');
      last.description = collapseSpaces(`${last.description ?? ''} ${text}`);
      for (const k of pending) used.add(rows[k]!.order);
      previousItem = pending.at(-1)!;
    }
    pending = [];
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (lines.length > 0 && stopAt(row)) break;
    const item = readItemRow(row);
    if (!item) {
      if (ownText && continuesItem(rows, i, previousItem, pending.at(-1))) pending.push(i);
      else {
        // The wrapped text ended: nothing further down continues it.
        closePending();
        ownText = false;
      }
      continue;
    }
    let description = item.before;
    let descriptionRows: Row[] = [];
    ownText = /\p{L}{3}/u.test(description);
    if (ownText) closePending();
    else {
      pending = [];
      descriptionRows = textRowsAbove(rows, i, previousItem);
      description = descriptionRows.map((r) => r.text).join(' ');
    }
    const { code, text } = splitCode(collapseSpaces(description));
    lines.push({
      code,
      description: text || null,
      quantity: item.quantity,
      unit: item.unit,
      unitPrice: item.unitPrice,
      amount: item.amount,
    });
    used.add(row.order);
    for (const r of descriptionRows) used.add(r.order);
    previousItem = i;
  }
  closePending();
  return { lines, rows: used };
}

/**
 * A plain text row right under an item row (or under its wrapped text so far), starting no further left than
 * the item's text: the item's description wrapped.
 */
function continuesItem(
  rows: Row[],
  index: number,
  itemIndex: number,
  lastPending: number | undefined,
): boolean {
  const row = rows[index]!;
  const itemRow = rows[itemIndex];
  if (!itemRow) return false;
  const above = rows[lastPending ?? itemIndex]!;
  if (row.page !== above.page || row.y0 - above.y1 > 1.6 * Math.min(rowHeight(row), rowHeight(above)))
    return false;
  if (!/\p{L}{3}/u.test(row.text) || /\d[.,]\d{3}/.test(row.text) || row.cells.length > 2) return false;
  if (LABELLED.test(row.text) || PARTY_LABEL.test(row.text)) return false;
  const textStart = itemRow.words.find((w) => /\p{L}{3}/u.test(w.text))?.x0 ?? itemRow.x0;
  return row.x0 >= textStart - 4;
}

/** Plain text rows right above an item row, back to the previous item or to a rule, label or heading. */
function textRowsAbove(rows: Row[], index: number, previousItem: number): Row[] {
  const out: Row[] = [];
  let below = rows[index]!;
  for (let i = index - 1; i > previousItem && i >= 0; i--) {
    const row = rows[i]!;
    // OCR draws some boxes taller than their text: the smaller of the two rows sets the line spacing.
    if (row.page !== below.page || below.y0 - row.y1 > 1.6 * Math.min(rowHeight(row), rowHeight(below)))
      break;
    if (
      /^[-=_*.\s]{5,}$/.test(row.text) ||
      LABELLED.test(row.text) ||
      PARTY_LABEL.test(row.text) ||
      (!/\p{L}/u.test(row.text) && row.text.length > 8)
    )
      break;
    out.unshift(row);
    below = row;
  }
  return out;
}

/**
 * "Adquiriente: …", "Dir.: …": a short label of words and its value, not a description ("… no enciende:
 * cambio …", "Continental 200 BHP: inspección …", "001C Desvare: …" where the colon is a speck).
 */
const LABELLED = /^\s*(?:\p{L}[\p{L}.]*\s){0,2}\p{L}[\p{L}.]*:(?:\s|$)/u;

/** The customer's block above the first item, printed without colons ("Razón social …", "Nit No. …"). */
const PARTY_LABEL =
  /^\s*(?:nit|c\.\s?c\.|dir(?:ecci[oó]n)?\.|tel(?:[eé]fono)?\.?|raz[oó]n\s+social|adquir\p{L}*|cliente|se[ñn]or(?:es)?|comprador)(?=[\s:.]|$)/iu;

function splitCode(description: string): { code: string | null; text: string } {
  const match = /^(\S+)\s+(.*\p{L}.*)$/u.exec(description);
  if (!match) return { code: null, text: description };
  const token = match[1]!;
  const looksLikeCode = /\d/.test(token) && token.length >= 3 && /^[\p{Lu}\d][\p{Lu}\d\-_./]*$/u.test(token);
  return looksLikeCode ? { code: token, text: match[2]! } : { code: null, text: description };
}
