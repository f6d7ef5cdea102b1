import type { LineItem } from '../../contract/result.ts';
import { type Row, rowHeight } from './layout.ts';
import { readItemRow } from './receipt-row.ts';
import { collapseSpaces } from './text.ts';

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
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (lines.length > 0 && stopAt(row)) break;
    const item = readItemRow(row);
    if (!item) continue;
    let description = item.before;
    let descriptionRows: Row[] = [];
    if (!/\p{L}{3}/u.test(description)) {
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
  return { lines, rows: used };
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
