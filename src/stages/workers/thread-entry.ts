import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on `entry`, a module URL ending in `.ts` when run from source: there the entry is
 * loaded through tsx's API, because a worker thread does not inherit the loader hooks of whoever started the
 * process (tsx's CLI, vitest, `node --import tsx`). Built (`dist/`), the `.js` beside it loads directly.
 */
export function startThread(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const bootstrap = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** `name` beside `moduleUrl`, as TypeScript from source and as JavaScript once built. */
export function siblingEntry(moduleUrl: string, name: string): URL {
  return new URL(`./${name}${moduleUrl.endsWith('.ts') ? '.ts' : '.js'}`, moduleUrl);
}
