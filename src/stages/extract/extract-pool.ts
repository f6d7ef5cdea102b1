import type { ReadDocument } from '../../contract/document.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Extraction } from '../stage.ts';
import { createDeadlinePool } from '../workers/deadline-pool.ts';
import { siblingEntry, startThread } from '../workers/thread-entry.ts';

/** Runs extractInvoice off the main thread; see createExtractPool. */
export interface ExtractPool {
  extract(document: ReadDocument, signal?: AbortSignal): Promise<Extraction>;
  warmUp(): Promise<void>;
  workersStarted(): number;
  close(): Promise<void>;
}

export interface ExtractPoolOptions {
  workers: number;
  /** A document still being extracted after this long is quarantined as `timeout` and its worker replaced. */
  timeoutMs: number;
  idleMs?: number;
  logger?: Logger;
}

const ENTRY = siblingEntry(import.meta.url, 'extract-worker');
/**
 * Extraction makes many short-lived objects; at V8's default young generation a thread's heap grew ~10 MB
 * more over 200 digital invoices than at 4 MB, for the same CPU time (as the text-pass threads).
 */
const YOUNG_GENERATION_MB = 4;

/**
 * Worker threads that run extraction (extract.ts) under EXTRACT_TIMEOUT_MS, so that no document's text, however
 * it was built, holds the event loop: webhooks, health checks and other files go on while it runs.
 */
export function createExtractPool(options: ExtractPoolOptions): ExtractPool {
  const pool = createDeadlinePool<ReadDocument, Extraction>({
    name: 'extracción',
    start: () => startThread(ENTRY, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }),
    workers: options.workers,
    timeoutMs: options.timeoutMs,
    timeoutSetting: 'EXTRACT_TIMEOUT_MS',
    idleMs: options.idleMs,
    logger: options.logger,
  });
  return {
    extract: (document, signal) => pool.run(document, signal),
    warmUp: () => pool.warmUp(),
    workersStarted: () => pool.workersStarted(),
    close: () => pool.close(),
  };
}
