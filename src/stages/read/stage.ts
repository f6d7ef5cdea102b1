import { StageError } from '../errors.ts';
import type { Stage } from '../stage.ts';
import type { OcrEngine } from './ocr-types.ts';
import type { ReadOptions } from './options.ts';
import { readPdf } from './read-pdf.ts';

export type { ReadOptions } from './options.ts';
export { readOptionsFromEnv } from './options.ts';

export interface ReadStageDeps {
  options: ReadOptions;
  /** The process-wide OCR pool; null reads text layers only. */
  ocr: OcrEngine | null;
}

/**
 * The read stage: `context.bytes` → `context.document` and `context.pages`. Bad input throws a quarantine
 * StageError (empty, not_pdf, corrupt, encrypted, too_large, too_many_pages, image_too_large, timeout).
 */
export function createReadStage(deps: ReadStageDeps): Stage {
  return {
    name: 'read',
    attempts: 2,
    async run(context) {
      if (!context.bytes)
        throw new StageError('internal', 'La etapa de lectura no recibió los bytes del archivo.');
      const result = await readPdf(context.bytes, deps.options, deps.ocr, context.signal);
      context.document = result.document;
      context.pages = result.pages;
      context.logger.debug('documento leído', {
        pages: result.pages.count,
        ocrPages: result.pages.ocr,
        openMs: round(result.timings.openMs),
        textMs: round(result.timings.textMs),
        renderMs: round(result.timings.renderMs),
        ocrMs: round(result.timings.ocrMs),
      });
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
