import * as mupdf from 'mupdf';
import { createGrayImage } from './gray-image.ts';
import { redrawCrispQr } from './qr-crisp.ts';
import { decodeQr } from './qr-decode.ts';
import { decodePureQr } from './qr-pure.ts';

/** Printed QR codes measure between these, in points (12 to 70 mm). */
const MIN_SIDE_PT = 34;
const MAX_SIDE_PT = 200;
/** Larger images are not decoded: a QR needs a few thousand modules at most, a bigger picture is a photo. */
const MAX_PIXELS = 1_500_000;

/** Whether an image drawn at `bbox` could be a QR code: about square and of a printed QR's size. */
export function looksLikeQrImage(bbox: mupdf.Rect, image: mupdf.Image): boolean {
  const width = bbox[2] - bbox[0];
  const height = bbox[3] - bbox[1];
  const side = Math.max(width, height);
  if (side < MIN_SIDE_PT || side > MAX_SIDE_PT) return false;
  if (side / Math.max(1e-3, Math.min(width, height)) > 1.3) return false;
  return image.getWidth() * image.getHeight() <= MAX_PIXELS;
}

/**
 * The payload of a QR code embedded as an image in a text-layer page, decoded from the image's own pixels
 * (as sharp as they were made, whatever the page is rendered at). Null when it does not decode.
 */
export function decodeQrImage(image: mupdf.Image): string | null {
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
    const redrawn = redrawCrispQr(gray);
    const quick = redrawn ? decodePureQr(redrawn) : null;
    return quick ?? decodeQr(gray, undefined, { sharp: true })?.text ?? null;
  } finally {
    pixmap.destroy();
  }
}
