import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateSkewDegrees, MIN_DESKEW_DEGREES, rotateGray } from '../../src/stages/read/deskew.ts';
import type { GrayImage } from '../../src/stages/read/gray-image.ts';
import { readQrCodes } from '../../src/stages/read/qr-scan.ts';
import { renderGray } from '../../src/stages/read/rasterize.ts';
import { decodeQr, renderPage } from '../tools/corpus/qr-reader.ts';
import { generateHeldout } from './generate.ts';
import { DIAN_LOOKUP } from './qr.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'heldout-qr-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface HeldoutTruth {
  invoice: { cufe: string | null };
  pages: { count: number };
  meta: { qr: 'url' | null };
}

async function withQr(seed: number, count: number, scannedRatio: number) {
  const out = path.join(dir, `${seed}`);
  const files = await generateHeldout({ outDir: out, count, seed, scannedRatio });
  const found = [];
  for (const file of files) {
    const truth = JSON.parse(await readFile(path.join(out, `${file.id}.json`), 'utf8')) as HeldoutTruth;
    const pdf = new Uint8Array(await readFile(path.join(out, `${file.id}.pdf`)));
    found.push({ truth, pdf });
  }
  return found;
}

describe('held-out QR codes', () => {
  it('print the DIAN lookup URL on some invoices with a CUFE, readable on the last page', async () => {
    const invoices = await withQr(4040, 14, 0);
    const printed = invoices.filter(({ truth }) => truth.meta.qr === 'url');
    expect(printed.length).toBeGreaterThanOrEqual(2);
    expect(invoices.some(({ truth }) => truth.invoice.cufe && truth.meta.qr === null)).toBe(true);
    for (const { truth } of invoices) if (!truth.invoice.cufe) expect(truth.meta.qr).toBeNull();
    for (const { truth, pdf } of printed) {
      expect(decodeQr(renderPage(pdf, truth.pages.count - 1))).toBe(`${DIAN_LOOKUP}${truth.invoice.cufe}`);
    }
  });

  it('survive the held-out scanner, read by the read stage’s own QR reader', async () => {
    // Seed 4059: two of its first four scanned invoices print a QR (fewer scans keep this test quick).
    const scans = (await withQr(4059, 4, 1)).filter(({ truth }) => truth.meta.qr === 'url');
    expect(scans.length).toBeGreaterThanOrEqual(2);
    for (const { truth, pdf } of scans) {
      // This scanner's noise is strong and unsmoothed: jsQR reads none of these pages as they are, whole.
      const page = renderPage(pdf, truth.pages.count - 1);
      expect(decodeQr(page)).toBeNull();
      const image = straightened(pdf, truth.pages.count - 1);
      expect(readQrCodes(image, 200)).toEqual([`${DIAN_LOOKUP}${truth.invoice.cufe}`]);
    }
  }, 120_000);
});

/** The page as the OCR engine sees it before reading QR codes: grey at 200 dpi, straightened. */
function straightened(pdf: Uint8Array, index: number): GrayImage {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const image = renderGray(document.loadPage(index), 200);
    const skew = estimateSkewDegrees(image);
    return Math.abs(skew) >= MIN_DESKEW_DEGREES ? rotateGray(image, skew) : image;
  } finally {
    document.destroy();
  }
}
