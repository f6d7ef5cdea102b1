import type * as mupdf from 'mupdf';
import { quarantine } from '../errors.ts';
import type { ReadOptions } from './options.ts';

export interface PageImages {
  /** Pixels of the largest image drawn on the page (its own resolution, not as rendered). */
  largestImagePixels: number;
  /** Share of the page area covered by the largest image, 0..1. */
  largestImageCoverage: number;
  /** Pixels per inch of that image as it is drawn on the page (≈ the scan's resolution). */
  largestImageDpi: number;
}

/**
 * The resolution to render a page at for OCR: the configured DPI, lowered to the scan's own resolution (no
 * point inventing pixels) and to what fits under MAX_IMAGE_PIXELS. Throws `image_too_large` when an embedded
 * image alone exceeds the limit (decoding it would allocate that much) or the page only fits below the
 * minimum useful resolution.
 */
/** Scans coarser than this are rendered at it for OCR (see chooseOcrDpi). */
const UPSAMPLED_DPI = 250;

export function chooseOcrDpi(
  page: mupdf.Page,
  images: PageImages,
  options: Pick<ReadOptions, 'ocrDpi' | 'minOcrDpi' | 'maxImagePixels'>,
  index: number,
): number {
  if (images.largestImagePixels > options.maxImagePixels) {
    throw quarantine(
      'image_too_large',
      `La página ${index + 1} contiene una imagen de ${formatMegapixels(images.largestImagePixels)}; ` +
        `el límite es ${formatMegapixels(options.maxImagePixels)} (MAX_IMAGE_PIXELS).`,
    );
  }
  const [x0, y0, x1, y1] = page.getBounds();
  const squareInches = Math.max(1e-6, ((x1 - x0) / 72) * ((y1 - y0) / 72));
  let dpi = options.ocrDpi;
  // A full-page scan carries its own resolution: rendering far above it only invents pixels (and costs OCR
  // time), but a coarser one (a 200-dpi office scan, a photo sent through a chat app, a fax) is enlarged to
  // UPSAMPLED_DPI, where its small print reaches a letter height tesseract reads: on the real invoices'
  // 200-dpi scan copies 55 of 62 came out with number, date and total right instead of 51, and on their
  // 170-dpi photo copies 44 instead of 35.
  if (images.largestImageCoverage >= 0.5 && images.largestImageDpi > 0) {
    const own = Math.ceil(images.largestImageDpi);
    dpi = Math.min(dpi, Math.max(options.minOcrDpi, UPSAMPLED_DPI, own));
  }
  const fitting = Math.floor(Math.sqrt(options.maxImagePixels / squareInches));
  dpi = Math.min(dpi, fitting);
  if (dpi < options.minOcrDpi) {
    throw quarantine(
      'image_too_large',
      `La página ${index + 1} mide ${(x1 - x0).toFixed(0)}×${(y1 - y0).toFixed(0)} pt: para leerla con OCR ` +
        `habría que rasterizarla a menos de ${options.minOcrDpi} ppp dentro del límite MAX_IMAGE_PIXELS.`,
    );
  }
  return dpi;
}

function formatMegapixels(pixels: number): string {
  return `${(pixels / 1e6).toFixed(1)} Mpx`;
}
