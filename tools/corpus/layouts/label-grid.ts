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
  totalsHeight,
} from '../blocks.ts';
import type { Printer } from '../printer.ts';
import type { Random } from '../random.ts';
import type { Sheet } from '../sheet.ts';
import { drawTable } from '../table.ts';
import { A4, type Layout, LETTER } from './layout.ts';

type Cell = [label: string, value: string, span: number];

/** A row of boxed cells, each with a small label above its value. Returns the row height. */
function cellRow(sheet: Sheet, cells: Cell[], top: number, labelSize: number): number {
  const spans = cells.reduce((sum, [, , span]) => sum + span, 0);
  const unit = sheet.contentWidth / spans;
  const valueSize = sheet.size + 0.5;
  const wrapped = cells.map(([, value, span]) => sheet.wrap(value, unit * span - 8, valueSize));
  const height = labelSize * 1.5 + Math.max(...wrapped.map((w) => w.length)) * valueSize * 1.25 + 6;
  let x = sheet.margin;
  cells.forEach(([label, , span], i) => {
    sheet.box(x, top, unit * span, height, { border: 0.5 });
    const text = label.toUpperCase();
    const fitted = Math.min(
      labelSize,
      (0.95 * labelSize * (unit * span - 8)) / sheet.textWidth(text, labelSize),
    );
    sheet.text(text, x + 4, top + 3, { size: fitted, grey: 0.3 });
    (wrapped[i] ?? []).forEach((line, j) => {
      sheet.text(line, x + 4, top + 3 + labelSize * 1.5 + j * valueSize * 1.25, { size: valueSize });
    });
    x += unit * span;
  });
  return height;
}

/**
 * Centred letterhead, then the header facts as a grid of labelled cells (label above value), a table
 * ruled by rows, totals on the left as a plain two-column list and the remarks to their right.
 */
export const labelGrid: Layout = {
  name: 'label-grid',
  maxLines: 40,
  columns: (rng) => chooseColumns(rng, { withoutCode: 0.3 }),
  page: (_printer, rng) => ({ ...(rng.chance(0.6) ? LETTER : A4), margin: rng.pick([30, 36, 42]) }),
  render(sheet: Sheet, printer: Printer, rng: Random, columns) {
    const { data, style } = printer;
    const m = sheet.margin;
    const w = sheet.contentWidth;
    const s = sheet.size;
    const centre = m + w / 2;
    let y = m;
    sheet.text(data.supplier.name, centre, y, { size: s + 6, bold: true, align: 'center' });
    y += (s + 6) * 1.35;
    const contact = `${printer.label(style.labels.nit)} ${printer.nit(data.supplier.taxId)}  ·  ${data.supplier.address}  ·  ${data.supplier.city}`;
    y += sheet.paragraph(contact, m + 20, y, w - 40, { size: s - 0.5, align: 'left' });
    sheet.text(`${data.supplier.phone}  ·  ${data.supplier.email}`, centre, y, {
      size: s - 0.5,
      align: 'center',
    });
    y += s * 2.2;
    if (printer.titleNeeded() || rng.chance(0.5)) {
      sheet.text(style.labels.title, centre, y, { size: s + 3, bold: true, align: 'center' });
      y += (s + 3) * 1.6;
    }
    const labelSize = Math.max(5.5, s - 2);
    const first: Cell[] = [
      [style.labels.number.replace(/:$/, ''), data.number, 1],
      [style.labels.issueDate, printer.issueDate(), 1],
      data.dueDate
        ? [style.labels.dueDate, printer.date(data.dueDate), 1]
        : [style.labels.paymentTerms, data.paymentTerms, 1],
    ];
    if (data.purchaseOrder) first.push([style.labels.purchaseOrder, data.purchaseOrder, 1]);
    y += cellRow(sheet, first, y, labelSize);
    y += cellRow(
      sheet,
      [
        [style.labels.customer, data.customer.name, 2],
        [style.labels.nit, printer.nit(data.customer.taxId), 1],
        [style.words.city, data.customer.city, 1],
      ],
      y,
      labelSize,
    );
    if (rng.chance(0.6)) {
      y += cellRow(
        sheet,
        [
          [style.words.address, data.customer.address, 2],
          [style.words.phone, data.customer.phone, 1],
          [style.labels.paymentTerms, data.paymentTerms, 1],
        ],
        y,
        labelSize,
      );
    }
    sheet.y = y + 14;

    const continuePage = () => {
      sheet.newPage();
      const heading = `${printer.numberLine()} - ${data.supplier.name}`;
      sheet.text(heading, centre, m, {
        size: sheet.fit(heading, w, s, true),
        bold: true,
        align: 'center',
      });
      sheet.y = m + s * 2.5;
    };
    drawTable(sheet, {
      x: m,
      width: w,
      columns: tableColumns(printer, columns, rng.pick([style.words.item, '#'])),
      rows: tableRows(printer, columns, rng.chance(0.7) ? 'number' : 'amount'),
      look: {
        grid: rng.pick(['rows', 'header'] as const),
        headerFill: rng.chance(0.5) ? 0.92 : undefined,
        size: s,
        padding: rng.pick([2.5, 3.5]),
        headerBold: true,
      },
      reserve: 24,
      continuePage,
    });

    const totalsWidth = w * 0.42;
    const sideWidth = w - totalsWidth - 20;
    const need =
      Math.max(totalsHeight(sheet, printer, s + 1), remarksHeight(sheet, printer, sideWidth)) +
      legalLinesHeight(sheet, printer, w) +
      24;
    if (sheet.y + 14 + need > sheet.bottom - 12) continuePage();
    const top = sheet.y + 14;
    let ty = top;
    for (const [label, value] of printer.totalsRows()) {
      labelAndValue(sheet, printer.label(label), value, m, m + totalsWidth, ty, s + 1, { label: true });
      ty += (s + 1) * 1.45;
    }
    const remarks = remarksBlock(sheet, printer, m + totalsWidth + 20, top, sideWidth);
    legalLines(sheet, printer, m, Math.max(ty, top + remarks) + 10, w);
    if (sheet.pages.length > 1) pageNumbers(sheet, printer.style.words, rng.pick(['pagina', 'pag'] as const));
  },
};
