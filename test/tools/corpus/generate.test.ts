import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as mupdf from 'mupdf';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { resultSchema } from '../../../src/contract/result.ts';
import { type DateStyle, formatAmount, formatDate } from '../../../tools/corpus/format.ts';
import {
  generateCorpus,
  generateInvoice,
  LAYOUTS,
  type Truth,
  withoutMeta,
} from '../../../tools/corpus/index.ts';
import { formatNit, nitCheckDigit } from '../../../tools/corpus/nit.ts';

const cents = (value: number) => Math.round(value * 100);
const DATE_STYLES: DateStyle[] = ['dmy-slash', 'iso', 'long', 'dmy-abbrev', 'month-first', 'dmy-dash'];

function textOf(pdf: Uint8Array): string[] {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    return Array.from({ length: doc.countPages() }, (_, i) =>
      doc.loadPage(i).toStructuredText('preserve-whitespace').asText(),
    );
  } finally {
    doc.destroy();
  }
}

/** Every printed form the generator may use for an amount. */
function amountForms(value: number): string[] {
  const forms: string[] = [];
  for (const numbers of ['co', 'intl'] as const) {
    for (const withCents of [true, false]) {
      if (!withCents && !Number.isInteger(value)) continue;
      forms.push(formatAmount(value, { numbers, cents: withCents, symbol: 'none' }, 'COP'));
    }
  }
  return forms;
}

function assertArithmetic(truth: Truth): void {
  const invoice = truth.invoice!;
  let sum = 0;
  for (const line of invoice.lines) {
    expect(cents(line.amount!)).toBe(Math.round(line.quantity! * line.unitPrice! * 100 + 1e-6));
    sum += cents(line.amount!);
  }
  expect(cents(invoice.subtotal!)).toBe(sum);
  expect(cents(invoice.total!)).toBe(cents(invoice.subtotal!) + cents(invoice.tax!));
  expect(invoice.tax! >= 0 && invoice.tax! <= invoice.subtotal! * 0.19 + 0.01).toBe(true);
  if (invoice.withholdings !== null)
    expect(invoice.withholdings > 0 && invoice.withholdings < invoice.total!).toBe(true);
  for (const party of [invoice.supplier, invoice.customer]) {
    const [base, check] = party.taxId!.split('-');
    expect(Number(check)).toBe(nitCheckDigit(base!));
  }
  if (invoice.dueDate) expect(invoice.dueDate >= invoice.issueDate!).toBe(true);
  if (invoice.cufe) expect(invoice.cufe).toMatch(/^[0-9a-f]{96}$/);
}

describe('generateInvoice', () => {
  it('is deterministic for a seed and differs between seeds', async () => {
    const a = await generateInvoice(4242);
    const b = await generateInvoice(4242);
    const c = await generateInvoice(4243);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
    expect(a.truth).toEqual(b.truth);
    expect(Buffer.from(a.pdf).equals(Buffer.from(c.pdf))).toBe(false);
  });

  it('keeps the truth arithmetic consistent and validates against the output contract', async () => {
    const labels = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const { truth } = await generateInvoice(seed * 7919);
      assertArithmetic(truth);
      expect(() => resultSchema.parse(withoutMeta(truth))).not.toThrow();
      expect(truth.classification!.class).toBe(truth.classification!.label === 'correctiva' ? 0 : 1);
      labels.add(truth.classification!.label);
    }
    expect(labels).toEqual(new Set(['correctiva', 'preventiva']));
  });

  it.each(LAYOUTS.map((layout) => layout.name))(
    'prints the truth values in the text layer (%s)',
    async (layout) => {
      // CORPUS_TEXT_SEEDS=N widens the sweep when changing layouts.
      const extra = Number(process.env.CORPUS_TEXT_SEEDS ?? 0);
      for (const seed of [11, 12, 13, ...Array.from({ length: extra }, (_, i) => 2000 + i)]) {
        const { pdf, truth } = await generateInvoice(seed, { layout });
        const pages = textOf(pdf);
        expect(pages.length).toBe(truth.pages.count);
        const text = pages.join('\n');
        const flat = text.replace(/\s+/g, ' ');
        const invoice = truth.invoice!;
        expect(flat).toContain(invoice.number!);
        expect(amountForms(invoice.total!).some((form) => flat.includes(form))).toBe(true);
        const nitForms = (['dotted', 'plain', 'spaced'] as const).map((style) =>
          formatNit(invoice.supplier.taxId!, style),
        );
        expect(nitForms.some((form) => flat.includes(form))).toBe(true);
        expect(flat).toContain(invoice.customer.name!);
        expect(flat).toContain(invoice.supplier.name!);
        if (invoice.purchaseOrder) expect(flat).toContain(invoice.purchaseOrder);
        // Narrow layouts wrap the CUFE: its pieces run together once white space is gone.
        if (invoice.cufe) expect(text.replace(/\s+/g, '')).toContain(invoice.cufe);
        for (const iso of [invoice.issueDate, invoice.dueDate]) {
          if (iso)
            expect(
              DATE_STYLES.some((style) => flat.includes(formatDate(iso, style))),
              `${seed} ${iso}`,
            ).toBe(true);
        }
        for (const line of invoice.lines) {
          expect(amountForms(line.amount!).some((form) => flat.includes(form))).toBe(true);
          // Wrapped descriptions come back as separate lines: compare word by word.
          for (const word of line.description!.split(' ')) expect(flat).toContain(word);
        }
      }
    },
  );

  it('runs a long invoice onto a second page with a repeated table', async () => {
    const { pdf, truth } = await generateInvoice(99, { layout: 'dian-classic', lines: 35 });
    expect(truth.pages.count).toBeGreaterThanOrEqual(2);
    expect(truth.invoice!.lines).toHaveLength(35);
    const pages = textOf(pdf);
    expect(pages[1]).toContain(truth.invoice!.number!);
    assertArithmetic(truth);
  });

  it('makes scanned PDFs with one 200 dpi image per page and no text layer', async () => {
    const { pdf, truth } = await generateInvoice(5, { scanned: true, layout: 'label-grid', lines: 30 });
    expect(truth.meta.scanned).toBe(true);
    expect(truth.pages).toEqual({ count: 2, ocr: 2 });
    for (const text of textOf(pdf)) expect(text.trim()).toBe('');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(2);
    for (const page of doc.getPages()) {
      const resources = page.node.Resources()!;
      const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
      expect(fonts?.keys() ?? []).toHaveLength(0);
      const xobjects = resources.lookup(PDFName.of('XObject'), PDFDict);
      const images = xobjects.keys().map((key) => xobjects.lookup(key, PDFStream).dict);
      expect(images).toHaveLength(1);
      expect(images[0]!.get(PDFName.of('Subtype'))).toBe(PDFName.of('Image'));
      const pixelWidth = images[0]!.lookup(PDFName.of('Width'), PDFNumber).asNumber();
      expect(Math.round(pixelWidth / (page.getWidth() / 72))).toBe(200);
    }
    const again = await generateInvoice(5, { scanned: true, layout: 'label-grid', lines: 30 });
    expect(Buffer.from(again.pdf).equals(Buffer.from(pdf))).toBe(true);
  });
});

describe('generateCorpus', () => {
  it('writes balanced classes and the requested scanned share', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    try {
      const summary = await generateCorpus({ outDir: dir, count: 6, seed: 31337, scannedRatio: 1 / 3 });
      expect(summary.byLabel).toEqual({ correctiva: 3, preventiva: 3 });
      expect(summary.scanned).toBe(2);
      const files = (await readdir(dir)).sort();
      expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(6);
      for (const file of files.filter((f) => f.endsWith('.json'))) {
        const truth = JSON.parse(await readFile(join(dir, file), 'utf8')) as Truth;
        expect(truth.file).toBe(file.replace(/\.json$/, '.pdf'));
        expect(truth.meta.seed).toBe(31337);
        resultSchema.parse(withoutMeta(truth));
        if (truth.meta.scanned) continue; // regenerating a scan proves nothing more and costs a second
        const regenerated = await generateInvoice(truth.meta.invoiceSeed, {
          label: truth.classification!.label as 'correctiva' | 'preventiva',
          scanned: truth.meta.scanned,
          file: truth.file,
        });
        expect(regenerated.truth.invoice).toEqual(truth.invoice);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
