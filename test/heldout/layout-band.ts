import { formatDate } from './dates.ts';
import type { Canvas } from './draw.ts';
import { type HeldoutInvoice, withholdingTotal } from './invoice.ts';
import { type Column, drawRows, type Layout, type LayoutStyle, money, qty } from './layout-kit.ts';
import { printNit } from './nit.ts';

/**
 * Description first and the code after it, header fields as "label  value" pairs in two columns, and the
 * totals as a horizontal band (labels in one row, amounts in the row under them).
 */
export const totalsBand: Layout = {
  name: 'banda',
  codes: true,
  draw(c: Canvas, inv: HeldoutInvoice, s: LayoutStyle) {
    c.box(40, 30, 532, 50, 0.93);
    c.text(inv.supplier.name, 50, 38, { size: 12, bold: true });
    c.text(
      `NIT: ${printNit(inv.supplier.nitBase, s.dottedNit)}   ${inv.supplier.address}, ${inv.supplier.city}`,
      50,
      58,
      { size: 7.5 },
    );
    c.text('Factura electrónica', 562, 38, { size: 9, bold: true, align: 'right' });
    c.text(inv.number, 562, 52, { size: 11, bold: true, align: 'right' });
    const pairs: [string, string][] = [
      ['Adquiriente', inv.customer.name],
      ['NIT adquiriente', printNit(inv.customer.nitBase, s.dottedNit)],
      ['Fecha de emisión', formatDate(inv.issue, s.date)],
      ['Fecha de vencimiento', formatDate(inv.due, s.date)],
      ...(inv.purchaseOrder ? [['Orden de compra', inv.purchaseOrder] as [string, string]] : []),
      ['Forma de pago', 'Crédito'],
    ];
    pairs.forEach(([label, value], i) => {
      const x = i % 2 === 0 ? 40 : 320;
      const top = 96 + Math.floor(i / 2) * 14;
      c.text(label, x, top, { bold: true, size: 7.5 });
      c.text(value, x + 92, top, { size: 7.5 });
    });
    const columns: Column[] = [
      { title: 'Descripción', x: 40, align: 'left', width: 230, value: (l) => l.description ?? '' },
      { title: 'Código', x: 282, align: 'left', value: (l) => l.code ?? '' },
      { title: 'Cantidad', x: 370, align: 'right', value: qty },
      { title: 'Unidad', x: 378, align: 'left', value: (l) => l.unit ?? '' },
      { title: 'Precio', x: 488, align: 'right', value: (l) => money(l.unitPrice, s) },
      { title: 'Importe', x: 572, align: 'right', value: (l) => money(l.amount, s) },
    ];
    c.line(40, 148, 572, 148, 1.2);
    for (const col of columns) c.text(col.title, col.x, 152, { bold: true, align: col.align, size: 7.5 });
    c.line(40, 163, 572, 163, 0.5);
    const bottom = drawRows(c, columns, inv.lines, 169);
    c.line(40, bottom, 572, bottom, 1.2);
    const band: [string, number][] = [
      ['Subtotal', inv.subtotal],
      ['IVA', inv.tax],
      ['Total', inv.subtotal + inv.tax],
      ...(inv.withholdings.length
        ? ([
            ['Retenciones', withholdingTotal(inv)],
            ['Total a pagar', inv.subtotal + inv.tax - withholdingTotal(inv)],
          ] as [string, number][])
        : []),
    ];
    const w = 532 / band.length;
    band.forEach(([label, value], i) => {
      const right = 40 + (i + 1) * w - 6;
      c.box(40 + i * w, bottom + 12, w, 30);
      c.text(label, right, bottom + 16, { bold: true, size: 7.5, align: 'right' });
      c.text(money(value, s), right, bottom + 29, { size: 8.5, align: 'right' });
    });
    c.paragraph(inv.note, 40, bottom + 56, 532);
    if (inv.cufe) c.text(`CUFE ${inv.cufe}`, 40, bottom + 76, { size: 5.5 });
    return { units: true, codes: true, cufe: inv.cufe !== null, dueDate: true };
  },
};
