import * as mupdf from 'mupdf';
import { quarantine, StageError } from '../errors.ts';
import { collectMupdfWarnings } from '../read/mupdf-log.ts';
import type { ReadOptions } from '../read/options.ts';
import { decodeForMupdf, type MupdfImage } from './decode-photo.ts';
import { type ImageKind, KIND_NAMES } from './kind.ts';

/** A resolution a scanner writes; phones and screenshots write 72 or 96 (or nothing), which says nothing. */
const SCAN_DPI = { min: 150, max: 1200 };
/** Width given to a photo without a believable resolution: a letter/A4 page's (8.5 in). */
const PHOTO_PAGE_WIDTH_PT = 612;
const JPEG_QUALITY = 92;

/**
 * Wraps a photo or scan (JPG, PNG, TIFF with all its pages, WEBP, GIF, BMP) in a PDF of one image per page,
 * so it goes through the same reading as a scanned PDF: no text layer, so every page is OCR'd, QR codes
 * included.
 *
 * mupdf opens the image as a document and applies its EXIF orientation when rendering (a phone photo taken
 * sideways comes out upright); the upright pixels are what the PDF carries, JPEG-encoded for photos and
 * lossless for the rest. A WEBP, which mupdf cannot decode, is first decoded and turned upright by sharp
 * (decode-photo.ts). The page gets the image's physical size when it states a scanner's resolution, else a
 * letter page's width, so the OCR resolution chosen from the image's pixels per inch is its own.
 */
export async function imageToPdf(
  bytes: Uint8Array,
  kind: ImageKind,
  options: Pick<ReadOptions, 'maxPages' | 'maxImagePixels'>,
): Promise<Uint8Array> {
  const image = await decodeForMupdf(bytes, kind, options.maxImagePixels);
  // mupdf's warnings about damaged images go to the collector, not to stderr (see mupdf-log.ts).
  return collectMupdfWarnings(() => convert(image, kind, options)).result;
}

function convert(
  { bytes, mime }: MupdfImage,
  kind: ImageKind,
  options: Pick<ReadOptions, 'maxPages' | 'maxImagePixels'>,
): Uint8Array {
  let source: mupdf.Document;
  let resolution: number;
  try {
    source = mupdf.Document.openDocument(bytes, mime);
    resolution = new mupdf.Image(bytes).getXResolution();
  } catch (error) {
    throw quarantine('corrupt', `La imagen ${KIND_NAMES[kind]} está dañada y no se puede abrir.`, error);
  }
  const output = new mupdf.PDFDocument();
  try {
    const count = source.countPages();
    if (count <= 0) throw quarantine('corrupt', `La imagen ${KIND_NAMES[kind]} no tiene ninguna página.`);
    if (count > options.maxPages) {
      throw quarantine(
        'too_many_pages',
        `La imagen tiene ${count} páginas; el límite es ${options.maxPages} (MAX_PAGES).`,
      );
    }
    const scale = resolution > 0 ? resolution / 72 : 1;
    for (let index = 0; index < count; index++) {
      const page = source.loadPage(index);
      try {
        addImagePage(output, page, scale, kind, options.maxImagePixels, index);
      } finally {
        page.destroy();
      }
    }
    return output.saveToBuffer('compress').asUint8Array().slice();
  } catch (error) {
    if (error instanceof StageError) throw error;
    throw quarantine('corrupt', `La imagen ${KIND_NAMES[kind]} está dañada: ${String(error)}`, error);
  } finally {
    output.destroy();
    source.destroy();
  }
}

function addImagePage(
  output: mupdf.PDFDocument,
  page: mupdf.Page,
  scale: number,
  kind: ImageKind,
  maxPixels: number,
  index: number,
): void {
  const [x0, y0, x1, y1] = page.getBounds();
  const widthPx = Math.round((x1 - x0) * scale);
  const heightPx = Math.round((y1 - y0) * scale);
  if (widthPx <= 0 || heightPx <= 0)
    throw quarantine('corrupt', `La página ${index + 1} de la imagen está vacía.`);
  if (widthPx * heightPx > maxPixels) {
    throw quarantine(
      'image_too_large',
      `La página ${index + 1} de la imagen mide ${widthPx}×${heightPx} píxeles; el límite es ` +
        `${(maxPixels / 1e6).toFixed(1)} Mpx (MAX_IMAGE_PIXELS).`,
    );
  }
  const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
  let image: mupdf.Image;
  try {
    image = kind === 'jpeg' ? new mupdf.Image(pixmap.asJPEG(JPEG_QUALITY)) : new mupdf.Image(pixmap);
  } finally {
    pixmap.destroy();
  }
  const dpi = scale * 72;
  const scanned = dpi >= SCAN_DPI.min && dpi <= SCAN_DPI.max;
  const width = scanned ? (widthPx * 72) / dpi : PHOTO_PAGE_WIDTH_PT;
  const height = scanned ? (heightPx * 72) / dpi : (PHOTO_PAGE_WIDTH_PT * heightPx) / widthPx;
  const resources = output.addObject({ XObject: { Im0: output.addImage(image) } });
  image.destroy();
  const contents = `q ${width.toFixed(3)} 0 0 ${height.toFixed(3)} 0 0 cm /Im0 Do Q`;
  output.insertPage(-1, output.addPage([0, 0, width, height], 0, resources, contents));
}
