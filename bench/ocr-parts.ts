import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import Tesseract from 'tesseract.js';
import { estimateSkewDegrees, MIN_DESKEW_DEGREES, rotateGray } from '../src/stages/read/deskew.ts';
import { flattenBackground } from '../src/stages/read/flatten-background.ts';
import { toPgm } from '../src/stages/read/gray-image.ts';
import { invertDarkBands } from '../src/stages/read/invert-bands.ts';
import { prepareLanguageFolder } from '../src/stages/read/lang-data.ts';
import { readQrCodes } from '../src/stages/read/qr-scan.ts';
import { renderGray } from '../src/stages/read/rasterize.ts';
import { removeSpecks } from '../src/stages/read/remove-specks.ts';

/**
 * Where OCR time goes, page by page, on one core (no pool, nothing else running):
 *
 *   npx tsx bench/ocr-parts.ts [DIR-WITH-SCANNED-PDFS] [PAGES] [--keep-specks]
 *
 * the main thread's page preparation, step by step (as ocr-engine.ts runs it), then recognition alone by
 * tesseract.js (PSM 11, as configured) and by the `tesseract` CLI (its default PSM 3, and PSM 11) on the very
 * same prepared PGM files. Default input: the bench's scanned corpus (`npm run bench` makes it).
 */
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const keepSpecks = process.argv.includes('--keep-specks');
const dir = path.resolve(positional[0] ?? '.corpus/bench-scanned-880002-40');
const count = Number(positional[1] ?? 10);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.pdf'))
  .sort()
  .slice(0, count);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-parts-'));
const steps = { render: 0, skew: 0, rotate: 0, qr: 0, bands: 0, panels: 0, specks: 0 };
const prepared: string[] = [];
const timed = <T>(step: keyof typeof steps, run: () => T): T => {
  const started = performance.now();
  const result = run();
  steps[step] += performance.now() - started;
  return result;
};

for (const name of files) {
  const document = mupdf.Document.openDocument(fs.readFileSync(path.join(dir, name)), 'application/pdf');
  const page = document.loadPage(0);
  const image = timed('render', () => renderGray(page, 200));
  const skew = timed('skew', () => estimateSkewDegrees(image));
  const level = timed('rotate', () =>
    Math.abs(skew) >= MIN_DESKEW_DEGREES ? rotateGray(image, skew) : image,
  );
  timed('qr', () => readQrCodes(level, 200));
  const owned = level !== image;
  const banded = timed('bands', () => invertDarkBands(level, { inPlace: owned }).image);
  const flattened = timed('panels', () => flattenBackground(banded, { inPlace: owned }));
  const straight = keepSpecks
    ? flattened
    : timed('specks', () => removeSpecks(flattened, { inPlace: flattened !== image }));
  const file = path.join(work, name.replace(/\.pdf$/, '.pgm'));
  fs.writeFileSync(file, toPgm(straight));
  prepared.push(file);
  page.destroy();
  document.destroy();
}
const perPage = (ms: number) => `${(ms / prepared.length).toFixed(0)} ms`;
const total = Object.values(steps).reduce((a, b) => a + b, 0);
console.log(`${prepared.length} pages from ${dir}`);
console.log(
  `preparation (main thread): ${perPage(total)}/page — ` +
    Object.entries(steps)
      .map(([step, ms]) => `${step} ${perPage(ms)}`)
      .join(', '),
);

const langPath = await prepareLanguageFolder(work, ['spa', 'eng']);
const worker = await Tesseract.createWorker(['spa'], Tesseract.OEM.LSTM_ONLY, {
  langPath,
  gzip: true,
  cacheMethod: 'none',
});
const parameters = { tessedit_pageseg_mode: '11', tessedit_do_invert: '0', user_defined_dpi: '200' };
await worker.recognize(fs.readFileSync(prepared[0]!).buffer as unknown as Buffer, parameters as never); // warm-up
let started = performance.now();
for (const file of prepared)
  await worker.recognize(
    fs.readFileSync(file).buffer as unknown as Buffer,
    parameters as never,
    {
      text: false,
      blocks: false,
      tsv: true,
    } as never,
  );
const ours = (performance.now() - started) / prepared.length;
await worker.terminate();
console.log(`recognition, tesseract.js (PSM 11): ${ours.toFixed(0)} ms/page`);

if (spawnSync('sh', ['-c', 'command -v tesseract'], { stdio: 'ignore' }).status === 0) {
  for (const psm of ['3', '11']) {
    started = performance.now();
    for (const file of prepared)
      execFileSync('tesseract', [file, '-', '-l', 'spa', '--dpi', '200', '--oem', '1', '--psm', psm], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
    const cli = (performance.now() - started) / prepared.length;
    console.log(
      `recognition, tesseract CLI (PSM ${psm}, model loaded per page): ${cli.toFixed(0)} ms/page · ` +
        `tesseract.js ${(ours / cli).toFixed(2)}×`,
    );
  }
} else console.log('tesseract CLI: not installed (apt-get install tesseract-ocr tesseract-ocr-spa)');
fs.rmSync(work, { recursive: true, force: true });
