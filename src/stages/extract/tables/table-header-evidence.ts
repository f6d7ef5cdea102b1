import type { Row } from '../page/layout.ts';
import { looksLikeAmount } from '../values/amount.ts';

/**
 * A header row whose numbers' names OCR lost but one ("Referencia   Concepto   …   Subtotal", the
 * quantity and price names faded) is still the table's header when the rows right below it read as items:
 * at least two of them print two or more amounts written as money right of where the description starts.
 */
// Four rows: a header's wrapped second line ("Valor" over "unitario") and an item's wrapped description may
// come between the header and its second item.
export const HEADER_EVIDENCE_ROWS = 4;
/**
 * Money columns whose names OCR lost are placed from more rows: items with descriptions wrapped over two rows
 * leave only two priced rows in four, and one amount OCR split in two is then half the evidence.
 */
export const MONEY_EVIDENCE_ROWS = 8;
/** The rows below a candidate header row that its reading may look at: the most any inference uses. */
export const HEADER_LOOKAHEAD_ROWS = Math.max(HEADER_EVIDENCE_ROWS, MONEY_EVIDENCE_ROWS);

const MONEY = /^\$|\d[.,]\d{3}(?:\D|$)|\d[.,]\d{2}$/;

export function itemsFollow(following: Row[], page: number, descriptionX0: number): boolean {
  let items = 0;
  for (const row of following.slice(0, HEADER_EVIDENCE_ROWS)) {
    if (row.page !== page) break;
    const amounts = row.words.filter(
      (w) => w.x0 > descriptionX0 && MONEY.test(w.text) && looksLikeAmount(w.text),
    );
    if (amounts.length >= 2) items++;
  }
  return items >= 2;
}
