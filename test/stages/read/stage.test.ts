import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/shared/logger.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { createReadStage } from '../../../src/stages/read/stage.ts';
import { createTextPassPool } from '../../../src/stages/read/text-pass-pool.ts';
import type { PipelineContext } from '../../../src/stages/stage.ts';
import { encryptedPdf, scannedPdf, textPdf } from './fixtures.ts';
import { createRecordingOcr } from './recording-ocr.ts';

function contextFor(bytes: Uint8Array | undefined): PipelineContext {
  return {
    file: { id: 'inbox/FE-1234.pdf', name: 'FE-1234.pdf' } as PipelineContext['file'],
    logger: silentLogger,
    signal: new AbortController().signal,
    bytes: bytes ? Buffer.from(bytes) : undefined,
    pages: { count: 0, ocr: 0 },
    timings: {},
  };
}

describe('read stage', () => {
  const stage = createReadStage({ options: defaultReadOptions, ocr: null });

  it('sets the document and the page counts', async () => {
    const context = contextFor(await textPdf());
    await stage.run(context);
    expect(stage.name).toBe('read');
    expect(context.pages).toEqual({ count: 1, ocr: 0 });
    expect(context.document?.pages[0]?.source).toBe('text');
    expect(context.document?.text).toContain('FE-1234');
  });

  it('throws a quarantine StageError for bad input and leaves the context without a document', async () => {
    const context = contextFor(encryptedPdf(await textPdf()));
    await expect(stage.run(context)).rejects.toMatchObject({ code: 'encrypted', quarantine: true });
    expect(context.document).toBeUndefined();
  });

  it('refuses to run without bytes (a pipeline bug, not bad input)', async () => {
    await expect(stage.run(contextFor(undefined))).rejects.toMatchObject({
      code: 'internal',
      quarantine: false,
    });
  });
});

describe('read stage with a text-pass worker', () => {
  const textPass = createTextPassPool({ workers: 1 });
  afterAll(() => textPass.close());

  it('takes a digital invoice whole from the worker, with no OCR', async () => {
    const ocr = createRecordingOcr();
    const stage = createReadStage({ options: defaultReadOptions, ocr, textPass });
    const context = contextFor(await textPdf());
    await stage.run(context);
    expect(context.pages).toEqual({ count: 1, ocr: 0 });
    expect(context.document?.text).toContain('FE-1234');
    expect(ocr.images).toHaveLength(0);
  });

  it('sends a scanned page on to OCR on this thread', async () => {
    const ocr = createRecordingOcr();
    const stage = createReadStage({ options: defaultReadOptions, ocr, textPass });
    const context = contextFor(scannedPdf(await textPdf(), { dpi: 100, degrees: 0, noise: 0 }));
    await stage.run(context);
    expect(ocr.images).toHaveLength(1);
    expect(context.pages).toEqual({ count: 1, ocr: 1 });
  });

  it("passes the worker's quarantine errors on", async () => {
    const stage = createReadStage({ options: defaultReadOptions, ocr: null, textPass });
    await expect(stage.run(contextFor(encryptedPdf(await textPdf())))).rejects.toMatchObject({
      code: 'encrypted',
      quarantine: true,
    });
  });

  it('reads on this thread while OCR is busy, leaving the worker idle', async () => {
    const ocr = createRecordingOcr();
    let passes = 0;
    const counting = {
      ...textPass,
      read: (...args: Parameters<typeof textPass.read>) => {
        passes++;
        return textPass.read(...args);
      },
    };
    const stage = createReadStage({ options: defaultReadOptions, ocr, textPass: counting });
    const release = await ocr.reservePage();
    try {
      const context = contextFor(await textPdf());
      await stage.run(context);
      expect(context.document?.text).toContain('FE-1234');
      expect(passes).toBe(0);
    } finally {
      release();
    }
    await stage.run(contextFor(await textPdf()));
    expect(passes).toBe(1);
  });
});
