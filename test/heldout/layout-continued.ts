import { formatDate } from './dates.ts';
import type { Canvas } from './draw.ts';
import type { HeldoutInvoice } from './invoice.ts';
import { type Column, drawRows, type Layout, type LayoutStyle, money, qty } from './layout-kit.ts';
import { printNit } from './nit.ts';

const ROWS_PER_PAGE = 8;

/**
 * Two pages: the item table continues on page 2 under a repeated short header that prints the invoice
 * number again ("… — continuación"), with "Continúa en la página siguiente" / "Página N de M" footers;
 * totals on the last page only.
 */
export const continued: Layout = {
  name: 'continua',
  codes: true,
  long: true,
  draw(first: Canvas, inv: HeldoutInvoice, s: LayoutStyle, addPage: () => Canvas) {
    const pages = Math.ceil(inv.lines.length / ROWS_PER_PAGE);
    const columns: Column[] = [
      { title: 'Cód.', x: 40, align: 'left', value: (l) => l.code ?? '' },
      {
        title: 'Descripción del servicio o repuesto',
        x: 96,
        align: 'left',
        width: 240,
        value: (l) => l.description ?? '',
      },
      { title: 'Cant.', x: 372, align: 'right', value: qty },
      { title: 'U/M', x: 380, align: 'left', value: (l) => l.unit ?? '' },
      { title: 'Valor unitario', x: 486, align: 'right', value: (l) => money(l.unitPrice, s) },
      { title: 'Valor total', x: 572, align: 'right', value: (l) => money(l.amount, s) },
    ];
    const table = (c: Canvas, top: number, from: number) => {
      for (const col of columns) c.text(col.title, col.x, top, { bold: true, align: col.align, size: 7.5 });
      c.line(40, top + 12, 572, top + 12);
      return drawRows(c, columns, inv.lines.slice(from, from + ROWS_PER_PAGE), top + 18, 8);
    };
    const footer = (c: Canvas, page: number) => {
      if (page < pages) c.text('Continúa en la página siguiente…', 572, 730, { align: 'right', size: 7 });
      c.text(`Página ${page} de ${pages}`, 306, 750, { align: 'center', size: 7 });
    };

    first.text(inv.supplier.name, 40, 40, { size: 12, bold: true });
    first.text(`NIT ${printNit(inv.supplier.nitBase, s.dottedNit)}`, 40, 58);
    first.text(`${inv.supplier.address}, ${inv.supplier.city} - ${inv.supplier.phone}`, 40, 70, { size: 7 });
    first.text('FACTURA ELECTRÓNICA DE VENTA', 572, 40, { bold: true, align: 'right' });
    first.text(`No. ${inv.number}`, 572, 54, { bold: true, size: 11, align: 'right' });
    first.text(`Fecha factura: ${formatDate(inv.issue, s.date)}`, 572, 70, { align: 'right' });
    first.text(`Fecha límite de pago: ${formatDate(inv.due, s.date)}`, 572, 82, { align: 'right' });
    if (inv.purchaseOrder) first.text(`N° pedido: ${inv.purchaseOrder}`, 572, 94, { align: 'right' });
    first.text('Cliente:', 40, 110, { bold: true });
    first.text(inv.customer.name, 90, 110);
    first.text('NIT:', 40, 122, { bold: true });
    first.text(printNit(inv.customer.nitBase, s.dottedNit), 90, 122);
    let bottom = table(first, 146, 0);
    footer(first, 1);
    let canvas = first;
    for (let page = 2; page <= pages; page++) {
      canvas = addPage();
      canvas.text(`${inv.supplier.name} — Factura ${inv.number} (continuación)`, 40, 40, {
        size: 8,
        bold: true,
      });
      bottom = table(canvas, 66, (page - 1) * ROWS_PER_PAGE);
      footer(canvas, page);
    }
    canvas.line(40, bottom, 572, bottom);
    const rows: [string, number][] = [
      ['Subtotal', inv.subtotal],
      ['IVA 19%', inv.tax],
      ['Total factura', inv.subtotal + inv.tax],
      ...inv.withholdings.map((w): [string, number] => [w.label, w.amount]),
    ];
    rows.forEach(([label, value], i) => {
      canvas.text(label, 470, bottom + 10 + i * 13, { align: 'right', bold: label === 'Total factura' });
      canvas.text(money(value, s), 572, bottom + 10 + i * 13, { align: 'right' });
    });
    canvas.paragraph(inv.note, 40, bottom + 10, 280);
    if (inv.cufe) canvas.text(`CUFE: ${inv.cufe}`, 40, bottom + 80, { size: 5.5 });
    return { units: true, codes: true, cufe: inv.cufe !== null, dueDate: true };
  },
};
