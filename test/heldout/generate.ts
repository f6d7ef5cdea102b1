import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Canvas } from './draw.ts';
import { buildInvoice, truthInvoice } from './invoice.ts';
import { totalsBand } from './layout-band.ts';
import { ruledCells, ruledCellsContinued } from './layout-cells.ts';
import { continued } from './layout-continued.ts';
import type { Layout, LayoutStyle } from './layout-kit.ts';
import { receipt } from './layout-receipt.ts';
import { letterhead, ruledGrid } from './layouts-a.ts';
import { letter, quoteLike } from './layouts-b.ts';
import { qrRng, stampLookupQr } from './qr.ts';
import { createRng, type Rng } from './random.ts';
import { scanPdf } from './scan.ts';

/**
 * Held-out invoice generator, independent of tools/corpus (own layouts, labels and vocabulary), used only to
 * measure generalisation. Writes `<id>.pdf` and `<id>.json` (output-contract shape plus `meta`).
 *
 *   npx tsx test/heldout/generate.ts --out DIR --count N --seed S [--scanned 0..1] [--layout NAME[,NAME]]
 */
export const LAYOUTS: readonly Layout[] = [
  letterhead,
  ruledGrid,
  quoteLike,
  letter,
  receipt,
  totalsBand,
  continued,
  ruledCells,
  ruledCellsContinued,
];

export interface GeneratedFile {
  id: string;
  layout: string;
  classCode: 0 | 1;
  scanned: boolean;
}

export interface HeldoutOptions {
  outDir: string;
  count: number;
  seed: number;
  /** Share of invoices turned into image-only scans (they need OCR). */
  scannedRatio?: number;
  /** Only these layouts (by name), in turn; all of them when absent. */
  layouts?: readonly string[];
}

export async function generateHeldout(options: HeldoutOptions) {
  await mkdir(options.outDir, { recursive: true });
  const rng = createRng(options.seed);
  const files: GeneratedFile[] = [];
  const layouts = options.layouts ? LAYOUTS.filter((l) => options.layouts!.includes(l.name)) : LAYOUTS;
  if (layouts.length === 0) throw new Error(`Diseños desconocidos: ${options.layouts?.join(', ')}`);
  for (let i = 0; i < options.count; i++) {
    const layout = layouts[i % layouts.length]!;
    const classCode: 0 | 1 = rng.chance(0.5) ? 1 : 0;
    const id = `ho${options.seed}-${String(i).padStart(4, '0')}`;
    const scanned = rng.next() < (options.scannedRatio ?? 0);
    const { pdf, truth } = await renderOne(rng, layout, classCode, scanned, qrRng(options.seed, i));
    await writeFile(path.join(options.outDir, `${id}.pdf`), pdf);
    await writeFile(
      path.join(options.outDir, `${id}.json`),
      `${JSON.stringify({ file: `${id}.pdf`, ...truth }, null, 2)}\n`,
    );
    files.push({ id, layout: layout.name, classCode, scanned });
  }
  return files;
}

async function renderOne(rng: Rng, layout: Layout, classCode: 0 | 1, scanned: boolean, qrStream: Rng) {
  const invoice = buildInvoice(rng, classCode, layout.codes, layout.long);
  const style: LayoutStyle = {
    money: rng.pick(['dollar-cents', 'dollar-plain', 'bare-cents', 'cop-suffix'] as const),
    date: rng.pick(['dmy-slash', 'iso', 'dmy-dash-month', 'spelled'] as const),
    dottedNit: rng.chance(0.6),
    variant: rng.int(0, 2),
  };
  const doc = await PDFDocument.create();
  doc.setProducer('heldout-generator');
  const size = layout.pageSize ?? [612, 792];
  const page = doc.addPage(size);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const addPage = () => new Canvas(doc.addPage(size), fonts);
  const printed = layout.draw(new Canvas(page, fonts), invoice, style, addPage);
  const stamped = await stampLookupQr(await doc.save(), printed.cufe ? invoice.cufe : null, qrStream);
  const digital = stamped.pdf;
  const pdf = scanned ? await scanPdf(digital, rng) : digital;
  const truth = {
    status: 'processed',
    error: null,
    classification: {
      label: classCode === 1 ? 'preventiva' : 'correctiva',
      class: classCode,
      confidence: 1,
      model: 'truth',
    },
    invoice: truthInvoice(invoice, printed),
    confidence: {},
    validation: { ok: true, issues: [] },
    pages: { count: doc.getPageCount(), ocr: scanned ? doc.getPageCount() : 0 },
    timings: {},
    meta: { scanned, layout: layout.name, style, qr: stamped.payload ? 'url' : null },
  };
  return { pdf, truth };
}

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]) {
  const outDir = argument(args, '--out');
  const count = Number(argument(args, '--count') ?? '60');
  const seed = Number(argument(args, '--seed') ?? '7301');
  const scannedRatio = Number(argument(args, '--scanned') ?? '0');
  const layouts = argument(args, '--layout')?.split(',');
  if (layouts?.some((name) => !LAYOUTS.some((l) => l.name === name))) {
    process.stderr.write(`Diseños disponibles: ${LAYOUTS.map((l) => l.name).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  if (
    !outDir ||
    !Number.isInteger(count) ||
    count < 1 ||
    !Number.isInteger(seed) ||
    !(scannedRatio >= 0 && scannedRatio <= 1)
  ) {
    process.stderr.write(
      'Uso: npx tsx test/heldout/generate.ts --out DIR --count N --seed S [--scanned 0..1] [--layout NOMBRE[,NOMBRE]]\n',
    );
    process.exitCode = 2;
    return;
  }
  const files = await generateHeldout({ outDir, count, seed, scannedRatio, ...(layouts ? { layouts } : {}) });
  const byLayout = new Map<string, number>();
  for (const f of files) byLayout.set(f.layout, (byLayout.get(f.layout) ?? 0) + 1);
  process.stdout.write(
    `${files.length} facturas en ${outDir} (${[...byLayout].map(([l, n]) => `${l} ${n}`).join(', ')}; preventivas ${files.filter((f) => f.classCode === 1).length}; escaneadas ${files.filter((f) => f.scanned).length})\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
