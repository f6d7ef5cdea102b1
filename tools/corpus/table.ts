import type { ColumnKey } from './printer.ts';
import type { Sheet } from './sheet.ts';

export interface TableColumn {
  key: ColumnKey;
  header: string;
  /** Relative width; the columns share the table width in proportion. */
  weight: number;
  align: 'left' | 'right' | 'center';
}

export interface TableLook {
  /** full: every cell boxed; rows: a rule under each row; header: rules around the header only; none. */
  grid: 'full' | 'rows' | 'header' | 'none';
  headerFill?: number;
  /** White header text on a dark band. */
  headerInverse?: boolean;
  size: number;
  padding: number;
  headerBold: boolean;
}

export interface TableSpec {
  x: number;
  width: number;
  columns: TableColumn[];
  rows: Record<ColumnKey, string>[];
  look: TableLook;
  /** Space to keep free below the table on every page (page footers). */
  reserve: number;
  /** Starts a new page and draws whatever the layout repeats at its top; leaves `sheet.y` below it. */
  continuePage: () => void;
}

interface Placed {
  column: TableColumn;
  left: number;
  width: number;
}

function place(spec: TableSpec): Placed[] {
  const total = spec.columns.reduce((sum, column) => sum + column.weight, 0);
  let left = spec.x;
  return spec.columns.map((column) => {
    const width = (column.weight / total) * spec.width;
    const placed = { column, left, width };
    left += width;
    return placed;
  });
}

function cellX(placed: Placed, padding: number): number {
  if (placed.column.align === 'right') return placed.left + placed.width - padding;
  if (placed.column.align === 'center') return placed.left + placed.width / 2;
  return placed.left + padding;
}

function drawHeader(sheet: Sheet, spec: TableSpec, placed: Placed[]): number {
  const { look } = spec;
  const leading = look.size * 1.2;
  // Headers shrink rather than break inside a word ("Cantid/ad").
  const sizes = placed.map((p) => {
    const widest = Math.max(
      ...p.column.header.split(' ').map((word) => sheet.textWidth(word, look.size, look.headerBold)),
    );
    return Math.min(look.size, (0.97 * look.size * (p.width - 2 * look.padding)) / widest);
  });
  const lines = placed.map((p, i) =>
    sheet.wrap(p.column.header, p.width - 2 * look.padding, sizes[i] ?? look.size, look.headerBold),
  );
  const height = Math.max(...lines.map((l) => l.length)) * leading + 2 * look.padding;
  const top = sheet.y;
  if (look.headerFill !== undefined) {
    sheet.box(spec.x, top, spec.width, height, {
      border: look.grid === 'full' ? 0.6 : 0,
      fill: look.headerFill,
    });
  }
  placed.forEach((p, i) => {
    (lines[i] ?? []).forEach((line, j) => {
      sheet.text(line, cellX(p, look.padding), top + look.padding + j * leading, {
        size: sizes[i] ?? look.size,
        bold: look.headerBold,
        align: p.column.align,
        grey: look.headerInverse ? 1 : 0,
      });
    });
  });
  if (look.grid !== 'none') {
    if (look.grid !== 'full' || look.headerFill === undefined) sheet.hline(spec.x, spec.x + spec.width, top);
    sheet.hline(spec.x, spec.x + spec.width, top + height);
  }
  sheet.y = top + height;
  return height;
}

function closeSegment(sheet: Sheet, spec: TableSpec, placed: Placed[], segmentTop: number): void {
  if (spec.look.grid !== 'full') {
    if (spec.look.grid === 'header') sheet.hline(spec.x, spec.x + spec.width, sheet.y);
    return;
  }
  for (const p of placed) sheet.vline(p.left, segmentTop, sheet.y);
  sheet.vline(spec.x + spec.width, segmentTop, sheet.y);
  sheet.hline(spec.x, spec.x + spec.width, sheet.y);
}

/**
 * Draws the line-item table from `sheet.y` on, wrapping long cells and continuing on new pages (header
 * repeated) when a row does not fit. Leaves `sheet.y` under the table.
 */
export function drawTable(sheet: Sheet, spec: TableSpec): void {
  const placed = place(spec);
  const { look } = spec;
  const leading = look.size * 1.22;
  let segmentTop = sheet.y;
  drawHeader(sheet, spec, placed);
  for (const row of spec.rows) {
    const cells = placed.map((p) =>
      p.column.key === 'description'
        ? sheet.wrap(row[p.column.key], p.width - 2 * look.padding, look.size)
        : [row[p.column.key]],
    );
    const height = Math.max(...cells.map((c) => c.length)) * leading + 2 * look.padding;
    if (sheet.y + height > sheet.bottom - spec.reserve) {
      closeSegment(sheet, spec, placed, segmentTop);
      spec.continuePage();
      segmentTop = sheet.y;
      drawHeader(sheet, spec, placed);
    }
    const top = sheet.y;
    placed.forEach((p, i) => {
      (cells[i] ?? []).forEach((line, j) => {
        // Numbers never wrap: a long amount shrinks to fit its cell.
        const fits =
          (look.size * (p.width - 2 * look.padding)) / Math.max(1, sheet.textWidth(line, look.size));
        const size = Math.min(look.size, fits);
        sheet.text(line, cellX(p, look.padding), top + look.padding + j * leading, {
          size,
          align: p.column.align,
        });
      });
    });
    sheet.y = top + height;
    if (look.grid === 'rows' || look.grid === 'full') sheet.hline(spec.x, spec.x + spec.width, sheet.y, 0.3);
  }
  closeSegment(sheet, spec, placed, segmentTop);
}
