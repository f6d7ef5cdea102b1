import fs from 'node:fs/promises';
import path from 'node:path';
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
  /** CPU time of the whole process (all its threads) per document: on a shared machine, steadier than docs/s. */
  cpuMsPerDocument: number;
  /** Tesseract workers in the OCR pool. */
  ocrWorkers: number;
}

/**
 * The service's code: its TypeScript (`src`, under tsx) or the compiled `dist/` the image runs (this file then
 * runs under plain node, which strips its types: it imports nothing else from src/ but types).
 */
export type ServiceCode = 'src' | 'dist';

async function serviceModules(code: ServiceCode) {
  const at = (name: string) =>
    new URL(code === 'dist' ? `../dist/${name}.js` : `../src/${name}.ts`, import.meta.url).href;
  const [root, config, logging] = await Promise.all([
    import(at('composition-root')) as Promise<typeof import('../src/composition-root.ts')>,
    import(at('config/env')) as Promise<typeof import('../src/config/env.ts')>,
    import(at('shared/logger')) as Promise<typeof import('../src/shared/logger.ts')>,
  ]);
  return { createServices: root.createServices, loadEnv: config.loadEnv, createLogger: logging.createLogger };
}

/**
 * Runs the whole service pipeline on the local adapters (inbox folder → read → classify → extract →
 * SQLite warehouse → class folder) over every PDF in `inputDir`, as `npm start` would.
 */
export async function runEndToEnd(
  inputDir: string,
  workDir: string,
  {
    env = {},
    limit,
    warmUpDir,
    code = 'src',
  }: {
    env?: Record<string, string>;
    code?: ServiceCode;
    limit?: number;
    /**
     * Documents processed first, unmeasured, by the same pipeline (its reading and extraction threads warm up
     * as a running service's do). A corpus of its own: the measured documents must not be duplicates of them.
     */
    warmUpDir?: string;
  } = {},
) {
  const { createServices, loadEnv, createLogger } = await serviceModules(code);
  const inbox = path.join(workDir, 'inbox');
  await fs.rm(workDir, { recursive: true, force: true });
  await fs.mkdir(inbox, { recursive: true });
  const config = loadEnv({
    INBOX_DIR: inbox,
    DATA_DIR: path.join(workDir, 'data'),
    LOCAL_SETTLE_MS: '0',
    LOG_LEVEL: 'ERROR',
    ...env,
  });
  const services = await createServices(config, { logger: createLogger({ level: 'ERROR' }) });
  await services.source.ensureFolders();
  if (warmUpDir) {
    await copyPdfs(warmUpDir, inbox);
    await Promise.all((await services.source.listInbox()).map((f) => services.queue.submit(f)));
  }
  await copyPdfs(inputDir, inbox, limit);
  const files = await services.source.listInbox();
  const rss = sampleRss();
  const cpuAtStart = process.cpuUsage();
  const started = performance.now();
  const outcomes = await Promise.all(files.map((f) => services.queue.submit(f)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const ocrWorkers = (await services.pipeline()).ocr.concurrency;
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
    cpuMsPerDocument: (cpu.user + cpu.system) / 1000 / Math.max(1, files.length),
    ocrWorkers,
  } satisfies EndToEndFigures;
}

async function copyPdfs(fromDir: string, toDir: string, limit?: number): Promise<void> {
  const names = (await fs.readdir(fromDir)).filter((n) => n.endsWith('.pdf')).sort();
  for (const name of names.slice(0, limit))
    await fs.copyFile(path.join(fromDir, name), path.join(toDir, name));
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
