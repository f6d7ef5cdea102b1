import { quarantine, StageError } from '../errors.ts';
import type { Stage } from '../stage.ts';
import type { OcrEngine } from './ocr-types.ts';
import type { ReadOptions } from './options.ts';
import { readPdf } from './read-pdf.ts';
import type { TextPassReader } from './text-pass-pool.ts';

export type { ReadOptions } from './options.ts';
export { readOptionsFromEnv } from './options.ts';

export interface ReadStageDeps {
  options: ReadOptions;
  /** The process-wide OCR pool; null reads text layers only. */
  ocr: OcrEngine | null;
  /** Worker threads that read text layers; null reads everything on this thread. */
  textPass?: TextPassReader | null;
  /**
   * Deadline of a document read on this thread (OCR, or no reading threads): past it, queued OCR pages are
   * dropped and the file is quarantined as `timeout`. Checked between pages; default none.
   */
  documentTimeoutMs?: number;
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
      // Digital invoices are read whole on a worker thread; a page that needs OCR sends the file to readPdf.
      // While OCR is busy the cores are too: the file is read here, and the idle reading threads go now (their
      // ~40 MB each, while the OCR workers' memory peaks), not after idling.
      const ocrBusy = (deps.ocr?.stats().pagesInFlight ?? 0) > 0;
      if (ocrBusy) deps.textPass?.retireIdle();
      if (deps.textPass && !ocrBusy) {
        const pass = await deps.textPass.read(context.bytes, deps.options, deps.ocr !== null, context.signal);
        if (!pass.needsOcr || !deps.ocr) {
          context.document = pass.document;
          context.pages = { count: pass.pageCount, ocr: 0 };
          context.logger.debug('documento leído', {
            pages: pass.pageCount,
            ocrPages: 0,
            openMs: round(pass.openMs),
            textMs: round(pass.textMs),
          });
          return;
        }
      }
      const result = await withDeadline(deps.documentTimeoutMs, context.signal, (signal) =>
        readPdf(context.bytes!, deps.options, deps.ocr, signal),
      );
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

async function withDeadline<T>(
  timeoutMs: number | undefined,
  signal: AbortSignal,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (timeoutMs === undefined) return run(signal);
  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(
        quarantine('timeout', `La lectura del PDF superó ${timeoutMs} ms (READ_DOCUMENT_TIMEOUT_MS).`),
      ),
    timeoutMs,
  );
  try {
    return await run(AbortSignal.any([signal, deadline.signal]));
  } finally {
    clearTimeout(timer);
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
