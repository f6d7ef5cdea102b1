import type * as mupdf from 'mupdf';
import type { PageText, ReadDocument } from '../../contract/document.ts';
import { quarantine, retryable, StageError } from '../errors.ts';
import { toReadDocument } from './document-text.ts';
import { readEmbeddedInvoice } from './embedded-xml.ts';
import { otherLanguageOf } from './ocr-language.ts';
import { mergeOcrWords, ocrPageText } from './ocr-page.ts';
import { type OcrEngine, type OcrPageResult, OcrTimeoutError } from './ocr-types.ts';
import { openPdf } from './open-pdf.ts';
import type { ReadOptions } from './options.ts';
import { type QuarterTurns, readingScore, readsUpright } from './orientation.ts';
import { chooseOcrDpi, type PageImages } from './page-images.ts';
import { type GrayImage, renderGray } from './rasterize.ts';
import { hasUsableText } from './text-layer.ts';
import { loadPage, readPageText, wantsOcr } from './text-pass.ts';

export interface ReadTimings {
  openMs: number;
  textMs: number;
  renderMs: number;
  /** Worker time spent recognising pages (summed over pages; they run in parallel). */
  ocrMs: number;
  totalMs: number;
}

export interface ReadResult {
  document: ReadDocument;
  pages: { count: number; ocr: number };
  timings: ReadTimings;
}

/**
 * Reads a PDF into words with boxes: the text layer of every page, and OCR for pages without usable text
 * (and, with `ocrBackgroundImages`, for scanned forms filled in with a text layer). Bad input is refused with a
 * quarantine StageError before pages are read; see open-pdf.ts and page-images.ts for the limits.
 *
 * With `ocr` null, pages without a text layer come back empty and are not counted as OCR pages.
 * OCR timeouts: a page is tried again on a fresh worker `ocrTimeoutRetries` times; if it still times out the
 * file is quarantined with `timeout` (not retried later): the retry already happened in isolation, and a page
 * that hangs tesseract twice would otherwise burn CPU on every hourly sweep.
 */
export async function readPdf(
  bytes: Uint8Array,
  options: ReadOptions,
  ocr: OcrEngine | null,
  signal?: AbortSignal,
): Promise<ReadResult> {
  const started = performance.now();
  const timings: ReadTimings = { openMs: 0, textMs: 0, renderMs: 0, ocrMs: 0, totalMs: 0 };
  throwIfAborted(signal);
  const { document, pageCount } = openPdf(bytes, options);
  timings.openMs = performance.now() - started;
  let embedded: ReturnType<typeof readEmbeddedInvoice>;
  try {
    embedded = readEmbeddedInvoice(document);
  } catch (error) {
    document.destroy();
    throw error;
  }

  const pages: PageText[] = [];
  let ocrPages = 0;
  // Stops queued OCR of this document as soon as one page fails or the caller aborts.
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const jobs: Promise<void>[] = [];
  let failure: unknown = null;
  try {
    for (let index = 0; index < pageCount; index++) {
      throwIfAborted(signal);
      if (failure) break;
      const page = loadPage(document, index);
      try {
        const textStarted = performance.now();
        const { text, images } = readPageText(page, index, ocr !== null, options.readQrCodes);
        timings.textMs += performance.now() - textStarted;
        pages[index] = text;
        if (!ocr) continue;
        if (!wantsOcr(text, images, options)) continue;
        const usable = hasUsableText(text);
        const dpi = pickDpi(page, images, options, index, usable);
        if (dpi === null) continue;
        // Bounded pixels in memory: render only when the pool (shared by every document) has room for the page.
        let release: () => void;
        try {
          release = await ocr.reservePage(controller.signal);
        } catch {
          break; // aborted: the failure or the caller's reason is thrown below
        }
        if (failure) {
          release();
          break;
        }
        const renderStarted = performance.now();
        let image: GrayImage;
        try {
          image = render(page, dpi, index);
        } catch (error) {
          release();
          throw error;
        }
        timings.renderMs += performance.now() - renderStarted;
        // The page is handed over to the OCR pool, which frees it as soon as it can; a retry renders it again.
        const again = () => {
          const retried = loadPage(document, index);
          try {
            return render(retried, dpi, index);
          } finally {
            retried.destroy();
          }
        };
        const job = recognizeWithRetries(
          ocr,
          image,
          again,
          dpi,
          options.ocrTimeoutRetries,
          controller.signal,
          index,
        )
          .then((result) => {
            timings.ocrMs += result.recognizeMs;
            const ocrText = ocrPageText(result, text, dpi);
            pages[index] = usable ? mergeOcrWords(text, ocrText) : ocrText;
            if (pages[index]!.source === 'ocr') ocrPages++;
          })
          .catch((error: unknown) => {
            failure ??= error;
            controller.abort(error);
          })
          .finally(release);
        jobs.push(job);
      } finally {
        page.destroy();
      }
    }
    await Promise.all(jobs);
    if (failure) throw failure;
    throwIfAborted(signal);
  } catch (error) {
    controller.abort(error);
    await Promise.allSettled(jobs);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    document.destroy();
  }
  timings.totalMs = performance.now() - started;
  return {
    document: toReadDocument(pages, embedded),
    pages: { count: pageCount, ocr: ocrPages },
    timings,
  };
}

/** A usable text layer is kept as it is when its background image is too large to OCR. */
function pickDpi(
  page: mupdf.Page,
  images: PageImages,
  options: ReadOptions,
  index: number,
  usable: boolean,
): number | null {
  try {
    return chooseOcrDpi(page, images, options, index);
  } catch (error) {
    if (usable && error instanceof StageError && error.code === 'image_too_large') return null;
    throw error;
  }
}

/** The page's pixels for OCR; a page mupdf cannot rasterise is a corrupt file. */
function render(page: mupdf.Page, dpi: number, index: number): GrayImage {
  try {
    return renderGray(page, dpi);
  } catch (error) {
    throw quarantine('corrupt', `No se pudo rasterizar la página ${index + 1}.`, error);
  }
}

async function recognizeWithRetries(
  ocr: OcrEngine,
  first: GrayImage,
  renderAgain: () => GrayImage,
  dpi: number,
  retries: number,
  signal: AbortSignal,
  index: number,
): Promise<OcrPageResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      const image = attempt === 0 ? first : renderAgain();
      const read = await ocr.recognize(image, signal, { dpi, handOver: true });
      // Read poorly: the page may lie the other way up (a sheet fed upside down, a photo turned). A second
      // reading half a turn further is kept if it reads better.
      let upright = read;
      if (!readsUpright(read.words)) {
        const quarterTurns = ((read.quarterTurns + 2) % 4) as QuarterTurns;
        const turned = await ocr.recognize(renderAgain(), signal, { dpi, handOver: true, quarterTurns });
        if (readingScore(turned.words) > readingScore(read.words)) upright = turned;
      }
      return await readInItsLanguage(ocr, upright, renderAgain, dpi, signal);
    } catch (error) {
      if (error instanceof StageError) throw error;
      if (signal.aborted) throw abortError(signal.reason);
      if (error instanceof OcrTimeoutError) {
        if (attempt < retries) continue;
        throw quarantine(
          'timeout',
          `El OCR de la página ${index + 1} superó ${error.timeoutMs} ms en ${attempt + 1} intentos (OCR_PAGE_TIMEOUT_MS).`,
          error,
        );
      }
      throw retryable('ocr_failed', `Falló el OCR de la página ${index + 1}: ${describe(error)}`, error);
    }
  }
}

/**
 * A page whose words show another language (ocr-language.ts) read again with that language's model first and
 * Spanish second, the same way up; the second reading is the page's. Spanish pages are read once.
 */
async function readInItsLanguage(
  ocr: OcrEngine,
  read: OcrPageResult,
  renderAgain: () => GrayImage,
  dpi: number,
  signal: AbortSignal,
): Promise<OcrPageResult> {
  const language = otherLanguageOf(read.words.map((word) => word.text));
  if (!language || !ocr.languages.includes(language) || !ocr.languages.includes('spa')) return read;
  const again = await ocr.recognize(renderAgain(), signal, {
    dpi,
    handOver: true,
    quarterTurns: read.quarterTurns,
    languages: [language, 'spa'],
  });
  return { ...again, recognizeMs: read.recognizeMs + again.recognizeMs };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal.reason);
}

function abortError(reason: unknown): StageError {
  if (reason instanceof StageError) return reason;
  return retryable('aborted', `Lectura cancelada: ${describe(reason)}`, reason);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
