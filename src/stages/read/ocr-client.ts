import type { Worker } from 'node:worker_threads';
import { siblingEntry, startThread } from '../workers/thread-entry.ts';
import type { OcrAction, OcrPacket, OcrRecognition, OcrReply } from './ocr-protocol.ts';

/** One OCR thread: tesseract.js's worker script with one language set loaded. */
export interface OcrThread {
  /**
   * Recognises a page (an image file's bytes, e.g. PGM). With `transfer` the buffer moves to the thread, which
   * frees it once the page is done: it is unusable here afterwards.
   */
  recognize(
    file: ArrayBuffer,
    parameters: Record<string, string>,
    output: Record<string, boolean>,
    options?: { transfer?: boolean },
  ): Promise<OcrRecognition>;
  /** Loads another set of models in place of the current one (~0.3 s): the thread reads with them from now on. */
  useLanguages(languages: readonly string[]): Promise<void>;
  terminate(): Promise<void>;
}

export interface OcrThreadOptions {
  languages: readonly string[];
  /** tesseract's OCR engine mode (1: LSTM only). */
  oem: number;
  /** Folder with `<language>.traineddata.gz` (lang-data.ts); nothing is fetched from the network. */
  langPath: string;
  /** An error inside the thread (the page or pages it was on fail too). */
  onError: (error: unknown) => void;
}

const ENTRY = siblingEntry(import.meta.url, 'ocr-worker');

let threads = 0;

/**
 * Starts a thread and loads the core, the language data and the engine, as tesseract.js's `createWorker`
 * does, but on a thread of ours: pages are transferred to it rather than copied, and it frees them.
 */
export async function startOcrThread(options: OcrThreadOptions): Promise<OcrThread> {
  const workerId = `ocr-${++threads}`;
  const worker: Worker = startThread(ENTRY);
  const pending = new Map<string, { resolve: (data: unknown) => void; reject: (error: unknown) => void }>();
  let jobs = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: OcrReply) => {
    if (reply.status === 'progress') return;
    const job = pending.get(reply.jobId);
    if (!job) return;
    pending.delete(reply.jobId);
    if (reply.status === 'resolve') job.resolve(reply.data);
    else {
      options.onError(reply.data);
      job.reject(new Error(String(reply.data)));
    }
  });
  worker.on('error', (error) => {
    options.onError(error);
    failAll(error);
  });
  worker.on('exit', (code) => failAll(new Error(`El proceso de OCR terminó (código ${code}).`)));

  const send = (action: OcrAction, payload: unknown, transfer: ArrayBuffer[] = []) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      const jobId = `${action}-${++jobs}`;
      pending.set(jobId, { resolve, reject });
      const packet: OcrPacket = { workerId, jobId, action, payload };
      worker.postMessage(packet, transfer);
    });

  const useLanguages = async (languages: readonly string[]) => {
    await send('loadLanguage', {
      langs: [...languages],
      options: { langPath: options.langPath, cacheMethod: 'none', gzip: true, lstmOnly: true },
    });
    await send('initialize', { langs: [...languages], oem: options.oem, config: {} });
  };
  try {
    // tesseract.js's getCore compares this value with the OEM codes: OEM 1 loads the LSTM-only core build.
    await send('load', { options: { lstmOnly: options.oem, logging: false } });
    await useLanguages(options.languages);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    async recognize(file, parameters, output, { transfer = false } = {}) {
      const image = new Uint8Array(file);
      const data = await send('recognize', { image, options: parameters, output }, transfer ? [file] : []);
      return { data: data as OcrRecognition['data'] };
    },
    useLanguages,
    async terminate() {
      failAll(new Error('El proceso de OCR se detuvo.'));
      await worker.terminate();
    },
  };
}
