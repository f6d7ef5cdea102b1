import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/composition-root.ts';
import { loadEnv } from '../../src/config/env.ts';
import { type Invoice, type InvoiceResult, resultSchema } from '../../src/contract/result.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { renderPage, toWebp, withExifOrientation } from '../stages/input/images.ts';

/**
 * A photo of an invoice goes the way of its scan: the scanned sample's page rendered to a JPEG, and the same
 * JPEG stored sideways with an EXIF orientation tag (as phones do), give the scanned PDF's reading through
 * the embedded service with real OCR; so do the page rendered to PNG and saved as WEBP by sharp (mupdf has no
 * WEBP decoder), upright and stored sideways with its EXIF orientation.
 */
const SCANNED = path.resolve('samples', 's2074-00006');
const DPI = 200;

describe('end to end: a JPG or WEBP photo of an invoice is read like its scanned PDF', () => {
  let dir: string;
  let services: Services;
  let truth: { classification: { label: string }; invoice: Invoice };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-photo-'));
    const inbox = path.join(dir, 'inbox');
    await fs.mkdir(inbox);
    truth = JSON.parse(await fs.readFile(`${SCANNED}.json`, 'utf8'));
    const pdf = await fs.readFile(`${SCANNED}.pdf`);
    await fs.writeFile(path.join(inbox, 'escaneada.pdf'), pdf);
    await fs.writeFile(path.join(inbox, 'foto.jpg'), renderPage(pdf, DPI).asJPEG(88));
    // Stored a quarter turn counter-clockwise, tagged "turn 90° clockwise to view" (EXIF orientation 6).
    const sideways = renderPage(pdf, DPI, 270).asJPEG(88);
    await fs.writeFile(path.join(inbox, 'foto-girada.jpg'), withExifOrientation(sideways, 6));
    await fs.writeFile(path.join(inbox, 'foto.webp'), await toWebp(renderPage(pdf, DPI).asPNG()));
    const sidewaysPng = renderPage(pdf, DPI, 270).asPNG();
    await fs.writeFile(path.join(inbox, 'foto-girada.webp'), await toWebp(sidewaysPng, 6));
    const env = loadEnv({ INBOX_DIR: inbox, DATA_DIR: path.join(dir, 'data'), LOCAL_SETTLE_MS: '0' });
    services = await createServices(env, { logger: silentLogger });
    await services.source.ensureFolders();
  }, 120_000);
  afterAll(async () => {
    await services?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('the photos, upright and sideways, give the scan’s class, number, dates, tax ids and total', async () => {
    const files = await services.source.listInbox();
    expect(files.map((f) => f.name).sort()).toEqual([
      'escaneada.pdf',
      'foto-girada.jpg',
      'foto-girada.webp',
      'foto.jpg',
      'foto.webp',
    ]);
    const results = new Map<string, InvoiceResult>();
    for (const file of files) {
      const outcome = await services.queue.submit(file);
      expect('result' in outcome, file.name).toBe(true);
      if ('result' in outcome) results.set(file.name, resultSchema.parse(outcome.result));
    }
    const scan = results.get('escaneada.pdf')!;
    expect(scan.pages.ocr).toBe(1);
    expect(scan.invoice?.number).toBe(truth.invoice.number);
    expect(scan.invoice?.total).toBe(truth.invoice.total);
    for (const name of ['foto.jpg', 'foto-girada.jpg', 'foto.webp', 'foto-girada.webp']) {
      const photo = results.get(name)!;
      expect(photo.status, name).toBe('processed');
      expect(photo.pages, name).toEqual({ count: 1, ocr: 1 });
      expect(photo.classification?.label, name).toBe(truth.classification.label);
      for (const field of ['number', 'issueDate', 'dueDate', 'total', 'subtotal', 'tax'] as const) {
        expect(photo.invoice?.[field], `${name} ${field}`).toBe(scan.invoice?.[field]);
      }
      expect(photo.invoice?.supplier.taxId, name).toBe(scan.invoice?.supplier.taxId);
      expect(photo.invoice?.customer.taxId, name).toBe(scan.invoice?.customer.taxId);
      expect(photo.invoice?.number, name).toBe(truth.invoice.number);
      expect(photo.invoice?.total, name).toBe(truth.invoice.total);
      expect(photo.invoice?.lines.length, name).toBe(scan.invoice?.lines.length);
    }
    expect(await services.source.listInbox()).toEqual([]);
  }, 300_000);
});
