import fs from 'node:fs';
import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import type { PageText } from '../../../src/contract/document.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { readPdf } from '../../../src/stages/read/read-pdf.ts';
import { hasUsableText, measureTextQuality, readTextLayer } from '../../../src/stages/read/text-layer.ts';
import { brokenFontPdf, textPdf } from './fixtures.ts';
import { REAL_INVOICES } from './real-invoices.ts';

const REAL = REAL_INVOICES ?? '';
const haveReal = REAL_INVOICES !== null;

function rowsOf(text: string): string[] {
  return text.split('\n');
}

describe('text layer', () => {
  it.skipIf(!haveReal)('reads a real AFIP invoice in reading order, values on their label rows', async () => {
    const bytes = fs.readFileSync(`${REAL}/2000005044986390.pdf`);
    const read = await readPdf(bytes, defaultReadOptions, null);
    expect(read.pages).toEqual({ count: 1, ocr: 0 });
    const rows = rowsOf(read.document.text);
    const numberRow = rows.findIndex((r) => /FACTURA\s+0004-\s*00025399/.test(r));
    const dateRow = rows.findIndex((r) => r.includes('Fecha: 10/2/2023'));
    const customerRow = rows.findIndex((r) => r.includes('MESQUITA HNOS'));
    const itemRow = rows.findIndex((r) => /BATERIA 9V ALK\. RAYOVAC\s+520\.66\s+1\.041\.32/.test(r));
    const totalRow = rows.findIndex((r) => /^TOTAL\s+\$2\.460\.00$/.test(r));
    expect([numberRow, dateRow, customerRow, itemRow, totalRow].every((i) => i >= 0)).toBe(true);
    expect(numberRow).toBeLessThan(dateRow);
    expect(dateRow).toBeLessThan(customerRow);
    expect(customerRow).toBeLessThan(itemRow);
    expect(itemRow).toBeLessThan(totalRow);
    const page = read.document.pages[0]!;
    expect(page.source).toBe('text');
    const total = page.lines.find((l) => l.text.startsWith('TOTAL'))!;
    // Boxes are points from the top-left: the total sits in the lower part of an A4/letter page.
    expect(total.y0).toBeGreaterThan(page.height / 2);
    expect(total.x1).toBeLessThanOrEqual(page.width);
  });

  it.skipIf(!haveReal)('every real invoice has a usable text layer and reads in bounded time', async () => {
    const files = fs.readdirSync(REAL).filter((f) => f.endsWith('.pdf'));
    for (const file of files) {
      const read = await readPdf(fs.readFileSync(`${REAL}/${file}`), defaultReadOptions, null);
      for (const page of read.document.pages) expect(hasUsableText(page), file).toBe(true);
      expect(read.timings.totalMs, file).toBeLessThan(2000);
    }
  });

  it('keeps a label and its value on one row even when they are separate fragments', async () => {
    const read = await readPdf(await textPdf(), defaultReadOptions, null);
    const rows = rowsOf(read.document.text);
    expect(rows).toContain('NIT 900.123.456-7   No.   FE-1234');
    expect(rows).toContain('Total a pagar   $ 1.469.135,79');
  });

  it('sees a broken font (private-use glyphs) as unusable text', async () => {
    const bytes = await brokenFontPdf();
    const document = mupdf.Document.openDocument(bytes, 'application/pdf');
    const page = readTextLayer(document.loadPage(0), 0);
    document.destroy();
    const quality = measureTextQuality(page);
    expect(quality.garbage).toBeGreaterThan(quality.readable);
    expect(hasUsableText(page)).toBe(false);
    const good = await readPdf(await textPdf(), defaultReadOptions, null);
    expect(hasUsableText(good.document.pages[0]!)).toBe(true);
  });

  it('sees consonant soup (glyph ids mapped to letters) as unusable text', () => {
    const soup =
      'Xkqzt Brnwpl Tkrzx Qwrtz Plmnbv Zxcvbn Kjhgf Trwqz Mnbvc Lkjhg Pqrst Vwxyz Bcdfg Hjklm Nprst';
    const words = soup.repeat(3).split(' ');
    const line = { text: words.join(' '), words: [], x0: 0, y0: 0, x1: 1, y1: 1 };
    const page: PageText = {
      index: 0,
      width: 1,
      height: 1,
      source: 'text',
      lines: [line],
      deskewDegrees: 0,
    };
    expect(measureTextQuality(page).letters).toBeGreaterThanOrEqual(200);
    expect(hasUsableText(page)).toBe(false);
  });
});
