import * as mupdf from 'mupdf';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { createRng, type Rng } from './random.ts';

export const DIAN_LOOKUP = 'https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=';

/** Probe resolution for finding blank paper: 2 points a pixel is enough to keep clear of any text. */
const PROBE_DPI = 36;
const CLEARANCE = 4;

/** The QR code's own stream: from the corpus seed and the invoice's index, taking nothing from the main one. */
export function qrRng(seed: number, index: number): Rng {
  return createRng((Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(index + 1, 0x165667b1)) >>> 0);
}

/**
 * On about half of the invoices with a CUFE, prints the DIAN lookup URL as a QR code (each module its own
 * square, in the dark grey of the text) on blank paper of the last page, as low and as far left as there is
 * room. Returns the PDF and the payload (null when nothing was printed).
 */
export async function stampLookupQr(
  pdf: Uint8Array,
  cufe: string | null,
  rng: Rng,
): Promise<{ pdf: Uint8Array; payload: string | null }> {
  if (!cufe || !rng.chance(0.5)) return { pdf, payload: null };
  const payload = `${DIAN_LOOKUP}${cufe}`;
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const quiet = 3;
  const side = ((2.8 + rng.next() * 0.6) * 72) / 2.54;
  // Works on saved bytes: pdf-lib does not pick up drawing on a page whose content it has already saved.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const index = doc.getPageCount() - 1;
  const spot = lowestBlankSquare(pdf, index, side + 2 * CLEARANCE);
  if (!spot) return { pdf, payload: null };
  const page = doc.getPage(index);
  const unit = side / (modules.size + 2 * quiet);
  const left = spot.x + CLEARANCE + quiet * unit;
  const top = spot.y + CLEARANCE + quiet * unit;
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (!modules.get(row, column)) continue;
      page.drawRectangle({
        x: left + column * unit,
        y: page.getHeight() - top - (row + 1) * unit,
        // A hair wider than the module, so neighbours merge instead of leaving white seams when rendered.
        width: unit + 0.05,
        height: unit + 0.05,
        color: rgb(0.1, 0.1, 0.1),
      });
    }
  }
  return { pdf: await doc.save(), payload };
}

/** Top-left corner (points, from the top) of the lowest, then leftmost, blank square of `side` on a page. */
function lowestBlankSquare(pdf: Uint8Array, index: number, side: number): { x: number; y: number } | null {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const scale = PROBE_DPI / 72;
    const pixmap = doc
      .loadPage(index)
      .toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false);
    const width = pixmap.getWidth();
    const height = pixmap.getHeight();
    const stride = pixmap.getStride();
    const pixels = pixmap.getPixels().slice();
    pixmap.destroy();
    const span = Math.ceil(side * scale);
    const margin = Math.ceil(24 * scale);
    // blankBelow[x] = blank pixels in column x from this row down; a square is blank when `span` adjacent
    // columns each have at least `span` of them.
    const blankBelow = new Int32Array(width);
    for (let y = height - 1 - margin; y >= margin; y--) {
      let run = 0;
      for (let x = margin; x < width - margin; x++) {
        blankBelow[x] = (pixels[y * stride + x] as number) > 245 ? (blankBelow[x] as number) + 1 : 0;
        run = (blankBelow[x] as number) >= span ? run + 1 : 0;
        if (run >= span && y + span <= height - margin) return { x: (x - span + 1) / scale, y: y / scale };
      }
    }
    return null;
  } finally {
    doc.destroy();
  }
}
