import type { Worker } from 'node:worker_threads';
import { type Logger, silentLogger } from '../../shared/logger.ts';
import { quarantine, retryable, StageError } from '../errors.ts';
import type { ReadOptions } from './options.ts';
import type { TextPass } from './text-pass.ts';
import {
  READY,
  startWorker,
  type TextPassReply,
  type TextPassRequest,
  type WorkerMessage,
} from './text-pass-thread.ts';

/** Reads text layers off the main thread; see createTextPassPool. */
export interface TextPassReader {
  read(
    bytes: Uint8Array,
    options: ReadOptions,
    stopAtOcrPage: boolean,
    signal?: AbortSignal,
  ): Promise<TextPass>;
  /** Starts every worker; resolves once each has loaded mupdf, rejects when one cannot start. */
  warmUp(): Promise<void>;
  /** Worker threads started so far (recycled, replaced or restarted after idling included). */
  workersStarted(): number;
  /** Stops the workers that have no document now, rather than after `idleMs` (the next document starts one). */
  retireIdle(): void;
  close(): Promise<void>;
}

export interface TextPassPoolOptions {
  workers: number;
  /** A worker is replaced after this many documents: mupdf's WebAssembly heap grows and never shrinks. */
  maxDocumentsPerWorker?: number;
  /**
   * A document still being read after this long is quarantined as `timeout` and its worker replaced: a text
   * pass takes milliseconds per page, so only a PDF built to hold mupdf gets there.
   */
  documentTimeoutMs?: number;
  /** A worker with no document for this long exits (its ~50 MB come back); the next document starts one. */
  idleMs?: number;
  logger?: Logger;
}

interface Job {
  request: TextPassRequest;
  signal: AbortSignal | undefined;
  timer?: NodeJS.Timeout;
  resolve: (pass: TextPass) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  documents: number;
  idle?: NodeJS.Timeout;
}

/**
 * Worker threads that run the text pass (text-pass.ts) of digital invoices, so that mupdf's parsing of one
 * document overlaps the extraction, classification and loading of others on the main thread. A worker that
 * dies fails its document as retryable and is replaced; a document aborted (shutdown) or over its time limit
 * has its worker terminated mid-document, so a hostile PDF holds neither the pool nor the process.
 */
export function createTextPassPool(options: TextPassPoolOptions): TextPassReader {
  const logger = options.logger ?? silentLogger;
  const maxDocuments = options.maxDocumentsPerWorker ?? 2000;
  const timeoutMs = options.documentTimeoutMs ?? 60_000;
  const idleMs = options.idleMs ?? 10_000;
  const slots: Slot[] = Array.from({ length: Math.max(1, options.workers) }, () => ({
    worker: null,
    job: null,
    documents: 0,
  }));
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let started = 0;

  function start(slot: Slot): Worker {
    const worker = startWorker();
    started++;
    worker.on('message', (reply: WorkerMessage) => {
      if (reply !== READY) finish(slot, reply);
    });
    worker.on('error', (error) => fail(slot, worker, error));
    worker.on('exit', (code) => fail(slot, worker, new Error(`terminó con código ${code}`)));
    return worker;
  }

  function finish(slot: Slot, reply: TextPassReply): void {
    const job = slot.job;
    if (!job || job.request.id !== reply.id) return;
    slot.job = null;
    slot.documents++;
    // An idle worker must not keep the process alive.
    slot.worker?.unref();
    settled(job);
    if ('pass' in reply) job.resolve(reply.pass);
    else {
      const { code, message } = reply.error;
      job.reject(
        new StageError(code, message, {
          retryable: reply.error.retryable,
          quarantine: reply.error.quarantine,
        }),
      );
    }
    if (slot.documents >= maxDocuments) retire(slot);
    dispatch();
  }

  function fail(slot: Slot, worker: Worker, error: unknown): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    slot.documents = 0;
    const job = slot.job;
    slot.job = null;
    if (job) {
      settled(job);
      logger.warn('un proceso de lectura de PDF falló; se reemplaza', { error: String(error) });
      job.reject(
        retryable('read_worker_failed', `Falló el proceso de lectura del PDF: ${String(error)}`, error),
      );
    }
    dispatch();
  }

  function retire(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = null;
    slot.documents = 0;
    worker?.terminate().catch(() => {});
  }

  function onAbort(this: AbortSignal): void {
    const queued = queue.findIndex((job) => job.signal === this);
    if (queued >= 0) {
      const [job] = queue.splice(queued, 1);
      job?.reject(abortError(this.reason));
      return;
    }
    const slot = slots.find((s) => s.job?.signal === this);
    if (slot?.job) stop(slot, abortError(this.reason));
  }

  /** Ends the slot's running document with `error`, terminating its worker mid-document. */
  function stop(slot: Slot, error: StageError): void {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    settled(job);
    retire(slot);
    job.reject(error);
    dispatch();
  }

  function idleOut(slot: Slot): void {
    clearTimeout(slot.idle);
    if (!slot.worker) return;
    slot.idle = setTimeout(() => {
      if (!slot.job) retire(slot);
    }, idleMs);
    slot.idle.unref();
  }

  function settled(job: Job): void {
    clearTimeout(job.timer);
    job.signal?.removeEventListener('abort', onAbort);
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (closed || slot.job) continue;
      const job = queue.shift();
      if (!job) {
        idleOut(slot);
        continue;
      }
      clearTimeout(slot.idle);
      slot.job = job;
      job.timer = setTimeout(() => {
        logger.warn('la lectura de un PDF superó el tiempo límite; se reemplaza el proceso', { timeoutMs });
        stop(slot, quarantine('timeout', `La lectura del PDF superó ${timeoutMs} ms (READ_TIMEOUT_MS).`));
      }, timeoutMs);
      slot.worker ??= start(slot);
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
  }

  return {
    read(bytes, readOptions, stopAtOcrPage, signal) {
      if (closed) return Promise.reject(retryable('closed', 'El lector de PDF está cerrado.'));
      if (signal?.aborted) return Promise.reject(abortError(signal.reason));
      return new Promise<TextPass>((resolve, reject) => {
        // A view into a larger buffer (a pooled Buffer) would be cloned whole: send the file's bytes only.
        const own = bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
        const request = { id: nextId++, bytes: own, options: readOptions, stopAtOcrPage };
        queue.push({ request, signal, resolve, reject });
        signal?.addEventListener('abort', onAbort, { once: true });
        dispatch();
      });
    },
    workersStarted: () => started,
    retireIdle() {
      for (const slot of slots) {
        if (slot.job || !slot.worker) continue;
        clearTimeout(slot.idle);
        retire(slot);
      }
    },
    async warmUp() {
      await Promise.all(
        slots.map(async (slot) => {
          if (closed || slot.worker) return;
          const worker = start(slot);
          slot.worker = worker;
          await new Promise<void>((resolve, reject) => {
            worker.on('message', (message: WorkerMessage) => {
              if (message === READY) resolve();
            });
            worker.once('error', reject);
            worker.once('exit', (code) =>
              reject(new Error(`El proceso de lectura de PDF terminó al arrancar (código ${code}).`)),
            );
          });
          // An idle worker must not keep the process alive.
          if (!slot.job) {
            worker.unref();
            idleOut(slot);
          }
        }),
      );
    },
    async close() {
      closed = true;
      for (const slot of slots) clearTimeout(slot.idle);
      for (const job of queue.splice(0)) job.reject(retryable('closed', 'El lector de PDF está cerrado.'));
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = null;
          if (slot.job) settled(slot.job);
          slot.job?.reject(retryable('closed', 'El lector de PDF está cerrado.'));
          slot.job = null;
          await worker?.terminate();
        }),
      );
    },
  };
}

function abortError(reason: unknown): StageError {
  if (reason instanceof StageError) return reason;
  return retryable(
    'aborted',
    `Lectura cancelada: ${reason instanceof Error ? reason.message : String(reason)}`,
    reason,
  );
}
