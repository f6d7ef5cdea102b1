import {
  chooseColumns,
  keyValues,
  legalLines,
  legalLinesHeight,
  pageNumbers,
  remarksBlock,
  remarksHeight,
  tableColumns,
  tableRows,
  totalsBlock,
  totalsHeight,
} from '../blocks.ts';
import type { Company } from '../companies.ts';
import type { Printer } from '../printer.ts';
import type { Random } from '../random.ts';
import type { Sheet } from '../sheet.ts';
import { drawTable } from '../table.ts';
import { A4, type Layout, LETTER } from './layout.ts';

function partyBox(
  sheet: Sheet,
  printer: Printer,
  title: string,
  party: Company,
  x: number,
  top: number,
  width: number,
): number {
  const s = sheet.size;
  const words = printer.style.words;
  sheet.box(x, top, width, s * 1.8, { border: 0.6, fill: 0.9 });
  sheet.text(title, x + 5, top + s * 0.45, { size: s, bold: true });
  let y = top + s * 1.8 + 4;
  y += sheet.paragraph(party.name, x + 5, y, width - 10, { size: s + 0.5, bold: true });
  y += keyValues(
    sheet,
    printer,
    [
      [printer.style.labels.nit, printer.nit(party.taxId)],
      [words.address, party.address],
      [words.city, party.city],
      [words.phone, party.phone],
      [words.email, party.email],
    ],
    x + 5,
    y,
    { size: s - 0.5, boldLabels: false, valueWidth: width - 10 },
  );
  return y + 4 - top;
}

/**
 * A letterhead with the supplier's brand as a large logo, the invoice number in a shaded band, the dates
 * on one line, seller and buyer side by side in two boxes, and the totals boxed at the right.
 */
export const logoHeader: Layout = {
  name: 'logo-header',
  maxLines: 40,
  columns: (rng) => chooseColumns(rng, { withoutCode: 0.4 }),
  page: (_printer, rng) => ({ ...(rng.chance(0.5) ? LETTER : A4), margin: rng.pick([28, 34, 40]) }),
  render(sheet: Sheet, printer: Printer, rng: Random, columns) {
    const { data, style } = printer;
    const m = sheet.margin;
    const w = sheet.contentWidth;
    const s = sheet.size;
    let y = m;
    const logoSize = rng.pick([20, 24, 28]);
    const brand = data.supplier.brand.toUpperCase();
    const logoWidth = Math.min(w * 0.55, sheet.textWidth(brand, logoSize, true));
    const fittedLogo = Math.min(logoSize, (logoSize * w * 0.55) / sheet.textWidth(brand, logoSize, true));
    sheet.text(brand, m, y, { size: fittedLogo, bold: true, grey: rng.pick([0, 0.2, 0.4]) });
    sheet.hline(m, m + logoWidth, y + fittedLogo * 1.05, 2);
    sheet.text(rng.pick(style.words.taglines), m, y + fittedLogo * 1.25, { size: s, grey: 0.3 });

    const bandX = m + w * 0.58;
    const bandWidth = w * 0.42;
    sheet.box(bandX, y, bandWidth, s * 4.6, { border: 0.8, fill: rng.pick([0.85, 0.92]) });
    sheet.text(style.labels.title, bandX + bandWidth / 2, y + s * 0.6, {
      size: sheet.fit(style.labels.title, bandWidth - 10, s + 0.5, true),
      bold: true,
      align: 'center',
    });
    const number = printer.titleNeeded() ? printer.numberLine() : data.number;
    sheet.text(number, bandX + bandWidth / 2, y + s * 2.3, {
      size: sheet.fit(number, bandWidth - 10, s + 3, true),
      bold: true,
      align: 'center',
    });
    y += Math.max(fittedLogo * 1.25 + s * 1.6, s * 4.6) + 10;

    const inline: string[] = [`${printer.label(style.labels.issueDate)} ${printer.issueDate()}`];
    if (data.dueDate) inline.push(`${printer.label(style.labels.dueDate)} ${printer.date(data.dueDate)}`);
    if (data.purchaseOrder) inline.push(`${printer.label(style.labels.purchaseOrder)} ${data.purchaseOrder}`);
    inline.push(`${printer.label(style.labels.paymentTerms)} ${data.paymentTerms}`);
    const gap =
      (w - inline.reduce((sum, part) => sum + sheet.textWidth(part, s), 0)) / Math.max(1, inline.length - 1);
    if (gap > 12) {
      let x = m;
      for (const part of inline) {
        sheet.text(part, x, y, { size: s });
        x += sheet.textWidth(part, s) + gap;
      }
      y += s * 1.8;
    } else {
      for (const part of inline) {
        sheet.text(part, m, y, { size: s });
        y += s * 1.35;
      }
      y += s * 0.5;
    }

    const half = (w - 12) / 2;
    const customerLeft = rng.chance(0.3);
    const supplierTitle = style.labels.supplier.toUpperCase();
    const customerTitle = rng.pick([...style.words.buyerTitles, style.labels.customer.toUpperCase()]);
    const h1 = partyBox(
      sheet,
      printer,
      supplierTitle,
      data.supplier,
      customerLeft ? m + half + 12 : m,
      y,
      half,
    );
    const h2 = partyBox(
      sheet,
      printer,
      customerTitle,
      data.customer,
      customerLeft ? m : m + half + 12,
      y,
      half,
    );
    sheet.y = y + Math.max(h1, h2) + 12;

    const continuePage = () => {
      sheet.newPage();
      sheet.text(brand, m, m, { size: sheet.fit(brand, w * 0.5, s + 4, true), bold: true });
      sheet.text(printer.numberLine(), m + w, m, {
        size: sheet.fit(printer.numberLine(), w * 0.45, s, true),
        bold: true,
        align: 'right',
      });
      sheet.y = m + (s + 4) * 2;
    };
    drawTable(sheet, {
      x: m,
      width: w,
      columns: tableColumns(printer, columns),
      rows: tableRows(printer, columns, rng.chance(0.6) ? 'number' : 'amount'),
      look: {
        grid: rng.pick(['header', 'rows', 'full'] as const),
        headerFill: 0.9,
        size: s,
        padding: 3,
        headerBold: true,
      },
      reserve: 20,
      continuePage,
    });

    const totalsWidth = w * 0.4;
    const need =
      Math.max(totalsHeight(sheet, printer, s + 1), remarksHeight(sheet, printer, w - totalsWidth - 14)) +
      legalLinesHeight(sheet, printer, w) +
      20;
    if (sheet.y + 12 + need > sheet.bottom - 10) continuePage();
    const top = sheet.y + 12;
    const used = Math.max(
      totalsBlock(sheet, printer, m + w - totalsWidth, top, totalsWidth, { boxed: true, size: s + 1 }),
      remarksBlock(sheet, printer, m, top, w - totalsWidth - 14),
    );
    legalLines(sheet, printer, m, top + used + 10, w);
    pageNumbers(sheet, printer.style.words, rng.pick(['pagina', 'pag'] as const));
  },
};
