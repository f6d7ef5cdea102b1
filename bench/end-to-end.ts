import fs from 'node:fs/promises';
import path from 'node:path';
import { createServices } from '../src/composition-root.ts';
import { loadEnv } from '../src/config/env.ts';
import { createLogger } from '../src/shared/logger.ts';
import { sampleRss } from './rss.ts';

export interface EndToEndFigures {
  documents: number;
  seconds: number;
  docsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  ocrPages: number;
  secondsPerOcrPage: number | null;
  outcomes: Record<string, number>;
  peakRssMb: number;
}

/**
 * Runs the whole service pipeline on the local adapters (inbox folder → read → classify → extract →
 * SQLite warehouse → class folder) over every PDF in `inputDir`, as `npm start` would.
 */
export async function runEndToEnd(
  inputDir: string,
  workDir: string,
  { env = {}, limit }: { env?: Record<string, string>; limit?: number } = {},
) {
  const inbox = path.join(workDir, 'inbox');
  await fs.rm(workDir, { recursive: true, force: true });
  await fs.mkdir(inbox, { recursive: true });
  const names = (await fs.readdir(inputDir)).filter((n) => n.endsWith('.pdf')).sort();
  for (const name of names.slice(0, limit)) {
    await fs.copyFile(path.join(inputDir, name), path.join(inbox, name));
  }
  const config = loadEnv({
    INBOX_DIR: inbox,
    DATA_DIR: path.join(workDir, 'data'),
    LOCAL_SETTLE_MS: '0',
    LOG_LEVEL: 'ERROR',
    ...env,
  });
  const services = await createServices(config, { logger: createLogger({ level: 'ERROR' }) });
  await services.source.ensureFolders();
  const files = await services.source.listInbox();
  const rss = sampleRss();
  const started = performance.now();
  const outcomes = await Promise.all(files.map((f) => services.queue.submit(f)));
  const seconds = (performance.now() - started) / 1000;
  await services.close();
  const totals = outcomes
    .flatMap((o) => ('result' in o ? [o.result.timings.totalMs ?? 0] : []))
    .sort((a, b) => a - b);
  const ocrPages = outcomes.reduce((sum, o) => sum + ('result' in o ? o.result.pages.ocr : 0), 0);
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return {
    documents: files.length,
    seconds,
    docsPerSecond: files.length / seconds,
    p50Ms: percentile(totals, 0.5),
    p95Ms: percentile(totals, 0.95),
    ocrPages,
    secondsPerOcrPage: ocrPages > 0 ? seconds / ocrPages : null,
    outcomes: counts,
    peakRssMb: rss.stop(),
  } satisfies EndToEndFigures;
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
