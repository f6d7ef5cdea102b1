import { Worker } from 'node:worker_threads';
import type { ReadOptions } from './options.ts';
import type { TextPass } from './text-pass.ts';

/** The messages between the text-pass pool (text-pass-pool.ts) and its worker threads, and how one starts. */

export interface TextPassRequest {
  id: number;
  bytes: Uint8Array;
  options: ReadOptions;
  stopAtOcrPage: boolean;
}

/** What a worker posts once its entry (and mupdf) has loaded. */
export const READY = 'ready';
export type WorkerMessage = typeof READY | TextPassReply;

export type TextPassReply =
  | { id: number; pass: TextPass }
  | { id: number; error: { code: string; message: string; retryable?: boolean; quarantine?: boolean } };

/** The worker's entry beside this file: TypeScript when run from source (tsx), JavaScript once built. */
const WORKER_ENTRY = new URL(
  import.meta.url.endsWith('.ts') ? './text-pass-worker.ts' : './text-pass-worker.js',
  import.meta.url,
);

/**
 * From source, the worker loads its entry through tsx's API: a worker thread does not inherit the loader hooks
 * of whoever started this process (tsx's CLI, vitest, `node --import tsx`).
 */
export function startWorker(): Worker {
  // A text pass makes many short-lived objects (a word per few characters): left at V8's default the young
  // generation grew to ~48 MB. At 4 MB, 200 digital invoices left the process 40 MB smaller, no slower.
  const resourceLimits = { maxYoungGenerationSizeMb: 4 };
  if (!WORKER_ENTRY.pathname.endsWith('.ts')) return new Worker(WORKER_ENTRY, { resourceLimits });
  const bootstrap = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(WORKER_ENTRY.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}
