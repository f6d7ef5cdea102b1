import { findLabels, PLACEMENT_WEIGHT, type Row, valueWindows } from '../page/layout.ts';
import { findDate } from '../values/date.ts';
import type { Found } from './header.ts';

const ORDER_LABEL =
  /\b(?:o?rden['’.,]?\s+(?:de\s+)?(?:compra|servicio|trabajo)|de\s+compra(?=\s+(?:no\b|nro\b|n[°º]))|[o0][.:]\s?c\.(?![-\s]?\d)|o\/c|\boc\b(?!-?\d|[.,]\s?\d|\s\d+-\d|\s\d{1,5}\b)|purchase\s+order|p\.\s?o\.|pedido|ped\.|doc(?:umento|\.)?\s*(?:de\s+)?re[ft]erencia|referencia\s+(?:de\s+|del\s+)?(?:pedido|orden|compra))\s*(?:(?:no|nro|n[°º*?]|numero)\b\.?|#)?\s*:?/g;

/**
 * Prefixes Spanish-speaking buyers give their order numbers: orden de compra / servicio / trabajo, pedido,
 * purchase order. A reference that starts with one is an order, whatever label (or none) it sits under.
 */
export const ORDER_PREFIX = /^(?:OC|O\.C\.|OS|OT|PED|PO)(?:\s?-\s?|\s)?\d/;

/**
 * OCR's damage to an order prefix: the O read as a zero ("0C-2805", "0S-2494": no order number starts that
 * way), a speck read as a full stop or colon after it ("OC. 2026-903", "OC.2026-829" for "OC 2026-829"), and
 * lower case ("oc 2026-129").
 */
export function repairCodePrefix(value: string): string {
  return (
    value
      .replace(/^0(?=[A-Z](?:\s?-\s?|\s)?\d)/, 'O')
      // ...or doubled with a speck ("O0C-55960", "0Cc-6728").
      .replace(/^(?:O0|0O)C(?=-?\d)|^[O0]Cc(?=-?\d)/, 'OC')
      .replace(/^(OC|OS|OT|PED|PO)[.,:;]\s?(?=\d)/i, '$1 ')
      .replace(/^(?:oc|os|ot|ped|po)(?=(?:\s?-\s?|\s)\d)/i, (prefix) => prefix.toUpperCase())
  );
}

export function findPurchaseOrder(rows: Row[]): Found<string> | null {
  const candidates: Found<string>[] = [];
  for (const hit of findLabels(rows, ORDER_LABEL)) {
    for (const window of valueWindows(rows, hit)) {
      const text = window.text
        // A speck OCR read between label and value ("No..'822125", "PEDIDO:'60258").
        .replace(/^[\s:#.,\-–'’‘`´"]+/, '')
        .replace(/^(?:no|nro|n[°º*?]|numero)\.?\s*[:#]?\s*/i, '')
        .replace(/^['’‘`´"]+/, '');
      // A full stop inside the value is followed by digits; "4500081955.PLAZO" is the next label glued on.
      const match = /^([A-Z]{0,5}[\s-]?\d[\w\-/]*(?:\.\d[\w\-/]*)*(?:\s?-\s?\d+)?)/i.exec(
        repairCodePrefix(text),
      );
      if (!match || findDate(match[1]!) || match[1]!.replace(/[^A-Za-z0-9]/g, '').length < 3) continue;
      if (window.placement === 'below' && /:\s*$/.test(window.text)) continue;
      candidates.push({
        value: repairCodePrefix(match[1]!.replace(/[.-]+$/, '').trim()),
        score: PLACEMENT_WEIGHT[window.placement] * (0.5 + 0.5 * window.confidence),
        row: window.row,
      });
      break;
    }
  }
  const best = candidates.sort((a, b) => b.score - a.score)[0];
  return best ?? unlabelledOrder(rows);
}

/**
 * No order label was read (OCR loses light label text): a cell near the top of the first page that opens with
 * an order prefix is still the order number, trusted less.
 */
function unlabelledOrder(rows: Row[]): Found<string> | null {
  for (const row of rows) {
    if (row.page !== 0 || row.y0 > 0.45 * row.pageHeight) continue;
    // Item codes share these prefixes ("OT-757" in a line): a table row carries amounts, a header cell does not.
    if (/\d{1,3}(?:[.,]\d{3})+/.test(row.text)) continue;
    for (const cell of row.cells) {
      const text = repairCodePrefix(cell.text.trim());
      if (!ORDER_PREFIX.test(text)) continue;
      const match = /^[A-Z.]{2,4}(?:\s?-\s?|\s)?\d[\w-]*$/.exec(text);
      if (match && !findDate(match[0])) return { value: match[0], score: 0.45, row };
    }
  }
  return null;
}
