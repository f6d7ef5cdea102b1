import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { realInvoicesFolder } from '../../support/real-invoices.ts';

const REAL_INVOICES = realInvoicesFolder('afip-ar');

/** A real third-party invoice PDF (compressed binary streams) when the shared corpus is present, else null. */
export function realInvoicePdf(): { name: string; bytes: Buffer } | null {
  if (!REAL_INVOICES) return null;
  const name = readdirSync(REAL_INVOICES)
    .filter((file) => file.endsWith('.pdf'))
    .sort()[0];
  return name ? { name, bytes: readFileSync(join(REAL_INVOICES, name)) } : null;
}

/** A small generated invoice PDF, distinct per `label` (so md5s differ). */
export async function smallPdf(label: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([420, 300]);
  page.drawText(`Factura electrónica de venta ${label}`, { x: 30, y: 250, size: 12, font });
  page.drawText('Total: $ 1.234.567,89', { x: 30, y: 220, size: 12, font });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
