import * as mupdf from 'mupdf';
import { PDFDocument } from 'pdf-lib';
import type { Rng } from './random.ts';

/**
 * Turns a digital invoice into an image-only "scan": rendered to grey at 200 dpi, rotated by a small angle,
 * with paper noise and a few specks, re-embedded as the only content of a page of the same size.
 */
export async function scanPdf(pdf: Uint8Array, rng: Rng, dpi = 200): Promise<Uint8Array> {
  const source = mupdf.Document.openDocument(pdf, 'application/pdf');
  const doc = await PDFDocument.create();
  doc.setProducer('heldout-scanner');
  for (let index = 0; index < source.countPages(); index++) {
    const page = source.loadPage(index);
    const [x0, y0, x1, y1] = page.getBounds();
    const image = await doc.embedPng(scanPage(page, rng, dpi));
    doc.addPage([x1 - x0, y1 - y0]).drawImage(image, { x: 0, y: 0, width: x1 - x0, height: y1 - y0 });
  }
  return doc.save();
}

function scanPage(page: mupdf.Page, rng: Rng, dpi: number): Uint8Array {
  const scale = dpi / 72;
  const rendered = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false);
  const width = rendered.getWidth();
  const height = rendered.getHeight();
  const stride = rendered.getStride();
  const input = rendered.getPixels().slice();
  rendered.destroy();

  const angle = ((rng.next() - 0.5) * 1.6 * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const target = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, width, height], false);
  const out = target.getPixels();
  const outStride = target.getStride();
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Nearest neighbour from the unrotated page; outside it is paper.
      const sx = Math.round(cos * (x - cx) + sin * (y - cy) + cx);
      const sy = Math.round(-sin * (x - cx) + cos * (y - cy) + cy);
      const value = sx >= 0 && sy >= 0 && sx < width && sy < height ? input[sy * stride + sx]! : 255;
      const noise = (rng.next() + rng.next() - 1) * 36;
      out[y * outStride + x] = Math.max(0, Math.min(255, value * 0.93 + 10 + noise));
    }
  }
  for (let i = 0; i < 400; i++)
    out[rng.int(0, height - 1) * outStride + rng.int(0, width - 1)] = rng.int(0, 90);
  const png = target.asPNG();
  target.destroy();
  return png;
}
