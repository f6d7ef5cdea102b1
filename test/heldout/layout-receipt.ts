import { formatDate } from './dates.ts';
import type { Canvas } from './draw.ts';
import { type HeldoutInvoice, withholdingTotal } from './invoice.ts';
import { type Layout, type LayoutStyle, money, qty } from './layout-kit.ts';
import { printNit } from './nit.ts';

/** Receipt-width page (80 mm): one column, each item as a description line then "qty unit x price  amount". */
export const receipt: Layout = {
  name: 'tirilla',
  codes: false,
  pageSize: [228, 792],
  draw(c: Canvas, inv: HeldoutInvoice, s: LayoutStyle) {
    const left = 12;
    const right = 216;
    const mid = 114;
    let y = 20;
    for (const l of c.wrap(inv.supplier.name, 200, 9, true)) {
      c.text(l, mid, y, { size: 9, bold: true, align: 'center' });
      y += 11;
    }
    c.text(`NIT ${printNit(inv.supplier.nitBase, s.dottedNit)}`, mid, y, { align: 'center', size: 7 });
    c.text(`${inv.supplier.address}`, mid, y + 9, { align: 'center', size: 6.5 });
    c.text('Responsable de IVA - Gran contribuyente', mid, y + 18, { align: 'center', size: 6.5 });
    y += 34;
    c.text('FACTURA ELECTRÓNICA DE VENTA', mid, y, { bold: true, align: 'center', size: 8 });
    y += 14;
    const field = (label: string, value: string) => {
      c.text(label, left, y, { size: 7, bold: true });
      c.text(value, right, y, { size: 7, align: 'right' });
      y += 10;
    };
    field('Nro.', inv.number);
    field('Fecha', `${formatDate(inv.issue, s.date)} 10:42`);
    field('Vence', formatDate(inv.due, s.date));
    if (inv.purchaseOrder) field('Pedido', inv.purchaseOrder);
    y += 4;
    c.text('Cliente:', left, y, { size: 7, bold: true });
    y += c.paragraph(inv.customer.name, left + 32, y, 172, { size: 7 }) * 9 + 1;
    field('NIT/C.C.', printNit(inv.customer.nitBase, s.dottedNit));
    c.text('- '.repeat(50), left, y, { size: 6 });
    y += 10;
    for (const line of inv.lines) {
      y += c.paragraph(line.description ?? '', left, y, 200, { size: 7 }) * 9;
      c.text(`${qty(line)} ${line.unit} x ${money(line.unitPrice, s)}`, left + 10, y, { size: 7 });
      c.text(money(line.amount, s), right, y, { size: 7, align: 'right' });
      y += 12;
    }
    c.text('- '.repeat(50), left, y, { size: 6 });
    y += 10;
    const rows: [string, number][] = [
      ['SUBTOTAL', inv.subtotal],
      ['IVA 19%', inv.tax],
      ['TOTAL', inv.subtotal + inv.tax],
      ...inv.withholdings.map((w): [string, number] => [w.label.toUpperCase(), w.amount]),
      ...(inv.withholdings.length
        ? [['NETO A PAGAR', inv.subtotal + inv.tax - withholdingTotal(inv)] as [string, number]]
        : []),
    ];
    for (const [label, value] of rows) field(label, money(value, s));
    y += 6;
    y += c.paragraph(inv.note, left, y, 200, { size: 6.5 }) * 8.5 + 6;
    if (inv.cufe) {
      c.text('CUFE:', left, y, { size: 6, bold: true });
      y += 8;
      for (let i = 0; i < inv.cufe.length; i += 48) {
        c.text(inv.cufe.slice(i, i + 48), left, y, { size: 6 });
        y += 8;
      }
    }
    return { units: true, codes: false, cufe: inv.cufe !== null, dueDate: true };
  },
};
