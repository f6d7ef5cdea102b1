import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { FOLDER_NAMES } from '../../src/ports/source.ts';
import type { ReviewForm } from '../../src/processor/review-input.ts';
import {
  createWorld,
  mysqlAvailable,
  nit,
  postgresAvailable,
  supplierInvoice,
  type World,
} from '../server/review/world.ts';
import { serviceMissing } from '../support/required-service.ts';

/**
 * The review service against real components: mupdf, the extractor, a local inbox, the SQLite state store and
 * the warehouse on SQLite and, when they answer, PostgreSQL (127.0.0.1:5432) and MariaDB (127.0.0.1:3306).
 */

const available = { sqlite: true, postgres: await postgresAvailable(), mysql: await mysqlAvailable() };
for (const [name, up] of Object.entries(available))
  if (!up) serviceMissing(name, `la prueba del servicio de revisión en ${name}`);

/** The form as the page sends it: every field and line as the screen shows it, then the person's edits. */
async function formFor(
  world: World,
  fileId: string,
  edits: Record<string, string> = {},
): Promise<ReviewForm> {
  const view = await world.service.view(fileId);
  if (!view) throw new Error('no view');
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(view.invoice.fields))
    fields[field] = value === null ? '' : typeof value === 'number' ? value.toFixed(2) : value;
  const lines = view.invoice.lines.map((l) => ({
    code: l.code ?? '',
    description: l.description ?? '',
    quantity: l.quantity === null ? '' : String(l.quantity),
    unit: l.unit ?? '',
    unitPrice: l.unitPrice === null ? '' : String(l.unitPrice),
    amount: l.amount === null ? '' : l.amount.toFixed(2),
  }));
  const form: ReviewForm = {
    version: view.invoice.version,
    fields: { ...fields, ...edits },
    lines,
    classCode: '1',
  };
  return form;
}

const folderFiles = (world: World, folder: keyof typeof FOLDER_NAMES) =>
  readdirSync(path.join(world.inbox, FOLDER_NAMES[folder]));

for (const dialect of ['sqlite', 'postgres', 'mysql'] as const) {
  describe.skipIf(!available[dialect])(`review service (${dialect})`, () => {
    let world: World;
    afterEach(async () => {
      await world?.close();
    });

    it('queues doubtful documents oldest first, with counts', async () => {
      world = await createWorld({ dialect });
      const first = await world.ingest(supplierInvoice({ number: 'FE-1' }), {
        misread: (e) => {
          e.confidence.total = 0.4;
        },
      });
      const second = await world.ingest(supplierInvoice({ number: 'FE-2' }));
      const queue = await world.service.queue();
      expect(queue.items.map((i) => i.fileId)).toEqual([first.fileId, second.fileId]);
      expect(queue.counts.total).toBe(2);
      expect(queue.counts.review).toBe(2);
      expect(queue.items[0]?.why).toContain('low_confidence');
    });

    it('confirms a corrected total in one transaction: values, human sources, audit, file moved, queue emptied, learned', async () => {
      const at = new Date('2026-04-01T12:00:00.000Z');
      world = await createWorld({ dialect, clock: () => at });
      const { fileId } = await world.ingest(supplierInvoice(), {
        misread: (e) => {
          e.invoice.total = 1_100_000;
          e.confidence.total = 0.42;
        },
      });
      const view = await world.service.view(fileId);
      expect(view?.doubtful).toContain('total');
      expect(view?.pages).toHaveLength(1);
      expect(view?.evidence.number?.page).toBe(0);

      const outcome = await world.service.confirm(
        fileId,
        await formFor(world, fileId, { total: '1.190.000,00' }),
        'ana',
      );
      expect(outcome).toMatchObject({ kind: 'saved', folder: 'preventivas', warnings: [] });
      if (outcome.kind === 'saved') expect(outcome.learned).toContain('total');

      const row = await sql<{
        total: string | number;
        field_source: string;
        label_source: string;
        reviewed_by: string;
        status: string;
      }>`select total, field_source, label_source, reviewed_by, status from invoices where file_id = ${fileId}`.execute(
        world.warehouse.db,
      );
      expect(Number(row.rows[0]?.total)).toBe(1_190_000);
      expect(row.rows[0]).toMatchObject({
        field_source: 'human',
        label_source: 'human',
        reviewed_by: 'ana',
        status: 'processed',
      });

      const audit = await world.store.audit(fileId);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'correct',
          field: 'total',
          oldValue: '1100000',
          newValue: '1190000',
          reviewer: 'ana',
          at,
        }),
      ]);
      const view2 = await sql<{
        field: string;
        reviewer: string;
      }>`select field, reviewer from v_invoice_audit where file_id = ${fileId}`.execute(world.warehouse.db);
      expect(view2.rows).toEqual([{ field: 'total', reviewer: 'ana' }]);

      expect(folderFiles(world, 'preventivas')).toEqual(['factura-FE-1001.pdf']);
      expect(folderFiles(world, 'revision')).toEqual([]);
      expect((await world.state.getFile(fileId))?.folder).toBe('preventivas');
      expect((await world.service.queue()).counts.total).toBe(0);
      const locators = await world.store.locators(nit('900123456').replace(/\./g, ''));
      expect(locators.map((l) => l.field)).toContain('total');
      expect(locators.find((l) => l.field === 'total')?.labelText).toBe('total a pagar');
    });

    it('refuses bad input field by field and saves nothing', async () => {
      world = await createWorld({ dialect });
      const { fileId } = await world.ingest(supplierInvoice());
      const form = await formFor(world, fileId, {
        issueDate: '2026-02-30',
        number: 'x'.repeat(129),
        total: 'mil pesos',
      });
      form.lines[0] = { ...(form.lines[0] as Record<string, string>), quantity: '-2' };
      const outcome = await world.service.confirm(fileId, form, 'ana');
      expect(outcome.kind).toBe('invalid');
      if (outcome.kind !== 'invalid') return;
      expect(Object.keys(outcome.errors).sort()).toEqual([
        'issueDate',
        'lines.0.quantity',
        'number',
        'total',
      ]);
      expect(await world.store.audit(fileId)).toEqual([]);
      expect(folderFiles(world, 'revision')).toHaveLength(1);
    });

    it('stores HTML and SQL as text, and warns (but saves) when the totals no longer add up', async () => {
      world = await createWorld({ dialect });
      const { fileId } = await world.ingest(supplierInvoice());
      const hostile = `<script>alert(1)</script>'; DROP TABLE invoices; --`;
      const outcome = await world.service.confirm(
        fileId,
        await formFor(world, fileId, { supplierName: hostile, total: '999,00' }),
        'ana',
      );
      expect(outcome.kind).toBe('saved');
      if (outcome.kind === 'saved')
        expect(outcome.warnings).toContain('Subtotal más impuestos no da el total');
      const stored = await world.store.get(fileId);
      expect(stored?.fields.supplierName).toBe(hostile);
      expect(stored?.fields.total).toBe(999);
    });

    it('gives the second of two simultaneous reviewers a conflict and keeps the first one’s values', async () => {
      world = await createWorld({ dialect });
      const { fileId } = await world.ingest(supplierInvoice());
      const first = await formFor(world, fileId, { number: 'FE-1001-A' });
      const second = await formFor(world, fileId, { number: 'FE-1001-B' });
      const results = await Promise.all([
        world.service.confirm(fileId, first, 'ana'),
        world.service.confirm(fileId, second, 'beto'),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(['conflict', 'saved']);
      const winner = results[0]?.kind === 'saved' ? 'FE-1001-A' : 'FE-1001-B';
      expect((await world.store.get(fileId))?.fields.number).toBe(winner);
      expect((await world.store.audit(fileId)).filter((a) => a.field === 'number')).toHaveLength(1);
    });

    it('saves the data of a document deleted from the folder meanwhile, and says the file did not move', async () => {
      world = await createWorld({ dialect });
      const { fileId } = await world.ingest(supplierInvoice(), { name: 'borrada.pdf' });
      const form = await formFor(world, fileId);
      const { rmSync } = await import('node:fs');
      rmSync(path.join(world.inbox, FOLDER_NAMES.revision, 'borrada.pdf'));
      const outcome = await world.service.confirm(fileId, form, 'ana');
      expect(outcome).toMatchObject({ kind: 'saved', folder: null });
      if (outcome.kind === 'saved') expect(outcome.warnings.join(' ')).toContain('ya no está');
    });

    it('sends a document to Cuarentena with a reason, and another back for reprocessing', async () => {
      world = await createWorld({ dialect });
      const a = await world.ingest(supplierInvoice({ number: 'FE-A' }));
      const b = await world.ingest(supplierInvoice({ number: 'FE-B' }));
      const version = (await world.store.get(a.fileId))?.version ?? '';
      expect(
        await world.service.quarantine(a.fileId, version, 'No es una factura: es una cotización', 'ana'),
      ).toMatchObject({
        kind: 'done',
      });
      expect(folderFiles(world, 'cuarentena')).toEqual(['factura-FE-A.pdf']);
      expect((await world.store.get(a.fileId))?.status).toBe('quarantined');
      expect((await world.store.audit(a.fileId))[0]).toMatchObject({
        action: 'quarantine',
        reason: 'No es una factura: es una cotización',
      });
      expect(await world.service.reprocess(b.fileId, 'ana')).toMatchObject({ kind: 'done' });
      expect(world.resubmitted).toEqual([b.fileId]);
      expect((await world.service.queue()).items.map((i) => i.fileId)).toEqual([b.fileId]);
    });

    it('keeps confirmed data when the model re-runs the file, and hands it back on "reprocess"', async () => {
      world = await createWorld({ dialect });
      const { fileId } = await world.ingest(supplierInvoice(), {
        misread: (e) => {
          e.invoice.total = 1_100_000;
        },
      });
      const before = await world.store.get(fileId);
      const modelRun = async () => {
        const record = await world.state.getFile(fileId);
        await world.warehouse.save([
          {
            fileId,
            fileName: 'factura-FE-1001.pdf',
            link: null,
            result: record!.result!,
            labelSource: 'model',
            explanation: [],
            duplicateOf: null,
            processedAt: new Date(),
          },
        ]);
      };
      await world.service.confirm(fileId, await formFor(world, fileId, { total: '1.190.000,00' }), 'ana');
      await modelRun();
      expect((await world.store.get(fileId))?.fields.total).toBe(1_190_000);
      expect((await world.store.get(fileId))?.fieldSource).toBe('human');
      await world.service.reprocess(fileId, 'ana');
      await modelRun();
      const after = await world.store.get(fileId);
      expect(after?.fields.total).toBe(before?.fields.total);
      expect(after?.fieldSource).toBe('model');
    });

    it('renders the pages to PNG once and serves them from the cache', async () => {
      world = await createWorld({ dialect });
      const { fileId } = await world.ingest(supplierInvoice());
      const png = await world.service.pageImage(fileId, 0);
      expect(png?.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(existsSync(path.join(world.dir, 'data', 'review-pages'))).toBe(true);
      expect(await world.service.pageImage(fileId, 3)).toBeNull();
    });
  });
}
