import { describe, expect, it } from 'vitest';
import { StageError } from '../../../src/stages/errors.ts';
import { defaultReadOptions, type ReadOptions } from '../../../src/stages/read/options.ts';
import { readPdf } from '../../../src/stages/read/read-pdf.ts';
import {
  bigImagePdf,
  encryptedPdf,
  javascriptAndAttachmentPdf,
  manyPagesPdf,
  pngBytes,
  textPdf,
} from './fixtures.ts';
import { createRecordingOcr } from './recording-ocr.ts';

async function refusal(bytes: Uint8Array, options: ReadOptions = defaultReadOptions) {
  const ocr = createRecordingOcr();
  const started = performance.now();
  try {
    await readPdf(bytes, options, ocr);
  } catch (error) {
    expect(error).toBeInstanceOf(StageError);
    const stageError = error as StageError;
    return { code: stageError.code, quarantine: stageError.quarantine, ms: performance.now() - started, ocr };
  }
  throw new Error('readPdf accepted input it should have refused');
}

describe('readPdf refuses hostile input with its error code, quickly', () => {
  it('zero bytes → empty', async () => {
    const result = await refusal(new Uint8Array());
    expect(result).toMatchObject({ code: 'empty', quarantine: true });
  });

  it('text renamed .pdf → not_pdf', async () => {
    const result = await refusal(new TextEncoder().encode('Factura FE-1234\nTotal $ 1.000\n'));
    expect(result).toMatchObject({ code: 'not_pdf', quarantine: true });
  });

  it('a PNG renamed .pdf → not_pdf (never opened as an image)', async () => {
    const result = await refusal(pngBytes());
    expect(result).toMatchObject({ code: 'not_pdf', quarantine: true });
  });

  it('a %PDF- header later than the first kilobyte → not_pdf; within it → read', async () => {
    const pdf = await textPdf();
    const late = new Uint8Array(2000 + pdf.byteLength);
    late.fill(0x20, 0, 2000);
    late.set(pdf, 2000);
    expect((await refusal(late)).code).toBe('not_pdf');
    const early = new Uint8Array(100 + pdf.byteLength);
    early.fill(0x20, 0, 100);
    early.set(pdf, 100);
    const read = await readPdf(early, defaultReadOptions, null);
    expect(read.document.text).toContain('FE-1234');
  });

  it('header and end marker but no objects → not_pdf', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nnada que ver aquí\n%%EOF\n');
    expect((await refusal(bytes)).code).toBe('not_pdf');
  });

  it('a catalog without pages → corrupt', async () => {
    const bytes = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
    expect((await refusal(bytes)).code).toBe('corrupt');
  });

  it.each([0.2, 0.5, 0.8, 0.98])('truncated at %d of its length → corrupt', async (fraction) => {
    const pdf = await textPdf();
    const result = await refusal(pdf.slice(0, Math.floor(pdf.byteLength * fraction)));
    expect(result).toMatchObject({ code: 'corrupt', quarantine: true });
  });

  it('password protected → encrypted', async () => {
    const result = await refusal(encryptedPdf(await textPdf()));
    expect(result).toMatchObject({ code: 'encrypted', quarantine: true });
  });

  it('over MAX_FILE_BYTES → too_large before opening', async () => {
    const pdf = await textPdf();
    const result = await refusal(pdf, { ...defaultReadOptions, maxFileBytes: pdf.byteLength - 1 });
    expect(result).toMatchObject({ code: 'too_large', quarantine: true });
  });

  it('a 2,000-page PDF → too_many_pages without reading its pages', async () => {
    const pdf = await manyPagesPdf(2000);
    const result = await refusal(pdf);
    expect(result).toMatchObject({ code: 'too_many_pages', quarantine: true });
    expect(result.ms).toBeLessThan(1500);
    expect(result.ocr.images).toHaveLength(0);
  });

  it('a 20,000×20,000 px image page → image_too_large without decoding it', async () => {
    const pdf = bigImagePdf(20_000, 20_000);
    expect(pdf.byteLength).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    const result = await refusal(pdf);
    const grownMb = (process.memoryUsage().rss - before) / 1e6;
    expect(result).toMatchObject({ code: 'image_too_large', quarantine: true });
    expect(result.ocr.images).toHaveLength(0);
    expect(result.ms).toBeLessThan(2000);
    // Decoding would allocate 400 MB of grey pixels.
    expect(grownMb).toBeLessThan(100);
  });

  it('a big page without text is rendered at a lower resolution that fits the pixel limit', async () => {
    const options = { ...defaultReadOptions, maxImagePixels: 4_000_000 };
    const inches = 16;
    const pdf = bigImagePdf(64, 64, [inches * 72, inches * 72]);
    const ocr = createRecordingOcr();
    const read = await readPdf(pdf, options, ocr);
    expect(read.pages).toEqual({ count: 1, ocr: 1 });
    const [image] = ocr.images;
    expect(image!.dpi).toBeLessThan(options.ocrDpi);
    expect(image!.dpi).toBeGreaterThanOrEqual(options.minOcrDpi);
    expect(image!.width * image!.height).toBeLessThanOrEqual(options.maxImagePixels);
    expect(read.document.text).toContain('registrada');
  });

  it('a page that only fits below the minimum useful resolution → image_too_large', async () => {
    const options = { ...defaultReadOptions, maxImagePixels: 4_000_000 };
    const result = await refusal(bigImagePdf(64, 64, [60 * 72, 60 * 72]), options);
    expect(result.code).toBe('image_too_large');
    expect(result.ocr.images).toHaveLength(0);
  });

  it('a huge background image under a usable text layer is never decoded, and the text is read', async () => {
    const ocr = createRecordingOcr();
    const pdf = bigImagePdf(20_000, 20_000, [595, 842], 'Factura de venta FE-1234 Total a pagar 1.000,00');
    const read = await readPdf(pdf, defaultReadOptions, ocr);
    expect(read.pages).toEqual({ count: 1, ocr: 0 });
    expect(read.document.text).toContain('Factura de venta FE-1234');
    expect(ocr.images).toHaveLength(0);
  });

  it('JavaScript and embedded files are ignored: the invoice is read normally', async () => {
    const read = await readPdf(await javascriptAndAttachmentPdf(), defaultReadOptions, createRecordingOcr());
    expect(read.pages).toEqual({ count: 1, ocr: 0 });
    expect(read.document.text).toContain('FE-1234');
    expect(read.document.text).toContain('Total a pagar');
  });

  it('an already aborted signal stops before reading', async () => {
    const controller = new AbortController();
    controller.abort(new Error('apagado'));
    await expect(readPdf(await textPdf(), defaultReadOptions, null, controller.signal)).rejects.toMatchObject(
      {
        code: 'aborted',
        retryable: true,
      },
    );
  });
});
