import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/composition-root.ts';
import { loadEnv } from '../../src/config/env.ts';
import { FOLDER_NAMES } from '../../src/ports/source.ts';
import { createDrainer, type Drainer } from '../../src/processor/drain.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { createFakeDrive, type FakeDrive } from '../fakes/drive/server.ts';
import { amounts, CORRECTIVE_INVOICE, dianZip, zip } from '../stages/input/fixtures.ts';

/**
 * The same DIAN ZIP through the service on Drive (the fake Drive v3 server): the change feed hands the ZIP to
 * the pipeline (not only PDFs), the XML fills the warehouse, the ZIP is moved to Correctivas; a DOCX goes to
 * Cuarentena. Nothing stays in the inbox.
 */
describe('end to end on the fake Drive: a DIAN ZIP and a DOCX dropped in the inbox', () => {
  let dir: string;
  let fake: FakeDrive;
  let stopFake: () => Promise<void>;
  let inboxId: string;
  let services: Services;
  let drainer: Drainer;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-drive-files-'));
    fake = createFakeDrive();
    const started = await fake.start();
    stopFake = started.stop;
    inboxId = fake.createFolder('Entrada').id;
    const env = loadEnv({
      SOURCE: 'drive',
      DRIVE_INBOX_FOLDER_ID: inboxId,
      DRIVE_API_ROOT: started.url,
      DATA_DIR: path.join(dir, 'data'),
    });
    services = await createServices(env, { logger: silentLogger });
    await services.source.ensureFolders();
    drainer = createDrainer({
      feed: services.feed!,
      state: services.state,
      queue: services.queue,
      source: services.source,
      warehouse: services.warehouse,
      logger: silentLogger,
      owner: 'test',
      pollMs: 10,
    });
    await drainer.drain(); // the first drain only takes the start token
  }, 120_000);
  afterAll(async () => {
    await drainer?.idle();
    await services?.close();
    await stopFake?.();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('the change feed submits the ZIP and the DOCX; the warehouse holds the XML; each lands in its folder', async () => {
    const name = 'z0900373115000250000123.zip';
    const docxName = 'cotizacion.docx';
    const uploaded = fake.upload(
      name,
      await dianZip(CORRECTIVE_INVOICE),
      inboxId,
      'application/x-zip-compressed',
    );
    const docx = fake.upload(
      docxName,
      zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<document/>' }),
      inboxId,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const summary = await drainer.drain();
    expect(summary).toMatchObject({ status: 'drained', submitted: 2 });

    const row = await services.warehouse.db
      .selectFrom('invoices')
      .selectAll()
      .where('file_id', '=', uploaded.id)
      .executeTakeFirstOrThrow();
    const totals = amounts(CORRECTIVE_INVOICE);
    expect(row.status).toBe('processed');
    expect(row.label).toBe('correctiva');
    expect(row.invoice_number).toBe(CORRECTIVE_INVOICE.number);
    expect(row.cufe).toBe(CORRECTIVE_INVOICE.cufe);
    expect(String(row.issue_date).slice(0, 10)).toBe(CORRECTIVE_INVOICE.issueDate);
    expect(Number(row.total)).toBe(totals.total);
    expect(Number(row.tax)).toBe(totals.tax);
    expect(row.supplier_tax_id).toContain(CORRECTIVE_INVOICE.supplier.nit);
    const lines = await services.warehouse.db
      .selectFrom('invoice_lines')
      .select(['amount'])
      .where('file_id', '=', uploaded.id)
      .orderBy('line_no')
      .execute();
    expect(lines.map((l) => Number(l.amount))).toEqual(totals.lines);

    const quarantined = await services.warehouse.db
      .selectFrom('invoices')
      .selectAll()
      .where('file_id', '=', docx.id)
      .executeTakeFirstOrThrow();
    expect(quarantined.error_code).toBe('unsupported_type');

    const folderOf = (id: string) => {
      const parent = fake.file(id)?.parents[0];
      return parent ? fake.file(parent)?.name : undefined;
    };
    expect(folderOf(uploaded.id)).toBe(FOLDER_NAMES.correctivas);
    expect(folderOf(docx.id)).toBe(FOLDER_NAMES.cuarentena);
    expect(await services.source.listInbox()).toEqual([]);
  }, 120_000);
});
