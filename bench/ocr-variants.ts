import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { defaultReadOptions } from '../src/stages/read/options.ts';
import { readPdf } from '../src/stages/read/read-pdf.ts';
import { Random } from '../tools/corpus/random.ts';
import { scanPdf } from '../tools/corpus/scan.ts';
import { meanRecall } from './recall.ts';

/**
 * OCR choices compared with the native `tesseract` CLI (the numbers in docs/ocr-models.md): model, resolution,
 * segmentation and preprocessing, each as s/page with 2 processes and word recall against the digital originals.
 *
 *   npx tsx bench/ocr-variants.ts DIR-WITH-DIGITAL-PDFS [COUNT] [VARIANTS.json]
 *
 * A variant is `{ name, scale, args, filter? }`: the scan's 200 dpi page image is scaled by `scale` (and
 * filtered by `filter`, ImageMagick options) before `tesseract IMAGE - --dpi 200×scale ...args`. Needs
 * poppler-utils (pdfimages), imagemagick (convert), tesseract-ocr and tesseract-ocr-spa.
 */
interface Variant {
  name: string;
  scale: number;
  args: string[];
  filter?: string;
}

const FAST = ['-l', 'spa', '--oem', '1'];
const DEFAULT_VARIANTS: Variant[] = [
  { name: 'fast 200 dpi PSM 11', scale: 1, args: [...FAST, '--psm', '11'] },
  { name: 'fast 300 dpi PSM 11', scale: 1.5, args: [...FAST, '--psm', '11'] },
  { name: 'fast 200 dpi PSM 3', scale: 1, args: [...FAST, '--psm', '3'] },
  { name: 'fast 200 dpi PSM 6', scale: 1, args: [...FAST, '--psm', '6'] },
  { name: 'fast 200 dpi Sauvola', scale: 1, args: [...FAST, '--psm', '11', '-c', 'thresholding_method=2'] },
  { name: 'fast 200 dpi median 3', scale: 1, filter: '-median 3', args: [...FAST, '--psm', '11'] },
  {
    name: 'fast 200 dpi adaptive Otsu',
    scale: 1,
    args: [...FAST, '--psm', '11', '-c', 'thresholding_method=1'],
  },
];

/** The packaged best_int network, unzipped for the CLI, at 200 and 300 dpi. */
function bestIntVariants(work: string): Variant[] {
  const dir = path.join(work, 'best_int');
  fs.mkdirSync(dir, { recursive: true });
  const gz = path.resolve('node_modules/@tesseract.js-data/spa/4.0.0_best_int/spa.traineddata.gz');
  fs.writeFileSync(path.join(dir, 'spa.traineddata'), zlib.gunzipSync(fs.readFileSync(gz)));
  const args = [...FAST, '--psm', '11', '--tessdata-dir', dir];
  return [
    { name: 'best_int 200 dpi PSM 11', scale: 1, args },
    { name: 'best_int 300 dpi PSM 11', scale: 1.5, args },
  ];
}

async function main(): Promise<void> {
  const [dir, countArg, variantsFile] = process.argv.slice(2);
  if (!dir) throw new Error('usage: npx tsx bench/ocr-variants.ts DIR [COUNT] [VARIANTS.json]');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-variants-'));
  const variants: Variant[] = variantsFile
    ? JSON.parse(fs.readFileSync(variantsFile, 'utf8'))
    : [...DEFAULT_VARIANTS, ...bestIntVariants(work)];
  try {
    const { truth, pages } = await scanCorpus(dir, Number(countArg ?? 16), work);
    for (const variant of variants) {
      const { secondsPerPage, texts } = await runVariant(variant, pages, work);
      const perDoc = truth.map((_, d) => pages.map((p, i) => (p.doc === d ? texts[i] : '')).join('\n'));
      const mean = meanRecall(truth, perDoc);
      console.log(
        `${variant.name.padEnd(28)} ${secondsPerPage.toFixed(3)} s/page  recall ${(mean * 100).toFixed(2)}%`,
      );
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Scans of the first `count` PDFs (seeded), their page images as JPEG, and the originals' text. */
async function scanCorpus(dir: string, count: number, work: string) {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .slice(0, count);
  const random = new Random(777);
  const truth: string[] = [];
  const pages: { doc: number; jpg: string }[] = [];
  for (const [doc, file] of files.entries()) {
    const bytes = fs.readFileSync(path.join(dir, file));
    truth.push((await readPdf(bytes, defaultReadOptions, null)).document.text);
    const scan = path.join(work, `d${doc}.pdf`);
    fs.writeFileSync(scan, await scanPdf(bytes, random.fork(doc)));
    execFileSync('pdfimages', ['-j', scan, path.join(work, `d${doc}`)]);
    for (const jpg of fs
      .readdirSync(work)
      .filter((f) => f.startsWith(`d${doc}-`) && f.endsWith('.jpg'))
      .sort())
      pages.push({ doc, jpg: path.join(work, jpg) });
  }
  return { truth, pages };
}

async function runVariant(variant: Variant, pages: { jpg: string }[], work: string) {
  const images = pages.map((page, i) => {
    const image = path.join(work, `v${i}.pgm`);
    const filter = variant.filter ? variant.filter.split(' ') : [];
    execFileSync('convert', [page.jpg, ...filter, '-resize', `${variant.scale * 100}%`, image]);
    return image;
  });
  const texts: string[] = new Array(pages.length).fill('');
  const dpi = String(Math.round(200 * variant.scale));
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < images.length) {
      const i = next++;
      texts[i] = await tesseract([images[i]!, '-', '--dpi', dpi, ...variant.args]);
    }
  };
  await Promise.all([lane(), lane()]);
  return { secondsPerPage: (performance.now() - started) / 1000 / pages.length, texts };
}

function tesseract(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', args, {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
