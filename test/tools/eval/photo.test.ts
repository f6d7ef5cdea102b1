import * as mupdf from 'mupdf';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { photographPdf } from '../../../tools/eval/photo.ts';
import { createRng } from '../../heldout/random.ts';

async function twoPages(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of ['Factura FE-1234', 'Total 1.234.567,89']) {
    pdf.addPage([400, 300]).drawText(text, { x: 40, y: 200, size: 20, font });
  }
  return pdf.save();
}

describe('photographPdf', () => {
  it('gives one JPEG image page per page, of the same size, with no text left and uneven light', async () => {
    const photo = await photographPdf(await twoPages(), createRng(3));
    const document = mupdf.Document.openDocument(photo, 'application/pdf');
    expect(document.countPages()).toBe(2);
    const page = document.loadPage(0);
    expect(page.getBounds()).toEqual([0, 0, 400, 300]);
    expect(page.toStructuredText('preserve-whitespace').asText().trim()).toBe('');
    const pixmap = page.toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceGray, false);
    const pixels = pixmap.getPixels();
    const width = pixmap.getWidth();
    const row = Math.floor(pixmap.getHeight() / 2);
    // The desk shows at the edge, darker than the sheet beside it.
    expect(pixels[row * pixmap.getStride()]).toBeLessThan(
      pixels[row * pixmap.getStride() + Math.floor(width / 2)]!,
    );
  });

  it('is the same for the same seed', async () => {
    const source = await twoPages();
    const a = await photographPdf(source, createRng(5));
    const b = await photographPdf(source, createRng(5));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
