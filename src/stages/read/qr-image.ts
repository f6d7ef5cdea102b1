import * as mupdf from 'mupdf';
import { createGrayImage, type GrayImage } from './gray-image.ts';
import { decodePdf417 } from './pdf417-decode.ts';
import { redrawCrispQr } from './qr-crisp.ts';
import { decodeQr } from './qr-decode.ts';
import { decodePureQr } from './qr-pure.ts';

/** Printed QR codes measure between these, in points (12 to 70 mm). */
const MIN_SIDE_PT = 34;
const MAX_SIDE_PT = 200;
/**
 * Larger images are not decoded: a QR needs a few thousand modules at most, a bigger picture is a photo. CFDI
 * renderers embed their QR at 1380 px square (1.9 Mpx, ~50 ms to read): 4 Mpx leaves room for such.
 */
const MAX_PIXELS = 4_000_000;
/** A printed PDF417 (Chile's timbre: ~2 × 5 cm) is 3–8 times wider than high and 80–400 pt wide. */
const PDF417_MIN_WIDTH_PT = 80;
const PDF417_MAX_WIDTH_PT = 400;

/** Whether an image drawn at `bbox` could be a QR code: about square and of a printed QR's size. */
export function looksLikeQrImage(bbox: mupdf.Rect, image: mupdf.Image): boolean {
  const width = bbox[2] - bbox[0];
  const height = bbox[3] - bbox[1];
  const side = Math.max(width, height);
  if (side < MIN_SIDE_PT || side > MAX_SIDE_PT) return false;
  if (side / Math.max(1e-3, Math.min(width, height)) > 1.3) return false;
  return image.getWidth() * image.getHeight() <= MAX_PIXELS;
}

/** Whether an image drawn at `bbox` could be a PDF417 barcode: a wide strip of a printed barcode's size. */
export function looksLikePdf417Image(bbox: mupdf.Rect, image: mupdf.Image): boolean {
  const width = bbox[2] - bbox[0];
  const height = bbox[3] - bbox[1];
  if (width < PDF417_MIN_WIDTH_PT || width > PDF417_MAX_WIDTH_PT) return false;
  const ratio = width / Math.max(1e-3, height);
  return ratio >= 2.5 && ratio <= 9 && image.getWidth() * image.getHeight() <= MAX_PIXELS;
}

/**
 * The payload of a QR code embedded as an image in a text-layer page, decoded from the image's own pixels
 * (as sharp as they were made, whatever the page is rendered at). Null when it does not decode.
 */
export function decodeQrImage(image: mupdf.Image): string | null {
  const gray = grayPixels(image);
  const redrawn = redrawCrispQr(gray);
  const quick = redrawn ? decodePureQr(redrawn) : null;
  return quick ?? decodeQr(gray, undefined, { sharp: true })?.text ?? null;
}

/** The payload of a PDF417 barcode embedded as an image, from the image's own pixels; null when none decodes. */
export function decodePdf417Image(image: mupdf.Image): string | null {
  return decodePdf417(grayPixels(image));
}

function grayPixels(image: mupdf.Image): GrayImage {
  let pixmap = image.toPixmap();
  try {
    if (pixmap.getNumberOfComponents() !== 1 || pixmap.getAlpha()) {
      const grey = pixmap.convertToColorSpace(mupdf.ColorSpace.DeviceGray, false);
      pixmap.destroy();
      pixmap = grey;
    }
    const width = pixmap.getWidth();
    const height = pixmap.getHeight();
    const stride = pixmap.getStride();
    const pixels = pixmap.getPixels();
    const gray = createGrayImage(width, height);
    for (let y = 0; y < height; y++)
      gray.data.set(pixels.subarray(y * stride, y * stride + width), y * width);
    return gray;
  } finally {
    pixmap.destroy();
  }
}
