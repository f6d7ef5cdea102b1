import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { loadEnv } from '../src/config/env.ts';
import { type GrayImage, toPgm } from '../src/stages/read/gray-image.ts';
import { modelFile } from '../src/stages/read/lang-data.ts';
import { createOcrEngine } from '../src/stages/read/ocr-engine.ts';
import type { OcrEngine } from '../src/stages/read/ocr-types.ts';
import { defaultReadOptions } from '../src/stages/read/options.ts';
import { readPdf } from '../src/stages/read/read-pdf.ts';
import { Random } from '../tools/corpus/random.ts';
import { scanPdf } from '../tools/corpus/scan.ts';
import { meanRecall } from './recall.ts';
import { sampleRss } from './rss.ts';

/**
 * Read-stage benchmark: text-layer ms/page against `pdftotext`, and OCR seconds/page with the pool busy
 * against the `tesseract` CLI on the very same page images (same resolution, same parallelism), with word
 * recall of both against the digital originals, and peak RSS.
 *
 *   npx tsx bench/read.ts [dir-with-digital-pdfs] [--scans N] [--workers N] [--no-deskew] [--keep-specks]
 *     [--no-native] [--json]
 *
 * Scanned inputs are made from the digital PDFs (200 dpi, ±1.5°, noise, JPEG: tools/corpus/scan.ts), so
 * the original text layer is the ground truth. Native baselines need poppler-utils, tesseract-ocr and
 * tesseract-ocr-spa; without them those lines say so.
 */

export interface ReadBenchFigures {
  digital: { files: number; pages: number; msPerPage: number; pdftotextMsPerPage: number | null };
  scanned: {
    pages: number;
    /** Wall time with the pool busy, divided by pages. */
    secondsPerPage: number;
    /** CPU time (all threads) per page: stable when other work shares the cores. */
    cpuSecondsPerPage: number;
    recall: number;
    native: NativeFigures | null;
    nativeSameModels: NativeFigures | null;
    /** Peak RSS (main thread + OCR worker threads) while the pool was busy. */
    peakRssBusyMb: number;
  };
  peakRssMb: number;
}

interface NativeFigures {
  secondsPerPage: number;
  cpuSecondsPerPage: number;
  recall: number;
}

const THIS_FILE = fileURLToPath(import.meta.url);
const MAKE_SCANS = '--make-scans';
const DOCUMENTS_IN_FLIGHT = loadEnv({
  PROCESS_CONCURRENCY: process.env.PROCESS_CONCURRENCY,
}).PROCESS_CONCURRENCY;

const DEFAULT_DIR =
  [path.resolve('../shared/real-invoices/afip-ar'), '/work/shared/real-invoices/afip-ar'].find((d) =>
    fs.existsSync(d),
  ) ?? 'samples';
/** What our engine recognises by default (src/stages/read/ocr-engine.ts): the baseline gets the same. */
const LANGUAGES = 'spa';

export interface ReadBenchOptions {
  scans: number;
  workers: number;
  deskew: boolean;
  removeSpecks: boolean;
  native: boolean;
}

export async function runReadBench(dir: string, options: ReadBenchOptions): Promise<ReadBenchFigures> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((f) => path.join(dir, f));
  const rss = sampleRss();
  const digital = await benchDigital(files);
  const scanned = await benchScanned(files.slice(0, options.scans), options);
  return { digital, scanned, peakRssMb: rss.stop() };
}

async function benchDigital(files: string[]) {
  const inputs = files.map((f) => fs.readFileSync(f));
  for (const bytes of inputs) await readPdf(bytes, defaultReadOptions, null); // warm-up: fonts, WASM
  let pages = 0;
  const started = performance.now();
  for (const bytes of inputs) pages += (await readPdf(bytes, defaultReadOptions, null)).pages.count;
  const msPerPage = (performance.now() - started) / pages;
  let pdftotextMsPerPage: number | null = null;
  if (has('pdftotext')) {
    const nativeStarted = performance.now();
    for (const file of files)
      spawnSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    pdftotextMsPerPage = (performance.now() - nativeStarted) / pages;
  }
  return { files: files.length, pages, msPerPage, pdftotextMsPerPage };
}

async function benchScanned(
  files: string[],
  { workers, deskew, removeSpecks, native: withNative }: ReadBenchOptions,
) {
  const originals = await Promise.all(
    files.map((f) => readPdf(fs.readFileSync(f), defaultReadOptions, null)),
  );
  const truth = originals.map((o) => o.document.text);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-read-'));
  const scans = makeScans(files, path.join(tmp, 'scans'));
  const engine = await createOcrEngine({ workers, cacheDir: tmp, deskew, removeSpecks });
  const captured: Captured[] = [];
  try {
    // Warm the workers up (language data load) outside the measurement.
    await readPdf(fs.readFileSync(scans[0]!), defaultReadOptions, engine);
    if (workers > 1)
      await Promise.all(
        scans.slice(0, workers).map((s) => readPdf(fs.readFileSync(s), defaultReadOptions, engine)),
      );
    const busyRss = sampleRss();
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    // As many documents in flight as the service reads at once (PROCESS_CONCURRENCY), each read from disk when
    // its turn comes: what the process holds is what the service would.
    const results = await mapBounded(scans, DOCUMENTS_IN_FLIGHT, (scan, doc) =>
      readPdf(fs.readFileSync(scan), defaultReadOptions, capturing(engine, captured, doc, tmp)),
    );
    const seconds = (performance.now() - started) / 1000;
    const peakRssBusyMb = busyRss.stop();
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const pages = results.reduce((sum, r) => sum + r.pages.ocr, 0);
    const recall = meanRecall(
      truth,
      results.map((r) => r.document.text),
    );

    let native: NativeFigures | null = null;
    let nativeSameModels: NativeFigures | null = null;
    if (withNative && has('tesseract')) {
      native = await runNative(captured, workers, truth, null);
      const ours = ourModels(tmp);
      // Debian's tesseract-ocr-spa is the same tessdata_fast file we ship: running it twice measures nothing.
      if (!sameAsSystemModels(ours)) nativeSameModels = await runNative(captured, workers, truth, ours);
    }
    const perPage = (value: number) => value / Math.max(1, pages);
    return {
      pages,
      secondsPerPage: perPage(seconds),
      cpuSecondsPerPage: perPage(cpuSeconds),
      recall,
      native,
      nativeSameModels,
      peakRssBusyMb,
    };
  } finally {
    await engine.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The scanned inputs, written to `dir` by a child process: making them (rendering, blurring, JPEG) leaves
 * mupdf's WASM heap and the allocator larger for good, which the service never pays for.
 */
function makeScans(files: string[], dir: string): string[] {
  const made = spawnSync(process.execPath, [...process.execArgv, THIS_FILE, MAKE_SCANS, dir, ...files], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (made.status !== 0) throw new Error(`No se pudieron generar los escaneos (código ${made.status})`);
  return files.map((_, i) => scanFile(dir, i));
}

async function writeScans(dir: string, files: string[]): Promise<void> {
  const random = new Random(20261125);
  fs.mkdirSync(dir, { recursive: true });
  for (const [i, file] of files.entries())
    fs.writeFileSync(scanFile(dir, i), await scanPdf(fs.readFileSync(file), random));
}

function scanFile(dir: string, index: number): string {
  return path.join(dir, `scan-${String(index).padStart(3, '0')}.pdf`);
}

/** `run` over every item, at most `limit` at a time; results in input order. */
async function mapBounded<T, R>(items: T[], limit: number, run: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** The engine, recording every page image it is handed (to give native tesseract the same pixels). */
interface Captured {
  file: string;
  dpi: number;
  doc: number;
}

/** Written to disk at once so that the benchmark's own copies do not count in the peak RSS. */
function capturing(engine: OcrEngine, into: Captured[], doc: number, tmp: string) {
  return {
    ...engine,
    concurrency: engine.concurrency,
    recognize(image: GrayImage, signal?: AbortSignal, hints?: { dpi?: number }) {
      const file = path.join(tmp, `page-${String(into.length).padStart(3, '0')}.pgm`);
      fs.writeFileSync(file, toPgm(image));
      into.push({ file, dpi: hints?.dpi ?? 300, doc });
      return engine.recognize(image, signal, hints);
    },
  } satisfies OcrEngine;
}

/** `tesseract` on every image, `parallel` processes at a time, one thread each (like our workers). */
async function runNative(
  images: { file: string; dpi: number; doc: number }[],
  parallel: number,
  truth: string[],
  tessdataDir: string | null,
): Promise<NativeFigures> {
  const texts: string[] = new Array(images.length).fill('');
  const started = performance.now();
  let cpuSeconds = 0;
  let next = 0;
  const lane = async () => {
    while (next < images.length) {
      const i = next++;
      const { file, dpi } = images[i]!;
      const args = [file, '-', '-l', LANGUAGES, '--dpi', String(dpi), '--oem', '1'];
      if (tessdataDir) args.push('--tessdata-dir', tessdataDir);
      const result = await runTimed('tesseract', args, { OMP_THREAD_LIMIT: '1' });
      texts[i] = result.stdout;
      cpuSeconds += result.cpuSeconds;
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  const seconds = (performance.now() - started) / 1000;
  const perDoc = truth.map((_, doc) =>
    images
      .map((image, i) => (image.doc === doc ? texts[i] : ''))
      .filter(Boolean)
      .join('\n'),
  );
  const count = Math.max(1, images.length);
  return {
    secondsPerPage: seconds / count,
    cpuSecondsPerPage: cpuSeconds / count,
    recall: meanRecall(truth, perDoc),
  };
}

/** The models our engine loads, unzipped for the native CLI: the same models on both sides. */
function ourModels(tmp: string): string {
  const dir = path.join(tmp, 'tessdata-native');
  fs.mkdirSync(dir, { recursive: true });
  for (const lang of LANGUAGES.split('+')) {
    fs.writeFileSync(
      path.join(dir, `${lang}.traineddata`),
      zlib.gunzipSync(fs.readFileSync(modelFile(lang))),
    );
  }
  return dir;
}

function sameAsSystemModels(dir: string): boolean {
  const system = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata'];
  return LANGUAGES.split('+').every((lang) => {
    const ours = fs.readFileSync(path.join(dir, `${lang}.traineddata`));
    return system.some((d) => {
      const file = path.join(d, `${lang}.traineddata`);
      return fs.existsSync(file) && fs.readFileSync(file).equals(ours);
    });
  });
}

/** Runs a command under bash and reads its CPU time (user + system) from bash's `times`. */
function runTimed(command: string, args: string[], env: Record<string, string>) {
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return new Promise<{ stdout: string; cpuSeconds: number }>((resolve, reject) => {
    const child = spawn('bash', ['-c', `${quoted} 2>/dev/null; echo '@@times'; times`], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', () => {
      const [stdout = '', times = ''] = out.split('@@times\n');
      // Second line of `times`: the children's user and system time.
      const child = times.trim().split('\n')[1] ?? '';
      const seconds = [...child.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
        (sum, m) => sum + Number(m[1]) * 60 + Number(m[2]),
        0,
      );
      resolve({ stdout, cpuSeconds: seconds });
    });
  });
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function print(f: ReadBenchFigures, workers: number, nativeAsked: boolean): void {
  const ratio = (ours: number, native: number | null | undefined) =>
    native ? `${(ours / native).toFixed(2)}× nativo` : 'sin línea base (no instalado)';
  const s = f.scanned;
  const d = f.digital;
  console.log(
    `Lectura — ${d.files} PDF digitales (${d.pages} págs.), ${s.pages} págs. escaneadas (${LANGUAGES})`,
  );
  console.log(
    `  capa de texto: ${d.msPerPage.toFixed(2)} ms/pág · pdftotext ${d.pdftotextMsPerPage?.toFixed(2) ?? '—'} ms/pág · ${ratio(d.msPerPage, d.pdftotextMsPerPage)}`,
  );
  console.log(
    `  OCR tesseract.js (${workers} workers ocupados): ${s.secondsPerPage.toFixed(2)} s/pág reloj, ${s.cpuSecondsPerPage.toFixed(2)} s/pág CPU, recall ${pct(s.recall)}`,
  );
  const line = (label: string, n: NativeFigures) =>
    console.log(
      `  ${label}: ${n.secondsPerPage.toFixed(2)} s/pág reloj, ${n.cpuSecondsPerPage.toFixed(2)} s/pág CPU, recall ${pct(n.recall)} · nosotros ${ratio(s.secondsPerPage, n.secondsPerPage)} (reloj), ${ratio(s.cpuSecondsPerPage, n.cpuSecondsPerPage)} (CPU)`,
    );
  if (s.native) line(`tesseract CLI (modelos Debian, ${workers} procesos)`, s.native);
  else if (!nativeAsked) console.log('  tesseract CLI: omitido (--no-native)');
  else console.log('  tesseract CLI: no instalado (apt-get install tesseract-ocr tesseract-ocr-spa)');
  if (s.nativeSameModels) line('tesseract CLI (nuestros modelos)', s.nativeSameModels);
  else if (s.native) console.log('  (los modelos de Debian son los mismos que usamos: tessdata_fast)');
  console.log(
    `  RSS pico: ${s.peakRssBusyMb} MB con el pool de OCR ocupado, ${f.peakRssMb} MB en toda la corrida`,
  );
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  const args = process.argv.slice(2);
  if (args[0] === MAKE_SCANS) {
    const [, dir, ...files] = args;
    await writeScans(dir!, files);
  } else {
    const option = (name: string, fallback: number) => {
      const i = args.indexOf(name);
      return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
    };
    const scans = option('--scans', 8);
    const workers = option('--workers', Math.min(2, os.availableParallelism()));
    const json = args.includes('--json');
    const dir = args.find((a) => !a.startsWith('--')) ?? DEFAULT_DIR;
    const native = !args.includes('--no-native');
    const figures = await runReadBench(dir, {
      scans,
      workers,
      deskew: !args.includes('--no-deskew'),
      removeSpecks: !args.includes('--keep-specks'),
      native,
    });
    print(figures, workers, native);
    if (json) console.log(JSON.stringify(figures));
  }
}
