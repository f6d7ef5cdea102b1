import type * as mupdf from 'mupdf';
import type { PageText, Word } from '../../contract/document.ts';
import type { PageImages } from './page-images.ts';
import { decodePdf417Image, decodeQrImage, looksLikePdf417Image, looksLikeQrImage } from './qr-image.ts';
import { groupIntoRows } from './rows.ts';
import { readRulings } from './rulings.ts';

type Quad = [number, number, number, number, number, number, number, number];

/**
 * The page's text layer as words with boxes, from mupdf's structured text. Characters are walked one by one
 * (their quads give exact boxes) and split into words on white space.
 */
export function readTextLayer(page: mupdf.Page, index: number): PageText {
  return readPageLayer(page, index, false).text;
}

/**
 * The text layer and, with `withImages`, the images the page draws — in the same pass over the page (images
 * are listed from their headers, never decoded: limits are checked before anything is rasterised; only a small
 * square one, a possible QR code, is decoded and read).
 */
export function readPageLayer(
  page: mupdf.Page,
  index: number,
  withImages: boolean,
  readQr = withImages,
): { text: PageText; images: PageImages } {
  const [bx0, by0, bx1, by1] = page.getBounds();
  // The page's content is interpreted once, into a display list both the text and the rulings are read from.
  const drawing = page.toDisplayList(true);
  try {
    return readDrawing(drawing, [bx0, by0, bx1, by1], index, withImages, readQr);
  } finally {
    drawing.destroy();
  }
}

function readDrawing(
  drawing: mupdf.DisplayList,
  bounds: mupdf.Rect,
  index: number,
  withImages: boolean,
  readQr: boolean,
): { text: PageText; images: PageImages } {
  const [bx0, by0, bx1, by1] = bounds;
  const pageArea = Math.max(1, (bx1 - bx0) * (by1 - by0));
  const images: PageImages = { largestImagePixels: 0, largestImageCoverage: 0, largestImageDpi: 0 };
  const options =
    withImages || readQr
      ? 'preserve-whitespace,preserve-ligatures,preserve-images'
      : 'preserve-whitespace,preserve-ligatures';
  const structured = drawing.toStructuredText(options);
  const words: Word[] = [];
  const codes: string[] = [];
  let current: { text: string; x0: number; y0: number; x1: number; y1: number } | null = null;
  const flush = () => {
    if (current && current.text.trim() !== '') words.push({ ...current, confidence: 1 });
    current = null;
  };
  try {
    structured.walk({
      onImageBlock: (bbox: mupdf.Rect, _transform: mupdf.Matrix, image: mupdf.Image) => {
        if (readQr && looksLikeQrImage(bbox, image)) {
          const code = decodeQrImage(image);
          if (code !== null && !codes.includes(code)) codes.push(code);
        } else if (readQr && looksLikePdf417Image(bbox, image)) {
          // Chile's timbre electrónico is a PDF417 barcode.
          const code = decodePdf417Image(image);
          if (code !== null && !codes.includes(code)) codes.push(code);
        }
        if (!withImages) return;
        const pixels = image.getWidth() * image.getHeight();
        if (pixels <= images.largestImagePixels) return;
        const width = Math.max(1e-3, bbox[2] - bbox[0]);
        images.largestImagePixels = pixels;
        images.largestImageCoverage = Math.min(1, (width * (bbox[3] - bbox[1])) / pageArea);
        images.largestImageDpi = image.getWidth() / (width / 72);
      },
      beginLine: () => flush(),
      endLine: () => flush(),
      onChar: (char: string, _origin: unknown, _font: unknown, _size: number, quad: Quad) => {
        if (/\s/.test(char)) {
          flush();
          return;
        }
        const x0 = Math.min(quad[0], quad[4]) - bx0;
        const x1 = Math.max(quad[2], quad[6]) - bx0;
        const y0 = Math.min(quad[1], quad[3]) - by0;
        const y1 = Math.max(quad[5], quad[7]) - by0;
        if (current && x0 - current.x1 > 0.35 * (y1 - y0)) flush();
        if (!current) current = { text: char, x0, y0, x1, y1 };
        else {
          current.text += char;
          current.x0 = Math.min(current.x0, x0);
          current.y0 = Math.min(current.y0, y0);
          current.x1 = Math.max(current.x1, x1);
          current.y1 = Math.max(current.y1, y1);
        }
      },
    });
    flush();
  } finally {
    structured.destroy();
  }
  const text: PageText = {
    index,
    width: bx1 - bx0,
    height: by1 - by0,
    source: 'text',
    lines: groupIntoRows(words),
    deskewDegrees: 0,
    ...(codes.length > 0 ? { codes } : {}),
  };
  // Rulings only matter where there are words to put in cells.
  if (words.length > 0) {
    const rulings = readRulings(drawing, bounds);
    if (rulings.length > 0) text.rulings = rulings;
  }
  return { text, images };
}

export interface TextQuality {
  /** Letters and digits. */
  readable: number;
  /** Replacement characters, private-use glyphs, control and unassigned code points: signs of a broken font. */
  garbage: number;
  letters: number;
  vowels: number;
}

const READABLE = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const VOWEL = /[aeiouáéíóúàèìòùäëïöüâêîôûy]/iu;
const GARBAGE = /[\uFFFD\p{Co}\p{Cc}\p{Cn}\p{Cs}]/u;

export function measureTextQuality(page: PageText): TextQuality {
  const quality: TextQuality = { readable: 0, garbage: 0, letters: 0, vowels: 0 };
  for (const line of page.lines) {
    for (const char of line.text) {
      if (char === ' ' || char === '\t') continue;
      if (READABLE.test(char)) {
        quality.readable++;
        if (LETTER.test(char)) {
          quality.letters++;
          if (VOWEL.test(char)) quality.vowels++;
        }
      } else if (GARBAGE.test(char)) quality.garbage++;
    }
  }
  return quality;
}

/**
 * Whether to trust the text layer instead of running OCR: enough letters and digits, few glyphs that a font
 * without a usable Unicode mapping produces (U+FFFD, private-use, control codes), and — on pages with a lot
 * of text — a vowel share that real Spanish or English has (fonts that map glyph ids to arbitrary letters
 * give consonant soup).
 */
export function hasUsableText(page: PageText, minimumCharacters = 20): boolean {
  const quality = measureTextQuality(page);
  if (quality.readable < minimumCharacters) return false;
  if (quality.garbage > 0.1 * (quality.readable + quality.garbage)) return false;
  if (quality.letters >= 200 && quality.vowels < 0.12 * quality.letters) return false;
  return true;
}
