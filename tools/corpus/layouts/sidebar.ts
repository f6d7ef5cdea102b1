import {
  chooseColumns,
  keyValues,
  legalLines,
  legalLinesHeight,
  remarksBlock,
  remarksHeight,
  tableColumns,
  tableRows,
  totalsBlock,
  totalsHeight,
} from '../blocks.ts';
import type { Printer } from '../printer.ts';
import type { Random } from '../random.ts';
import type { Sheet } from '../sheet.ts';
import { drawTable } from '../table.ts';
import { A4, type Layout, LETTER } from './layout.ts';

const BAND = 150;

/** Label above value, stacked down the band. Returns the new top. */
function stacked(sheet: Sheet, label: string, value: string, x: number, top: number, width: number): number {
  const s = sheet.size;
  sheet.text(label.toUpperCase(), x, top, {
    size: sheet.fit(label.toUpperCase(), width, s - 1.5),
    grey: 0.35,
  });
  const height = sheet.paragraph(value, x, top + (s - 1.5) * 1.3, width, { size: s, bold: true });
  return top + (s - 1.5) * 1.3 + height + 6;
}

/**
 * A shaded band down the left edge carries the supplier and the invoice facts (label above value); the
 * customer, the table and the totals fill the narrower column to its right.
 */
export const sidebar: Layout = {
  name: 'sidebar',
  maxLines: 40,
  columns: (rng) => chooseColumns(rng, { withoutCode: 0.5 }),
  page: (_printer, rng) => ({ ...(rng.chance(0.5) ? LETTER : A4), margin: 30 }),
  render(sheet: Sheet, printer: Printer, rng: Random, columns) {
    const { data, style } = printer;
    const m = sheet.margin;
    const s = sheet.size;
    const fill = rng.pick([0.9, 0.93, 0.86]);
    const bandX = m;
    const inner = BAND - 16;
    const mainX = m + BAND + 14;
    const mainWidth = sheet.width - m - mainX;
    const band = () => sheet.box(bandX, m, BAND, sheet.height - 2 * m, { border: 0, fill });

    band();
    let by = m + 10;
    const nameSize = sheet.fit(data.supplier.brand.toUpperCase(), inner, s + 5, true);
    sheet.text(data.supplier.brand.toUpperCase(), bandX + 8, by, { size: nameSize, bold: true });
    by += nameSize * 1.6;
    by += sheet.paragraph(data.supplier.name, bandX + 8, by, inner, { size: s - 0.5, bold: true }) + 2;
    for (const line of [
      `${printer.label(style.labels.nit)} ${printer.nit(data.supplier.taxId)}`,
      data.supplier.address,
      data.supplier.city,
      data.supplier.phone,
      data.supplier.email,
    ]) {
      by += sheet.paragraph(line, bandX + 8, by, inner, { size: s - 1.5 });
    }
    by += 14;
    sheet.hline(bandX + 8, bandX + BAND - 8, by - 7, 0.5);
    sheet.text(style.labels.title, bandX + 8, by, {
      size: sheet.fit(style.labels.title, inner, s, true),
      bold: true,
    });
    by += s * 1.8;
    by = stacked(sheet, style.labels.number, data.number, bandX + 8, by, inner);
    by = stacked(sheet, style.labels.issueDate, printer.issueDate(), bandX + 8, by, inner);
    if (data.dueDate)
      by = stacked(sheet, style.labels.dueDate, printer.date(data.dueDate), bandX + 8, by, inner);
    if (data.purchaseOrder)
      by = stacked(sheet, style.labels.purchaseOrder, data.purchaseOrder, bandX + 8, by, inner);
    by = stacked(sheet, style.labels.paymentTerms, data.paymentTerms, bandX + 8, by, inner);
    if (data.cufe) {
      sheet.text(style.labels.cufe.toUpperCase(), bandX + 8, by, { size: s - 1.5, grey: 0.35 });
      // The CUFE is too long for the band: it is printed in four short lines.
      for (let i = 0; i < 4; i++) {
        sheet.text(data.cufe.slice(i * 24, i * 24 + 24), bandX + 8, by + (s - 1.5) * 1.3 * (i + 1), {
          size: sheet.fit('0'.repeat(24), inner, s - 1.5),
        });
      }
    }

    let y = m + 6;
    sheet.text(printer.label(rng.pick([style.labels.customer, ...style.words.billTo])), mainX, y, {
      size: s,
      bold: true,
      grey: 0.3,
    });
    y += s * 1.5;
    y += sheet.paragraph(data.customer.name, mainX, y, mainWidth, { size: s + 2, bold: true });
    y += keyValues(
      sheet,
      printer,
      [
        [style.labels.nit, printer.nit(data.customer.taxId)],
        [style.words.address, `${data.customer.address}, ${data.customer.city}`],
        [style.words.phone, data.customer.phone],
      ],
      mainX,
      y,
      { size: s, boldLabels: false, valueWidth: mainWidth - 60 },
    );
    sheet.y = y + 16;

    const continuePage = () => {
      sheet.newPage();
      band();
      sheet.text(data.supplier.brand.toUpperCase(), bandX + 8, m + 10, { size: nameSize, bold: true });
      sheet.text(printer.numberLine(), mainX, m + 6, {
        size: sheet.fit(printer.numberLine(), mainWidth, s, true),
        bold: true,
      });
      sheet.y = m + s * 3;
    };
    drawTable(sheet, {
      x: mainX,
      width: mainWidth,
      columns: tableColumns(printer, columns),
      rows: tableRows(printer, columns, 'number'),
      look: { grid: rng.pick(['rows', 'header'] as const), size: s - 0.5, padding: 2.5, headerBold: true },
      reserve: 16,
      continuePage,
    });

    const totalsWidth = mainWidth * 0.6;
    const need =
      totalsHeight(sheet, printer) +
      remarksHeight(sheet, printer, mainWidth) +
      legalLinesHeight(sheet, printer, mainWidth) +
      30;
    if (sheet.y + 12 + need > sheet.bottom) continuePage();
    let ty = sheet.y + 12;
    ty +=
      totalsBlock(sheet, printer, mainX + mainWidth - totalsWidth, ty, totalsWidth, {
        boxed: rng.chance(0.5),
      }) + 10;
    ty += remarksBlock(sheet, printer, mainX, ty, mainWidth);
    legalLines(sheet, printer, mainX, ty + 4, mainWidth, false);
  },
};
