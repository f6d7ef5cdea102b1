import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, type OcrEngine } from '../../../src/stages/read/ocr-engine.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { type GrayImage, renderGray } from '../../../src/stages/read/rasterize.ts';
import { readPdf } from '../../../src/stages/read/read-pdf.ts';
import { brokenFontPdf, scannedPdf, textPdf } from './fixtures.ts';
import { REAL_INVOICES } from './real-invoices.ts';

const REAL = REAL_INVOICES ?? '';
const haveReal = REAL_INVOICES !== null;
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-ocr-test-'));

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

async function tinyImage(text: string): Promise<GrayImage> {
  const pdf = await textPdf([{ text, x: 10, top: 32, size: 20 }], [220, 50]);
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  const image = renderGray(document.loadPage(0), 150);
  document.destroy();
  return image;
}

describe('OCR with tesseract.js (real engine)', () => {
  let ocr: OcrEngine;
  beforeAll(async () => {
    ocr = await createOcrEngine({ cacheDir, workers: 2 });
  });
  afterAll(async () => {
    await ocr.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reads a generated scan (200 dpi, 1.5° tilt, noise): words come back and deskew reports ≈1.5°', async () => {
    const scan = scannedPdf(await textPdf(), { dpi: 200, degrees: 1.5, noise: 12 });
    const read = await readPdf(scan, defaultReadOptions, ocr);
    expect(read.pages).toEqual({ count: 1, ocr: 1 });
    const page = read.document.pages[0]!;
    expect(page.source).toBe('ocr');
    expect(page.deskewDegrees).toBeGreaterThan(1.2);
    expect(page.deskewDegrees).toBeLessThan(1.8);
    const rows = read.document.text.split('\n');
    expect(rows.some((r) => /No\.\s+FE-1234/.test(r))).toBe(true);
    expect(rows.some((r) => /Total a pagar\s+\$ ?1\.469\.135,79/.test(r))).toBe(true);
    expect(read.document.text).toContain('15/03/2026');
    // Boxes are back in points: "Total a pagar" was drawn 300 pt from the top, 300 pt from the left.
    const total = page.lines.flatMap((l) => l.words).find((w) => w.text === 'Total')!;
    expect(Math.abs(total.x0 - 300)).toBeLessThan(12);
    expect(Math.abs(total.y1 - 300)).toBeLessThan(12);
    expect(total.confidence).toBeGreaterThan(0.5);
    expect(total.confidence).toBeLessThanOrEqual(1);
  });

  it('OCRs only the scanned page of a mixed document and keeps page order', async () => {
    const digital = await PDFDocument.load(
      await textPdf([{ text: 'Página uno: FACTURA FE-1234 digital', x: 50, top: 80 }]),
    );
    const scanned = await PDFDocument.load(scannedPdf(await textPdf(), { dpi: 200, degrees: -1, noise: 8 }));
    const [scannedPage] = await digital.copyPages(scanned, [0]);
    digital.addPage(scannedPage);
    const read = await readPdf(await digital.save(), defaultReadOptions, ocr);
    expect(read.pages).toEqual({ count: 2, ocr: 1 });
    const [first, second] = read.document.pages;
    expect(first).toMatchObject({ index: 0, source: 'text', deskewDegrees: 0 });
    expect(second).toMatchObject({ index: 1, source: 'ocr' });
    const [firstText, secondText] = read.document.text.split('\f');
    expect(firstText).toContain('Página uno: FACTURA FE-1234 digital');
    expect(secondText).toContain('Total a pagar');
    expect(read.timings.renderMs).toBeGreaterThan(0);
    expect(read.timings.ocrMs).toBeGreaterThan(0);
  });

  it('OCRs a page whose font maps glyphs to private-use code points', async () => {
    const read = await readPdf(await brokenFontPdf(), defaultReadOptions, ocr);
    expect(read.pages.ocr).toBe(1);
    expect(read.document.text).toContain('FE-1234');
    expect(read.document.text).toMatch(/1\.469\.135,79/);
    expect(read.document.text).not.toMatch(/\p{Co}/u);
  });

  it.skipIf(!haveReal)('the two real invoices printed on scanned forms go through OCR', async () => {
    const truth = JSON.parse(fs.readFileSync(`${REAL}/truth.json`, 'utf8'));
    const results = await Promise.all(
      ['2000006782171352.pdf', '2000006891282390.pdf'].map(async (file) => {
        const read = await readPdf(fs.readFileSync(`${REAL}/${file}`), defaultReadOptions, ocr);
        return { file, read, truth: truth[file] };
      }),
    );
    for (const { file, read, truth: expected } of results) {
      // Both pages are mostly one image, so both go through OCR; whether OCR adds words depends on what the
      // text layer already has (2000006891282390's text layer holds nearly everything).
      expect(read.timings.ocrMs, file).toBeGreaterThan(0);
      const flat = digits(read.document.text);
      expect(flat, file).toContain(expected.number.split('-')[1]);
      expect(read.document.text, file).toMatch(/TOTAL/);
      // The supplier's tax id is printed on the scanned form only: the text layer does not have it.
      expect(flat, file).toContain(expected.supplierTaxId);
    }
    const [fernandez] = results;
    expect(fernandez!.read.pages.ocr).toBe(1);
    expect(fernandez!.read.document.text).toMatch(/12750\.00/);
  });
});

const GERMAN_ROWS = [
  { text: 'Müller Textilmaschinen GmbH', x: 50, top: 60, size: 14 },
  { text: 'Hauptstraße 12 · 72764 Reutlingen', x: 50, top: 85 },
  { text: 'RECHNUNG', x: 50, top: 130, size: 16 },
  { text: 'Rechnungsnummer: RE-2026-0418', x: 50, top: 160 },
  { text: 'Rechnungsdatum: 03.11.2026', x: 50, top: 178 },
  { text: 'Kunde: Spinnerei Görlitz GmbH', x: 50, top: 196 },
  { text: 'Pos. Bezeichnung Menge Einzelpreis Gesamtpreis', x: 50, top: 240 },
  { text: '1 Prüfung der Spindellager 2 Stk 415,00 830,00', x: 50, top: 258 },
  { text: 'Nettobetrag 830,00 EUR', x: 300, top: 300 },
  { text: 'zzgl. 19 % MwSt. 157,70 EUR', x: 300, top: 318 },
  { text: 'Gesamtbetrag 987,70 EUR', x: 300, top: 336 },
  {
    text: 'Zahlbar innerhalb von 14 Tagen ohne Abzug. Bitte geben Sie die Rechnungsnummer an.',
    x: 50,
    top: 380,
  },
];

describe("OCR in the page's language", () => {
  it('reads a German scan again with the German model: its umlauts and ß come back, and Spanish pages after it still read', async () => {
    const ocr = await createOcrEngine({ cacheDir, workers: 1 });
    try {
      const german = await readPdf(
        scannedPdf(await textPdf(GERMAN_ROWS), { dpi: 200, degrees: 0.5, noise: 8 }),
        defaultReadOptions,
        ocr,
      );
      for (const word of ['Müller', 'Hauptstraße', 'Görlitz', 'Prüfung'])
        expect(german.document.text).toContain(word);
      expect(german.document.text).toContain('RE-2026-0418');
      expect(german.document.text).toContain('987,70');
      const spanish = await readPdf(
        scannedPdf(await textPdf(), { dpi: 200, degrees: 0, noise: 8 }),
        defaultReadOptions,
        ocr,
      );
      expect(spanish.document.text).toMatch(/Total a pagar\s+\$ ?1\.469\.135,79/);
    } finally {
      await ocr.close();
    }
  });

  it('refuses a model it does not have', async () => {
    const ocr = await createOcrEngine({ cacheDir, workers: 1, otherLanguages: ['eng'] });
    try {
      expect(ocr.languages).toEqual(['spa', 'eng']);
      await expect(
        ocr.recognize(await tinyImage('FE-1234'), undefined, { languages: ['deu'] }),
      ).rejects.toThrow('no tiene el idioma deu');
    } finally {
      await ocr.close();
    }
  });
});

describe('OCR pool', () => {
  it("frees a page handed over once recognised; a page not handed over stays the caller's", async () => {
    const ocr = await createOcrEngine({ cacheDir, workers: 1 });
    try {
      const kept = await tinyImage('FE-1234');
      const size = kept.data.byteLength;
      const first = await ocr.recognize(kept);
      expect(kept.data.byteLength).toBe(size);
      const given = await tinyImage('FE-1234');
      const second = await ocr.recognize(given, undefined, { handOver: true });
      expect(given.data.byteLength).toBe(0);
      for (const result of [first, second])
        expect(result.words.map((w) => w.text).join(' ')).toContain('FE-1234');
    } finally {
      await ocr.close();
    }
  });

  it('recycles a worker after OCR_WORKER_MAX_PAGES pages', async () => {
    const ocr = await createOcrEngine({ cacheDir, workers: 1, maxPagesPerWorker: 2 });
    try {
      const image = await tinyImage('FE-1234');
      for (let i = 0; i < 3; i++) {
        const result = await ocr.recognize(image);
        expect(result.words.map((w) => w.text).join(' ')).toContain('FE-1234');
      }
      expect(ocr.stats()).toMatchObject({ pagesRecognized: 3, workersStarted: 2, workersRecycled: 1 });
    } finally {
      await ocr.close();
    }
  });

  it.skipIf(!haveReal)(
    'a page over the timeout replaces its worker; twice → quarantine timeout',
    async () => {
      // This 300 dpi page takes 1.4–2 s to recognise, a tiny image ~0.1 s: 700 ms keeps both well apart
      // (at 1500 ms a quick run once finished the page in time and the test failed).
      const ocr = await createOcrEngine({ cacheDir, workers: 1, pageTimeoutMs: 700 });
      try {
        const heavy = fs.readFileSync(`${REAL}/2000006782171352.pdf`);
        const started = performance.now();
        await expect(readPdf(heavy, defaultReadOptions, ocr)).rejects.toMatchObject({
          code: 'timeout',
          quarantine: true,
        });
        expect(performance.now() - started).toBeLessThan(15_000);
        expect(ocr.stats()).toMatchObject({ timeouts: 2, workersStarted: 2 });
        // The pool still works: a fresh worker takes the next page.
        const result = await ocr.recognize(await tinyImage('NIT 900'));
        expect(result.words.map((w) => w.text).join(' ')).toContain('900');
        expect(ocr.stats().workersStarted).toBe(3);
      } finally {
        await ocr.close();
      }
    },
  );

  it('an abort during OCR stops the read as retryable and frees the worker', async () => {
    const ocr = await createOcrEngine({ cacheDir, workers: 1 });
    try {
      const scan = scannedPdf(await textPdf(), { dpi: 200, degrees: 0, noise: 8 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('apagado')), 300);
      await expect(readPdf(scan, defaultReadOptions, ocr, controller.signal)).rejects.toMatchObject({
        code: 'aborted',
        retryable: true,
      });
      const result = await ocr.recognize(await tinyImage('FE-1234'));
      expect(result.words.length).toBeGreaterThan(0);
    } finally {
      await ocr.close();
    }
  });
});
