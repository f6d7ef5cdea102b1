import type { ColumnKey, Printer } from '../printer.ts';
import type { Random } from '../random.ts';
import type { Sheet } from '../sheet.ts';
import type { PrintStyle } from '../style.ts';

export interface PageSetup {
  width: number;
  height: number;
  margin: number;
  font?: PrintStyle['font'];
}

/** One way of arranging an invoice on paper. */
export interface Layout {
  name: string;
  /** Longest invoice (in lines) the layout prints; tickets stay short, page layouts run onto page 2. */
  maxLines: number;
  /** Which line fields the layout prints, in order; a field not printed is null in the truth. */
  columns(rng: Random): ColumnKey[];
  page(printer: Printer, rng: Random): PageSetup;
  render(sheet: Sheet, printer: Printer, rng: Random, columns: ColumnKey[]): void;
}

export const LETTER = { width: 612, height: 792 };
export const A4 = { width: 595, height: 842 };
