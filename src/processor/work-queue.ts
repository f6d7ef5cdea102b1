import PQueue from 'p-queue';
import type { SourceFile } from '../ports/source.ts';
import type { Logger } from '../shared/logger.ts';
import type { ProcessOutcome, Processor } from './processor.ts';

export interface WorkQueue {
  /** Queues the file unless it is already queued or running in this instance; resolves with its outcome. */
  submit(file: SourceFile, options?: { force?: boolean }): Promise<ProcessOutcome>;
  /** Files queued or running. */
  readonly depth: number;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /**
   * Stops taking work, skips what is queued (never claimed, so nothing is lost), waits up to `graceMs` for
   * what is running, then interrupts it between stages so its lease is released as a retryable failure.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** Bounded concurrency over the processor, de-duplicated by file id within this instance. */
const SHUTTING_DOWN: ProcessOutcome = { kind: 'skipped', reason: 'busy' };

export function createWorkQueue(deps: {
  processor: Processor;
  concurrency: number;
  logger: Logger;
}): WorkQueue {
  const queue = new PQueue({ concurrency: deps.concurrency });
  const inFlight = new Map<string, Promise<ProcessOutcome>>();
  const controller = new AbortController();
  let closed = false;

  return {
    submit(file, options = {}) {
      const existing = inFlight.get(file.id);
      if (existing) return existing;
      if (closed) return Promise.resolve(SHUTTING_DOWN);
      const task = queue
        .add(
          // Queued work that has not started by shutdown is never claimed, so nothing is lost by skipping it.
          () =>
            closed
              ? SHUTTING_DOWN
              : deps.processor.process(file, { force: options.force, signal: controller.signal }),
        )
        .then((outcome) => outcome ?? SHUTTING_DOWN)
        .catch((error: unknown): ProcessOutcome => {
          deps.logger.error('processing crashed', { fileId: file.id, reason: String(error) });
          return { kind: 'failed', retryable: true, code: 'internal', message: String(error) };
        })
        .finally(() => inFlight.delete(file.id));
      inFlight.set(file.id, task);
      return task;
    },
    get depth() {
      return queue.size + queue.pending;
    },
    idle: () => queue.onIdle(),
    async close(options = {}) {
      closed = true;
      const graceMs = options.graceMs ?? 8_000;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([queue.onIdle(), deadline]);
      clearTimeout(timer);
      controller.abort();
      await queue.onIdle();
    },
  };
}
