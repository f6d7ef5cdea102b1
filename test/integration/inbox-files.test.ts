import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/composition-root.ts';
import { loadEnv } from '../../src/config/env.ts';
import { resultSchema } from '../../src/contract/result.ts';
import type { SourceFile } from '../../src/ports/source.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { parseStructuredInvoice } from '../../src/stages/extract/structured/index.ts';
import { amounts, attachedDocument, CORRECTIVE_INVOICE, dianZip, zip } from '../stages/input/fixtures.ts';

/**
 * Files other than PDFs through the embedded service (local inbox → read → classify → extract → SQLite →
 * class folder): a DIAN ZIP and a lone AttachedDocument give the XML's values in the warehouse and are
 * filed by class; a DOCX and an empty ZIP leave the inbox for Cuarentena with their reason.
 */
describe('end to end: ZIP, XML and unsupported files in the local inbox', () => {
  let dir: string;
  let services: Services;
  const inbox = () => path.join(dir, 'inbox');
  const xml = attachedDocument(CORRECTIVE_INVOICE);
  const expected = parseStructuredInvoice(xml);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-inbox-files-'));
    await fs.mkdir(inbox());
    const env = loadEnv({ INBOX_DIR: inbox(), DATA_DIR: path.join(dir, 'data'), LOCAL_SETTLE_MS: '0' });
    services = await createServices(env, { logger: silentLogger });
    await services.source.ensureFolders();
  }, 120_000);
  afterAll(async () => {
    await services?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function process(name: string, bytes: Uint8Array | string) {
    await fs.writeFile(path.join(inbox(), name), bytes);
    const file = (await services.source.listInbox()).find((f) => f.name === name);
    expect(file, name).toBeDefined();
    const outcome = await services.queue.submit(file!);
    return { file: file!, outcome };
  }

  async function row(file: SourceFile) {
    return services.warehouse.db
      .selectFrom('invoices')
      .selectAll()
      .where('file_id', '=', file.id)
      .executeTakeFirstOrThrow();
  }

  async function expectRowEqualsXml(file: SourceFile) {
    if (!expected.ok) throw new Error(expected.message);
    const invoice = expected.invoice;
    const totals = amounts(CORRECTIVE_INVOICE);
    const stored = await row(file);
    expect(stored.invoice_number).toBe(CORRECTIVE_INVOICE.number);
    expect(stored.cufe).toBe(CORRECTIVE_INVOICE.cufe);
    expect(String(stored.issue_date).slice(0, 10)).toBe(CORRECTIVE_INVOICE.issueDate);
    expect(String(stored.due_date).slice(0, 10)).toBe(CORRECTIVE_INVOICE.dueDate);
    expect(Number(stored.subtotal)).toBe(totals.subtotal);
    expect(Number(stored.tax)).toBe(totals.tax);
    expect(Number(stored.total)).toBe(totals.total);
    expect(stored.currency).toBe('COP');
    expect(stored.supplier_name).toBe(invoice.supplier.name);
    expect(stored.supplier_tax_id).toBe(invoice.supplier.taxId);
    expect(stored.supplier_tax_id).toContain(CORRECTIVE_INVOICE.supplier.nit);
    expect(stored.customer_tax_id).toBe(invoice.customer.taxId);
    const lines = await services.warehouse.db
      .selectFrom('invoice_lines')
      .selectAll()
      .where('file_id', '=', file.id)
      .orderBy('line_no')
      .execute();
    expect(lines.map((l) => Number(l.amount))).toEqual(totals.lines);
    expect(lines.map((l) => l.description)).toEqual(CORRECTIVE_INVOICE.lines.map((l) => l.description));
    expect(lines.map((l) => l.code)).toEqual(CORRECTIVE_INVOICE.lines.map((l) => l.code));
    expect(lines.map((l) => Number(l.quantity))).toEqual(CORRECTIVE_INVOICE.lines.map((l) => l.quantity));
    expect(lines.map((l) => Number(l.unit_price))).toEqual(CORRECTIVE_INVOICE.lines.map((l) => l.unitPrice));
  }

  it('a DIAN ZIP (PDF + AttachedDocument): the XML fills the warehouse, the ZIP is filed in its class folder', async () => {
    const name = 'z0900373115000250000123.zip';
    const { file, outcome } = await process(name, await dianZip(CORRECTIVE_INVOICE));
    expect(outcome.kind).toBe('processed');
    if (!('result' in outcome)) return;
    const result = resultSchema.parse(outcome.result);
    expect(result.classification?.label).toBe('correctiva');
    expect(result.pages.count).toBe(1);
    expect(result.provenance?.number).toBe('xml');
    await expectRowEqualsXml(file);
    expect((await row(file)).class_code).toBe(0);
    expect((await services.source.listFolder('correctivas')).map((f) => f.name)).toContain(name);
    expect((await services.source.listInbox()).map((f) => f.name)).not.toContain(name);
  }, 120_000);

  it('a lone AttachedDocument XML: the same row, classified from its line descriptions', async () => {
    const { file, outcome } = await process('ad0900373115000250000123.xml', xml);
    expect(outcome.kind).toBe('processed');
    if (!('result' in outcome)) return;
    expect(outcome.result.pages.count).toBe(0);
    expect(outcome.result.classification?.label).toBe('correctiva');
    await expectRowEqualsXml(file);
    expect((await services.source.listFolder('correctivas')).map((f) => f.name)).toContain(file.name);
  }, 120_000);

  it('a DOCX and an empty ZIP go to Cuarentena with unsupported_type, recorded in the warehouse', async () => {
    const docx = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<document/>' });
    const empty = zip({});
    for (const [name, bytes] of [
      ['cotizacion.docx', docx],
      ['vacio.zip', empty],
    ] as const) {
      const { file, outcome } = await process(name, bytes);
      expect(outcome.kind, name).toBe('quarantined');
      expect((await row(file)).error_code, name).toBe('unsupported_type');
      expect((await services.source.listFolder('cuarentena')).map((f) => f.name)).toContain(name);
    }
    expect(await services.source.listInbox()).toEqual([]);
  }, 60_000);
});
