import type { Worker } from 'node:worker_threads';
import { type Logger, silentLogger } from '../../shared/logger.ts';
import { quarantine, retryable, StageError } from '../errors.ts';
import { type JobReply, type JobRequest, READY, type WorkerMessage } from './job-protocol.ts';

export interface DeadlinePoolOptions {
  /** What the pool runs, for logs and messages (e.g. 'extracción'). */
  name: string;
  /** Starts one worker thread whose entry calls serveJobs (serve-jobs.ts). */
  start: () => Worker;
  workers: number;
  /**
   * A job still running this long after its worker took it (and had loaded) is quarantined as `timeout` and
   * its worker terminated: the event loop never waits on a document.
   */
  timeoutMs: number;
  /** The variable that sets `timeoutMs`, named in the quarantine message. */
  timeoutSetting: string;
  /** A worker with no job for this long exits; the next job starts one. */
  idleMs?: number;
  logger?: Logger;
}

export interface DeadlinePool<I, O> {
  run(input: I, signal?: AbortSignal): Promise<O>;
  /** Starts every worker; resolves once each has loaded its entry. */
  warmUp(): Promise<void>;
  /** Worker threads started so far (replacements included). */
  workersStarted(): number;
  close(): Promise<void>;
}

interface Job<I, O> {
  request: JobRequest<I>;
  signal: AbortSignal | undefined;
  timer?: NodeJS.Timeout;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

interface Slot<I, O> {
  worker: Worker | null;
  ready: boolean;
  job: Job<I, O> | null;
  idle?: NodeJS.Timeout;
  onReady: (() => void)[];
}

/**
 * Worker threads that each run one job at a time under a deadline. The main thread only posts inputs and
 * takes outputs: a job over its deadline or aborted (shutdown) has its worker terminated mid-job and replaced,
 * a worker that dies fails its job as retryable. Inputs and outputs must be structured-clone-able.
 */
export function createDeadlinePool<I, O>(options: DeadlinePoolOptions): DeadlinePool<I, O> {
  const logger = options.logger ?? silentLogger;
  const idleMs = options.idleMs ?? 10_000;
  const slots: Slot<I, O>[] = Array.from({ length: Math.max(1, options.workers) }, () => ({
    worker: null,
    ready: false,
    job: null,
    onReady: [],
  }));
  const queue: Job<I, O>[] = [];
  let nextId = 1;
  let closed = false;
  let started = 0;

  function start(slot: Slot<I, O>): Worker {
    const worker = options.start();
    started++;
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (message: WorkerMessage<O>) => {
      if (slot.worker !== worker) return;
      if (message === READY) {
        slot.ready = true;
        for (const callback of slot.onReady.splice(0)) callback();
        if (slot.job) startDeadline(slot, slot.job);
        return;
      }
      finish(slot, message);
    });
    worker.on('error', (error) => fail(slot, worker, error));
    worker.on('exit', (code) => fail(slot, worker, new Error(`terminó con código ${code}`)));
    return worker;
  }

  function startDeadline(slot: Slot<I, O>, job: Job<I, O>): void {
    if (job.timer) return;
    job.timer = setTimeout(() => {
      logger.warn(`la ${options.name} de un documento superó el tiempo límite; se reemplaza el proceso`, {
        timeoutMs: options.timeoutMs,
      });
      stop(
        slot,
        quarantine(
          'timeout',
          `La ${options.name} del documento superó ${options.timeoutMs} ms (${options.timeoutSetting}).`,
        ),
      );
    }, options.timeoutMs);
  }

  function finish(slot: Slot<I, O>, reply: JobReply<O>): void {
    const job = slot.job;
    if (!job || job.request.id !== reply.id) return;
    slot.job = null;
    settled(job);
    // An idle worker must not keep the process alive.
    slot.worker?.unref();
    if ('output' in reply) job.resolve(reply.output);
    else {
      const { code, message, retryable: canRetry, quarantine: bad } = reply.error;
      job.reject(new StageError(code, message, { retryable: canRetry, quarantine: bad }));
    }
    dispatch();
  }

  function fail(slot: Slot<I, O>, worker: Worker, error: unknown): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    slot.ready = false;
    const job = slot.job;
    slot.job = null;
    if (job) {
      settled(job);
      logger.warn(`un proceso de ${options.name} falló; se reemplaza`, { error: String(error) });
      job.reject(retryable('worker_failed', `Falló el proceso de ${options.name}: ${String(error)}`, error));
    }
    dispatch();
  }

  function retire(slot: Slot<I, O>): void {
    const worker = slot.worker;
    slot.worker = null;
    slot.ready = false;
    worker?.terminate().catch(() => {});
  }

  /** Ends the slot's running job with `error`, terminating its worker mid-job. */
  function stop(slot: Slot<I, O>, error: StageError): void {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    settled(job);
    retire(slot);
    job.reject(error);
    dispatch();
  }

  function onAbort(this: AbortSignal): void {
    const queued = queue.findIndex((job) => job.signal === this);
    if (queued >= 0) {
      const [job] = queue.splice(queued, 1);
      job?.reject(abortError(options.name, this.reason));
      return;
    }
    const slot = slots.find((s) => s.job?.signal === this);
    if (slot?.job) stop(slot, abortError(options.name, this.reason));
  }

  function idleOut(slot: Slot<I, O>): void {
    clearTimeout(slot.idle);
    if (!slot.worker) return;
    slot.idle = setTimeout(() => {
      if (!slot.job) retire(slot);
    }, idleMs);
    slot.idle.unref();
  }

  function settled(job: Job<I, O>): void {
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
      const worker = slot.worker ?? start(slot);
      worker.ref();
      worker.postMessage(job.request);
      // A fresh worker's loading is not the document's time: the deadline starts once the entry has loaded.
      if (slot.ready) startDeadline(slot, job);
    }
  }

  return {
    run(input, signal) {
      if (closed) return Promise.reject(retryable('closed', `El proceso de ${options.name} está cerrado.`));
      if (signal?.aborted) return Promise.reject(abortError(options.name, signal.reason));
      return new Promise<O>((resolve, reject) => {
        queue.push({ request: { id: nextId++, input }, signal, resolve, reject });
        signal?.addEventListener('abort', onAbort, { once: true });
        dispatch();
      });
    },
    workersStarted: () => started,
    async warmUp() {
      await Promise.all(
        slots.map(async (slot) => {
          if (closed) return;
          const worker = slot.worker ?? start(slot);
          if (slot.ready) return;
          await new Promise<void>((resolve, reject) => {
            slot.onReady.push(resolve);
            worker.once('error', reject);
            worker.once('exit', (code) =>
              reject(new Error(`El proceso de ${options.name} terminó al arrancar (código ${code}).`)),
            );
          });
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
      const closedError = () => retryable('closed', `El proceso de ${options.name} está cerrado.`);
      for (const job of queue.splice(0)) job.reject(closedError());
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = null;
          const job = slot.job;
          slot.job = null;
          if (job) {
            settled(job);
            job.reject(closedError());
          }
          await worker?.terminate();
        }),
      );
    },
  };
}

function abortError(name: string, reason: unknown): StageError {
  if (reason instanceof StageError) return reason;
  return retryable(
    'aborted',
    `${name} cancelada: ${reason instanceof Error ? reason.message : String(reason)}`,
    reason,
  );
}
