import type * as mupdf from 'mupdf';
import type { PageText, ReadDocument } from '../../contract/document.ts';
import { quarantine } from '../errors.ts';
import { toReadDocument } from './document-text.ts';
import { type EmbeddedInvoice, readEmbeddedInvoice } from './embedded-xml.ts';
import { collectMupdfWarnings } from './mupdf-log.ts';
import { openPdf } from './open-pdf.ts';
import type { ReadOptions } from './options.ts';
import type { PageImages } from './page-images.ts';
import { hasUsableText, readPageLayer } from './text-layer.ts';

/** A page whose text layer is usable still goes to OCR when one image covers at least this share of it. */
const BACKGROUND_IMAGE_COVERAGE = 0.5;

export interface TextPass {
  document: ReadDocument;
  pageCount: number;
  /**
   * Some page has no usable text layer, or is mostly one image (see `ocrBackgroundImages`): the document must
   * be read again with OCR. With `stopAtOcrPage` the pass stopped there and `document` is incomplete.
   */
  needsOcr: boolean;
  openMs: number;
  textMs: number;
}

/**
 * Every page's text layer (and the QR codes of its images), with no rendering and no OCR: the whole read of a
 * digital invoice, cheap enough to run on a worker thread (text-pass-pool.ts) beside the rest of the pipeline.
 * Bad input is refused as readPdf refuses it (openPdf's limits, a page that will not load or parse).
 */
export function readTextPass(bytes: Uint8Array, options: ReadOptions, stopAtOcrPage: boolean): TextPass {
  const started = performance.now();
  const { document, pageCount } = openPdf(bytes, options);
  const openMs = performance.now() - started;
  const pages: PageText[] = [];
  let needsOcr = false;
  let embedded: EmbeddedInvoice | undefined;
  try {
    embedded = readEmbeddedInvoice(document);
    for (let index = 0; index < pageCount; index++) {
      const page = loadPage(document, index);
      try {
        const { text, images } = readPageText(page, index, true, options.readQrCodes);
        pages.push(text);
        if (wantsOcr(text, images, options)) {
          needsOcr = true;
          if (stopAtOcrPage) break;
        }
      } finally {
        page.destroy();
      }
    }
  } finally {
    document.destroy();
  }
  const textMs = performance.now() - started - openMs;
  return { document: toReadDocument(pages, embedded), pageCount, needsOcr, openMs, textMs };
}

/** Whether a page's text layer, read with its images, still calls for OCR. */
export function wantsOcr(text: PageText, images: PageImages, options: ReadOptions): boolean {
  if (!hasUsableText(text)) return true;
  return options.ocrBackgroundImages && images.largestImageCoverage >= BACKGROUND_IMAGE_COVERAGE;
}

export function loadPage(document: mupdf.Document, index: number): mupdf.Page {
  try {
    return document.loadPage(index);
  } catch (error) {
    throw quarantine('corrupt', `El PDF está dañado: no se puede cargar la página ${index + 1}.`, error);
  }
}

export function readPageText(page: mupdf.Page, index: number, withImages: boolean, readQr: boolean) {
  try {
    return collectMupdfWarnings(() => readPageLayer(page, index, withImages, readQr)).result;
  } catch (error) {
    throw quarantine('corrupt', `El PDF está dañado: no se puede leer la página ${index + 1}.`, error);
  }
}
