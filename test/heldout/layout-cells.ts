import type { LineItem } from '../../src/contract/result.ts';
import { formatDate } from './dates.ts';
import type { Canvas } from './draw.ts';
import { type HeldoutInvoice, withholdingTotal } from './invoice.ts';
import { type Layout, type LayoutStyle, money, qty } from './layout-kit.ts';
import { printNit } from './nit.ts';

const SIZE = 7.5;
const LEADING = SIZE + 2;
const PAD = 4;
const LEFT = 40;
const RIGHT = 572;

interface CellColumn {
  title: string;
  x0: number;
  x1: number;
  align: 'left' | 'right' | 'center';
  value: (line: LineItem) => string;
}

/**
 * Every cell ruled: horizontal rules between all rows, vertical rules between all columns, a narrow
 * description column whose text wraps over two to four lines, and every cell's content centred vertically
 * in its row (so the code, quantity and amounts sit between the description's lines). Totals are rows of
 * the same grid, the label spanning the middle columns. Header fields are label | value cells.
 */
export const ruledCells: Layout = cellsLayout('cuadricula', false, 730);

/** The same grid with many items and an early page end: the table goes on over a second page. */
export const ruledCellsContinued: Layout = cellsLayout('cuadricula-continua', true, 400);

function cellsLayout(name: string, long: boolean, pageBottom: number): Layout {
  return {
    name,
    codes: true,
    long,
    draw(first: Canvas, inv: HeldoutInvoice, s: LayoutStyle, addPage: () => Canvas) {
      const c = first;
      c.text(inv.supplier.name, LEFT, 40, { size: 12, bold: true });
      c.text(`NIT: ${printNit(inv.supplier.nitBase, s.dottedNit)}`, LEFT, 58);
      c.text(inv.supplier.address, LEFT, 70, { size: 7 });
      c.text(`${inv.supplier.city} - Tel. ${inv.supplier.phone}`, LEFT, 80, { size: 7 });

      const fields: [string, string][] = [
        [['Factura No.', 'Factura de venta No.', 'Número factura'][s.variant]!, inv.number],
        [
          ['Fecha de emisión', 'Fecha factura', 'Fecha expedición'][s.variant]!,
          formatDate(inv.issue, s.date),
        ],
        [['Fecha de vencimiento', 'Vence', 'Fecha de pago'][s.variant]!, formatDate(inv.due, s.date)],
        ...(inv.purchaseOrder
          ? [[['Orden de compra', 'O.C.', 'Pedido No.'][s.variant]!, inv.purchaseOrder] as [string, string]]
          : []),
      ];
      const boxLeft = 352;
      const split = 452;
      c.box(boxLeft, 34, RIGHT - boxLeft, 14, 0.85);
      c.text('FACTURA ELECTRÓNICA DE VENTA', (boxLeft + RIGHT) / 2, 37, {
        size: 8,
        bold: true,
        align: 'center',
      });
      fields.forEach(([label, value], i) => {
        const top = 48 + i * 14;
        c.box(boxLeft, top, RIGHT - boxLeft, 14);
        c.line(split, top, split, top + 14);
        c.text(label, boxLeft + PAD, top + 4, { size: 7, bold: true });
        c.text(value, split + PAD, top + 4, { size: 7.5 });
      });

      const partyTop = 48 + fields.length * 14 + 14;
      const party: [string, string][] = [
        [['Cliente', 'Adquirente', 'Facturar a'][s.variant]!, inv.customer.name],
        ['NIT', printNit(inv.customer.nitBase, s.dottedNit)],
        ['Dirección', `${inv.customer.address}, ${inv.customer.city}`],
      ];
      party.forEach(([label, value], i) => {
        const top = partyTop + i * 14;
        c.box(LEFT, top, RIGHT - LEFT, 14);
        c.line(120, top, 120, top + 14);
        c.text(label, LEFT + PAD, top + 4, { size: 7, bold: true });
        c.text(value, 120 + PAD, top + 4, { size: 7.5 });
      });

      const columns: CellColumn[] = [
        {
          title: ['Código', 'Referencia', 'Cód.'][s.variant]!,
          x0: 40,
          x1: 104,
          align: 'left',
          value: (l) => l.code ?? '',
        },
        {
          title: ['Descripción', 'Detalle', 'Concepto'][s.variant]!,
          x0: 104,
          x1: 236,
          align: 'left',
          value: (l) => l.description ?? '',
        },
        { title: 'Unidad', x0: 236, x1: 290, align: 'center', value: (l) => l.unit ?? '' },
        { title: 'Cantidad', x0: 290, x1: 340, align: 'right', value: qty },
        { title: 'Valor unitario', x0: 340, x1: 456, align: 'right', value: (l) => money(l.unitPrice, s) },
        { title: 'Valor total', x0: 456, x1: 572, align: 'right', value: (l) => money(l.amount, s) },
      ];
      const description = columns[1]!;

      const drawHeader = (canvas: Canvas, top: number) => {
        canvas.box(LEFT, top, RIGHT - LEFT, 16, 0.88);
        for (const col of columns) {
          canvas.text(col.title, (col.x0 + col.x1) / 2, top + 5, { size: 7, bold: true, align: 'center' });
          if (col.x0 > LEFT) canvas.line(col.x0, top, col.x0, top + 16);
        }
        return top + 16;
      };

      let canvas = c;
      let y = drawHeader(canvas, partyTop + party.length * 14 + 14);
      for (const line of inv.lines) {
        const wrapped = canvas.wrap(description.value(line), description.x1 - description.x0 - 2 * PAD, SIZE);
        const height = wrapped.length * LEADING - 2 + 2 * PAD + 2;
        if (y + height > pageBottom) {
          canvas = addPage();
          y = drawHeader(canvas, 40);
        }
        canvas.box(LEFT, y, RIGHT - LEFT, height);
        for (const col of columns) {
          if (col.x0 > LEFT) canvas.line(col.x0, y, col.x0, y + height);
          const lines = col === description ? wrapped : [col.value(line)];
          const first = y + (height - (lines.length * LEADING - 2)) / 2;
          lines.forEach((text, i) => {
            const x =
              col.align === 'left'
                ? col.x0 + PAD
                : col.align === 'right'
                  ? col.x1 - PAD
                  : (col.x0 + col.x1) / 2;
            canvas.text(text, x, first + i * LEADING, { size: SIZE, align: col.align });
          });
        }
        y += height;
      }

      const totals: [string, number][] = [
        ['Subtotal', inv.subtotal],
        ['IVA 19%', inv.tax],
        ['Total factura', inv.subtotal + inv.tax],
        ...inv.withholdings.map((w): [string, number] => [w.label, w.amount]),
        ...(inv.withholdings.length
          ? [['Total a pagar', inv.subtotal + inv.tax - withholdingTotal(inv)] as [string, number]]
          : []),
      ];
      if (y + totals.length * 14 + 40 > pageBottom) {
        canvas = addPage();
        y = 40;
      }
      const labelLeft = columns[2]!.x0;
      const valueLeft = columns[5]!.x0;
      totals.forEach(([label, value], i) => {
        const top = y + i * 14;
        canvas.box(labelLeft, top, RIGHT - labelLeft, 14);
        canvas.line(valueLeft, top, valueLeft, top + 14);
        canvas.text(label, labelLeft + PAD, top + 4, { size: 7, bold: true });
        canvas.text(money(value, s), RIGHT - PAD, top + 4, { size: SIZE, align: 'right' });
      });
      canvas.text('Observaciones:', LEFT, y + 2, { size: 7, bold: true });
      canvas.paragraph(inv.note, LEFT, y + 12, 200, { size: 7 });
      const foot = y + totals.length * 14 + 16;
      if (inv.cufe) canvas.text(`CUFE: ${inv.cufe}`, LEFT, foot, { size: 5.5 });
      return { units: true, codes: true, cufe: inv.cufe !== null, dueDate: true };
    },
  };
}
