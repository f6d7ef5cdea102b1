import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../../src/contract/result.ts';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { createOcrEngine, type OcrEngine } from '../../../src/stages/read/ocr-engine.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { readPdf } from '../../../src/stages/read/read-pdf.ts';
import { realInvoicesFolder } from '../../support/real-invoices.ts';

/**
 * 35 real Argentine invoices from 31 issuers (../shared/real-invoices/afip-ar), compared the way its README
 * says: numbers group-wise without leading zeros, tax ids digits only, ISO dates, totals to the cent. The
 * files go through the real read stage (text layer; OCR only for the pages that need it). No rule knows any
 * issuer; the floors below are what the extractor reached, so a regression fails the test.
 */
const DIR =
  realInvoicesFolder('afip-ar') ?? join(import.meta.dirname, '../../../../shared/real-invoices/afip-ar');

interface Truth {
  number: string;
  issueDate: string;
  total: number;
  supplierTaxId: string | null;
  customerTaxId: string | null;
}

const groups = (s: string | null) =>
  (s ?? '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join('-');
const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');

let engine: OcrEngine | null = null;
let truth: Record<string, Truth> | null = null;
try {
  truth = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8'));
} catch {
  console.log(`[skipped] real-invoice extraction: ${DIR}/truth.json not found`);
}

describe.skipIf(truth === null)('extraction on real AFIP invoices', () => {
  beforeAll(async () => {
    try {
      engine = await createOcrEngine({ workers: 1 });
    } catch (error) {
      console.log(
        `[notice] OCR engine unavailable (${String(error)}): image-backed pages are read from their text layer only`,
      );
    }
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
  });

  it('gets numbers, dates, totals and tax ids right, from the text and from the QR code', async () => {
    // The truth was taken from each invoice's QR code, so the text alone is the real test of extraction; the
    // QR-assisted figures show what decoding the code adds, and a decode rate floor keeps the decoder honest.
    const textOnly = new Tally();
    const withQr = new Tally();
    let ocrPages = 0;
    let decoded = 0;
    let extractMs = 0;
    for (const [file, t] of Object.entries(truth!)) {
      const read = await readPdf(readFileSync(join(DIR, file)), defaultReadOptions, engine);
      ocrPages += read.pages.ocr;
      if (read.document.pages.some((page) => (page.codes ?? []).some((code) => /afip\.gob\.ar/.test(code))))
        decoded++;
      const started = performance.now();
      withQr.check(file, t, extractInvoice(read.document).invoice);
      extractMs += performance.now() - started;
      const withoutCodes = {
        ...read.document,
        pages: read.document.pages.map(({ codes: _, ...page }) => page),
      };
      textOnly.check(file, t, extractInvoice(withoutCodes).invoice);
    }
    const files = Object.keys(truth!).length;
    console.log(
      `real AFIP invoices (${files} files, ${ocrPages} OCR pages, AFIP QR decoded on ${decoded}, extraction ${(extractMs / files).toFixed(2)} ms/doc)`,
    );
    console.log(`  text only: ${textOnly.summary()}`);
    console.log(`  with QR:   ${withQr.summary()}`);
    expect(decoded).toBeGreaterThanOrEqual(32);
    expect(textOnly.right.number).toBeGreaterThanOrEqual(34);
    expect(textOnly.right.issueDate).toBeGreaterThanOrEqual(35);
    expect(textOnly.right.total).toBeGreaterThanOrEqual(35);
    expect(textOnly.right.supplierTaxId).toBeGreaterThanOrEqual(engine ? 35 : 33);
    expect(textOnly.right.customerTaxId).toBeGreaterThanOrEqual(31);
    for (const field of Object.keys(withQr.right) as (keyof Tally['right'])[])
      expect(withQr.right[field], field).toBe(withQr.counted[field]);
  }, 240_000);
});

class Tally {
  readonly right = { number: 0, issueDate: 0, total: 0, supplierTaxId: 0, customerTaxId: 0 };
  readonly counted = { number: 0, issueDate: 0, total: 0, supplierTaxId: 0, customerTaxId: 0 };
  readonly misses: string[] = [];

  check(file: string, t: Truth, invoice: Invoice): void {
    const checks: [keyof Tally['right'], boolean | null][] = [
      ['number', groups(invoice.number) === groups(t.number)],
      ['issueDate', invoice.issueDate === t.issueDate],
      ['total', invoice.total !== null && Math.abs(invoice.total - t.total) < 0.005],
      ['supplierTaxId', t.supplierTaxId === null ? null : digits(invoice.supplier.taxId) === t.supplierTaxId],
      ['customerTaxId', t.customerTaxId === null ? null : digits(invoice.customer.taxId) === t.customerTaxId],
    ];
    for (const [field, ok] of checks) {
      if (ok === null) continue;
      this.counted[field]++;
      if (ok) this.right[field]++;
      else this.misses.push(`${file}:${field}`);
    }
  }

  summary(): string {
    const fields = Object.entries(this.right).map(
      ([field, n]) => `${field} ${n}/${this.counted[field as keyof Tally['right']]}`,
    );
    return `${fields.join(', ')}${this.misses.length > 0 ? `; misses: ${this.misses.join(' ')}` : ''}`;
  }
}
