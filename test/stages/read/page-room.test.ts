import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage, toPgm } from '../../../src/stages/read/gray-image.ts';
import type { OcrEngine, OcrPageResult } from '../../../src/stages/read/ocr-types.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { createSlots } from '../../../src/stages/read/page-slots.ts';
import { readPdf } from '../../../src/stages/read/read-pdf.ts';
import { scannedPdf, textPdf } from './fixtures.ts';

describe('page slots', () => {
  it('hands out `size` slots, then serves waiters first come first served; a second release is ignored', async () => {
    const slots = createSlots(1);
    const first = await slots.acquire();
    const order: string[] = [];
    const b = slots.acquire().then((release) => {
      order.push('b');
      return release;
    });
    const c = slots.acquire().then((release) => {
      order.push('c');
      return release;
    });
    expect(slots.waiting()).toBe(2);
    first();
    first();
    const releaseB = await b;
    expect(order).toEqual(['b']);
    expect(slots.waiting()).toBe(1);
    releaseB();
    (await c)();
    expect(order).toEqual(['b', 'c']);
  });

  it('an abort while waiting rejects with its reason and gives up the place in the line', async () => {
    const slots = createSlots(1);
    const held = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    controller.abort(new Error('apagado'));
    await expect(waiting).rejects.toThrow('apagado');
    expect(slots.waiting()).toBe(0);
    held();
    await expect(slots.acquire(controller.signal)).rejects.toThrow('apagado');
    (await slots.acquire())();
  });
});

describe('page images in memory', () => {
  it('documents read at once render no more pages than the pool has room for', async () => {
    const scan = await PDFDocument.load(scannedPdf(await textPdf(), { dpi: 100, degrees: 0, noise: 4 }));
    const twoPages = await PDFDocument.create();
    for (const page of await twoPages.copyPages(scan, [0, 0])) twoPages.addPage(page);
    const bytes = await twoPages.save();
    const ocr = slowOcr(3);
    const reads = await Promise.all(
      Array.from({ length: 4 }, () => readPdf(bytes, defaultReadOptions, ocr.engine)),
    );
    expect(reads.map((r) => r.pages.ocr)).toEqual([2, 2, 2, 2]);
    expect(ocr.mostAtOnce()).toBe(3);
  });
});

describe('PGM files', () => {
  it('an image made by createGrayImage is its own PGM file, without a copy', () => {
    const image = createGrayImage(3, 2);
    image.data.set([0, 1, 2, 3, 4, 5]);
    const pgm = toPgm(image);
    expect(pgm.buffer).toBe(image.data.buffer);
    expect(Buffer.from(pgm).toString('latin1')).toBe('P5\n3 2\n255\n\x00\x01\x02\x03\x04\x05');
  });

  it('any other image is copied behind a header', () => {
    const image: GrayImage = { data: new Uint8Array([9, 8, 7, 6]), width: 2, height: 2 };
    const pgm = toPgm(image);
    expect(pgm.buffer).not.toBe(image.data.buffer);
    expect(Buffer.from(pgm).toString('latin1')).toBe('P5\n2 2\n255\n\x09\x08\x07\x06');
  });
});

/** An engine whose pages take 20 ms, counting the page images handed over and not yet recognised. */
function slowOcr(room: number) {
  const slots = createSlots(room);
  let pending = 0;
  let most = 0;
  const engine: OcrEngine = {
    concurrency: 2,
    languages: ['spa'],
    reservePage: (signal) => slots.acquire(signal),
    async recognize(_image: GrayImage): Promise<OcrPageResult> {
      pending++;
      most = Math.max(most, pending);
      await new Promise((resolve) => setTimeout(resolve, 20));
      pending--;
      return {
        words: [{ text: 'registrada', confidence: 0.9, x0: 10, y0: 10, x1: 60, y1: 20 }],
        deskewDegrees: 0,
        recognizeMs: 20,
        codes: [],
        quarterTurns: 0,
        rulings: [],
      };
    },
    stats: () => ({
      workers: 2,
      pagesRecognized: 0,
      workersStarted: 0,
      workersRecycled: 0,
      timeouts: 0,
      queued: 0,
      pagesInFlight: 0,
    }),
    close: async () => {},
  };
  return { engine, mostAtOnce: () => most };
}
