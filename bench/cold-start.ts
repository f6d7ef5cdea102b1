import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { percentile } from './end-to-end.ts';
import type { ImageRuntime } from './image-runtime.ts';

export interface ColdStartFigures {
  /** Milliseconds from spawning `node … dist/main.js` to its first 200 on /readyz, one per start, sorted. */
  startsMs: number[];
  medianMs: number;
}

const READY_TIMEOUT_MS = 30_000;

/**
 * Starts the compiled service `starts` times as the image does (its node flags and allocator settings) on the
 * embedded default (a local inbox, SQLite state and warehouse, in a fresh temporary folder with an empty
 * inbox) and times each start until /readyz answers 200: what a push that wakes a scaled-to-zero instance
 * waits for. Each instance is stopped with SIGTERM before the next starts.
 */
export async function measureColdStart(image: ImageRuntime, starts = 5): Promise<ColdStartFigures> {
  const startsMs: number[] = [];
  for (let i = 0; i < starts; i++) startsMs.push(await startOnce(image));
  startsMs.sort((a, b) => a - b);
  return { startsMs, medianMs: percentile(startsMs, 0.5) };
}

async function startOnce(image: ImageRuntime): Promise<number> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-cold-start-'));
  // An existing inbox is not seeded with the sample invoices: nothing is processed while starting.
  await fs.mkdir(path.join(dir, 'inbox'));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    ...image.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: path.join(dir, 'data'),
    INBOX_DIR: path.join(dir, 'inbox'),
    LOG_LEVEL: 'WARNING',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [...image.nodeArgs, 'dist/main.js'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    while (performance.now() - started < READY_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`dist/main.js terminó al arrancar:\n${stderr}`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`dist/main.js no respondió /readyz en ${READY_TIMEOUT_MS} ms:\n${stderr}`);
  } finally {
    child.kill('SIGTERM');
    await exited;
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
