import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { ClassLabel } from '../../src/contract/result.ts';
import { buildInvoiceData } from './invoice-data.ts';
import { LAYOUTS, layoutByName } from './layouts/index.ts';
import type { Layout } from './layouts/layout.ts';
import { chooseLocaleStyle } from './locale-style.ts';
import { localeByCode } from './locales/index.ts';
import { Printer } from './printer.ts';
import { type PrintedQr, printQrCode } from './qr.ts';
import { deriveSeed, Random } from './random.ts';
import { scanPdf } from './scan.ts';
import { Sheet } from './sheet.ts';
import { chooseStyle } from './style.ts';
import { buildTruth, type Truth } from './truth.ts';

export interface InvoiceOptions {
  /** Force a class; by default drawn from the seed. */
  label?: ClassLabel;
  /** Force a scanned (image-only) or digital PDF; by default digital. */
  scanned?: boolean;
  /** Force a layout by name (see LAYOUTS); by default drawn from the seed. */
  layout?: string;
  /** Force the number of line items (a long invoice runs onto page 2). */
  lines?: number;
  /** File name written into the truth's `file`; defaults to `<seed>.pdf`. */
  file?: string;
  /**
   * The country and language of the invoice (`de-DE`, `en-US`…, see LOCALE_CODES). Absent means the original
   * Colombian invoice, byte for byte; `es-CO` draws the same invoice and records its locale in the truth.
   */
  locale?: string;
}

export interface GeneratedInvoice {
  pdf: Uint8Array;
  truth: Truth;
  /** The printed QR code (payload and position), null when the invoice has none. */
  qr: PrintedQr | null;
}

/** A fixed date so that the same seed always gives the same bytes. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

function lineCount(rng: Random, layout: Layout): number {
  if (layout.maxLines >= 15 && rng.chance(0.15)) return rng.int(15, Math.min(40, layout.maxLines));
  return rng.weighted([
    [1, 2],
    [2, 3],
    [3, 3],
    [4, 2],
    [5, 2],
    [6, 1],
    [8, 1],
  ] as const);
}

/** One invoice, PDF bytes and truth, fully determined by `seed` and `options`. */
export async function generateInvoice(seed: number, options: InvoiceOptions = {}): Promise<GeneratedInvoice> {
  const rng = new Random(seed);
  const layout = options.layout ? layoutByName(options.layout) : rng.pick(LAYOUTS);
  const label: ClassLabel = options.label ?? (rng.chance(0.5) ? 'preventiva' : 'correctiva');
  const lines = Math.min(options.lines ?? lineCount(rng, layout), layout.maxLines);
  const columns = layout.columns(rng.fork(1));
  const locale = options.locale === undefined ? null : localeByCode(options.locale);
  const colombianCurrency = rng.chance(0.04) ? 'USD' : 'COP';
  const colombianCents = colombianCurrency === 'USD' || rng.chance(0.5);
  // Another country's invoice draws its own facts and style from the same forks: es-CO's draws stay as they were.
  const currency = locale ? locale.currency : colombianCurrency;
  const cents = locale ? rng.clone().fork(8).chance(locale.cents) : colombianCents;
  const data = buildInvoiceData(rng.fork(2), {
    label,
    lineCount: lines,
    currency,
    cents,
    codes: columns.includes('code'),
    ...(locale ? { locale } : {}),
  });
  const style = locale
    ? chooseLocaleStyle(rng.fork(3), locale, { cents })
    : chooseStyle(rng.fork(3), { cents, currency });
  const printer = new Printer(data, style);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer(rng.pick(['Facturador DIAN', 'pdf-lib', 'Sistema de facturación electrónica']));
  doc.setTitle(`${style.labels.title} ${data.number}`);
  const sheet = await Sheet.create(doc, style, layout.page(printer, rng.fork(4)));
  layout.render(sheet, printer, rng.fork(5), columns);
  // Forked from a copy: the QR code takes no draw from the invoice's stream, so every other choice (and the
  // scan's noise) stays as it was before invoices had one, and a digital and a scanned copy get the same code.
  const qr = await printQrCode(sheet, printer, rng.clone().fork(7));
  const digital = await doc.save();

  const scanned = options.scanned ?? false;
  const pdf = scanned ? await scanPdf(digital, rng.fork(6)) : digital;
  const truth = buildTruth(options.file ?? `${seed}.pdf`, data, columns, sheet.pages.length, {
    layout: layout.name,
    scanned,
    seed,
    invoiceSeed: seed,
    qr: qr?.kind ?? null,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  return { pdf, truth, qr };
}

export interface CorpusOptions {
  outDir: string;
  count: number;
  seed: number;
  /** Share of scanned invoices (default 0.2); 0 or 1 for `--only digital|scanned`. */
  scannedRatio?: number;
  /**
   * Locales to draw from (one per invoice, uniformly, from a stream of its own); absent: every invoice is the
   * original Colombian one and the corpus is what it was before locales existed.
   */
  locales?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface CorpusSummary {
  files: string[];
  digital: number;
  scanned: number;
  byLabel: Record<ClassLabel, number>;
  byLayout: Record<string, number>;
  /** Invoices per locale; empty when the corpus was generated without `locales`. */
  byLocale: Record<string, number>;
  elapsedMs: number;
}

/** Zero-padded ids keep directory listings in generation order. */
export function invoiceId(seed: number, index: number): string {
  return `s${seed}-${String(index).padStart(5, '0')}`;
}

/**
 * Writes `count` invoices (`<id>.pdf` + `<id>.json`) to `outDir`. Classes are balanced exactly and the
 * scanned ones are an exact share, both in an order drawn from the seed.
 */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const started = performance.now();
  const { outDir, count, seed } = options;
  const ratio = options.scannedRatio ?? 0.2;
  if (!(ratio >= 0 && ratio <= 1)) throw new Error(`scannedRatio must be between 0 and 1, got ${ratio}`);
  await mkdir(outDir, { recursive: true });
  const rng = new Random(seed);
  const labels = rng.shuffle(
    Array.from({ length: count }, (_, i): ClassLabel => (i % 2 === 0 ? 'correctiva' : 'preventiva')),
  );
  const scannedCount = Math.round(count * ratio);
  const scannedFlags = rng.shuffle(Array.from({ length: count }, (_, i) => i < scannedCount));
  const summary: CorpusSummary = {
    files: [],
    digital: 0,
    scanned: 0,
    byLabel: { correctiva: 0, preventiva: 0 },
    byLayout: {},
    byLocale: {},
    elapsedMs: 0,
  };
  const locales = options.locales;
  for (const code of locales ?? []) localeByCode(code);
  // Its own stream: drawing locales leaves the classes, the scanned flags and every invoice seed as they were.
  const localeRng = new Random(deriveSeed(seed, 0x10ca1e5));
  for (let i = 0; i < count; i++) {
    const id = invoiceId(seed, i);
    const label = labels[i] as ClassLabel;
    const scanned = scannedFlags[i] as boolean;
    const locale = locales?.length ? localeRng.pick(locales) : undefined;
    const { pdf, truth } = await generateInvoice(deriveSeed(seed, i), {
      label,
      scanned,
      file: `${id}.pdf`,
      ...(locale ? { locale } : {}),
    });
    const truthFile = { ...truth, meta: { ...truth.meta, seed } };
    await writeFile(join(outDir, `${id}.pdf`), pdf);
    await writeFile(join(outDir, `${id}.json`), `${JSON.stringify(truthFile, null, 2)}\n`);
    summary.files.push(`${id}.pdf`);
    summary[scanned ? 'scanned' : 'digital']++;
    summary.byLabel[label]++;
    summary.byLayout[truth.meta.layout] = (summary.byLayout[truth.meta.layout] ?? 0) + 1;
    if (locale) summary.byLocale[locale] = (summary.byLocale[locale] ?? 0) + 1;
    options.onProgress?.(i + 1, count);
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
