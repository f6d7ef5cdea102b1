import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../../src/contract/result.ts';
import { extractInvoice } from '../../../src/stages/extract/extract.ts';
import { createOcrEngine, type OcrEngine } from '../../../src/stages/read/ocr-engine.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { readPdf } from '../../../src/stages/read/read-pdf.ts';
import { generateInvoice } from '../../../tools/corpus/index.ts';
import { evaluateExtraction } from '../../../tools/eval/evaluate-extraction.ts';

/**
 * Scanned invoices (200 dpi, tilted, noisy, image-only) through the real read stage (tesseract.js) and the
 * extractor. Kept to four one-page invoices because OCR is slow on the shared CPUs; the floors sit just
 * under what was reached.
 */
const SEEDS = [5150_01, 5150_02, 5150_03, 5150_04];
let engine: OcrEngine | null = null;

describe('extraction on generated scanned invoices', () => {
  beforeAll(async () => {
    try {
      engine = await createOcrEngine({ workers: 2 });
    } catch (error) {
      console.log(`[skipped] scanned extraction: OCR engine unavailable (${String(error)})`);
    }
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
  });

  it('reads header fields and line items from OCR words', async (context) => {
    if (!engine) return context.skip();
    const pairs: { extraction: ReturnType<typeof extractInvoice>; truth: Invoice }[] = [];
    for (const seed of SEEDS) {
      const { pdf, truth } = await generateInvoice(seed, { scanned: true, lines: 3 });
      const read = await readPdf(pdf, defaultReadOptions, engine);
      expect(read.pages.ocr).toBe(read.pages.count);
      if (!truth.invoice) throw new Error(`generated truth without an invoice (seed ${seed})`);
      pairs.push({ extraction: extractInvoice(read.document), truth: truth.invoice });
    }
    const result = evaluateExtraction(pairs);
    console.log(
      `scanned (${result.documents} invoices): header ${(100 * result.headerAccuracy).toFixed(1)}% — ${Object.entries(
        result.fields,
      )
        .map(([field, s]) => `${field} ${s.correct}/${s.total}`)
        .join(
          ', ',
        )}; lines F1 ${(100 * result.lines.f1).toFixed(1)}% (${result.lines.matched}/${result.lines.truth} truth lines matched)`,
    );
    expect(result.headerAccuracy).toBeGreaterThanOrEqual(FLOOR_HEADER);
    expect(result.lines.f1).toBeGreaterThanOrEqual(FLOOR_LINES);
  }, 300_000);
});

/**
 * Measured 2026-11-25 (second session) on the generator's current scans: header 87.5% (the CUFE, 96 hex
 * characters, is 0/4: one misread character loses it), line F1 85.7% (9/12). Four invoices move by a whole
 * line at a time; the 40-invoice corpora in the closing note of issue 3 are the real measure.
 */
const FLOOR_HEADER = 0.85;
const FLOOR_LINES = 0.8;
