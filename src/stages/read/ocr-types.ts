import type { Ruling } from '../../contract/document.ts';
import type { QuarterTurns } from './orientation.ts';
import type { GrayImage } from './rasterize.ts';

/**
 * A word found by OCR, in pixels of the image that was given — after straightening it: on a tilted scan the
 * boxes describe the page as if it had been scanned straight (same size, rotated about its centre by
 * `deskewDegrees`), so that rows and columns are level.
 */
export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrPageResult {
  words: OcrWord[];
  /**
   * How far the scan was tilted, clockwise as seen on screen, in degrees; the image was turned back by as much
   * before recognition (0 when it was straight or within 0.3°).
   */
  deskewDegrees: number;
  /** Time spent in the worker, without waiting in the queue. */
  recognizeMs: number;
  /** Payloads of the QR codes that decoded on the page (their symbols were blanked before recognition). */
  codes: string[];
  /** Quarter turns clockwise the page was given to be read upright; word boxes are in that turned frame. */
  quarterTurns: QuarterTurns;
  /** The page's ruling lines found in the image it read (points, the words' frame). */
  rulings: Ruling[];
}

export interface OcrStats {
  workers: number;
  pagesRecognized: number;
  workersStarted: number;
  workersRecycled: number;
  timeouts: number;
  queued: number;
  /** Pages reserved for OCR (rendering, waiting or being recognised) right now, across all documents. */
  pagesInFlight: number;
}

export interface OcrHints {
  /** The page's resolution (sizes the QR search and tells tesseract the scale). */
  dpi?: number;
  /**
   * The caller hands the image over and will not touch it again: the engine frees its pixels as soon as it has
   * its own straightened copy, or once the page is recognised (a caller that retries renders the page again).
   */
  handOver?: boolean;
  /**
   * Quarter turns clockwise to apply before reading (a second reading the other way up). Unset, the engine turns
   * a page that lies on its side by one quarter (orientation.ts).
   */
  quarterTurns?: QuarterTurns;
  /**
   * The models to read with, best first (tesseract language codes, e.g. ['deu', 'spa']); unset, the engine's
   * own. Each must be one of the engine's `languages`.
   */
  languages?: readonly string[];
}

/** One per process, shared by every document: a pool of tesseract.js workers. */
export interface OcrEngine {
  /** How many pages it recognises at once. */
  readonly concurrency: number;
  /** The models it can read with (`OcrHints.languages`). */
  readonly languages: readonly string[];
  /**
   * Waits until the pool has room for one more page image, across every document being read; render the page
   * only then, and call the returned function once its OCR has settled. Rejects with the signal's reason.
   */
  reservePage(signal?: AbortSignal): Promise<() => void>;
  recognize(image: GrayImage, signal?: AbortSignal, hints?: OcrHints): Promise<OcrPageResult>;
  stats(): OcrStats;
  close(): Promise<void>;
}

/** The page did not finish within OCR_PAGE_TIMEOUT_MS; its worker was terminated and replaced. */
export class OcrTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`OCR de la página superó ${timeoutMs} ms`);
    this.name = 'OcrTimeoutError';
  }
}
