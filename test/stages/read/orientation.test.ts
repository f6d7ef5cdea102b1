import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GrayImage } from '../../../src/stages/read/gray-image.ts';
import { createOcrEngine, type OcrEngine } from '../../../src/stages/read/ocr-engine.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import {
  looksSideways,
  readingScore,
  readsUpright,
  turnQuarters,
} from '../../../src/stages/read/orientation.ts';
import { readPdf } from '../../../src/stages/read/read-pdf.ts';
import { textPdf } from './fixtures.ts';

/** A page of invoice-like text rendered to grey at 200 dpi, as the OCR path renders a scan. */
async function renderedPage(): Promise<GrayImage> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 792]);
  const lines = [
    'FACTURA ELECTRÓNICA DE VENTA No. FE-1234',
    'Fecha de emisión: 12/03/2025      Vence: 12/04/2025',
    'Cliente: Textiles del Río S.A.S.   NIT 900.123.456-7',
    'Descripción                     Cant.     Vr. Unitario        Vr. Total',
    'Mantenimiento preventivo telar     2        450.000,00        900.000,00',
    'Cambio de rodamientos              1        120.000,00        120.000,00',
    'Subtotal                                                  1.020.000,00',
    'IVA 19%                                                     193.800,00',
    'Total                                                     1.213.800,00',
  ];
  lines.forEach((text, i) => {
    page.drawText(text.replace(/[^\x20-\x7e]/g, 'o'), { x: 50, y: 740 - 22 * i, size: 10, font });
  });
  const document = mupdf.Document.openDocument(await pdf.save(), 'application/pdf');
  const pixmap = document
    .loadPage(0)
    .toPixmap(mupdf.Matrix.scale(200 / 72, 200 / 72), mupdf.ColorSpace.DeviceGray, false);
  return {
    data: new Uint8Array(pixmap.getPixels()),
    width: pixmap.getWidth(),
    height: pixmap.getHeight(),
  };
}

describe('page orientation', () => {
  it('tells a page on its side from an upright or upside-down one by its ink profiles', async () => {
    const upright = await renderedPage();
    expect(looksSideways(upright, 200)).toBe(false);
    expect(looksSideways(turnQuarters(upright, 2), 200)).toBe(false);
    expect(looksSideways(turnQuarters(upright, 1), 200)).toBe(true);
    expect(looksSideways(turnQuarters(upright, 3), 200)).toBe(true);
  });

  it("is not fooled by a photo's dark desk along the long edges of an upright page", async () => {
    const photo = await renderedPage();
    const strip = Math.round(photo.width * 0.05);
    for (let y = 0; y < photo.height; y++) {
      photo.data.fill(40, y * photo.width, y * photo.width + strip);
      photo.data.fill(40, (y + 1) * photo.width - strip, (y + 1) * photo.width);
    }
    expect(looksSideways(photo, 200)).toBe(false);
    expect(looksSideways(turnQuarters(photo, 1), 200)).toBe(true);
  });

  it('turns an image by quarter turns exactly, clockwise', () => {
    // 3×2:  a b c / d e f
    const image: GrayImage = { data: Uint8Array.from([1, 2, 3, 4, 5, 6]), width: 3, height: 2 };
    const once = turnQuarters(image, 1);
    expect([once.width, once.height, [...once.data]]).toEqual([2, 3, [4, 1, 5, 2, 6, 3]]);
    const twice = turnQuarters(image, 2);
    expect([twice.width, twice.height, [...twice.data]]).toEqual([3, 2, [6, 5, 4, 3, 2, 1]]);
    const thrice = turnQuarters(image, 3);
    expect([thrice.width, thrice.height, [...thrice.data]]).toEqual([2, 3, [3, 6, 2, 5, 1, 4]]);
    expect(turnQuarters(turnQuarters(image, 1), 3).data).toEqual(image.data);
  });

  it('scores a reading by its confident words of three letters or more', () => {
    const word = (text: string, confidence: number) => ({ text, confidence, x0: 0, y0: 0, x1: 1, y1: 1 });
    const good = ['Factura', 'Fecha', 'Cliente', 'Total', 'Subtotal', 'telar', 'Cambio', 'rodamientos'].map(
      (t) => word(t, 0.92),
    );
    const upsideDown = ['ɐɹnʇ', 'l', '10', 'ʇoʇ', 'uw', 'sp', 'Ieʇ', 'pɹo', 'eq'].map((t) => word(t, 0.31));
    expect(readsUpright(good)).toBe(true);
    expect(readsUpright(upsideDown)).toBe(false);
    // A nearly blank page has nothing to judge by: no second reading.
    expect(readsUpright(upsideDown.slice(0, 5))).toBe(true);
    expect(readingScore(good)).toBeGreaterThan(readingScore(upsideDown));
  });
});

/** The digital invoice scanned on its side or upside down: one grey image, the page as big as the image. */
async function turnedScan(degrees: 90 | 180 | 270): Promise<Uint8Array> {
  const source = mupdf.Document.openDocument(await textPdf(), 'application/pdf');
  const matrix = mupdf.Matrix.concat(mupdf.Matrix.scale(200 / 72, 200 / 72), mupdf.Matrix.rotate(degrees));
  const pixmap = source.loadPage(0).toPixmap(matrix, mupdf.ColorSpace.DeviceGray, false);
  const pdf = await PDFDocument.create();
  const png = await pdf.embedPng(pixmap.asPNG());
  const [width, height] = [(pixmap.getWidth() * 72) / 200, (pixmap.getHeight() * 72) / 200];
  pdf.addPage([width, height]).drawImage(png, { x: 0, y: 0, width, height });
  return pdf.save();
}

describe('reading a scan that is not upright (real OCR engine)', () => {
  let ocr: OcrEngine;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orientation-ocr-'));
  beforeAll(async () => {
    ocr = await createOcrEngine({ cacheDir, workers: 2 });
  });
  afterAll(async () => {
    await ocr.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it.each([90, 180, 270] as const)('reads a page turned by %i° as if it were upright', async (degrees) => {
    const read = await readPdf(await turnedScan(degrees), defaultReadOptions, ocr);
    const rows = read.document.text.split('\n');
    expect(rows.some((r) => /No\.\s+FE-1234/.test(r))).toBe(true);
    expect(rows.some((r) => /Total a pagar\s+\$ ?1\.469\.135,79/.test(r))).toBe(true);
    // Read in its upright frame: a portrait page again.
    const page = read.document.pages[0]!;
    expect(page.height).toBeGreaterThan(page.width);
    // ...and says how it was turned, so its boxes can be put back where they are printed.
    expect(page.quarterTurns).toBe(degrees === 180 ? 2 : degrees === 90 ? 3 : 1);
  });
});
