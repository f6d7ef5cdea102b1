import * as mupdf from 'mupdf';

/** 8-bit grey pixels, one byte per pixel, rows top to bottom without padding. */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

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
    const data = new Uint8Array(width * height);
    if (stride === width) data.set(pixels.subarray(0, width * height));
    else
      for (let y = 0; y < height; y++) data.set(pixels.subarray(y * stride, y * stride + width), y * width);
    return { data, width, height };
  } finally {
    pixmap.destroy();
  }
}

/**
 * The image as a binary PGM (P5) file: a 15-byte header in front of the raw pixels. tesseract's Leptonica
 * reads it directly, which is the cheapest format we can hand over (PNG encoding costs 0.1–2 s per page).
 */
export function toPgm(image: GrayImage): Uint8Array {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1');
  const file = new Uint8Array(header.byteLength + image.data.byteLength);
  file.set(header, 0);
  file.set(image.data, header.byteLength);
  return file;
}
