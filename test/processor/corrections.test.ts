import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalFolderSource } from '../../src/adapters/source/local/local-folder.ts';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { createWarehouse, type KyselyWarehouse } from '../../src/adapters/warehouse/index.ts';
import { emptyInvoice } from '../../src/contract/result.ts';
import type { DocumentSource } from '../../src/ports/source.ts';
import type { StateStore } from '../../src/ports/state.ts';
import { noticeFiledLocation } from '../../src/processor/corrections.ts';
import { silentLogger } from '../../src/shared/logger.ts';

describe('a person moving a filed invoice', () => {
  let dir: string;
  let source: DocumentSource;
  let state: StateStore;
  let warehouse: KyselyWarehouse;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-corr-'));
    source = createLocalFolderSource({ inboxDir: path.join(dir, 'inbox'), settleMs: 0 });
    await source.ensureFolders();
    state = createSqliteStateStore({ path: ':memory:' });
    warehouse = await createWarehouse({ dialect: 'sqlite', file: path.join(dir, 'w.sqlite') }, silentLogger);
    await warehouse.migrate();
  });
  afterEach(async () => {
    await state.close();
    await warehouse.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Records a file as the pipeline would after filing it in Correctivas with class 0. */
  async function fileAsCorrectiva(name: string) {
    await fs.writeFile(path.join(dir, 'inbox', name), `contenido ${name}`);
    let [file] = await source.listInbox();
    file = await source.moveTo(file!, 'correctivas');
    const result = {
      file: file.id,
      status: 'processed' as const,
      error: null,
      classification: { label: 'correctiva' as const, class: 0 as const, confidence: 0.91, model: 'm1' },
      invoice: { ...emptyInvoice(), number: 'FE-1', total: 100 },
      confidence: {},
      validation: { ok: true, issues: [] },
      pages: { count: 1, ocr: 0 },
      timings: {},
    };
    await state.claimFile({ fileId: file.id, name, md5: file.md5, owner: 'me', leaseMs: 60_000 });
    await state.completeFile(file.id, 'me', { status: 'processed', folder: 'correctivas', result });
    await warehouse.save([
      {
        fileId: file.id,
        fileName: name,
        link: null,
        result,
        labelSource: 'model',
        explanation: [],
        duplicateOf: null,
        processedAt: new Date(),
      },
    ]);
    return file;
  }

  it('ignores our own filing and records a move to the other class as a human label', async () => {
    const filed = await fileAsCorrectiva('a.pdf');
    expect(await noticeFiledLocation(filed, { state, warehouse, logger: silentLogger })).toBe('as-filed');
    expect(await state.listHumanLabels()).toEqual([]);

    const moved = await source.moveTo(filed, 'preventivas');
    expect(await noticeFiledLocation(moved, { state, warehouse, logger: silentLogger })).toBe('correction');
    const labels = await state.listHumanLabels();
    expect(labels).toMatchObject([{ fileId: filed.id, class: 1, previousClass: 0 }]);
    expect((await state.getFile(filed.id))?.folder).toBe('preventivas');
    const row = await warehouse.db
      .selectFrom('invoices')
      .selectAll()
      .where('file_id', '=', filed.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ class_code: 1, label_source: 'human' });

    // Seen again where the person put it: not a second correction.
    expect(await noticeFiledLocation(moved, { state, warehouse, logger: silentLogger })).toBe('as-filed');
    expect(await state.listHumanLabels()).toHaveLength(1);
  });

  it('a correction the warehouse could not take is retried until it is there (warehouse first)', async () => {
    const filed = await fileAsCorrectiva('b.pdf');
    const moved = await source.moveTo(filed, 'preventivas');
    const down = {
      ...warehouse,
      setHumanLabel: async () => {
        throw new Error('Connection terminated unexpectedly');
      },
    };
    await expect(
      noticeFiledLocation(moved, { state, warehouse: down, logger: silentLogger }),
    ).rejects.toThrow('Connection terminated');
    // Nothing says the move was handled: the next look still sees a correction, and stores it.
    expect((await state.getFile(filed.id))?.folder).toBe('correctivas');
    expect(await noticeFiledLocation(moved, { state, warehouse, logger: silentLogger })).toBe('correction');
    const row = await warehouse.db
      .selectFrom('invoices')
      .selectAll()
      .where('file_id', '=', filed.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ class_code: 1, label_source: 'human' });
    expect(await state.listHumanLabels()).toMatchObject([{ fileId: filed.id, class: 1, previousClass: 0 }]);
  });

  it('knows nothing about files it never processed', async () => {
    await fs.writeFile(path.join(dir, 'inbox', 'Preventivas', 'x.pdf'), 'x');
    const [stranger] = await source.listFolder('preventivas');
    expect(await noticeFiledLocation(stranger!, { state, warehouse, logger: silentLogger })).toBe('unknown');
  });
});
