import * as mupdf from 'mupdf';
import sharp from 'sharp';

/**
 * A PNG re-encoded as a lossy WEBP by sharp, as a phone or a chat app saves a photo; with `orientation`, its
 * EXIF tag says how to turn the stored pixels to view them.
 */
export async function toWebp(png: Uint8Array, orientation?: number, quality = 90): Promise<Uint8Array> {
  const encoder = sharp(png).webp({ quality });
  const tagged = orientation ? encoder.withMetadata({ orientation }) : encoder;
  return new Uint8Array(await tagged.toBuffer());
}

/**
 * Inserts an EXIF APP1 segment with the given orientation tag right after a JPEG's SOI marker, as a phone
 * does when it stores the sensor's pixels as they came and says how to turn them.
 */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // first IFD
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

/** Renders page `index` of a PDF to a pixmap at `dpi` (RGB), optionally turned by `rotate` degrees. */
export function renderPage(pdf: Uint8Array, dpi: number, rotate = 0, index = 0): mupdf.Pixmap {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const page = document.loadPage(index);
    const matrix = mupdf.Matrix.concat(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.Matrix.rotate(rotate));
    const pixmap = page.toPixmap(matrix, mupdf.ColorSpace.DeviceRGB, false);
    pixmap.setResolution(dpi, dpi);
    page.destroy();
    return pixmap;
  } finally {
    document.destroy();
  }
}

/** Gray pixels of page `index` of a PDF rendered at 72 dpi, with the page's size. */
export function grayPage(
  pdf: Uint8Array,
  index = 0,
): { width: number; height: number; pixels: Uint8ClampedArray } {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const page = document.loadPage(index);
    const pixmap = page.toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceGray, false);
    const result = {
      width: pixmap.getWidth(),
      height: pixmap.getHeight(),
      pixels: pixmap.getPixels().slice(),
    };
    pixmap.destroy();
    page.destroy();
    return result;
  } finally {
    document.destroy();
  }
}

/** Centre of the dark pixels, as fractions of the width and height. */
export function darkCentre(image: { width: number; height: number; pixels: Uint8ClampedArray }) {
  let x = 0;
  let y = 0;
  let n = 0;
  for (let row = 0; row < image.height; row++) {
    for (let col = 0; col < image.width; col++) {
      if (image.pixels[row * image.width + col]! < 128) {
        x += col;
        y += row;
        n++;
      }
    }
  }
  return { x: x / n / image.width, y: y / n / image.height };
}

/** An uncompressed 8-bit grayscale TIFF with one page per image (a fax or a multi-page scan). */
export function grayTiff(
  pages: { width: number; height: number; pixels: Uint8Array }[],
  dpi: number,
): Uint8Array {
  const ENTRIES = 10;
  const ifdSize = 2 + ENTRIES * 12 + 4 + 16; // entries, next-IFD offset, two RATIONALs
  let size = 8;
  for (const page of pages) size += ifdSize + page.pixels.length;
  const out = Buffer.alloc(size);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  let at = 8;
  out.writeUInt32LE(at, 4);
  pages.forEach((page, index) => {
    const ifd = at;
    const rationals = ifd + 2 + ENTRIES * 12 + 4;
    const data = rationals + 16;
    const entry = (i: number, tag: number, type: number, value: number) => {
      const base = ifd + 2 + i * 12;
      out.writeUInt16LE(tag, base);
      out.writeUInt16LE(type, base + 2);
      out.writeUInt32LE(1, base + 4);
      if (type === 3) out.writeUInt16LE(value, base + 8);
      else out.writeUInt32LE(value, base + 8);
    };
    out.writeUInt16LE(ENTRIES, ifd);
    entry(0, 256, 4, page.width); // ImageWidth
    entry(1, 257, 4, page.height); // ImageLength
    entry(2, 258, 3, 8); // BitsPerSample
    entry(3, 259, 3, 1); // Compression: none
    entry(4, 262, 3, 1); // Photometric: BlackIsZero
    entry(5, 273, 4, data); // StripOffsets
    entry(6, 278, 4, page.height); // RowsPerStrip
    entry(7, 279, 4, page.pixels.length); // StripByteCounts
    entry(8, 282, 5, rationals); // XResolution
    entry(9, 283, 5, rationals + 8); // YResolution
    const next = index + 1 < pages.length ? data + page.pixels.length : 0;
    out.writeUInt32LE(next, ifd + 2 + ENTRIES * 12);
    out.writeUInt32LE(dpi, rationals);
    out.writeUInt32LE(1, rationals + 4);
    out.writeUInt32LE(dpi, rationals + 8);
    out.writeUInt32LE(1, rationals + 12);
    out.set(page.pixels, data);
    at = data + page.pixels.length;
  });
  return out;
}
