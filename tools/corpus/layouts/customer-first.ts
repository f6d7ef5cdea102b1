import {
  chooseColumns,
  keyValues,
  labelAndValue,
  legalLines,
  legalLinesHeight,
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
import { amountInWords } from '../words.ts';
import { A4, type Layout, LETTER } from './layout.ts';

/** The supplier's identity as one footer band on every page, drawn once the pages exist. */
function supplierFooter(sheet: Sheet, printer: Printer): void {
  const { data, style } = printer;
  const text = `${data.supplier.name}  ·  ${printer.label(style.labels.nit)} ${printer.nit(data.supplier.taxId)}  ·  ${data.supplier.address}, ${data.supplier.city}  ·  ${data.supplier.phone}  ·  ${data.supplier.email}`;
  const size = Math.min(sheet.size - 0.5, (sheet.contentWidth / sheet.textWidth(text, 10)) * 10);
  for (const page of sheet.pages) {
    sheet.hline(sheet.margin, sheet.width - sheet.margin, sheet.bottom - 4, 0.5, page);
    sheet.text(text, sheet.width / 2, sheet.bottom, { size, align: 'center' }, page);
  }
}

/**
 * Addressed like a letter: the customer block first ("Señores: …") with the title, number and dates at
 * the right, a table under a dark header band, totals right-aligned without a box followed by the amount
 * in words, and the supplier only in a footer band.
 */
export const customerFirst: Layout = {
  name: 'customer-first',
  maxLines: 40,
  columns: (rng) => chooseColumns(rng, { withoutCode: 0.25 }),
  page: (_printer, rng) => ({ ...(rng.chance(0.5) ? LETTER : A4), margin: rng.pick([32, 40]) }),
  render(sheet: Sheet, printer: Printer, rng: Random, columns) {
    const { data, style } = printer;
    const words = style.words;
    const m = sheet.margin;
    const w = sheet.contentWidth;
    const s = sheet.size;
    const footerSpace = s * 2.5;
    let y = m;
    if (rng.chance(0.5)) {
      sheet.text(data.supplier.brand.toUpperCase(), m, y, { size: s + 1, bold: true, grey: 0.35 });
      y += (s + 1) * 2;
    }
    const customerTop = y;
    sheet.text(printer.label(rng.pick([...words.salutations, style.labels.customer])), m, y, {
      size: s,
      bold: true,
    });
    y += s * 1.4;
    sheet.text(data.customer.name, m, y, {
      size: sheet.fit(data.customer.name, w * 0.5, s + 2, true),
      bold: true,
    });
    y += (s + 2) * 1.4;
    y += keyValues(
      sheet,
      printer,
      [
        [style.labels.nit, printer.nit(data.customer.taxId)],
        [words.address, data.customer.address],
        [words.city, data.customer.city],
        [words.phoneShort, data.customer.phone],
      ],
      m,
      y,
      { size: s, boldLabels: false, valueWidth: w * 0.45 },
    );

    const rightX = m + w * 0.55;
    let ry = customerTop;
    if (printer.titleNeeded()) {
      sheet.text(style.labels.title, m + w, ry, {
        size: sheet.fit(style.labels.title, w * 0.44, s + 4, true),
        bold: true,
        align: 'right',
      });
      ry += (s + 4) * 1.5;
    }
    const pairs: [string, string][] = [
      [style.labels.number, data.number],
      [style.labels.issueDate, printer.issueDate()],
    ];
    if (data.dueDate) pairs.push([style.labels.dueDate, printer.date(data.dueDate)]);
    if (data.purchaseOrder) pairs.push([style.labels.purchaseOrder, data.purchaseOrder]);
    pairs.push([style.labels.paymentTerms, data.paymentTerms]);
    ry += keyValues(sheet, printer, pairs, rightX, ry, { labelWidth: w * 0.22, size: s + 0.5 });
    sheet.y = Math.max(y, ry) + 16;

    const continuePage = () => {
      sheet.newPage();
      const customer = `${printer.label(style.labels.customer)} ${data.customer.name}`;
      labelAndValue(sheet, customer, printer.numberLine(), m, m + w, m, s, { value: true });
      sheet.y = m + s * 2.5;
    };
    const dark = rng.chance(0.6);
    drawTable(sheet, {
      x: m,
      width: w,
      columns: tableColumns(printer, columns, words.item),
      rows: tableRows(printer, columns, rng.chance(0.5) ? 'amount' : 'number'),
      look: {
        grid: dark ? 'none' : 'header',
        headerFill: dark ? rng.pick([0.15, 0.25, 0.3]) : 0.88,
        headerInverse: dark,
        size: s,
        padding: 3.5,
        headerBold: true,
      },
      reserve: footerSpace + 10,
      continuePage,
    });
    if (dark) sheet.hline(m, m + w, sheet.y + 2, 0.8);

    const totalsWidth = w * 0.38;
    const inWordsLabel = rng.pick(words.inWords);
    const inWords =
      words.spellsAmount && (data.currency === 'COP' || data.currency === 'USD')
        ? `${inWordsLabel}: ${amountInWords(data.net, data.currency)}`
        : null;
    const need =
      Math.max(totalsHeight(sheet, printer), remarksHeight(sheet, printer, w - totalsWidth - 16)) +
      (inWords ? s * 4 : 0) +
      legalLinesHeight(sheet, printer, w) +
      footerSpace;
    if (sheet.y + 12 + need > sheet.bottom) continuePage();
    let ty = sheet.y + 12;
    const rows = printer.totalsRows();
    rows.forEach(([label, value], i) => {
      const last = i === rows.length - 1;
      if (last) sheet.hline(m + w - totalsWidth, m + w, ty - 2, 0.8);
      labelAndValue(sheet, printer.label(label), value, m + w - totalsWidth, m + w, ty, s + 0.5, {
        label: last,
        value: last,
      });
      ty += (s + 0.5) * 1.5;
    });
    const remarks = remarksBlock(sheet, printer, m, sheet.y + 12, w - totalsWidth - 16);
    let y2 = Math.max(ty, sheet.y + 12 + remarks) + 6;
    if (inWords) y2 += sheet.paragraph(inWords, m, y2, w, { size: s - 0.5, bold: true }) + 6;
    legalLines(sheet, printer, m, y2, w);
    supplierFooter(sheet, printer);
  },
};
