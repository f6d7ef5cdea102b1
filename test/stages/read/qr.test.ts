import * as mupdf from 'mupdf';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { rotateGray } from '../../../src/stages/read/deskew.ts';
import { createGrayImage, type GrayImage } from '../../../src/stages/read/gray-image.ts';
import { decodeQr } from '../../../src/stages/read/qr-decode.ts';
import { locateQrCandidates } from '../../../src/stages/read/qr-locate.ts';
import { readQrCodes } from '../../../src/stages/read/qr-scan.ts';
import { readPageLayer } from '../../../src/stages/read/text-layer.ts';

const PAYLOAD = [
  'NumFac: FE1234',
  'FecFac: 2026-03-15',
  'NitFac: 900123456',
  'DocAdq: 860001234',
  'ValFac: 1000000.00',
  'ValIva: 190000.00',
  'ValOtroIm: 0.00',
  'ValTolFac: 1190000.00',
  `CUFE: ${'ab12'.repeat(24)}`,
].join('\n');

/** A 200 dpi "page" with text-like strokes, a solid band and the QR code at (x, y), `module` px per module. */
function pageWithQr(payload: string | null, x: number, y: number, module: number): GrayImage {
  const page = createGrayImage(1600, 2000);
  page.data.fill(250);
  // Lines of "text": short dark strokes with pale gaps between rows.
  for (let row = 100; row < 1500; row += 40)
    for (let col = 100; col < 1000; col += 14) paint(page, col, row, 8, 18, 30);
  paint(page, 100, 1600, 1400, 60, 40); // a filled header band
  if (payload) {
    const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++)
        if (modules.get(r, c)) paint(page, x + c * module, y + r * module, module, module, 20);
  }
  return page;
}

function paint(image: GrayImage, x: number, y: number, width: number, height: number, value: number): void {
  for (let row = y; row < y + height; row++)
    image.data.fill(value, row * image.width + x, row * image.width + x + width);
}

describe('QR codes on page images', () => {
  it('finds the symbol among text and bands, reads it and blanks it for OCR', () => {
    const page = pageWithQr(PAYLOAD, 1150, 200, 4);
    const candidates = locateQrCandidates(page, 200);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(6);
    expect(readQrCodes(page, 200)).toEqual([PAYLOAD]);
    // Blanked: nothing dark is left where the symbol was, and a second read finds nothing.
    let dark = 0;
    for (let row = 200; row < 500; row++)
      for (let col = 1150; col < 1450; col++) if ((page.data[row * page.width + col] as number) < 128) dark++;
    expect(dark).toBe(0);
    expect(readQrCodes(page, 200)).toEqual([]);
  });

  it('reads a symbol left slightly tilted and blurred, as a straightened 200 dpi scan leaves it', () => {
    const tilted = rotateGray(pageWithQr(PAYLOAD, 1150, 200, 3), 0.25);
    expect(readQrCodes(tilted, 200)).toEqual([PAYLOAD]);
  });

  it('offers no crop to the decoder on a page of text and bands only', () => {
    const page = pageWithQr(null, 0, 0, 4);
    expect(locateQrCandidates(page, 200)).toEqual([]);
    expect(readQrCodes(page, 200)).toEqual([]);
  });

  it('decodes a symbol that fills its whole image (embedded QR images are cut to the modules)', () => {
    const { modules } = QRCode.create('https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=abc', {
      errorCorrectionLevel: 'M',
    });
    const image = createGrayImage(modules.size * 3, modules.size * 3);
    image.data.fill(255);
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) paint(image, c * 3, r * 3, 3, 3, 0);
    expect(decodeQr(image)?.text).toBe('https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=abc');
  });
});

describe('QR codes embedded as images in a text-layer page', () => {
  it('reads a QR image of printed size and leaves other images alone', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([595, 842]);
    const qr = await pdf.embedPng(
      await QRCode.toBuffer(PAYLOAD, { errorCorrectionLevel: 'M', margin: 0, scale: 4 }),
    );
    page.drawImage(qr, { x: 450, y: 60, width: 90, height: 90 });
    // The same symbol drawn page-wide is a picture, not a printed QR: not decoded.
    const big = await pdf.embedPng(await QRCode.toBuffer('otro', { margin: 0, scale: 2 }));
    page.drawImage(big, { x: 40, y: 300, width: 400, height: 400 });
    const document = mupdf.Document.openDocument(await pdf.save(), 'application/pdf');
    try {
      const { text } = readPageLayer(document.loadPage(0), 0, true);
      expect(text.codes).toEqual([PAYLOAD]);
      expect(readPageLayer(document.loadPage(0), 0, false).text.codes).toBeUndefined();
    } finally {
      document.destroy();
    }
  });
});
