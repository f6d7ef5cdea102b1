/**
 * What kind of file arrived, told by its first bytes (magic numbers), never by its name alone: a PDF
 * renamed `.zip` is still read as a PDF, and a `.pdf` that is really a Word document is refused as such.
 */
export type InputKind =
  | 'pdf'
  | 'zip'
  | 'xml'
  | 'jpeg'
  | 'png'
  | 'tiff'
  | 'webp'
  | 'heic' // HEIF with HEVC pictures: iPhone photos
  | 'gif'
  | 'bmp'
  | 'ole' // legacy Office (DOC, XLS) and other compound files
  | 'empty'
  | 'unknown';

export type ImageKind = 'jpeg' | 'png' | 'tiff' | 'webp' | 'heic' | 'gif' | 'bmp';

/**
 * mupdf's document handler for each image kind it opens; null for those it has no decoder for (WEBP, which
 * sharp decodes first, and HEIC, which nothing here decodes: see decode-photo.ts).
 */
export const IMAGE_MIME: Record<ImageKind, string | null> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: null,
  heic: null,
};

/** Spanish names for messages. */
export const KIND_NAMES: Record<InputKind, string> = {
  pdf: 'PDF',
  zip: 'ZIP',
  xml: 'XML',
  jpeg: 'JPG',
  png: 'PNG',
  tiff: 'TIFF',
  webp: 'WEBP',
  heic: 'HEIC',
  gif: 'GIF',
  bmp: 'BMP',
  ole: 'documento de Office antiguo (DOC/XLS)',
  empty: 'vacío',
  unknown: 'de tipo desconocido',
};

/** ISO base media file brands of HEIF files whose pictures are HEVC-coded (HEIC): iPhones write `heic`. */
const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
/** Brands that say only "a HEIF file"; the compatible brands then tell HEVC from AV1 (AVIF). */
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1']);
/** The `ftyp` box's compatible brands looked at (a real one lists a handful). */
const MAX_FTYP_BYTES = 64;

/** Acrobat accepts the PDF header anywhere in the first 1024 bytes. */
const PDF_WINDOW = 1024;

export function isImageKind(kind: InputKind): kind is ImageKind {
  return kind in IMAGE_MIME;
}

export function detectInputKind(bytes: Uint8Array): InputKind {
  if (bytes.byteLength === 0) return 'empty';
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  if (at(0, 0x50, 0x4b) && (at(2, 0x03, 0x04) || at(2, 0x05, 0x06) || at(2, 0x07, 0x08))) return 'zip';
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0x49, 0x49, 0x2a, 0x00) || at(0, 0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  if (isHeic(bytes)) return 'heic';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (at(0, 0x42, 0x4d) && bytes.byteLength > 26) return 'bmp';
  if (at(0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PDF_WINDOW));
  if (head.indexOf('%PDF-', 0, 'latin1') !== -1) return 'pdf';
  if (looksLikeXml(head)) return 'xml';
  return 'unknown';
}

/** An ISO base media file (`ftyp` box first) branded HEIC, or generic HEIF with a HEIC compatible brand. */
function isHeic(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 16) return false;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MAX_FTYP_BYTES));
  if (head.toString('latin1', 4, 8) !== 'ftyp') return false;
  const major = head.toString('latin1', 8, 12);
  if (HEVC_BRANDS.has(major)) return true;
  if (!GENERIC_HEIF_BRANDS.has(major)) return false;
  const boxEnd = Math.min(head.readUInt32BE(0), head.length);
  for (let at = 16; at + 4 <= boxEnd; at += 4) {
    if (HEVC_BRANDS.has(head.toString('latin1', at, at + 4))) return true;
  }
  return false;
}

/** `<?xml` or a start tag after an optional BOM and whitespace, in UTF-8 or UTF-16. */
function looksLikeXml(head: Buffer): boolean {
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2).toString('utf16le');
  else if (head[0] === 0xfe && head[1] === 0xff) {
    text = Buffer.from(head.subarray(2, 2 + ((head.length - 2) & ~1)))
      .swap16()
      .toString('utf16le');
  } else text = head.toString('utf8');
  const start = text.replace(/^\uFEFF?\s*/, '');
  return start.startsWith('<?xml') || /^<[A-Za-z_][\w.:-]*[\s/>]/.test(start);
}
