import { findLabels, positionWeight, type Row } from '../page/layout.ts';
import type { Found } from './header.ts';

/** Where the invoice number is when no "No."-style label gives it. */

/** Composite numbers (point of sale + number, `0011-00022049`) printed near the top without a label. */
export function findUnlabelledNumber(rows: Row[]): Found<string> | null {
  for (const row of rows) {
    if (row.page !== 0 || row.y0 > 0.3 * row.pageHeight) continue;
    const match = /(?<![\d-])(\d{4,5})\s?-\s?(\d{8})(?![\d-])/.exec(row.text);
    if (match) return { value: `${match[1]}-${match[2]}`, score: 0.45, row };
  }
  return null;
}

/** Argentine layout: "Punto de Venta: 00003   Comp. Nro: 00000153" is the number 00003-00000153. */
export function findPointOfSaleNumber(rows: Row[]): Found<string> | null {
  for (const hit of findLabels(rows, /\bpunto\s+de\s+venta\s*:?/g)) {
    const rest = hit.row.text.slice(hit.end);
    const match =
      /^[\s:]*(\d{1,5})\s+(?:comp(?:robante)?\.?\s*)?(?:n(?:ro|[°º]|o)\.?)?\s*:?\s*(\d{1,8})/i.exec(rest);
    if (match)
      return { value: `${match[1]}-${match[2]}`, score: 0.96 * positionWeight(hit.row), row: hit.row };
  }
  return null;
}

const TITLE = /^factura(?:\s+electronica)?(?:\s+de\s+venta)?$/;
const NUMBER_SHAPED = /^[A-Z]{1,6}-?\d{4,}$/;

/**
 * "FACTURA DE VENTA" heading a block whose "No." row OCR lost: the number is the first cell in line with the
 * heading, a few rows down, shaped as a prefixed number. Only when no label gave one, and trusted little.
 */
export function numberUnderTitle(rows: Row[]): Found<string> | null {
  for (const row of rows) {
    const title = row.cells.find((c) =>
      TITLE.test(c.text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')),
    );
    if (!title) continue;
    const height = row.y1 - row.y0;
    for (let i = row.order + 1; i < rows.length && i <= row.order + 3; i++) {
      const below = rows[i]!;
      if (below.page !== row.page || below.y0 - row.y1 > 4 * height) break;
      const cell = below.cells.find((c) => Math.abs(c.x0 - title.x0) < 6);
      if (!cell) continue;
      const value = cell.text.trim();
      if (NUMBER_SHAPED.test(value)) return { value, score: 0.4, row: below };
      // Scraps of a label OCR could not read ("FA", "R") stand where the "No." row was.
      if (/^\p{L}{1,3}$/u.test(value)) continue;
      break;
    }
  }
  return null;
}
