import type { Metadata } from 'sharp';
import { quarantine } from '../errors.ts';
import { IMAGE_MIME, type ImageKind, KIND_NAMES } from './kind.ts';

/** An image mupdf can open: its bytes and mupdf's handler for them. */
export interface MupdfImage {
  bytes: Uint8Array;
  mime: string;
}

/** Fast zlib: the PNG only carries the pixels from sharp to mupdf within this process. */
const PNG_COMPRESSION = 1;
/** The resolution written when the image states none: what phones write, read by image-to-pdf.ts as none. */
const UNSTATED_DPI = 72;

/**
 * Makes a photo openable by mupdf: the kinds mupdf decodes pass as they are; a WEBP is decoded by sharp
 * (libvips), turned upright by its EXIF orientation (as mupdf does for JPEG) and handed over as a lossless
 * PNG that keeps the image's resolution when it states one.
 *
 * sharp's prebuilt libvips has no HEVC decoder (a patent-encumbered codec; only AV1-coded HEIF, i.e. AVIF,
 * is built in), so an iPhone's HEIC photo is refused with what to send instead.
 *
 * Bounded like mupdf's path: the pixel count is checked from the header before decoding (`image_too_large`),
 * libvips is told the same limit, and pixel data that fails to decode is refused (`corrupt`).
 */
export async function decodeForMupdf(
  bytes: Uint8Array,
  kind: ImageKind,
  maxImagePixels: number,
): Promise<MupdfImage> {
  const mime = IMAGE_MIME[kind];
  if (mime) return { bytes, mime };
  if (kind === 'heic') {
    throw quarantine(
      'unsupported_type',
      'Las fotos HEIC (formato del iPhone) no se pueden leer; envíe la factura en JPG, PNG, WEBP o PDF ' +
        '(en el iPhone: Ajustes > Cámara > Formatos > Más compatible).',
    );
  }
  return { bytes: await decodeWithSharp(bytes, kind, maxImagePixels), mime: 'image/png' };
}

async function decodeWithSharp(bytes: Uint8Array, kind: ImageKind, maxPixels: number): Promise<Uint8Array> {
  const name = KIND_NAMES[kind];
  const options = { failOn: 'error', pages: 1 } as const;
  // sharp (libvips, ~20 MB resident once loaded) only for the photos mupdf cannot open: not at start.
  const { default: sharp } = await import('sharp');
  let metadata: Metadata;
  try {
    // The header only: its size is checked here, so a too-large image is told as such, with its size.
    metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch (error) {
    throw quarantine('corrupt', `La imagen ${name} está dañada y no se puede abrir.`, error);
  }
  const { width = 0, height = 0, density } = metadata;
  if (width * height > maxPixels) {
    throw quarantine(
      'image_too_large',
      `La imagen ${name} mide ${width}×${height} píxeles; el límite es ` +
        `${(maxPixels / 1e6).toFixed(1)} Mpx (MAX_IMAGE_PIXELS).`,
    );
  }
  const upright = sharp(bytes, { ...options, limitInputPixels: maxPixels })
    .rotate()
    .png({ compressionLevel: PNG_COMPRESSION })
    // libvips writes a PNG's resolution even when the image stated none (1 pixel/mm, ~25 dpi), which mupdf
    // would take at its word and shrink the page's pixels by; 72 dpi says "no believable resolution".
    .withDensity(density || UNSTATED_DPI);
  try {
    return new Uint8Array(await upright.toBuffer());
  } catch (error) {
    throw quarantine('corrupt', `La imagen ${name} está dañada: ${String(error)}`, error);
  }
}
