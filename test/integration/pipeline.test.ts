import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/composition-root.ts';
import { loadEnv } from '../../src/config/env.ts';
import { type Invoice, resultSchema } from '../../src/contract/result.ts';
import { silentLogger } from '../../src/shared/logger.ts';

/**
 * The whole embedded pipeline with the real components: local inbox → mupdf (text layer) or tesseract.js (scan)
 * → onnxruntime-node classifier → extraction → SQLite warehouse → class folder.
 */
const SAMPLES = path.resolve('samples');
const DIGITAL = 's2074-00001';
const SCANNED = 's2074-00006';

interface Truth {
  classification: { label: 'correctiva' | 'preventiva'; class: 0 | 1 };
  invoice: Invoice;
}

describe('end to end on the embedded default (real mupdf, tesseract.js, onnxruntime-node, SQLite)', () => {
  let dir: string;
  let services: Services;
  const truths = new Map<string, Truth>();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-e2e-'));
    await fs.mkdir(path.join(dir, 'inbox'));
    for (const id of [DIGITAL, SCANNED]) {
      await fs.copyFile(path.join(SAMPLES, `${id}.pdf`), path.join(dir, 'inbox', `${id}.pdf`));
      truths.set(id, JSON.parse(await fs.readFile(path.join(SAMPLES, `${id}.json`), 'utf8')) as Truth);
    }
    const env = loadEnv({
      INBOX_DIR: path.join(dir, 'inbox'),
      DATA_DIR: path.join(dir, 'data'),
      LOCAL_SETTLE_MS: '0',
    });
    services = await createServices(env, { logger: silentLogger });
    await services.source.ensureFolders();
  }, 120_000);
  afterAll(async () => {
    await services?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads, classifies, extracts, loads and files a digital and a scanned invoice', async () => {
    const files = await services.source.listInbox();
    expect(files).toHaveLength(2);
    const outcomes = await Promise.all(files.map((f) => services.queue.submit(f)));

    for (const [index, file] of files.entries()) {
      const id = file.name.replace('.pdf', '');
      const truth = truths.get(id)!;
      const outcome = outcomes[index]!;
      expect(outcome.kind, id).toBe('processed');
      if (!('result' in outcome)) continue;
      const result = resultSchema.parse(outcome.result);
      expect(result.pages.ocr > 0, `${id} went through OCR`).toBe(id === SCANNED);
      expect(result.classification?.label, id).toBe(truth.classification.label);
      expect(result.invoice?.number, id).toBe(truth.invoice.number);
      expect(result.invoice?.issueDate, id).toBe(truth.invoice.issueDate);
      expect(result.invoice?.supplier.taxId, id).toBe(truth.invoice.supplier.taxId);
      expect(result.invoice?.total, id).toBe(truth.invoice.total);
      if (id === DIGITAL) {
        expect(result.invoice?.lines.map((l) => l.amount)).toEqual(truth.invoice.lines.map((l) => l.amount));
      }

      const folder = truth.classification.label === 'preventiva' ? 'preventivas' : 'correctivas';
      expect((await services.source.listFolder(folder)).map((f) => f.name)).toContain(file.name);
      const row = await services.warehouse.db
        .selectFrom('invoices')
        .selectAll()
        .where('file_id', '=', file.id)
        .executeTakeFirstOrThrow();
      expect(row.invoice_number).toBe(truth.invoice.number);
      expect(Number(row.total)).toBe(truth.invoice.total);
      expect(row.class_code).toBe(truth.classification.class);
      const lines = await services.warehouse.db
        .selectFrom('invoice_lines')
        .select(['amount'])
        .where('file_id', '=', file.id)
        .execute();
      expect(lines.length).toBe(result.invoice?.lines.length);
    }
    expect(await services.source.listInbox()).toEqual([]);

    // Seen again (a duplicate notification, a second sweep): nothing runs twice.
    const again = await services.queue.submit({ ...files[0]!, location: 'correctivas' });
    expect(again.kind).toBe('skipped');
    const count = await services.warehouse.db
      .selectFrom('invoices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  }, 240_000);
});
