import type { LineItem } from '../../contract/result.ts';
import { amountsMatch, looksLikeAmount, parseAmount } from './amount.ts';
import { type Row, rowHeight } from './layout.ts';
import { joinSplitThousands } from './split-numbers.ts';
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

interface ItemRow {
  before: string;
  quantity: number;
  unit: string | null;
  unitPrice: number;
  amount: number;
}

function readItemRow(row: Row): ItemRow | null {
  // "941 801,30": a thousands separator OCR read as a gap, as in table rows.
  const tokens = repairNumberTokens(joinSplitThousands(row.words).map((w) => w.text));
  const numbers: { index: number; value: number }[] = [];
  tokens.forEach((t, index) => {
    // "x $50.400" read by OCR as one word "x.50.400", "x-50.400" or "x$50.400": the multiplication sign and
    // the dollar sign (often read as a dot or a dash) go.
    const clean = t.replace(/^[x*@][.$-]?(?=\d)/i, '').replace(/^[.$](?=\d)/, '');
    if (/%$/.test(t) || !looksLikeAmount(clean)) return;
    const value = parseAmount(clean);
    if (value !== null) numbers.push({ index, value });
  });
  if (numbers.length < 3) return null;
  const last = numbers[numbers.length - 1]!;
  // The amount is the last number; look for quantity and price before it that multiply to it.
  for (let p = numbers.length - 2; p >= 1; p--) {
    for (let q = p - 1; q >= 0; q--) {
      const quantity = numbers[q]!;
      const price = numbers[p]!;
      const tolerance = Number.isInteger(last.value) ? 1 : 0.011;
      if (quantity.value <= 0 || !amountsMatch(quantity.value * price.value, last.value, tolerance)) continue;
      const unitTokens = tokens
        .slice(quantity.index + 1, price.index)
        .filter((t) => !/^(?:x|\*|@|\$|cop|usd)$/i.test(t));
      return {
        before: tokens.slice(0, quantity.index).join(' '),
        quantity: quantity.value,
        unit: unitTokens.length > 0 && unitTokens.length <= 2 ? unitTokens.join(' ') : null,
        unitPrice: price.value,
        amount: last.value,
      };
    }
  }
  return null;
}

/** Plain text rows right above an item row, back to the previous item or to a rule, label or heading. */
function textRowsAbove(rows: Row[], index: number, previousItem: number): Row[] {
  const out: Row[] = [];
  let below = rows[index]!;
  for (let i = index - 1; i > previousItem && i >= 0; i--) {
    const row = rows[i]!;
    if (row.page !== below.page || below.y0 - row.y1 > 1.6 * rowHeight(row)) break;
    if (
      /^[-=_*.\s]{5,}$/.test(row.text) ||
      LABELLED.test(row.text) ||
      (!/\p{L}/u.test(row.text) && row.text.length > 8)
    )
      break;
    out.unshift(row);
    below = row;
  }
  return out;
}

/** "Adquiriente: …", "Dir.: …": a short label and its value, not a description ("… no enciende: cambio …"). */
const LABELLED = /^\s*(?:\S+\s){0,2}\S+:(?:\s|$)/;

function splitCode(description: string): { code: string | null; text: string } {
  const match = /^(\S+)\s+(.*\p{L}.*)$/u.exec(description);
  if (!match) return { code: null, text: description };
  const token = match[1]!;
  const looksLikeCode = /\d/.test(token) && token.length >= 3 && /^[\p{Lu}\d][\p{Lu}\d\-_./]*$/u.test(token);
  return looksLikeCode ? { code: token, text: match[2]! } : { code: null, text: description };
}

/**
 * OCR damage to the numbers of a receipt row: a semicolon for the decimal comma ("1;00") and cents split
 * off by a lost comma ("1.218.400 00" for "1.218.400,00").
 */
function repairNumberTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (const raw of tokens) {
    const token = /^\d+;\d{2}$/.test(raw) ? raw.replace(';', ',') : raw;
    const previous = out[out.length - 1];
    if (previous && /^\$?\d{1,3}(?:\.\d{3})+$/.test(previous) && /^\d{2}$/.test(token)) {
      out[out.length - 1] = `${previous},${token}`;
      continue;
    }
    out.push(token);
  }
  return out;
}
