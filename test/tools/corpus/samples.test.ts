import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultSchema } from '../../../src/contract/result.ts';
import { generateInvoice, type Truth, withoutMeta } from '../../../tools/corpus/index.ts';

const SAMPLES = join(import.meta.dirname, '../../../samples');

describe('samples/', () => {
  it('pairs every PDF with a valid truth file that the current generator reproduces', async () => {
    const files = await readdir(SAMPLES);
    const pdfs = files.filter((file) => file.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(10);
    const kinds = new Set<string>();
    let multiPage = 0;
    for (const pdfName of pdfs) {
      const truth = JSON.parse(
        await readFile(join(SAMPLES, pdfName.replace(/\.pdf$/, '.json')), 'utf8'),
      ) as Truth;
      resultSchema.parse(withoutMeta(truth));
      expect(truth.file).toBe(pdfName);
      kinds.add(`${truth.meta.scanned ? 'scanned' : 'digital'}-${truth.classification!.label}`);
      if (truth.pages.count > 1) multiPage++;
      // Scans are reproducible too, but cost a second each; the digital ones catch a stale generator.
      if (truth.meta.scanned) continue;
      const regenerated = await generateInvoice(truth.meta.invoiceSeed, {
        label: truth.classification!.label as 'correctiva' | 'preventiva',
        scanned: false,
        file: pdfName,
      });
      const stored = await readFile(join(SAMPLES, pdfName));
      expect(
        Buffer.from(regenerated.pdf).equals(stored),
        `${pdfName} is stale: regenerate samples/ (see samples/README.md)`,
      ).toBe(true);
    }
    expect(kinds).toEqual(
      new Set(['digital-correctiva', 'digital-preventiva', 'scanned-correctiva', 'scanned-preventiva']),
    );
    expect(multiPage).toBeGreaterThanOrEqual(1);
  });
});
