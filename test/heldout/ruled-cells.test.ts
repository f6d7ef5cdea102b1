import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../src/contract/result.ts';
import { extractInvoice } from '../../src/stages/extract/index.ts';
import { defaultReadOptions } from '../../src/stages/read/options.ts';
import { readPdf } from '../../src/stages/read/read-pdf.ts';
import { generateHeldout } from './generate.ts';

/**
 * Fully ruled grids with descriptions wrapped inside their cells and every cell centred vertically, on one
 * page and continued over two (held-out layouts `cuadricula` and `cuadricula-continua`): read through mupdf
 * (text layer and ruling lines) and the real extractor, every line item comes out whole.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ruled-cells-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ruled grid with wrapped cells (held-out layouts)', () => {
  it('reads each wrapped description whole, apart from its code, on one page and across two', async () => {
    const files = await generateHeldout({
      outDir: dir,
      count: 4,
      seed: 4401,
      layouts: ['cuadricula', 'cuadricula-continua'],
    });
    let wrapped = 0;
    for (const file of files) {
      const bytes = await readFile(path.join(dir, `${file.id}.pdf`));
      const read = await readPdf(new Uint8Array(bytes), defaultReadOptions, null);
      expect(read.document.pages.every((p) => (p.rulings?.length ?? 0) > 10)).toBe(true);
      const truth = JSON.parse(await readFile(path.join(dir, `${file.id}.json`), 'utf8')) as {
        invoice: Invoice;
      };
      const { invoice } = extractInvoice(read.document);
      expect(invoice.lines, file.id).toEqual(truth.invoice.lines);
      // The wrapped descriptions' lines were read as separate rows of the text layer.
      wrapped += truth.invoice.lines.filter(
        (l) => !read.document.text.split('\n').some((row) => row.includes(l.description ?? '')),
      ).length;
    }
    expect(wrapped).toBeGreaterThan(0);
  });
});
