import type { LineItem } from '../../src/contract/result.ts';
import type { DateStyle } from './dates.ts';
import type { Canvas } from './draw.ts';
import type { HeldoutInvoice } from './invoice.ts';
import { formatCop, formatQuantity, type MoneyStyle } from './money.ts';

/** What a layout chose to print, so the truth leaves out what is not on the page. */
export interface Printed {
  units: boolean;
  codes: boolean;
  cufe: boolean;
  dueDate: boolean;
}

export interface LayoutStyle {
  money: MoneyStyle;
  date: DateStyle;
  dottedNit: boolean;
  /** Picks among a layout's alternative label wordings (0, 1 or 2). */
  variant: number;
}

export interface Layout {
  name: string;
  /** Whether this layout prints a product code column (the invoice is built accordingly). */
  codes: boolean;
  /** Page size in points; US Letter when absent. */
  pageSize?: [number, number];
  /** Builds invoices with many lines (the layout continues on further pages). */
  long?: boolean;
  /** `addPage` gives a canvas on a new page of the same size. */
  draw(canvas: Canvas, invoice: HeldoutInvoice, style: LayoutStyle, addPage: () => Canvas): Printed;
}

export interface Column {
  title: string;
  /** Left edge for left-aligned columns, right edge for right-aligned ones. */
  x: number;
  align: 'left' | 'right';
  width?: number;
  value: (line: LineItem, index: number) => string;
}

/**
 * Draws the item rows under a header; the description column (the one with `width`) wraps. Returns the top
 * of the row after the last item.
 */
export function drawRows(canvas: Canvas, columns: Column[], lines: LineItem[], top: number, size = 7.5) {
  let y = top;
  lines.forEach((line, index) => {
    let height = 1;
    for (const column of columns) {
      const value = column.value(line, index);
      if (column.width) {
        height = Math.max(height, canvas.paragraph(value, column.x, y, column.width, { size }));
      } else canvas.text(value, column.x, y, { size, align: column.align });
    }
    y += height * (size + 2) + 5;
  });
  return y;
}

export const money = (value: number | null, style: LayoutStyle) => formatCop(value ?? 0, style.money);
export const qty = (line: LineItem) => formatQuantity(line.quantity ?? 0);
