import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { StageError } from '../../../src/stages/errors.ts';
import { imageToPdf } from '../../../src/stages/input/image-to-pdf.ts';
import { detectInputKind } from '../../../src/stages/input/kind.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { darkCentre, grayPage, grayTiff, renderPage, withExifOrientation } from './images.ts';

/** A 200×100 pt page, white with a black block in its top-left corner: which way is up is plain to see. */
function cornerPdf(): Uint8Array {
  const pdf = new mupdf.PDFDocument();
  const page = pdf.addPage([0, 0, 200, 100], 0, pdf.newDictionary(), '0 g 0 70 50 30 re f');
  pdf.insertPage(-1, page);
  return pdf.saveToBuffer('').asUint8Array().slice();
}

function pageSize(pdf: Uint8Array, index = 0) {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  const [x0, y0, x1, y1] = document.loadPage(index).getBounds();
  const count = document.countPages();
  document.destroy();
  return { width: Math.round(x1 - x0), height: Math.round(y1 - y0), count };
}

const options = defaultReadOptions;

describe('imageToPdf: photos and scans become image-only PDF pages, upright', () => {
  it('a 150 dpi JPEG keeps its physical size and its corner', () => {
    const jpeg = renderPage(cornerPdf(), 150).asJPEG(90);
    expect(detectInputKind(jpeg)).toBe('jpeg');
    const pdf = imageToPdf(jpeg, 'jpeg', options);
    expect(detectInputKind(pdf)).toBe('pdf');
    expect(pageSize(pdf)).toEqual({ width: 200, height: 100, count: 1 });
    const centre = darkCentre(grayPage(pdf));
    expect(centre.x).toBeLessThan(0.25);
    expect(centre.y).toBeLessThan(0.3);
  });

  it('EXIF orientation is honoured: pixels stored turned come out upright', () => {
    // The sensor stored the page turned a quarter (and half) turn; the EXIF tag says how to turn it back.
    const cases = [
      { rotate: 90, orientation: 8 },
      { rotate: 270, orientation: 6 },
      { rotate: 180, orientation: 3 },
    ];
    for (const { rotate, orientation } of cases) {
      const stored = renderPage(cornerPdf(), 150, rotate).asJPEG(90);
      const turned = imageToPdf(stored, 'jpeg', options);
      const upright = imageToPdf(withExifOrientation(stored, orientation), 'jpeg', options);
      const size = pageSize(upright);
      expect(size.width, `rotate ${rotate}`).toBe(200);
      expect(size.height, `rotate ${rotate}`).toBe(100);
      const centre = darkCentre(grayPage(upright));
      expect(centre.x, `rotate ${rotate}`).toBeLessThan(0.25);
      expect(centre.y, `rotate ${rotate}`).toBeLessThan(0.3);
      // Without the tag the same pixels are not upright: the tag is what turned them.
      const wrong = darkCentre(grayPage(turned));
      expect(wrong.x < 0.25 && wrong.y < 0.3, `rotate ${rotate} without EXIF`).toBe(false);
    }
  });

  it('a photo with no believable resolution (72 dpi) gets a letter page width', () => {
    const pixmap = renderPage(cornerPdf(), 300);
    pixmap.setResolution(72, 72);
    const pdf = imageToPdf(pixmap.asPNG(), 'png', options);
    expect(pageSize(pdf)).toEqual({ width: 612, height: 306, count: 1 });
  });

  it('a multi-page TIFF gives one page per image', () => {
    const page = (shade: number) => ({
      width: 300,
      height: 400,
      pixels: new Uint8Array(300 * 400).fill(shade),
    });
    const tiff = grayTiff([page(255), page(0), page(128)], 200);
    expect(detectInputKind(tiff)).toBe('tiff');
    const pdf = imageToPdf(tiff, 'tiff', options);
    expect(pageSize(pdf, 2)).toEqual({ width: 108, height: 144, count: 3 });
    expect(darkCentre(grayPage(pdf, 1)).x).toBeCloseTo(0.5, 1);
    expect(grayPage(pdf, 0).pixels.every((p) => p > 200)).toBe(true);
  });

  it('an image over MAX_IMAGE_PIXELS, a damaged image and a WEBP are refused with their codes', () => {
    const jpeg = renderPage(cornerPdf(), 300).asJPEG(80);
    const code = (run: () => unknown) => {
      try {
        run();
        return null;
      } catch (error) {
        return error instanceof StageError ? error.code : 'thrown';
      }
    };
    expect(code(() => imageToPdf(jpeg, 'jpeg', { ...options, maxImagePixels: 100_000 }))).toBe(
      'image_too_large',
    );
    expect(code(() => imageToPdf(jpeg.subarray(0, 40), 'jpeg', options))).toBe('corrupt');
    expect(code(() => imageToPdf(new Uint8Array(16), 'webp', options))).toBe('unsupported_type');
    expect(code(() => imageToPdf(grayTiff([], 200).subarray(0, 8), 'tiff', options))).toBe('corrupt');
  });
});
