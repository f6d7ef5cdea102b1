import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './built.ts';
import { measureColdStart } from './cold-start.ts';
import { corpus } from './corpus.ts';
import { benchEmbeddedXml } from './embedded-xml.ts';
import { type EndToEndFigures, runEndToEnd } from './end-to-end.ts';
import { type ImageRuntime, imageRuntime } from './image-runtime.ts';
import type { ReadBenchFigures } from './read.ts';

/**
 * `npm run bench`: the numbers the issues ask for, printed.
 *  - digital invoices end to end on the local adapters (docs/s, p50/p95 per document, peak RSS);
 *  - scanned invoices end to end (seconds per OCR page, peak RSS with the OCR pool busy), on the compiled
 *    service in a process started as the image starts it;
 *  - the cold start: `node dist/main.js` to its first 200 on /readyz;
 *  - the read stage against native baselines (pdftotext, tesseract CLI) on the same inputs, as ratios.
 * Corpora are generated with seeds used nowhere else and cached under .corpus/.
 * `npm run bench -- --scale` runs only the scale bench (bench/scale.ts), with options of its own.
 */
const SCALE = process.argv.includes('--scale');
const { values } = parseArgs({
  args: SCALE ? [] : process.argv.slice(2),
  options: {
    digital: { type: 'string', default: '200' },
    scanned: { type: 'string', default: '40' },
    'ocr-pages': { type: 'string', default: '16' },
    'no-native': { type: 'boolean', default: false },
  },
});
const DIGITAL = Number(values.digital);
/** Digital invoices of a corpus of their own processed once, unmeasured, by the measured pipeline first. */
const WARM_UP_DOCUMENTS = 40;
const SCANNED = Number(values.scanned);
/** Starts of `node dist/main.js` timed to /readyz; the median is printed. */
const COLD_STARTS = 5;

/**
 * The read-stage comparison in a process of its own: after the end-to-end runs this process keeps their
 * heaps (V8, mupdf's WASM memory, the allocator's arenas), which would count in the read stage's peak RSS.
 */
function readBenchInChild(dir: string, scans: number, native: boolean): ReadBenchFigures {
  const script = fileURLToPath(new URL('./read.ts', import.meta.url));
  const args = [dir, '--scans', String(scans), '--workers', '2', '--json'];
  if (!native) args.push('--no-native');
  const run = spawnSync(process.execPath, [...process.execArgv, script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const json = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !json.startsWith('{'))
    throw new Error(`bench/read.ts falló (código ${run.status})`);
  return JSON.parse(json) as ReadBenchFigures;
}

/**
 * An end-to-end pass in a process of its own on the compiled service, started with the image's node flags and
 * allocator settings: its peak RSS is an instance's, without this process's earlier runs or tsx's loader.
 */
function instanceRunInChild(dir: string, workDir: string, image: ImageRuntime): EndToEndFigures {
  const script = fileURLToPath(new URL('./instance-run.ts', import.meta.url));
  const run = spawnSync(process.execPath, [...image.nodeArgs, script, dir, workDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, ...image.env },
  });
  const json = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !json.startsWith('{'))
    throw new Error(`bench/instance-run.ts falló (código ${run.status})`);
  return JSON.parse(json) as EndToEndFigures;
}

const mb = (n: number) => `${n} MB`;
const fixed = (n: number, d = 1) => n.toFixed(d);

async function main() {
  process.stdout.write(`clasificador-facturas bench · ${os.cpus().length} cores · node ${process.version}\n`);
  const digitalDir = await corpus('digital', DIGITAL, 880_001, 0);
  const warmUpDir = await corpus('warm-up', WARM_UP_DOCUMENTS, 880_003, 0);
  const scannedDir = await corpus('scanned', SCANNED, 880_002, 1);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-bench-'));

  // A service runs all day: the figure is its steady pace, once the pipeline — its main thread and its reading
  // and extraction threads — has compiled and warmed its code on a first pass of other invoices (a fresh
  // pipeline's pace on that pass is printed too, as the cold start's).
  const cold = await runEndToEnd(warmUpDir, path.join(work, 'warm-up'));
  const digital = await runEndToEnd(digitalDir, path.join(work, 'digital'), { warmUpDir });
  process.stdout.write(
    `digital end to end: ${digital.documents} docs in ${fixed(digital.seconds, 2)} s = ${fixed(digital.docsPerSecond)} docs/s ` +
      `(target ≥ 50) · p50 ${fixed(digital.p50Ms)} ms · p95 ${fixed(digital.p95Ms)} ms · ` +
      `CPU ${fixed(digital.cpuMsPerDocument)} ms/doc (all threads) · peak RSS ${mb(digital.peakRssMb)} · ` +
      `outcomes ${JSON.stringify(digital.outcomes)} · cold first pass (${cold.documents} docs) ` +
      `${fixed(cold.docsPerSecond)} docs/s\n`,
  );

  ensureBuilt();
  const image = imageRuntime();
  const scanned = instanceRunInChild(scannedDir, path.join(work, 'scanned'), image);
  process.stdout.write(
    `scanned end to end: ${scanned.documents} docs, ${scanned.ocrPages} OCR pages in ${fixed(scanned.seconds)} s = ` +
      `${fixed(scanned.secondsPerOcrPage ?? 0, 2)} s/page · p50 ${fixed(scanned.p50Ms / 1000, 2)} s/doc · ` +
      `p95 ${fixed(scanned.p95Ms / 1000, 2)} s/doc · peak RSS with the OCR pool busy ${mb(scanned.peakRssMb)} ` +
      `(target ≤ 450 MB; ${scanned.ocrWorkers} OCR workers; the compiled service as the image runs it: ` +
      `${[...Object.entries(image.env).map(([k, v]) => `${k}=${v}`), 'node', ...image.nodeArgs].join(' ')}) · ` +
      `outcomes ${JSON.stringify(scanned.outcomes)}\n`,
  );
  const coldStart = await measureColdStart(image, COLD_STARTS);
  process.stdout.write(
    `cold start: node dist/main.js answers /readyz in ${fixed(coldStart.medianMs, 0)} ms (target ≤ 1000 ms; ` +
      `median of ${COLD_STARTS} starts, ${fixed(coldStart.startsMs[0] ?? 0, 0)}–` +
      `${fixed(coldStart.startsMs.at(-1) ?? 0, 0)} ms; embedded default, empty inbox)\n`,
  );

  const xml = await benchEmbeddedXml(digitalDir);
  process.stdout.write(
    `embedded XML: ${xml.documents} digital invoices read and extracted on one thread · text layer only ` +
      `${fixed(xml.textOnlyMsPerDocument)} ms/doc · with a Factur-X attachment ${fixed(xml.withXmlMsPerDocument)} ms/doc ` +
      `(${xml.fromXml}/${xml.documents} numbers from the XML)\n`,
  );

  const read = readBenchInChild(digitalDir, Number(values['ocr-pages']), !values['no-native']);
  const d = read.digital;
  process.stdout.write(
    `text layer: ${fixed(d.msPerPage, 2)} ms/page` +
      (d.pdftotextMsPerPage
        ? ` · pdftotext ${fixed(d.pdftotextMsPerPage, 2)} ms/page · ratio ${fixed(d.msPerPage / d.pdftotextMsPerPage, 2)}×\n`
        : ' · pdftotext not installed\n'),
  );
  const s = read.scanned;
  process.stdout.write(
    `OCR (same page images): ours ${fixed(s.secondsPerPage, 2)} s/page, word recall ${fixed(s.recall * 100)}%` +
      (s.native
        ? ` · tesseract CLI ${fixed(s.native.secondsPerPage, 2)} s/page, recall ${fixed(s.native.recall * 100)}% · ` +
          `ratio ${fixed(s.secondsPerPage / s.native.secondsPerPage, 2)}× (target ≤ 1.2×)`
        : ' · tesseract CLI not installed') +
      ` · peak RSS with the pool busy ${mb(s.peakRssBusyMb)}\n`,
  );
  await fs.rm(work, { recursive: true, force: true });
}

async function scale(): Promise<void> {
  const { runScaleBench } = await import('./scale.ts');
  process.exit(await runScaleBench(process.argv.slice(2).filter((arg) => arg !== '--scale')));
}

(SCALE ? scale() : main()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
