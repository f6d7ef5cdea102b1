import {
  chooseColumns,
  keyValues,
  labelAndValue,
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
import { fillPattern } from '../locale-template.ts';
import type { Printer } from '../printer.ts';
import type { Random } from '../random.ts';
import type { Sheet } from '../sheet.ts';
import { drawTable } from '../table.ts';
import { A4, type Layout, LETTER } from './layout.ts';

/**
 * The common DIAN e-invoice: supplier block top-left, a box top-right with the title, number and dates,
 * a boxed customer block in two columns, a fully gridded table, totals boxed at the right with the
 * remarks beside them, resolution and CUFE at the foot.
 */
export const dianClassic: Layout = {
  name: 'dian-classic',
  maxLines: 40,
  columns: (rng) => chooseColumns(rng, { withoutCode: 0.15 }),
  page: (_printer, rng) => ({ ...(rng.chance(0.5) ? LETTER : A4), margin: 36 }),
  render(sheet: Sheet, printer: Printer, rng: Random, columns) {
    const { data, style } = printer;
    const words = style.words;
    const m = sheet.margin;
    const w = sheet.contentWidth;
    const s = sheet.size;
    const headerSwap = rng.chance(0.3);
    const supplierX = headerSwap ? m + w * 0.52 : m;
    const boxX = headerSwap ? m : m + w * 0.55;
    const boxWidth = w * 0.45;

    let y = m;
    const nameSize = sheet.fit(data.supplier.name, w * 0.44, s + 4, true);
    sheet.text(data.supplier.name, supplierX, y, { size: nameSize, bold: true });
    y += Math.max(nameSize, s + 1) * 1.4;
    y += keyValues(
      sheet,
      printer,
      [
        [style.labels.nit, printer.nit(data.supplier.taxId)],
        [words.address, data.supplier.address],
        [words.city, data.supplier.city],
        [words.phoneShort, data.supplier.phone],
      ],
      supplierX,
      y,
      { size: s, boldLabels: false, valueWidth: w * 0.42 },
    );
    sheet.text(data.supplier.email, supplierX, y, { size: s });
    sheet.text(fillPattern(rng.clone(), rng.pick(words.taxRegime)), supplierX, y + s * 1.35, {
      size: s - 1,
    });
    const supplierBottom = y + s * 2.8;

    const boxTop = m;
    let by = boxTop + 6;
    if (printer.titleNeeded()) {
      sheet.text(style.labels.title, boxX + boxWidth / 2, by, {
        size: sheet.fit(style.labels.title, boxWidth - 10, s + 2, true),
        bold: true,
        align: 'center',
      });
      by += (s + 2) * 1.4;
    }
    sheet.text(printer.numberLine(), boxX + boxWidth / 2, by, {
      size: sheet.fit(printer.numberLine(), boxWidth - 10, s + 2, true),
      bold: true,
      align: 'center',
    });
    by += (s + 2) * 1.6;
    const datePairs: [string, string][] = [[style.labels.issueDate, printer.issueDate()]];
    if (data.dueDate) datePairs.push([style.labels.dueDate, printer.date(data.dueDate)]);
    datePairs.push([style.labels.paymentTerms, data.paymentTerms]);
    by += keyValues(sheet, printer, datePairs, boxX + 6, by, { labelWidth: boxWidth * 0.48, size: s });
    sheet.box(boxX, boxTop, boxWidth, by - boxTop + 4);

    y = Math.max(supplierBottom, by + 4) + 10;
    const customerTop = y;
    sheet.text(style.labels.customer.toUpperCase(), m + 4, y + 3, { size: s, bold: true });
    y += s * 1.6 + 3;
    const left: [string, string][] = [
      [rng.pick(words.customerName), data.customer.name],
      [style.labels.nit, printer.nit(data.customer.taxId)],
      [words.address, data.customer.address],
    ];
    const right: [string, string][] = [
      [words.city, data.customer.city],
      [words.phone, data.customer.phone],
    ];
    if (data.purchaseOrder) right.unshift([style.labels.purchaseOrder, data.purchaseOrder]);
    const leftHeight = keyValues(sheet, printer, left, m + 4, y, {
      labelWidth: 70,
      size: s,
      valueWidth: w * 0.58 - 74,
    });
    const rightHeight = keyValues(sheet, printer, right, m + w * 0.6, y, {
      labelWidth: 80,
      size: s,
      valueWidth: w * 0.4 - 84,
    });
    y += Math.max(leftHeight, rightHeight) + 4;
    sheet.box(m, customerTop, w, y - customerTop);
    sheet.y = y + 10;

    const continuePage = () => {
      sheet.newPage();
      const note = rng.pick(words.continued);
      labelAndValue(sheet, `${data.supplier.name} - ${printer.numberLine()}`, note, m, m + w, m, s, {
        label: true,
      });
      sheet.y = m + s * 2.5;
    };
    drawTable(sheet, {
      x: m,
      width: w,
      columns: tableColumns(printer, columns, rng.pick(['#', words.item, words.itemNumber])),
      rows: tableRows(printer, columns, rng.chance(0.5) ? 'amount' : 'number'),
      look: { grid: 'full', headerFill: rng.pick([0.85, 0.9, 0.8]), size: s, padding: 3, headerBold: true },
      reserve: 20,
      continuePage,
    });

    const totalsLeft = rng.chance(0.2);
    const totalsWidth = w * 0.4;
    const sideWidth = w - totalsWidth - 12;
    const need =
      Math.max(totalsHeight(sheet, printer), remarksHeight(sheet, printer, sideWidth)) +
      legalLinesHeight(sheet, printer, w) +
      16;
    if (sheet.y + 10 + need > sheet.bottom - 12) continuePage();
    const top = sheet.y + 10;
    const used = Math.max(
      totalsBlock(sheet, printer, totalsLeft ? m : m + w - totalsWidth, top, totalsWidth, { boxed: true }),
      remarksBlock(sheet, printer, totalsLeft ? m + totalsWidth + 12 : m, top, sideWidth),
    );
    legalLines(sheet, printer, m, top + used + 8, w);
    if (sheet.pages.length > 1 || rng.chance(0.5))
      pageNumbers(sheet, printer.style.words, rng.pick(['pagina', 'pag', 'slash'] as const));
  },
};
