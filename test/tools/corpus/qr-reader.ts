import jsqr from 'jsqr';
import * as mupdf from 'mupdf';

export interface Grey {
  pixels: Uint8ClampedArray;
  width: number;
  height: number;
}

/** One page rendered to grey the way the read stage and the scanner do (mupdf, no alpha). */
export function renderPage(pdf: Uint8Array, index: number, dpi = 200): Grey {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const page = doc.loadPage(index);
    const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceGray, false);
    const width = pixmap.getWidth();
    const height = pixmap.getHeight();
    const stride = pixmap.getStride();
    const source = pixmap.getPixels();
    const pixels = new Uint8ClampedArray(width * height);
    for (let row = 0; row < height; row++)
      pixels.set(source.subarray(row * stride, row * stride + width), row * width);
    pixmap.destroy();
    page.destroy();
    return { pixels, width, height };
  } finally {
    doc.destroy();
  }
}

/**
 * The payload of the QR code jsQR finds in a grey image (it wants RGBA), or null. `threshold` first makes the
 * page black and white: jsQR's local binarizer turns the paper noise of a whole scanned page into false
 * finder patterns.
 */
export function decodeQr(image: Grey, threshold?: number): string | null {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.pixels.length; i++) {
    const grey = image.pixels[i] as number;
    const value = threshold === undefined ? grey : grey < threshold ? 0 : 255;
    rgba[4 * i] = value;
    rgba[4 * i + 1] = value;
    rgba[4 * i + 2] = value;
    rgba[4 * i + 3] = 255;
  }
  // jsqr's bundle exports the function both as the module and as its `default`; only the latter is typed.
  return jsqr.default(rgba, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
