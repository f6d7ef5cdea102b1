import {
  chooseColumns,
  labelAndValue,
  legalLines,
  legalLinesHeight,
  pageNumbers,
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

/** Two-column grid of shaded label cells beside value cells. Returns the height used. */
function labelledGrid(sheet: Sheet, rows: [string, string][], x: number, top: number, width: number): number {
  const s = sheet.size;
  const labelWidth = width * 0.42;
  let y = top;
  for (const [label, value] of rows) {
    const lines = sheet.wrap(value, width - labelWidth - 8, s);
    const labelSize = Math.min(s, (s * (labelWidth - 8)) / sheet.textWidth(label, s, true));
    const height = lines.length * s * 1.25 + 6;
    sheet.box(x, y, labelWidth, height, { border: 0.5, fill: 0.9 });
    sheet.box(x + labelWidth, y, width - labelWidth, height, { border: 0.5 });
    sheet.text(label, x + 4, y + 3, { size: labelSize, bold: true });
    lines.forEach((line, i) => {
      sheet.text(line, x + labelWidth + 4, y + 3 + i * s * 1.25, { size: s });
    });
    y += height;
  }
  return y - top;
}

/**
 * An ERP print-out: supplier lines at the top left, title between two rules, header facts in two grids of
 * shaded label cells (invoice facts left, customer right), a fully ruled table with an item number, and
 * the totals at the left, sometimes with dot leaders.
 */
export const ledger: Layout = {
  name: 'ledger',
  maxLines: 40,
  columns: (rng) => {
    const columns = chooseColumns(rng, { withoutCode: 0.1 });
    return columns.includes('index') || rng.chance(0.5) ? columns : ['index', ...columns];
  },
  page: (_printer, rng) => ({ ...(rng.chance(0.5) ? LETTER : A4), margin: rng.pick([36, 45]) }),
  render(sheet: Sheet, printer: Printer, rng: Random, columns) {
    const { data, style } = printer;
    const m = sheet.margin;
    const w = sheet.contentWidth;
    const s = sheet.size;
    let y = m;
    sheet.text(data.supplier.name, m, y, { size: s + 2, bold: true });
    y += (s + 2) * 1.4;
    for (const line of [
      `${printer.label(style.labels.nit)} ${printer.nit(data.supplier.taxId)}`,
      `${data.supplier.address} - ${data.supplier.city}`,
      `${data.supplier.phone} - ${data.supplier.email}`,
    ]) {
      sheet.text(line, m, y, { size: s - 0.5 });
      y += s * 1.25;
    }
    y += 8;
    sheet.hline(m, m + w, y, 1.2);
    y += 5;
    const heading = printer.titleNeeded()
      ? `${style.labels.title}  ${printer.numberLine()}`
      : printer.numberLine();
    sheet.text(heading, m + w / 2, y, {
      size: sheet.fit(heading, w, s + 3, true),
      bold: true,
      align: 'center',
    });
    y += (s + 3) * 1.3 + 3;
    sheet.hline(m, m + w, y, 1.2);
    y += 10;

    const facts: [string, string][] = [
      [style.labels.issueDate, printer.issueDate()],
      ...(data.dueDate ? [[style.labels.dueDate, printer.date(data.dueDate)] as [string, string]] : []),
      [style.labels.paymentTerms, data.paymentTerms],
      ...(data.purchaseOrder ? [[style.labels.purchaseOrder, data.purchaseOrder] as [string, string]] : []),
      [style.words.currency, data.currency],
    ];
    const customer: [string, string][] = [
      [style.labels.customer, data.customer.name],
      [style.labels.nit, printer.nit(data.customer.taxId)],
      [style.words.address, data.customer.address],
      [style.words.city, data.customer.city],
    ];
    const half = (w - 10) / 2;
    const swap = rng.chance(0.4);
    const h1 = labelledGrid(sheet, swap ? customer : facts, m, y, half);
    const h2 = labelledGrid(sheet, swap ? facts : customer, m + half + 10, y, half);
    sheet.y = y + Math.max(h1, h2) + 12;

    const continuePage = () => {
      sheet.newPage();
      labelAndValue(
        sheet,
        data.supplier.name,
        `${printer.numberLine()} ${style.words.continuedShort}`,
        m,
        m + w,
        m,
        s,
        {
          label: true,
        },
      );
      sheet.hline(m, m + w, m + s * 1.6, 1.2);
      sheet.y = m + s * 2.6;
    };
    drawTable(sheet, {
      x: m,
      width: w,
      columns: tableColumns(
        printer,
        columns,
        rng.pick([style.words.item, style.words.itemShort, style.words.itemNumber]),
      ),
      rows: tableRows(printer, columns, 'number'),
      look: {
        grid: 'full',
        size: s,
        padding: 2.5,
        headerBold: true,
        headerFill: rng.chance(0.5) ? 0.95 : undefined,
      },
      reserve: 22,
      continuePage,
    });

    const rows = printer.totalsRows();
    const leaders = rng.chance(0.5);
    const blockWidth = w * 0.45;
    const sideWidth = w - blockWidth - 16;
    const need =
      Math.max(rows.length * s * 1.5, remarksHeight(sheet, printer, sideWidth)) +
      legalLinesHeight(sheet, printer, w) +
      24;
    if (sheet.y + 12 + need > sheet.bottom - 10) continuePage();
    const top = sheet.y + 12;
    let ty = top;
    for (const [label, value] of rows) {
      const labelText = printer.label(label);
      const labelEnd = labelAndValue(sheet, labelText, value, m, m + blockWidth, ty, s, { label: true });
      if (leaders) {
        const start = labelEnd + sheet.textWidth('  ', s);
        const end = m + blockWidth - sheet.textWidth(` ${value}`, s);
        const dots = Math.floor((end - start) / sheet.textWidth('.', s));
        if (dots > 2) sheet.text('.'.repeat(dots), start, ty, { size: s });
      }
      ty += s * 1.5;
    }
    const remarks = remarksBlock(sheet, printer, m + blockWidth + 16, top, sideWidth);
    legalLines(sheet, printer, m, Math.max(ty, top + remarks) + 10, w);
    if (sheet.pages.length > 1 || rng.chance(0.7)) pageNumbers(sheet, printer.style.words, 'pagina');
  },
};
