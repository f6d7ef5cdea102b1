import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { StageError } from '../../../src/stages/errors.ts';
import { imageToPdf } from '../../../src/stages/input/image-to-pdf.ts';
import { detectInputKind } from '../../../src/stages/input/kind.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { darkCentre, grayPage, grayTiff, renderPage, toWebp, withExifOrientation } from './images.ts';

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

/** Pixel size of the image a page carries: what OCR will see. */
function carriedPixels(pdf: Uint8Array, index = 0) {
  const document = new mupdf.PDFDocument(pdf);
  try {
    const image = document.loadImage(document.findPage(index).get('Resources').get('XObject').get('Im0'));
    return { width: image.getWidth(), height: image.getHeight() };
  } finally {
    document.destroy();
  }
}

const options = defaultReadOptions;

describe('imageToPdf: photos and scans become image-only PDF pages, upright', () => {
  it('a 150 dpi JPEG keeps its physical size and its corner', async () => {
    const jpeg = renderPage(cornerPdf(), 150).asJPEG(90);
    expect(detectInputKind(jpeg)).toBe('jpeg');
    const pdf = await imageToPdf(jpeg, 'jpeg', options);
    expect(detectInputKind(pdf)).toBe('pdf');
    expect(pageSize(pdf)).toEqual({ width: 200, height: 100, count: 1 });
    const centre = darkCentre(grayPage(pdf));
    expect(centre.x).toBeLessThan(0.25);
    expect(centre.y).toBeLessThan(0.3);
  });

  it('EXIF orientation is honoured: pixels stored turned come out upright', async () => {
    // The sensor stored the page turned a quarter (and half) turn; the EXIF tag says how to turn it back.
    const cases = [
      { rotate: 90, orientation: 8 },
      { rotate: 270, orientation: 6 },
      { rotate: 180, orientation: 3 },
    ];
    for (const { rotate, orientation } of cases) {
      const stored = renderPage(cornerPdf(), 150, rotate).asJPEG(90);
      const turned = await imageToPdf(stored, 'jpeg', options);
      const upright = await imageToPdf(withExifOrientation(stored, orientation), 'jpeg', options);
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

  it('a photo with no believable resolution (72 dpi) gets a letter page width', async () => {
    const pixmap = renderPage(cornerPdf(), 300);
    pixmap.setResolution(72, 72);
    const pdf = await imageToPdf(pixmap.asPNG(), 'png', options);
    expect(pageSize(pdf)).toEqual({ width: 612, height: 306, count: 1 });
  });

  it('a multi-page TIFF gives one page per image', async () => {
    const page = (shade: number) => ({
      width: 300,
      height: 400,
      pixels: new Uint8Array(300 * 400).fill(shade),
    });
    const tiff = grayTiff([page(255), page(0), page(128)], 200);
    expect(detectInputKind(tiff)).toBe('tiff');
    const pdf = await imageToPdf(tiff, 'tiff', options);
    expect(pageSize(pdf, 2)).toEqual({ width: 108, height: 144, count: 3 });
    expect(darkCentre(grayPage(pdf, 1)).x).toBeCloseTo(0.5, 1);
    expect(grayPage(pdf, 0).pixels.every((p) => p > 200)).toBe(true);
  });

  it('a WEBP is decoded by sharp: upright by its EXIF orientation, with a letter page width', async () => {
    const pixmap = renderPage(cornerPdf(), 150);
    // WEBP states no resolution, so the page is a photo's: a letter page's width, the image's proportions.
    const letter = {
      width: 612,
      height: Math.round((612 * pixmap.getHeight()) / pixmap.getWidth()),
      count: 1,
    };
    const plain = await toWebp(pixmap.asPNG());
    expect(detectInputKind(plain)).toBe('webp');
    const pdf = await imageToPdf(plain, 'webp', options);
    expect(pageSize(pdf)).toEqual(letter);
    // Every pixel of the photo reaches the PDF: none lost to a resolution the WEBP never stated.
    expect(carriedPixels(pdf)).toEqual({ width: pixmap.getWidth(), height: pixmap.getHeight() });
    const centre = darkCentre(grayPage(pdf));
    expect(centre.x).toBeLessThan(0.25);
    expect(centre.y).toBeLessThan(0.3);
    const cases = [
      { rotate: 90, orientation: 8 },
      { rotate: 270, orientation: 6 },
      { rotate: 180, orientation: 3 },
    ];
    for (const { rotate, orientation } of cases) {
      const stored = renderPage(cornerPdf(), 150, rotate).asPNG();
      const upright = await imageToPdf(await toWebp(stored, orientation), 'webp', options);
      expect(pageSize(upright), `rotate ${rotate}`).toEqual(letter);
      const turned = darkCentre(grayPage(upright));
      expect(turned.x, `rotate ${rotate}`).toBeLessThan(0.25);
      expect(turned.y, `rotate ${rotate}`).toBeLessThan(0.3);
      // Without the tag the same pixels are not upright: the tag is what turned them.
      const wrong = darkCentre(grayPage(await imageToPdf(await toWebp(stored), 'webp', options)));
      expect(wrong.x < 0.25 && wrong.y < 0.3, `rotate ${rotate} without EXIF`).toBe(false);
    }
  });

  it('an image over MAX_IMAGE_PIXELS, a damaged image and a HEIC photo are refused with their codes', async () => {
    const jpeg = renderPage(cornerPdf(), 300).asJPEG(80);
    const webp = await toWebp(renderPage(cornerPdf(), 300).asPNG());
    const refusal = async (run: () => Promise<unknown>) => {
      try {
        await run();
        return null;
      } catch (error) {
        return error instanceof StageError ? { code: error.code, message: error.message } : 'thrown';
      }
    };
    const code = async (run: () => Promise<unknown>) => {
      const refused = await refusal(run);
      return refused && typeof refused === 'object' ? refused.code : refused;
    };
    const small = { ...options, maxImagePixels: 100_000 };
    expect(await code(() => imageToPdf(jpeg, 'jpeg', small))).toBe('image_too_large');
    expect(await code(() => imageToPdf(webp, 'webp', small))).toBe('image_too_large');
    expect(await code(() => imageToPdf(webp, 'webp', options))).toBeNull();
    expect(await code(() => imageToPdf(jpeg.subarray(0, 40), 'jpeg', options))).toBe('corrupt');
    expect(await code(() => imageToPdf(webp.subarray(0, 40), 'webp', options))).toBe('corrupt');
    expect(await code(() => imageToPdf(new Uint8Array(16), 'webp', options))).toBe('corrupt');
    expect(await code(() => imageToPdf(grayTiff([], 200).subarray(0, 8), 'tiff', options))).toBe('corrupt');
    const heic = Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'), jpeg]);
    expect(detectInputKind(heic)).toBe('heic');
    expect(await refusal(() => imageToPdf(heic, 'heic', options))).toEqual({
      code: 'unsupported_type',
      message: expect.stringMatching(/HEIC.*JPG, PNG, WEBP o PDF/),
    });
  });
});
