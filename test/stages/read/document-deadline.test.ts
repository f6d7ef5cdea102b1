import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/shared/logger.ts';
import { StageError } from '../../../src/stages/errors.ts';
import type { OcrEngine } from '../../../src/stages/read/ocr-types.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { createReadStage } from '../../../src/stages/read/stage.ts';
import type { PipelineContext } from '../../../src/stages/stage.ts';
import { scannedPdf, textPdf } from './fixtures.ts';
import { createRecordingOcr } from './recording-ocr.ts';

/** An OCR engine whose pages never finish until they are aborted: a stuck recognizer with no page limit. */
function stuckOcr(): OcrEngine {
  const base = createRecordingOcr();
  return {
    ...base,
    recognize: (_image, signal) =>
      new Promise((_, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  };
}

describe('read stage deadline on this thread (READ_DOCUMENT_TIMEOUT_MS)', () => {
  it('quarantines a read still unfinished at the deadline as timeout, without waiting for OCR', async () => {
    const stage = createReadStage({ options: defaultReadOptions, ocr: stuckOcr(), documentTimeoutMs: 300 });
    const context: PipelineContext = {
      file: { id: 'scan.pdf', name: 'scan.pdf' } as PipelineContext['file'],
      logger: silentLogger,
      signal: new AbortController().signal,
      bytes: Buffer.from(scannedPdf(await textPdf(), { dpi: 100, degrees: 0, noise: 0 })),
      pages: { count: 0, ocr: 0 },
      timings: {},
    };
    const started = performance.now();
    const error = await stage.run(context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StageError);
    expect(error).toMatchObject({ code: 'timeout', quarantine: true, retryable: false });
    expect((error as StageError).message).toContain('READ_DOCUMENT_TIMEOUT_MS');
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(context.document).toBeUndefined();
  });
});
