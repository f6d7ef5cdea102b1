import os from 'node:os';
import path from 'node:path';
import type { Env } from '../../config/env.ts';
import { type Logger, silentLogger } from '../../shared/logger.ts';
import { estimateSkewDegrees, MIN_DESKEW_DEGREES, rotateGray } from './deskew.ts';
import { evenLighting } from './even-lighting.ts';
import { flattenBackground } from './flatten-background.ts';
import { type GrayImage, releaseImage, toPgm } from './gray-image.ts';
import { invertDarkBands } from './invert-bands.ts';
import { prepareLanguageFolder } from './lang-data.ts';
import { type OcrThread, startOcrThread } from './ocr-client.ts';
import type { OcrEngine, OcrPageResult, OcrStats } from './ocr-types.ts';
import { OcrTimeoutError } from './ocr-types.ts';
import { looksSideways, type QuarterTurns, turnQuarters } from './orientation.ts';
import { createSlots } from './page-slots.ts';
import { readQrCodes } from './qr-scan.ts';
import { removeSpecks } from './remove-specks.ts';
import { findRulingLines } from './ruling-lines.ts';
import { parseTsvWords } from './tsv-words.ts';

export type { OcrEngine, OcrPageResult, OcrStats } from './ocr-types.ts';
export { OcrTimeoutError } from './ocr-types.ts';

export interface OcrEngineOptions {
  /** Parallel workers; default min(2, cores). */
  workers?: number;
  /** A page still running after this is abandoned: its worker is terminated and replaced. */
  pageTimeoutMs?: number;
  /** A worker is replaced after this many pages (tesseract.js workers keep growing). */
  maxPagesPerWorker?: number;
  /** Parent folder for the language-data folder; default the OS temp folder. */
  cacheDir?: string;
  /** The models every page is read with first; default Spanish. */
  languages?: string[];
  /** Models also installed, for pages read with `OcrHints.languages`; default English, German, French, Portuguese, Italian, Dutch. */
  otherLanguages?: string[];
  /** Straighten tilted scans before recognition (default true). */
  deskew?: boolean;
  /** Read the page's QR codes before recognition and blank them (default true). */
  readQr?: boolean;
  /** Paint isolated scanner specks the paper's tone before recognition (default true). */
  removeSpecks?: boolean;
  /** Extra tesseract parameters for every page. */
  parameters?: Record<string, string>;
  logger?: Logger;
}

interface Job {
  /** Dropped once the worker has its copy: a straightened page is not held twice while it is recognised. */
  image: GrayImage | null;
  /** Whether the image is the engine's to free (its own straightened copy, or a page handed over). */
  owned: boolean;
  dpi: number | undefined;
  skewDegrees: number;
  quarterTurns: QuarterTurns;
  codes: string[];
  rulings: OcrPageResult['rulings'];
  /** The models it is read with, '+'-joined as tesseract names a set. */
  languages: string;
  signal: AbortSignal | undefined;
  resolve: (result: OcrPageResult) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: OcrThread | null;
  /** The models its worker has loaded, '+'-joined. */
  languages: string;
  pages: number;
  busy: boolean;
}

const WORKER_START_TIMEOUT_MS = 60_000;
/** tesseract's OCR engine mode 1: the LSTM recogniser only (the shipped models have no legacy data). */
const LSTM_ONLY = 1;
/**
 * Page images rendered beyond one per worker, across all documents: each is 4–8 MB until its OCR is done.
 * With none, workers sat idle 11% of the time waiting for the next render; with one, 2–3% (two: the same).
 */
const PAGES_AHEAD = 1;
/**
 * Spanish only by default: on our generated scans 'spa' alone found more of the truth's words than 'spa+eng'
 * (92.8% vs 91.2%) in 30% less time, and within 0.5 points on real AFIP scans. 'eng' stays installed for
 * callers that want it.
 */
const DEFAULT_LANGUAGES = ['spa'];
/**
 * Models installed beside the default for second readings of pages in another language (ocr-language.ts):
 * read by the Spanish model, German, French, Portuguese, Italian, Dutch and English names and words lose
 * their letters (ä, é, ç, ã...) and with them whole words.
 */
const OTHER_LANGUAGES = ['eng', 'deu', 'fra', 'por', 'ita', 'nld'];
/**
 * Sparse-text segmentation (PSM 11): we rebuild rows from the boxes ourselves, so tesseract's block layout
 * adds nothing, and on invoice forms it merges cells across columns. Over 27 scanned pages (generated and
 * real) it found 1.5–8 points more of the truth's words than the default PSM 3, for ~8% more time.
 * No second pass on inverted text (white on black is rare on invoices): −10% time, same words found.
 */
const DEFAULT_PARAMETERS: Record<string, string> = {
  tessedit_pageseg_mode: '11',
  tessedit_do_invert: '0',
  // tesseract's own debug prints ("Detected N diacritics") would break the one-JSON-object-per-line logs.
  debug_file: '/dev/null',
};

/**
 * The process-wide OCR pool: tesseract.js workers with the packaged Spanish and English models, never the
 * network. Workers start on the first page (a digital-only run never pays for them), take pages as raw
 * grey pixels (PGM), are recycled after `maxPagesPerWorker` pages and replaced when a page times out.
 */
export async function createOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const logger = options.logger ?? silentLogger;
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  const size = Math.max(1, options.workers || Math.min(2, os.availableParallelism()));
  const pageTimeoutMs = options.pageTimeoutMs ?? 60_000;
  const maxPagesPerWorker = options.maxPagesPerWorker ?? 40;
  const deskew = options.deskew ?? true;
  const readQr = options.readQr ?? true;
  const despeckle = options.removeSpecks ?? true;
  // Without a hint the page is taken to be a 300 dpi render: it only sizes the QR search.
  const assumedDpi = 300;
  const defaultSet = languages.join('+');
  const installed = new Set([...languages, ...(options.otherLanguages ?? OTHER_LANGUAGES)]);
  const langPath = await prepareLanguageFolder(options.cacheDir ?? os.tmpdir(), [...installed]);
  const slots: Slot[] = Array.from({ length: size }, () => ({
    worker: null,
    languages: defaultSet,
    pages: 0,
    busy: false,
  }));
  const queue: Job[] = [];
  const pageRoom = createSlots(size + PAGES_AHEAD);
  const stats: OcrStats = {
    workers: size,
    pagesRecognized: 0,
    workersStarted: 0,
    workersRecycled: 0,
    timeouts: 0,
    queued: 0,
    pagesInFlight: 0,
  };
  let closed = false;

  async function startWorker(set: string): Promise<OcrThread> {
    const creating = startOcrThread({
      languages: set.split('+'),
      oem: LSTM_ONLY,
      langPath,
      onError: (error: unknown) => logger.warn('error de un proceso de OCR', { error: String(error) }),
    });
    const worker = await withTimeout(creating, WORKER_START_TIMEOUT_MS, () => {
      creating.then((w) => w.terminate()).catch(() => {});
      return new Error('El proceso de OCR no arrancó a tiempo');
    });
    stats.workersStarted++;
    return worker;
  }

  function retire(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = null;
    slot.pages = 0;
    if (worker) worker.terminate().catch(() => {});
  }

  async function run(slot: Slot, job: Job): Promise<OcrPageResult> {
    if (slot.worker && slot.languages !== job.languages) {
      await slot.worker.useLanguages(job.languages.split('+'));
      slot.languages = job.languages;
    }
    if (!slot.worker) {
      slot.worker = await startWorker(job.languages);
      slot.languages = job.languages;
    }
    const worker = slot.worker;
    const parameters: Record<string, string> = { ...DEFAULT_PARAMETERS, ...options.parameters };
    if (job.dpi) parameters.user_defined_dpi = String(Math.round(job.dpi));
    const started = performance.now();
    const image = job.image;
    if (!image) throw new Error('La página ya se entregó al OCR');
    job.image = null;
    const file = pgmFile(image);
    // A page that is ours moves to the thread (which frees it once recognised) instead of being copied there;
    // a caller's page that is not handed over is copied, and stays the caller's.
    const copied = file !== image.data.buffer;
    if (copied && job.owned) releaseImage(image);
    const recognition = worker.recognize(
      file,
      parameters,
      { text: false, blocks: false, tsv: true },
      { transfer: job.owned || copied },
    );
    const result = await raceTimeoutAndAbort(recognition, pageTimeoutMs, job.signal);
    const recognizeMs = performance.now() - started;
    // Boxes stay in the straightened frame: rows and columns are level there, which is what layout needs.
    return {
      words: parseTsvWords(result.data.tsv ?? ''),
      deskewDegrees: job.skewDegrees,
      recognizeMs,
      codes: job.codes,
      quarterTurns: job.quarterTurns,
      rulings: job.rulings,
    };
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (closed || slot.busy) continue;
      const job = takeJobFor(slot);
      if (!job) return;
      stats.queued = queue.length;
      if (job.signal?.aborted) {
        job.reject(job.signal.reason);
        continue;
      }
      slot.busy = true;
      run(slot, job)
        .then(
          (result) => {
            stats.pagesRecognized++;
            slot.pages++;
            if (slot.pages >= maxPagesPerWorker) {
              stats.workersRecycled++;
              retire(slot);
            }
            job.resolve(result);
          },
          (error: unknown) => {
            if (error instanceof OcrTimeoutError) {
              stats.timeouts++;
              logger.warn('OCR de una página superó el tiempo límite; se reemplaza el proceso', {
                pageTimeoutMs,
              });
            }
            // After a timeout, an abort or a worker error the worker's state is unknown: replace it.
            retire(slot);
            job.reject(error);
          },
        )
        .finally(() => {
          slot.busy = false;
          dispatch();
        });
    }
  }

  /** The oldest page for the slot's loaded models if one waits (switching models costs ~0.3 s), else the oldest. */
  function takeJobFor(slot: Slot): Job | undefined {
    const same = queue.findIndex((job) => job.languages === slot.languages);
    return queue.splice(same === -1 ? 0 : same, 1)[0];
  }

  return {
    concurrency: size,
    languages: [...installed],
    reservePage: (signal) => pageRoom.acquire(signal),
    recognize(given, signal, hints) {
      if (closed) return Promise.reject(new Error('El motor de OCR está cerrado'));
      if (signal?.aborted) return Promise.reject(signal.reason);
      const dpi = hints?.dpi ?? assumedDpi;
      // A photo's uneven light evened out first: which way the lines run, the skew, the QR codes and
      // tesseract's one global threshold all read a flat page better (a dim side or a dark desk around the
      // sheet otherwise looks like ink). Scans come back as they are.
      const even = evenLighting(given, { inPlace: hints?.handOver === true });
      // A page on its side is turned upright next (a quarter turn is exact and cheap); which way is left to the
      // caller's second reading when the first reads poorly.
      const quarterTurns = hints?.quarterTurns ?? (looksSideways(even, dpi) ? 1 : 0);
      const image = turnQuarters(even, quarterTurns);
      if (image !== even && (hints?.handOver === true || even !== given)) releaseImage(even);
      // Straightened here, on the caller's turn, so that it overlaps with the workers' recognition.
      const skew = deskew ? estimateSkewDegrees(image) : 0;
      const skewDegrees = Math.abs(skew) >= MIN_DESKEW_DEGREES ? skew : 0;
      // White-on-dark header bands made dark-on-light: tesseract's own inverted pass is off (it costs ~10%).
      // Shaded panels lifted to the paper's tone: straightened, a grey sidebar otherwise loses all its words.
      // QR codes are read once the page is level (a tilt of 1° cost a fifth of the reads) and then blanked.
      const handedOver = hints?.handOver === true || image !== given;
      const level = skewDegrees === 0 ? image : rotateGray(image, skewDegrees);
      // A page handed over is not needed once straightened: its pixels go back now, not at the next GC.
      if (handedOver && level !== image) releaseImage(image);
      const codes = readQr ? readQrCodes(level, dpi) : [];
      // A straightened page, or one handed over, is ours: bands and panels are fixed in it rather than in two
      // more page copies.
      const owned = level !== image || handedOver;
      const inverted = invertDarkBands(level, { inPlace: owned }).image;
      const flattened = flattenBackground(inverted, { inPlace: owned });
      if (flattened !== inverted && inverted !== image) releaseImage(inverted);
      // Specks go last, once bands are dark-on-light and panels at the paper's tone.
      const straight = despeckle
        ? removeSpecks(flattened, { inPlace: owned || flattened !== image })
        : flattened;
      if (straight !== flattened && flattened !== image) releaseImage(flattened);
      // Table rules from the page as it is read, so the ruled-grid reader works on scans as on text layers.
      const rulings = findRulingLines(straight, dpi);
      const wanted = hints?.languages?.join('+') || defaultSet;
      const missing = hints?.languages?.find((language) => !installed.has(language));
      if (missing) return Promise.reject(new Error(`El motor de OCR no tiene el idioma ${missing}`));
      return new Promise<OcrPageResult>((resolve, reject) => {
        queue.push({
          image: straight,
          quarterTurns,
          rulings,
          owned: straight !== image || handedOver,
          dpi: hints?.dpi,
          skewDegrees,
          codes,
          languages: wanted,
          signal,
          resolve,
          reject,
        });
        stats.queued = queue.length;
        dispatch();
      });
    },
    stats: () => ({ ...stats, pagesInFlight: pageRoom.inUse() + pageRoom.waiting() }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('El motor de OCR se cerró'));
      await Promise.allSettled(slots.map((slot) => slot.worker?.terminate()));
      for (const slot of slots) slot.worker = null;
    },
  };
}

/** The page as a PGM file's bytes (Leptonica reads it directly): the image's own buffer when it has the room. */
function pgmFile(image: GrayImage): ArrayBuffer {
  // toPgm's result spans its whole buffer.
  return toPgm(image).buffer;
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function raceTimeoutAndAbort<T>(
  promise: Promise<T>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => finish(() => reject(signal?.reason));
    const timer = setTimeout(() => finish(() => reject(new OcrTimeoutError(ms))), ms);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    // Observed even when already aborted: a page whose worker is then stopped rejects, and must not go unhandled.
    promise.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The OCR pool's settings from the validated environment (one place for the service and the CLI). */
export function ocrOptionsFromEnv(
  env: Pick<
    Env,
    'OCR_WORKERS' | 'OCR_PAGE_TIMEOUT_MS' | 'OCR_WORKER_MAX_PAGES' | 'DATA_DIR' | 'READ_QR_CODES'
  >,
  logger: Logger,
): OcrEngineOptions {
  return {
    workers: env.OCR_WORKERS,
    pageTimeoutMs: env.OCR_PAGE_TIMEOUT_MS,
    maxPagesPerWorker: env.OCR_WORKER_MAX_PAGES,
    readQr: env.READ_QR_CODES,
    cacheDir: path.resolve(env.DATA_DIR, 'tessdata'),
    logger,
  };
}
