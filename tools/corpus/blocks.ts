import type { LayoutWords } from './locales/types.ts';
import type { ColumnKey, Printer } from './printer.ts';
import type { Random } from './random.ts';
import type { Sheet, TextOptions } from './sheet.ts';
import type { TableColumn } from './table.ts';

/** Building blocks shared by the layouts: column sets, totals, label/value lists, page numbers. */

const COLUMN_ORDERS: ColumnKey[][] = [
  ['code', 'description', 'quantity', 'unit', 'unitPrice', 'amount'],
  ['code', 'description', 'unit', 'quantity', 'unitPrice', 'amount'],
  ['quantity', 'unit', 'code', 'description', 'unitPrice', 'amount'],
  ['index', 'code', 'description', 'quantity', 'unit', 'unitPrice', 'amount'],
  ['code', 'description', 'quantity', 'unit', 'unitPrice', 'taxRate', 'amount'],
  ['description', 'code', 'quantity', 'unitPrice', 'amount'],
  ['index', 'description', 'unit', 'quantity', 'unitPrice', 'amount'],
  ['quantity', 'description', 'unitPrice', 'amount'],
];

export function chooseColumns(rng: Random, options: { withoutCode: number }): ColumnKey[] {
  const order = [...rng.pick(COLUMN_ORDERS)];
  if (order.includes('code') && rng.chance(options.withoutCode)) return order.filter((key) => key !== 'code');
  return order;
}

const WEIGHTS: Record<ColumnKey, number> = {
  index: 0.35,
  code: 0.9,
  description: 4,
  quantity: 0.6,
  unit: 0.6,
  unitPrice: 1.3,
  amount: 1.4,
  taxRate: 0.55,
};

export function tableColumns(printer: Printer, keys: ColumnKey[], indexHeader = '#'): TableColumn[] {
  const headers = printer.style.columns;
  return keys.map((key) => ({
    key,
    header:
      key === 'index' ? indexHeader : key === 'taxRate' ? printer.style.words.taxRateColumn : headers[key],
    weight: WEIGHTS[key],
    align:
      key === 'description' || key === 'code'
        ? 'left'
        : key === 'unit' || key === 'index' || key === 'taxRate'
          ? 'center'
          : 'right',
  }));
}

export function tableRows(
  printer: Printer,
  keys: ColumnKey[],
  money: 'amount' | 'number',
): Record<ColumnKey, string>[] {
  return printer.data.lines.map((line, index) => {
    const row = {} as Record<ColumnKey, string>;
    for (const key of keys) row[key] = printer.cell(line, key, index, money);
    return row;
  });
}

/** Label/value rows; returns the height used. `labelWidth` aligns values in a column, else inline. */
export function keyValues(
  sheet: Sheet,
  printer: Printer,
  pairs: [string, string][],
  x: number,
  top: number,
  options: { labelWidth?: number; size?: number; boldLabels?: boolean; valueWidth?: number } = {},
): number {
  const size = options.size ?? sheet.size;
  const leading = size * 1.35;
  let y = top;
  for (const [label, value] of pairs) {
    const labelText = printer.label(label);
    const labelOptions: TextOptions = { size, bold: options.boldLabels ?? true };
    sheet.text(labelText, x, y, labelOptions);
    const inline = x + sheet.textWidth(`${labelText} `, size, labelOptions.bold);
    // A long label ("FACTURA ELECTRÓNICA DE VENTA No.") pushes its value right instead of overprinting it.
    const valueX = options.labelWidth !== undefined ? Math.max(x + options.labelWidth, inline) : inline;
    const shift = options.labelWidth !== undefined ? valueX - (x + options.labelWidth) : 0;
    const width =
      options.valueWidth !== undefined ? options.valueWidth - shift : sheet.width - sheet.margin - valueX;
    // Values wrap between words only: a token too wide for the space (an invoice number) shrinks instead.
    const widestWord = Math.max(...value.split(' ').map((word) => sheet.textWidth(word, size)));
    const valueSize = widestWord > width ? (0.97 * size * width) / widestWord : size;
    const lines = sheet.wrap(value, width, valueSize);
    lines.forEach((line, i) => {
      sheet.text(line, valueX, y + i * leading, { size: valueSize });
    });
    y += lines.length * leading;
  }
  return y - top;
}

/**
 * A label at `left` and its value right-aligned at `right` on one line; the label (and, if it must, the
 * value) shrinks so that the two never collide. Returns the right edge of the label.
 */
export function labelAndValue(
  sheet: Sheet,
  label: string,
  value: string,
  left: number,
  right: number,
  top: number,
  size: number,
  bold: { label?: boolean; value?: boolean } = {},
): number {
  const available = right - left;
  const valueSize = sheet.fit(value, available * 0.55, size, bold.value);
  const labelSize = sheet.fit(
    label,
    available - sheet.textWidth(value, valueSize, bold.value) - 8,
    size,
    bold.label,
  );
  sheet.text(label, left, top, { size: labelSize, bold: bold.label });
  sheet.text(value, right, top, { size: valueSize, bold: bold.value, align: 'right' });
  return left + sheet.textWidth(label, labelSize, bold.label);
}

/** The totals block, labels on the left and amounts right-aligned, optionally boxed. Returns the height. */
export function totalsBlock(
  sheet: Sheet,
  printer: Printer,
  x: number,
  top: number,
  width: number,
  options: { boxed?: boolean; size?: number; emphasiseLast?: boolean } = {},
): number {
  const rows = printer.totalsRows();
  const size = options.size ?? sheet.size + 0.5;
  const leading = size * 1.45;
  const padding = 3;
  const height = rows.length * leading + 2 * padding;
  if (options.boxed) sheet.box(x, top, width, height);
  rows.forEach(([label, value], i) => {
    const last = i === rows.length - 1 && (options.emphasiseLast ?? true);
    const y = top + padding + i * leading;
    labelAndValue(sheet, printer.label(label), value, x + padding, x + width - padding, y, size, {
      label: last,
      value: last,
    });
    if (options.boxed && i < rows.length - 1) sheet.hline(x, x + width, y + leading - size * 0.2, 0.2);
  });
  return height;
}

/** "Página i de n" (in the invoice's language) on every page, once the page count is known. */
export function pageNumbers(sheet: Sheet, words: LayoutWords, wording: 'pagina' | 'pag' | 'slash'): void {
  const count = sheet.pages.length;
  sheet.pages.forEach((page, i) => {
    const text =
      wording === 'pagina'
        ? `${words.page} ${i + 1} ${words.pageOf} ${count}`
        : wording === 'pag'
          ? `${words.pageShort} ${i + 1}/${count}`
          : `${i + 1}/${count}`;
    sheet.text(
      text,
      sheet.width - sheet.margin,
      sheet.height - sheet.margin * 0.6,
      { size: 7, align: 'right' },
      page,
    );
  });
}

/** The remarks ("Observaciones") as a wrapped paragraph; returns the height used (0 when none). */
export function remarksBlock(sheet: Sheet, printer: Printer, x: number, top: number, width: number): number {
  const { data, style } = printer;
  if (!data.remarks) return 0;
  return (
    sheet.paragraph(`${printer.label(style.labels.remarks)} ${data.remarks}`, x, top, width, {
      size: sheet.size - 0.5,
    }) + 4
  );
}

/** Resolution text and CUFE (kept on one line: it is shrunk to fit the width). Returns the height used. */
export function legalLines(
  sheet: Sheet,
  printer: Printer,
  x: number,
  top: number,
  width: number,
  withCufe = true,
): number {
  const { data, style } = printer;
  const size = Math.max(6, sheet.size - 1.5);
  let y = top;
  y += sheet.paragraph(data.resolution, x, y, width, { size }) + 2;
  if (data.cufe && withCufe) {
    const text = `${printer.label(style.labels.cufe)} ${data.cufe}`;
    const fitted = Math.min(size, (width / sheet.textWidth(text, 10)) * 10);
    sheet.text(text, x, y, { size: fitted });
    y += fitted * 1.3;
  }
  return y - top;
}

/** Height `legalLines` will take, for page-break decisions. */
export function legalLinesHeight(sheet: Sheet, printer: Printer, width: number): number {
  const size = Math.max(6, sheet.size - 1.5);
  return (
    sheet.wrap(printer.data.resolution, width, size).length * size * 1.25 +
    2 +
    (printer.data.cufe ? size * 1.3 : 0)
  );
}

/** Height `remarksBlock` will take. */
export function remarksHeight(sheet: Sheet, printer: Printer, width: number): number {
  const { data, style } = printer;
  if (!data.remarks) return 0;
  const size = sheet.size - 0.5;
  return (
    sheet.wrap(`${printer.label(style.labels.remarks)} ${data.remarks}`, width, size).length * size * 1.25 + 4
  );
}

export function totalsHeight(sheet: Sheet, printer: Printer, size = sheet.size + 0.5): number {
  return printer.totalsRows().length * size * 1.45 + 6;
}
