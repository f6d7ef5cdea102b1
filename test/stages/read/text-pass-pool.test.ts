import { afterAll, describe, expect, it } from 'vitest';
import { StageError } from '../../../src/stages/errors.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { readPdf } from '../../../src/stages/read/read-pdf.ts';
import { createTextPassPool } from '../../../src/stages/read/text-pass-pool.ts';
import { denseTextPdf, encryptedPdf, manyPagesPdf, scannedPdf, textPdf } from './fixtures.ts';

describe('text-pass pool (real worker threads running mupdf)', () => {
  const pool = createTextPassPool({ workers: 2, maxDocumentsPerWorker: 3 });
  afterAll(() => pool.close());

  it('reads a digital invoice on a worker exactly as readPdf does on this thread', async () => {
    const bytes = await textPdf();
    await pool.warmUp();
    const pass = await pool.read(bytes, defaultReadOptions, true);
    const inProcess = await readPdf(bytes, defaultReadOptions, null);
    expect(pass.needsOcr).toBe(false);
    expect(pass.pageCount).toBe(1);
    expect(pass.document).toEqual(inProcess.document);
    expect(pass.document.text).toContain('FE-1234');
  });

  it('keeps reading across worker recycling, many documents in flight', async () => {
    const bytes = await textPdf();
    const before = pool.workersStarted();
    const passes = await Promise.all(
      Array.from({ length: 9 }, () => pool.read(bytes, defaultReadOptions, true)),
    );
    expect(passes.map((p) => p.document.text.includes('FE-1234'))).toEqual(Array(9).fill(true));
    // Three documents per worker: nine documents on two workers retire some of them.
    expect(pool.workersStarted() - before).toBeGreaterThanOrEqual(2);
  });

  it('says when a page needs OCR, stopping there only when asked to', async () => {
    const scan = scannedPdf(await textPdf(), { dpi: 100, degrees: 0, noise: 0 });
    const stopped = await pool.read(scan, defaultReadOptions, true);
    expect(stopped).toMatchObject({ needsOcr: true, pageCount: 1 });
    const whole = await pool.read(scan, defaultReadOptions, false);
    expect(whole.document.pages).toHaveLength(1);
  });

  it('refuses bad input with the same quarantine error as readPdf', async () => {
    const encrypted = encryptedPdf(await textPdf());
    const error = await pool.read(encrypted, defaultReadOptions, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StageError);
    expect(error).toMatchObject({ code: 'encrypted', quarantine: true, retryable: false });
    const tooMany = await manyPagesPdf(12);
    await expect(pool.read(tooMany, { ...defaultReadOptions, maxPages: 10 }, true)).rejects.toMatchObject({
      code: 'too_many_pages',
      quarantine: true,
    });
  });

  it('an abort stops a running document (its worker is replaced) and the pool goes on', async () => {
    // Seconds of reading, not milliseconds: the abort must land while it runs even when timers are late.
    const long = await denseTextPdf(100);
    const controller = new AbortController();
    const running = pool.read(long, defaultReadOptions, false, controller.signal);
    setTimeout(() => controller.abort(new Error('plazo vencido')), 5);
    await expect(running).rejects.toMatchObject({ code: 'aborted', retryable: true });
    const after = await pool.read(await textPdf(), defaultReadOptions, true);
    expect(after.document.text).toContain('FE-1234');
  });

  it('quarantines a document over its time limit as timeout', async () => {
    const hasty = createTextPassPool({ workers: 1, documentTimeoutMs: 1 });
    try {
      await expect(hasty.read(await denseTextPdf(100), defaultReadOptions, false)).rejects.toMatchObject({
        code: 'timeout',
        quarantine: true,
      });
    } finally {
      await hasty.close();
    }
  });

  it('lets an idle worker go and starts another for the next document', async () => {
    const brief = createTextPassPool({ workers: 1, idleMs: 20 });
    try {
      await brief.warmUp();
      expect(brief.workersStarted()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 120));
      const pass = await brief.read(await textPdf(), defaultReadOptions, true);
      expect(pass.document.text).toContain('FE-1234');
      // The first worker went while idle: this document needed a new one.
      expect(brief.workersStarted()).toBe(2);
    } finally {
      await brief.close();
    }
  });

  it('retireIdle stops the idle workers at once and leaves a busy one to finish its document', async () => {
    const pair = createTextPassPool({ workers: 2 });
    try {
      await pair.warmUp();
      expect(pair.workersStarted()).toBe(2);
      const busy = pair.read(await denseTextPdf(30), defaultReadOptions, false);
      pair.retireIdle();
      expect((await busy).pageCount).toBe(30);
      // Two documents at once need two workers again: the one that was idle went, another starts.
      const both = await Promise.all(
        [textPdf(), textPdf()].map(async (b) => pair.read(await b, defaultReadOptions, true)),
      );
      expect(both.map((pass) => pass.document.text.includes('FE-1234'))).toEqual([true, true]);
      expect(pair.workersStarted()).toBe(3);
    } finally {
      await pair.close();
    }
  });

  it('once closed, refuses new documents as retryable', async () => {
    const closing = createTextPassPool({ workers: 1 });
    await closing.close();
    await expect(closing.read(await textPdf(), defaultReadOptions, true)).rejects.toMatchObject({
      code: 'closed',
      retryable: true,
    });
  });
});
