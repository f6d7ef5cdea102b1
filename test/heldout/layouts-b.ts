import { formatDate } from './dates.ts';
import type { Canvas } from './draw.ts';
import { type HeldoutInvoice, withholdingTotal } from './invoice.ts';
import { type Column, drawRows, type Layout, type LayoutStyle, money, qty } from './layout-kit.ts';
import { printNit } from './nit.ts';

/** Label cells in a row, each value in the row under its label. */
function labelGrid(c: Canvas, top: number, cells: [string, string][], x0 = 40, width = 532) {
  const w = width / cells.length;
  cells.forEach(([label, value], i) => {
    const x = x0 + i * w;
    c.box(x, top, w, 14, 0.85);
    c.box(x, top + 14, w, 16);
    c.text(label, x + 4, top + 3, { size: 7, bold: true });
    c.text(value, x + 4, top + 18, { size: 8 });
  });
}

/** Quote-like "Factura de venta electrónica": header values under their labels; no codes, no units. */
export const quoteLike: Layout = {
  name: 'cotizacion',
  codes: false,
  draw(c: Canvas, inv: HeldoutInvoice, s: LayoutStyle) {
    c.text(inv.supplier.name, 40, 36, { size: 14, bold: true });
    c.text(`NIT. ${printNit(inv.supplier.nitBase, s.dottedNit)}`, 40, 56);
    c.text(`${inv.supplier.address} · ${inv.supplier.city} · ${inv.supplier.phone}`, 40, 68, { size: 7 });
    c.text('Factura de venta electrónica', 572, 36, { size: 12, bold: true, align: 'right' });
    labelGrid(c, 92, [
      ['Número', inv.number],
      ['Fecha factura', formatDate(inv.issue, s.date)],
      ['Fecha límite de pago', formatDate(inv.due, s.date)],
      ['Doc. referencia', inv.purchaseOrder ?? '—'],
      ['Moneda', 'COP'],
    ]);
    labelGrid(c, 134, [
      ['Cliente', inv.customer.name],
      ['NIT cliente', printNit(inv.customer.nitBase, s.dottedNit)],
      ['Ciudad', inv.customer.city],
    ]);
    const columns: Column[] = [
      { title: 'Cant.', x: 64, align: 'right', value: qty },
      { title: 'Descripción', x: 80, align: 'left', width: 290, value: (l) => l.description ?? '' },
      { title: 'Valor unitario', x: 470, align: 'right', value: (l) => money(l.unitPrice, s) },
      { title: 'Valor total', x: 572, align: 'right', value: (l) => money(l.amount, s) },
    ];
    c.line(40, 182, 572, 182);
    for (const col of columns) c.text(col.title, col.x, 186, { bold: true, align: col.align });
    c.line(40, 198, 572, 198);
    let y = drawRows(c, columns, inv.lines, 204);
    c.line(40, y, 572, y);
    y += 10;
    const rows: [string, number][] = [
      ['Subtotal', inv.subtotal],
      ['IVA (19%)', inv.tax],
      ['Total factura', inv.subtotal + inv.tax],
      ...inv.withholdings.map((w): [string, number] => [`(-) ${w.label}`, w.amount]),
      ...(inv.withholdings.length
        ? [['Valor neto', inv.subtotal + inv.tax - withholdingTotal(inv)] as [string, number]]
        : []),
    ];
    rows.forEach(([label, value], i) => {
      c.text(label, 380, y + i * 13, { bold: label === 'Total factura' });
      c.text(money(value, s), 572, y + i * 13, { align: 'right', bold: label === 'Total factura' });
    });
    c.text('Condiciones y notas', 40, y, { bold: true });
    c.paragraph(`${inv.note} Precios en pesos colombianos.`, 40, y + 12, 300);
    return { units: false, codes: false, cufe: false, dueDate: true };
  },
};

/** Letter-like invoice: city and spelled-out date line, "Señores", narrative, right-hand totals. */
export const letter: Layout = {
  name: 'carta',
  codes: true,
  draw(c, inv, s) {
    c.text(inv.supplier.name.toUpperCase(), 40, 38, { size: 11, bold: true });
    c.text(`Identificación tributaria: NIT ${printNit(inv.supplier.nitBase, s.dottedNit)}`, 40, 54, {
      size: 7.5,
    });
    c.text(`${inv.supplier.address} | ${inv.supplier.phone}`, 40, 65, { size: 7.5 });
    c.text(`${inv.supplier.city}, ${formatDate(inv.issue, 'spelled')}`, 572, 38, { align: 'right' });
    c.text('Señores', 40, 96);
    c.text(inv.customer.name, 40, 108, { bold: true });
    c.text(`NIT ${printNit(inv.customer.nitBase, s.dottedNit)}`, 40, 120);
    c.text(inv.customer.city, 40, 132);
    c.text(`Factura electrónica de venta N° ${inv.number}`, 572, 96, {
      bold: true,
      size: 10,
      align: 'right',
    });
    c.text(`Fecha factura: ${formatDate(inv.issue, s.date)}`, 572, 112, { align: 'right' });
    c.text(`Fecha límite de pago: ${formatDate(inv.due, s.date)}`, 572, 124, { align: 'right' });
    if (inv.purchaseOrder) c.text(`Orden de servicio: ${inv.purchaseOrder}`, 572, 136, { align: 'right' });
    c.paragraph(`Por concepto de los trabajos descritos a continuación. ${inv.note}`, 40, 156, 532);
    const columns: Column[] = [
      { title: 'Código', x: 40, align: 'left', value: (l) => l.code ?? '' },
      { title: 'Concepto', x: 96, align: 'left', width: 236, value: (l) => l.description ?? '' },
      { title: 'Unidad', x: 340, align: 'left', value: (l) => l.unit ?? '' },
      { title: 'Cant.', x: 412, align: 'right', value: qty },
      { title: 'Valor unit.', x: 492, align: 'right', value: (l) => money(l.unitPrice, s) },
      { title: 'Valor', x: 572, align: 'right', value: (l) => money(l.amount, s) },
    ];
    for (const col of columns) c.text(col.title, col.x, 186, { bold: true, align: col.align });
    c.line(40, 198, 572, 198, 1);
    let y = drawRows(c, columns, inv.lines, 204);
    c.line(40, y, 572, y, 1);
    y += 10;
    const rows: [string, number][] = [
      ['Subtotal servicios y repuestos', inv.subtotal],
      ['IVA 19 %', inv.tax],
      ['Total factura', inv.subtotal + inv.tax],
      ...inv.withholdings.map((w): [string, number] => [`Menos ${w.label}`, w.amount]),
      ...(inv.withholdings.length
        ? [['Valor neto', inv.subtotal + inv.tax - withholdingTotal(inv)] as [string, number]]
        : []),
    ];
    rows.forEach(([label, value], i) => {
      c.text(label, 470, y + i * 13, { align: 'right' });
      c.text(money(value, s), 572, y + i * 13, { align: 'right' });
    });
    const foot = y + rows.length * 13 + 24;
    c.text('Atentamente,', 40, foot);
    c.text('Departamento de facturación', 40, foot + 12);
    if (inv.cufe) c.text(`Código único de factura (CUFE): ${inv.cufe}`, 40, foot + 36, { size: 5 });
    return { units: true, codes: true, cufe: inv.cufe !== null, dueDate: true };
  },
};
