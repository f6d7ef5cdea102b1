import os from 'node:os';
import type { Env } from '../../config/env.ts';

/** Reading threads: READ_WORKERS, else one fewer than the cores (at least one), at most PROCESS_CONCURRENCY. */
export function readThreads(env: Env): number {
  return env.READ_WORKERS ?? Math.min(env.PROCESS_CONCURRENCY, Math.max(1, os.availableParallelism() - 1));
}

/** Extraction threads: EXTRACT_WORKERS, else as many as the reading threads (at least one). */
export function extractThreads(env: Env): number {
  return env.EXTRACT_WORKERS ?? Math.max(1, readThreads(env));
}
