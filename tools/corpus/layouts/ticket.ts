import { labelAndValue } from '../blocks.ts';
import type { ColumnKey, Printer } from '../printer.ts';
import type { Random } from '../random.ts';
import type { Sheet } from '../sheet.ts';
import type { Layout } from './layout.ts';

const WIDTH = 226; // 80 mm roll
const MARGIN = 12;
const ROLL = 3000;

function size(printer: Printer): number {
  return Math.min(8, printer.style.baseSize);
}

/**
 * A point-of-sale style receipt on a narrow roll: everything centred or in label/value lines, and each
 * item as its description followed by a "quantity unit x price ... amount" line instead of a table.
 */
export const ticket: Layout = {
  name: 'ticket',
  maxLines: 10,
  columns: (rng): ColumnKey[] =>
    rng.chance(0.5)
      ? ['code', 'description', 'quantity', 'unit', 'unitPrice', 'amount']
      : ['description', 'quantity', 'unit', 'unitPrice', 'amount'],
  // Drawn on a long roll, then cut (media box) just below the last line, as a receipt printer does.
  page: (printer, rng) => ({
    width: WIDTH,
    height: ROLL,
    margin: MARGIN,
    font: rng.chance(0.65) ? 'courier' : printer.style.font,
  }),
  render(sheet: Sheet, printer: Printer, rng: Random, columns) {
    const { data, style } = printer;
    const s = size(printer);
    const m = sheet.margin;
    const w = sheet.contentWidth;
    const centre = m + w / 2;
    const leading = s * 1.35;
    const rule = () => {
      const mark = rng.pick(['-', '=']);
      sheet.text(mark.repeat(Math.floor(w / sheet.textWidth(mark, s))), m, sheet.y + leading * 0.2, {
        size: s,
      });
      sheet.y += leading * 1.2;
    };
    const centred = (text: string, bold = false) => {
      for (const line of sheet.wrap(text, w, s, bold)) {
        sheet.text(line, centre, sheet.y, { size: s, bold, align: 'center' });
        sheet.y += leading;
      }
    };
    const pair = (label: string, value: string) => {
      sheet.y += sheet.paragraph(`${printer.label(label)} ${value}`, m, sheet.y, w, { size: s });
    };
    const split = (left: string, right: string, bold = false) => {
      labelAndValue(sheet, left, right, m, m + w, sheet.y, s, { label: bold, value: bold });
      sheet.y += leading;
    };

    centred(data.supplier.name, true);
    centred(`${printer.label(style.labels.nit)} ${printer.nit(data.supplier.taxId)}`);
    centred(data.supplier.address);
    centred(data.supplier.city);
    centred(`${style.words.phoneShort} ${data.supplier.phone}`);
    rule();
    if (printer.titleNeeded()) centred(style.labels.title, true);
    centred(printer.numberLine(), true);
    pair(style.labels.issueDate, printer.issueDate());
    if (data.dueDate) pair(style.labels.dueDate, printer.date(data.dueDate));
    pair(style.labels.paymentTerms, data.paymentTerms);
    if (data.purchaseOrder) pair(style.labels.purchaseOrder, data.purchaseOrder);
    rule();
    pair(style.labels.customer, data.customer.name);
    pair(style.labels.nit, printer.nit(data.customer.taxId));
    pair(style.words.addressShort, data.customer.address);
    rule();
    const withCode = columns.includes('code');
    data.lines.forEach((line) => {
      const head = withCode && line.code ? `${line.code} ${line.description}` : line.description;
      sheet.y += sheet.paragraph(head, m, sheet.y, w, { size: s });
      split(
        `  ${printer.quantity(line.quantity)} ${line.unit} x ${printer.number(line.unitPrice)}`,
        printer.number(line.amount),
      );
    });
    rule();
    const totals = printer.totalsRows();
    totals.forEach(([label, value], i) => {
      split(printer.label(label), value, i === totals.length - 1);
    });
    rule();
    if (data.remarks) sheet.y += sheet.paragraph(data.remarks, m, sheet.y, w, { size: s - 0.5 }) + 3;
    sheet.y += sheet.paragraph(data.resolution, m, sheet.y, w, { size: s - 1 }) + 3;
    if (data.cufe)
      sheet.y += sheet.paragraph(`${printer.label(style.labels.cufe)} ${data.cufe}`, m, sheet.y, w, {
        size: s - 1,
      });
    sheet.y += leading;
    centred(rng.pick(style.words.thanks));
    const used = Math.ceil(sheet.y + MARGIN);
    sheet.page.setMediaBox(0, ROLL - used, WIDTH, used);
  },
};
