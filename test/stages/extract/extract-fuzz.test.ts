import { afterAll, describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../../src/contract/document.ts';
import { createExtractPool } from '../../../src/stages/extract/extract-pool.ts';
import { adversarialDocuments, documentOf, random, randomLine } from './adversarial-documents.ts';

/**
 * Extraction gets through any text in bounded time: adversarial documents (50,000-digit runs, 10,000-character
 * lines, 1,000-row tables, deep nesting, pages with no words) and random ones from seeded invoice-like pieces.
 * Each runs on an extraction worker whose deadline is the bound, so a hang fails the test instead of holding it.
 */
const BOUND_MS = 5_000;

function randomDocument(seed: number): ReadDocument {
  const next = random(seed);
  const pages = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
    Array.from({ length: Math.floor(next() * 120) }, () => {
      const long = next() < 0.05;
      return randomLine(next, long ? 2_000 + Math.floor(next() * 8_000) : 1 + Math.floor(next() * 120));
    }),
  );
  return documentOf(pages, next() < 0.3 ? 0.6 : 1);
}

describe('extraction fuzz (bounded time on any text)', () => {
  const pool = createExtractPool({ workers: 1, timeoutMs: BOUND_MS });
  afterAll(() => pool.close());

  it.each(adversarialDocuments().map((d) => [d.name, d.document] as const))(
    'extracts %s within the bound',
    async (_name, document) => {
      await pool.warmUp();
      const extraction = await pool.extract(document);
      expect(extraction.invoice.total === null || Number.isFinite(extraction.invoice.total)).toBe(true);
      expect(Array.isArray(extraction.validation.issues)).toBe(true);
    },
    BOUND_MS * 2,
  );

  it(
    'extracts 40 random invoice-like documents, each within the bound',
    async () => {
      await pool.warmUp();
      const failures: string[] = [];
      for (let seed = 1; seed <= 40; seed++) {
        await pool.extract(randomDocument(seed)).catch((error: unknown) => {
          failures.push(`seed ${seed}: ${String(error)}`);
        });
      }
      expect(failures).toEqual([]);
    },
    40 * BOUND_MS,
  );
});
