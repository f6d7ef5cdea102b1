import {
  chooseColumns,
  legalLines,
  legalLinesHeight,
  remarksBlock,
  remarksHeight,
  tableColumns,
  tableRows,
} from '../blocks.ts';
import type { Printer } from '../printer.ts';
import type { Random } from '../random.ts';
import type { Sheet } from '../sheet.ts';
import { drawTable } from '../table.ts';
import { A4, type Layout, LETTER } from './layout.ts';

/** Label/value pieces joined by a separator and wrapped only between pieces where possible. */
function joined(
  sheet: Sheet,
  pieces: string[],
  separator: string,
  x: number,
  top: number,
  width: number,
  bold = false,
): number {
  const size = sheet.size;
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const candidate = current ? `${current}${separator}${piece}` : piece;
    if (current && sheet.textWidth(candidate, size, bold) > width) {
      lines.push(current);
      current = piece;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  let y = top;
  for (const line of lines) y += sheet.paragraph(line, x, y, width, { size, bold });
  return y - top;
}

/**
 * No boxes and no rules: header facts run inline separated by bars, the table is aligned by whitespace
 * alone, and the totals sit side by side on one line instead of a column.
 */
export const plainInline: Layout = {
  name: 'plain-inline',
  maxLines: 40,
  columns: (rng) => chooseColumns(rng, { withoutCode: 0.35 }),
  page: (_printer, rng) => ({ ...(rng.chance(0.5) ? LETTER : A4), margin: rng.pick([40, 50, 56]) }),
  render(sheet: Sheet, printer: Printer, rng: Random, columns) {
    const { data, style } = printer;
    const m = sheet.margin;
    const w = sheet.contentWidth;
    const s = sheet.size;
    const bar = rng.pick(['  |  ', '   ', ' - ', ' / ']);
    let y = m;
    const nitText = `${printer.label(style.labels.nit)} ${printer.nit(data.supplier.taxId)}`;
    const nameWidth = w - sheet.textWidth(nitText, s) - 16;
    sheet.text(data.supplier.name, m, y, {
      size: sheet.fit(data.supplier.name, nameWidth, s + 3, true),
      bold: true,
    });
    sheet.text(nitText, m + w, y + 2, { size: s, align: 'right' });
    y += (s + 3) * 1.5;
    y += joined(
      sheet,
      [data.supplier.address, data.supplier.city, data.supplier.phone, data.supplier.email],
      bar,
      m,
      y,
      w,
    );
    y += s * 1.5;

    const heading = [
      printer.titleNeeded() ? `${style.labels.title} ${printer.numberLine()}` : printer.numberLine(),
    ];
    heading.push(`${printer.label(style.labels.issueDate)} ${printer.issueDate()}`);
    if (data.dueDate) heading.push(`${printer.label(style.labels.dueDate)} ${printer.date(data.dueDate)}`);
    y += joined(sheet, heading, bar, m, y, w, true);
    y += s * 0.6;
    const customer = [
      `${printer.label(style.labels.customer)} ${data.customer.name}`,
      `${printer.label(style.labels.nit)} ${printer.nit(data.customer.taxId)}`,
      data.customer.address,
      data.customer.city,
    ];
    y += joined(sheet, customer, bar, m, y, w);
    const extra = [`${printer.label(style.labels.paymentTerms)} ${data.paymentTerms}`];
    if (data.purchaseOrder)
      extra.unshift(`${printer.label(style.labels.purchaseOrder)} ${data.purchaseOrder}`);
    y += joined(sheet, extra, bar, m, y, w);
    sheet.y = y + s * 1.5;

    const continuePage = () => {
      sheet.newPage();
      const heading = `${data.supplier.name}${bar}${printer.numberLine()}`;
      sheet.text(heading, m, m, { size: sheet.fit(heading, w, s - 0.5) });
      sheet.y = m + s * 2.5;
    };
    drawTable(sheet, {
      x: m,
      width: w,
      columns: tableColumns(printer, columns),
      rows: tableRows(printer, columns, rng.chance(0.5) ? 'amount' : 'number'),
      look: { grid: 'none', size: s, padding: rng.pick([1.5, 2.5]), headerBold: rng.chance(0.7) },
      reserve: 16,
      continuePage,
    });

    const pieces = printer.totalsRows().map(([label, value]) => `${printer.label(label)} ${value}`);
    const need = s * 5 + remarksHeight(sheet, printer, w) + legalLinesHeight(sheet, printer, w) + 20;
    if (sheet.y + 14 + need > sheet.bottom) continuePage();
    let ty = sheet.y + 14;
    const totalsText = pieces.join('     ');
    if (sheet.textWidth(totalsText, s + 0.5, true) <= w) {
      const right = rng.chance(0.5);
      sheet.text(totalsText, right ? m + w : m, ty, {
        size: s + 0.5,
        bold: true,
        align: right ? 'right' : 'left',
      });
      ty += (s + 0.5) * 1.8;
    } else {
      ty += joined(sheet, pieces, '     ', m, ty, w, true) + s * 0.6;
    }
    ty += remarksBlock(sheet, printer, m, ty, w);
    legalLines(sheet, printer, m, ty + 6, w);
  },
};
