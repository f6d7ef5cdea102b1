import * as mupdf from 'mupdf';
import { createGrayImage, type GrayImage } from './gray-image.ts';

export type { GrayImage } from './gray-image.ts';

/** Renders a page to raw grey pixels at `dpi` (no PNG encoding: OCR takes the bytes as they are). */
export function renderGray(page: mupdf.Page, dpi: number): GrayImage {
  const scale = dpi / 72;
  const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false);
  try {
    const width = pixmap.getWidth();
    const height = pixmap.getHeight();
    const stride = pixmap.getStride();
    const pixels = pixmap.getPixels();
    // Copy out of the WASM heap: the pixmap's memory is freed below.
    const image = createGrayImage(width, height);
    const { data } = image;
    if (stride === width) data.set(pixels.subarray(0, width * height));
    else
      for (let y = 0; y < height; y++) data.set(pixels.subarray(y * stride, y * stride + width), y * width);
    return image;
  } finally {
    pixmap.destroy();
    // The decoded scan was needed for this render only. mupdf's store would keep it (up to 256 MB of decoded
    // images, even after the document is closed) in a WASM heap that never shrinks: 16 scans left 103 MB
    // there, 32 MB when emptied after each render.
    mupdf.emptyStore();
  }
}
