import zlib from 'node:zlib';
import * as mupdf from 'mupdf';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

/** Hostile and ordinary PDFs generated at test time (nothing large is committed). */

export interface TextRow {
  text: string;
  x: number;
  /** Distance from the top of the page, in points. */
  top: number;
  size?: number;
}

export const INVOICE_ROWS: TextRow[] = [
  { text: 'Servitécnicos Industriales Ltda.', x: 50, top: 60, size: 14 },
  { text: 'NIT 900.123.456-7', x: 50, top: 80 },
  { text: 'FACTURA ELECTRÓNICA DE VENTA', x: 330, top: 60, size: 12 },
  { text: 'No.', x: 330, top: 80 },
  { text: 'FE-1234', x: 380, top: 80 },
  { text: 'Fecha de emisión: 15/03/2026', x: 330, top: 100 },
  { text: 'Mantenimiento preventivo telar', x: 50, top: 200 },
  { text: '$ 1.234.567,89', x: 430, top: 200 },
  { text: 'Total a pagar', x: 300, top: 300, size: 12 },
  { text: '$ 1.469.135,79', x: 430, top: 300, size: 12 },
];

export async function textPdf(rows: TextRow[] = INVOICE_ROWS, size: [number, number] = [595, 842]) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage(size);
  for (const row of rows) {
    page.drawText(row.text, { x: row.x, y: size[1] - row.top, size: row.size ?? 10, font });
  }
  return pdf.save();
}

export async function manyPagesPdf(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < count; i++) pdf.addPage([200, 200]);
  return pdf.save();
}

/**
 * `count` pages each filled with rows of text: slow enough to read (~2 s for 100 pages, against 23 ms for 250
 * empty ones) that a test can interrupt the document while it is running, whatever the machine's load.
 */
export async function denseTextPdf(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const line = 'Mantenimiento preventivo de telar 1.234.567,89 '.repeat(2);
  for (let i = 0; i < count; i++) {
    const page = pdf.addPage([595, 842]);
    for (let y = 40; y < 820; y += 12) page.drawText(line, { x: 20, y, size: 9, font });
  }
  return pdf.save();
}

/** A page showing one 1-bit grey image of `width`×`height` pixels: tiny on disk, huge once decoded. */
export function bigImagePdf(
  width: number,
  height: number,
  page: [number, number] = [595, 842],
  text?: string,
): Uint8Array {
  const doc = new mupdf.PDFDocument();
  const rowBytes = Math.ceil(width / 8);
  const compressed = deflateZeros(rowBytes * height);
  const image = doc.addRawStream(compressed, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 1,
    Filter: 'FlateDecode',
  });
  const font = doc.addObject({
    Type: 'Font',
    Subtype: 'Type1',
    BaseFont: 'Helvetica',
    Encoding: 'WinAnsiEncoding',
  });
  const resources = doc.addObject({ XObject: { Im0: image }, Font: { F1: font } });
  const drawText = text ? ` BT /F1 12 Tf 40 ${page[1] - 60} Td (${text}) Tj ET` : '';
  const contents = `q ${page[0]} 0 0 ${page[1]} 0 0 cm /Im0 Do Q${drawText}`;
  const pageObject = doc.addPage([0, 0, page[0], page[1]], 0, resources, contents);
  doc.insertPage(-1, pageObject);
  const bytes = doc.saveToBuffer('compress').asUint8Array().slice();
  doc.destroy();
  return bytes;
}

/** Zero bits deflate about 1000:1; the buffer is freed as soon as it is compressed. */
function deflateZeros(length: number): Buffer {
  return zlib.deflateSync(Buffer.alloc(length), { level: 9 });
}

export function encryptedPdf(plain: Uint8Array): Uint8Array {
  const doc = new mupdf.PDFDocument(plain);
  const bytes = doc
    .saveToBuffer('encrypt=aes-256,user-password=secreto,owner-password=dueno')
    .asUint8Array()
    .slice();
  doc.destroy();
  return bytes;
}

/** An invoice page with an OpenAction JavaScript and an embedded file: both must be ignored, not run. */
export async function javascriptAndAttachmentPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(await textPdf());
  await pdf.attach(new TextEncoder().encode('contenido adjunto'), 'adjunto.txt', { mimeType: 'text/plain' });
  const action = pdf.context.obj({
    S: 'JavaScript',
    JS: PDFString.of("app.alert('hola'); this.exportDataObject({});"),
  });
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(action));
  return pdf.save();
}

export function pngBytes(): Uint8Array {
  const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, 64, 64], false);
  pixmap.clear(255);
  const png = pixmap.asPNG().slice();
  pixmap.destroy();
  return png;
}

/**
 * A scan of `pdf`'s first page: rendered at `dpi`, rotated `degrees` clockwise (as seen on screen) about the
 * centre, with grey noise of standard deviation `noise` and a few specks, and wrapped as an image-only PDF page of the same size.
 */
export function scannedPdf(
  pdf: Uint8Array,
  options: { dpi: number; degrees: number; noise: number; seed?: number },
) {
  const source = mupdf.Document.openDocument(pdf, 'application/pdf');
  const page = source.loadPage(0);
  const [x0, y0, x1, y1] = page.getBounds();
  const scale = options.dpi / 72;
  const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false);
  const width = pixmap.getWidth();
  const height = pixmap.getHeight();
  const stride = pixmap.getStride();
  const original = pixmap.getPixels().slice();
  pixmap.destroy();
  page.destroy();
  source.destroy();

  const rotated = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, width, height], false);
  const out = rotated.getPixels();
  const outStride = rotated.getStride();
  const radians = (options.degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const cx = width / 2;
  const cy = height / 2;
  let seed = options.seed ?? 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse mapping: which source pixel lands here after a clockwise rotation.
      const dx = x - cx;
      const dy = y - cy;
      const sx = Math.round(cx + dx * cos + dy * sin);
      const sy = Math.round(cy - dx * sin + dy * cos);
      let value = sx >= 0 && sy >= 0 && sx < width && sy < height ? original[sy * stride + sx]! : 255;
      // Sensor noise (Box–Muller) plus rare dust specks, like a cheap office scanner.
      const gaussian = Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
      value = Math.max(0, Math.min(255, value + gaussian * options.noise));
      if (random() < 0.0005) value = 0;
      out[y * outStride + x] = value;
    }
  }
  const doc = new mupdf.PDFDocument();
  const image = doc.addImage(new mupdf.Image(rotated));
  rotated.destroy();
  const resources = doc.addObject({ XObject: { Scan: image } });
  const w = x1 - x0;
  const h = y1 - y0;
  const pageObject = doc.addPage([0, 0, w, h], 0, resources, `q ${w} 0 0 ${h} 0 0 cm /Scan Do Q`);
  doc.insertPage(-1, pageObject);
  const bytes = doc.saveToBuffer('compress').asUint8Array().slice();
  doc.destroy();
  return bytes;
}

/**
 * A page drawn with a font whose ToUnicode map sends every ASCII code to the private-use area: it looks right
 * on screen, but its text layer is garbage — the "broken font" case that needs OCR.
 */
export async function brokenFontPdf(rows: TextRow[] = INVOICE_ROWS): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  for (const row of rows) page.drawText(row.text, { x: row.x, y: 842 - row.top, size: row.size ?? 10, font });
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Roto def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    '1 beginbfrange <20> <7E> <E020> endbfrange',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  await pdf.flush();
  const fontDict = pdf.context.lookup(font.ref, PDFDict);
  fontDict.set(PDFName.of('ToUnicode'), pdf.context.register(pdf.context.stream(cmap)));
  return pdf.save();
}
