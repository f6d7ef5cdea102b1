import type { Env } from '../../config/env.ts';

/** Limits and OCR settings of the read stage; every limit is configurable through the environment. */
export interface ReadOptions {
  maxFileBytes: number;
  maxPages: number;
  /** Largest raster we agree to allocate: an embedded image's own pixels, or a page rendered for OCR. */
  maxImagePixels: number;
  /** Preferred resolution for rendering pages that need OCR. */
  ocrDpi: number;
  /** Below this resolution OCR is pointless: a page that only fits under the pixel limit lower is refused. */
  minOcrDpi: number;
  /**
   * Also OCR pages whose text layer is usable but which are mostly one big image (a scanned pre-printed form
   * filled in with a text layer): the image's words are merged where the text layer has none.
   */
  ocrBackgroundImages: boolean;
  /** How many times one page is tried again on a fresh OCR worker after a timeout. */
  ocrTimeoutRetries: number;
  /** Decode QR codes embedded as images in text-layer pages (scans: the OCR engine's `readQr`). */
  readQrCodes: boolean;
}

export const defaultReadOptions: ReadOptions = {
  maxFileBytes: 50 * 1024 * 1024,
  maxPages: 300,
  maxImagePixels: 60_000_000,
  ocrDpi: 300,
  minOcrDpi: 100,
  ocrBackgroundImages: true,
  ocrTimeoutRetries: 1,
  readQrCodes: true,
};

export function readOptionsFromEnv(env: Env): ReadOptions {
  return {
    ...defaultReadOptions,
    maxFileBytes: env.MAX_FILE_BYTES,
    maxPages: env.MAX_PAGES,
    maxImagePixels: env.MAX_IMAGE_PIXELS,
    ocrDpi: env.OCR_DPI,
    minOcrDpi: Math.min(defaultReadOptions.minOcrDpi, env.OCR_DPI),
    readQrCodes: env.READ_QR_CODES,
  };
}
