import { formatDate } from './dates.ts';
import type { Canvas } from './draw.ts';
import { type HeldoutInvoice, withholdingTotal } from './invoice.ts';
import { type Column, drawRows, type Layout, type LayoutStyle, money, qty } from './layout-kit.ts';
import { printNit } from './nit.ts';

/** Two-column letterhead; totals in a box at the LEFT, observations to its right, CUFE at the foot. */
export const letterhead: Layout = {
  name: 'membrete',
  codes: true,
  draw(c: Canvas, inv: HeldoutInvoice, s: LayoutStyle) {
    c.text(inv.supplier.name, 40, 40, { size: 13, bold: true });
    c.text(`NIT ${printNit(inv.supplier.nitBase, s.dottedNit)} - Responsable de IVA`, 40, 60);
    c.text(`${inv.supplier.address} - ${inv.supplier.city}`, 40, 72);
    c.text(`Tel. ${inv.supplier.phone}`, 40, 84);
    c.box(370, 34, 202, 86);
    c.text('FACTURA ELECTRÓNICA DE VENTA', 471, 40, { size: 9, bold: true, align: 'center' });
    c.text(`${['No.', 'Nro.', 'N°'][s.variant]} ${inv.number}`, 471, 54, {
      size: 10,
      bold: true,
      align: 'center',
    });
    c.text('Fecha factura:', 378, 72);
    c.text(formatDate(inv.issue, s.date), 564, 72, { align: 'right' });
    c.text(['Fecha límite de pago:', 'Pagar antes de:', 'Fecha vencimiento:'][s.variant]!, 378, 86);
    c.text(formatDate(inv.due, s.date), 564, 86, { align: 'right' });
    if (inv.purchaseOrder) {
      c.text(['N° pedido:', 'Pedido cliente:', 'O.C. No.:'][s.variant]!, 378, 100);
      c.text(inv.purchaseOrder, 564, 100, { align: 'right' });
    }
    c.text(
      `Autorización de numeración DIAN No. 18764${inv.number.replace(/\D/g, '').padStart(9, '0')} del 2024-12-02, vigencia 24 meses.`,
      40,
      104,
      { size: 6 },
    );
    c.line(40, 130, 572, 130);
    c.text('Señores:', 40, 140, { bold: true });
    c.text(inv.customer.name, 110, 140);
    c.text('NIT:', 40, 153, { bold: true });
    c.text(printNit(inv.customer.nitBase, s.dottedNit), 110, 153);
    c.text('Dirección:', 40, 166, { bold: true });
    c.text(`${inv.customer.address}, ${inv.customer.city}`, 110, 166);
    c.text('Teléfono:', 330, 153, { bold: true });
    c.text(inv.customer.phone, 380, 153);

    const columns: Column[] = [
      { title: 'Código', x: 40, align: 'left', value: (l) => l.code ?? '' },
      { title: 'Descripción', x: 100, align: 'left', width: 220, value: (l) => l.description ?? '' },
      { title: 'Cant.', x: 352, align: 'right', value: qty },
      { title: 'Und', x: 362, align: 'left', value: (l) => l.unit ?? '' },
      { title: 'Vr. unitario', x: 470, align: 'right', value: (l) => money(l.unitPrice, s) },
      { title: 'Vr. total', x: 572, align: 'right', value: (l) => money(l.amount, s) },
    ];
    c.box(40, 190, 532, 16, 0.88);
    for (const col of columns) c.text(col.title, col.x, 194, { bold: true, align: col.align });
    let y = drawRows(c, columns, inv.lines, 214);
    c.line(40, y, 572, y);
    y += 12;

    const rows: [string, number][] = [
      ['Base imponible', inv.subtotal],
      ['Valor IVA 19%', inv.tax],
      ['Total factura', inv.subtotal + inv.tax],
      ...inv.withholdings.map((w): [string, number] => [w.label, w.amount]),
      ['Valor neto', inv.subtotal + inv.tax - withholdingTotal(inv)],
    ];
    c.box(40, y, 230, rows.length * 14 + 8);
    rows.forEach(([label, value], i) => {
      const bold = label === 'Total factura';
      c.text(label, 48, y + 6 + i * 14, { bold });
      c.text(money(value, s), 262, y + 6 + i * 14, { bold, align: 'right' });
    });
    c.text('Observaciones:', 290, y + 4, { bold: true });
    c.paragraph(inv.note, 290, y + 16, 282);
    const foot = y + rows.length * 14 + 30;
    if (inv.cufe) c.text(`CUFE: ${inv.cufe}`, 40, foot, { size: 5.5 });
    return { units: true, codes: true, cufe: inv.cufe !== null, dueDate: true };
  },
};

/** A ruled grid with an Ítem column, Emisor/Adquiriente boxes with Razón social / Identificación fields. */
export const ruledGrid: Layout = {
  name: 'rejilla',
  codes: true,
  draw(c, inv, s) {
    c.text('FACTURA ELECTRÓNICA DE VENTA', 306, 36, { size: 12, bold: true, align: 'center' });
    c.text(`Número: ${inv.number}`, 306, 52, { size: 10, align: 'center' });
    const party = (title: string, x: number, company: HeldoutInvoice['supplier']) => {
      c.box(x, 72, 258, 66);
      c.text(title, x + 6, 76, { bold: true });
      c.text('Razón social:', x + 6, 90, { bold: true });
      c.text(company.name, x + 70, 90);
      c.text('Identificación:', x + 6, 103, { bold: true });
      c.text(`NIT ${printNit(company.nitBase, s.dottedNit)}`, x + 70, 103);
      c.text('Dirección:', x + 6, 116, { bold: true });
      c.text(`${company.address}, ${company.city}`, x + 70, 116, { size: 7 });
      c.text('Teléfono:', x + 6, 128, { bold: true });
      c.text(company.phone, x + 70, 128);
    };
    party('EMISOR', 40, inv.supplier);
    party('ADQUIRIENTE', 314, inv.customer);
    c.text(
      `${['Fecha de expedición', 'Expedida el', 'Fecha emisión'][s.variant]}: ${formatDate(inv.issue, s.date)}`,
      40,
      150,
    );
    c.text(`Vencimiento: ${formatDate(inv.due, s.date)}`, 230, 150);
    if (inv.purchaseOrder) c.text(`Orden de servicio: ${inv.purchaseOrder}`, 400, 150);

    const columns: Column[] = [
      { title: 'Ítem', x: 58, align: 'right', value: (_, i) => String(i + 1) },
      { title: 'Referencia', x: 66, align: 'left', value: (l) => l.code ?? '' },
      { title: 'Descripción', x: 122, align: 'left', width: 200, value: (l) => l.description ?? '' },
      { title: 'U.M.', x: 330, align: 'left', value: (l) => l.unit ?? '' },
      { title: 'Cantidad', x: 408, align: 'right', value: qty },
      { title: 'Precio unitario', x: 490, align: 'right', value: (l) => money(l.unitPrice, s) },
      { title: 'Valor', x: 568, align: 'right', value: (l) => money(l.amount, s) },
    ];
    const headTop = 168;
    c.box(40, headTop, 532, 16, 0.9);
    for (const col of columns) c.text(col.title, col.x, headTop + 4, { bold: true, align: col.align });
    const bottom = drawRows(c, columns, inv.lines, headTop + 22);
    c.box(40, headTop, 532, bottom - headTop);
    for (const x of [62, 118, 326, 368, 414, 496]) c.line(x, headTop, x, bottom);

    const rows: [string, number][] = [
      ['Subtotal', inv.subtotal],
      ['IVA 19%', inv.tax],
      ['Total', inv.subtotal + inv.tax],
      ...inv.withholdings.map((w): [string, number] => [
        w.label.replace('Retención en la fuente', 'Retefuente'),
        w.amount,
      ]),
      ...(inv.withholdings.length
        ? [['Neto a pagar', inv.subtotal + inv.tax - withholdingTotal(inv)] as [string, number]]
        : []),
    ];
    rows.forEach(([label, value], i) => {
      const top = bottom + i * 15;
      c.box(414, top, 158, 15);
      c.line(496, top, 496, top + 15);
      c.text(label, 418, top + 4, { size: 7, bold: true });
      c.text(money(value, s), 568, top + 4, { align: 'right' });
    });
    c.paragraph(inv.note, 40, bottom + 8, 360);
    if (inv.cufe) {
      c.text('CUFE:', 40, bottom + rows.length * 15 + 20, { bold: true, size: 6 });
      c.text(inv.cufe, 62, bottom + rows.length * 15 + 20, { size: 5.5 });
    }
    return { units: true, codes: true, cufe: inv.cufe !== null, dueDate: true };
  },
};
