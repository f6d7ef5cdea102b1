import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * A one-page supplier invoice drawn with pdf-lib: header, parties, line items and totals at chosen places,
 * so tests can give one supplier its own layout. Coordinates are points from the top-left.
 */
export interface InvoiceDrawing {
  supplierName: string;
  supplierTaxId: string;
  number: string;
  /** As printed, e.g. `15/03/2026`. */
  issueDate: string;
  lines: Array<{ code: string; description: string; quantity: number; unitPrice: number }>;
  taxRate?: number;
  /** Printed before the number (default `No. `); where the number sits (default under the title). */
  numberLabel?: string;
  numberAt?: { x: number; y: number };
  /** Label printed before the total (default `Total a pagar`). */
  totalLabel?: string;
  /** Where the total block sits. */
  totalsAt?: { x: number; y: number };
  /** More text anywhere (decoys, notes). */
  extra?: Array<{ x: number; y: number; text: string; size?: number }>;
}

const cop = new Intl.NumberFormat('es-CO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const money = (value: number) => cop.format(value);

export function totalsOf(drawing: InvoiceDrawing) {
  const subtotal = Math.round(drawing.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0) * 100) / 100;
  const tax = Math.round(subtotal * (drawing.taxRate ?? 0.19) * 100) / 100;
  return { subtotal, tax, total: Math.round((subtotal + tax) * 100) / 100 };
}

export async function drawInvoice(drawing: InvoiceDrawing): Promise<Uint8Array> {
  const width = 612;
  const height = 792;
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([width, height]);
  const text = (
    x: number,
    y: number,
    value: string,
    options: { size?: number; bold?: boolean; right?: boolean } = {},
  ) => {
    const size = options.size ?? 9;
    const font = options.bold ? bold : regular;
    const left = options.right ? x - font.widthOfTextAtSize(value, size) : x;
    page.drawText(value, { x: left, y: height - y - size, size, font });
  };
  text(40, 40, drawing.supplierName, { size: 14, bold: true });
  text(40, 62, `NIT: ${drawing.supplierTaxId}`);
  text(40, 76, 'Calle 10 # 20-30, Medellín');
  text(360, 40, 'FACTURA ELECTRÓNICA DE VENTA', { bold: true });
  const numberAt = drawing.numberAt ?? { x: 360, y: 56 };
  text(numberAt.x, numberAt.y, `${drawing.numberLabel ?? 'No. '}${drawing.number}`);
  text(360, 70, `Fecha de emisión: ${drawing.issueDate}`);
  text(40, 120, 'Cliente: Textiles Río Negro S.A.S.');
  text(40, 134, 'NIT: 890.900.123-4');
  const columns = { code: 40, description: 110, quantity: 380, price: 470, amount: 560 };
  text(columns.code, 180, 'Código', { bold: true });
  text(columns.description, 180, 'Descripción', { bold: true });
  text(columns.quantity, 180, 'Cant.', { bold: true, right: true });
  text(columns.price, 180, 'Precio unitario', { bold: true, right: true });
  text(columns.amount, 180, 'Importe', { bold: true, right: true });
  drawing.lines.forEach((line, index) => {
    const y = 198 + index * 16;
    text(columns.code, y, line.code);
    text(columns.description, y, line.description);
    text(columns.quantity, y, String(line.quantity), { right: true });
    text(columns.price, y, money(line.unitPrice), { right: true });
    text(columns.amount, y, money(line.quantity * line.unitPrice), { right: true });
  });
  const { subtotal, tax, total } = totalsOf(drawing);
  const at = drawing.totalsAt ?? { x: 400, y: 420 };
  text(at.x, at.y, 'Subtotal');
  text(560, at.y, money(subtotal), { right: true });
  text(at.x, at.y + 16, `IVA ${Math.round((drawing.taxRate ?? 0.19) * 100)}%`);
  text(560, at.y + 16, money(tax), { right: true });
  text(at.x, at.y + 32, drawing.totalLabel ?? 'Total a pagar', { bold: true });
  text(560, at.y + 32, money(total), { right: true, bold: true });
  for (const e of drawing.extra ?? []) text(e.x, e.y, e.text, { size: e.size });
  return pdf.save();
}
