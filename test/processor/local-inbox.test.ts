import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalFolderSource } from '../../src/adapters/source/local/local-folder.ts';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { createWarehouse, type KyselyWarehouse } from '../../src/adapters/warehouse/index.ts';
import type { StateStore } from '../../src/ports/state.ts';
import { type LocalInbox, startLocalInbox } from '../../src/processor/local-inbox.ts';
import { createProcessor } from '../../src/processor/processor.ts';
import { createWorkQueue } from '../../src/processor/work-queue.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { createFetchStage } from '../../src/stages/fetch.ts';
import { createFileStage } from '../../src/stages/file.ts';
import type { Stage } from '../../src/stages/stage.ts';

const preventiva: Stage = {
  name: 'classify',
  async run(context) {
    context.classification = { label: 'preventiva', class: 1, confidence: 1, model: 't', explanation: [] };
  },
};

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

describe('local inbox watcher', () => {
  let dir: string;
  let state: StateStore;
  let warehouse: KyselyWarehouse;
  let inbox: LocalInbox;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-inbox-'));
    state = createSqliteStateStore({ path: ':memory:' });
    warehouse = await createWarehouse({ dialect: 'sqlite', file: path.join(dir, 'w.sqlite') }, silentLogger);
    await warehouse.migrate();
  });
  afterEach(async () => {
    await inbox.stop();
    await state.close();
    await warehouse.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  function start(inboxDir: string) {
    const source = createLocalFolderSource({ inboxDir, settleMs: 100 });
    const stages = [createFetchStage({ source, maxBytes: 1e6 }), preventiva, createFileStage({ source })];
    const processor = createProcessor({ source, state, stages, logger: silentLogger });
    const queue = createWorkQueue({ processor, concurrency: 2, logger: silentLogger });
    return { source, queue };
  }

  it('processes files present at start and files dropped later within seconds, without waiting for the sweep', async () => {
    const inboxDir = path.join(dir, 'inbox');
    await fs.mkdir(inboxDir);
    await fs.writeFile(path.join(inboxDir, 'antes.pdf'), 'a');
    const { source, queue } = start(inboxDir);
    await source.ensureFolders();
    inbox = startLocalInbox({
      inboxDir,
      source,
      state,
      warehouse,
      queue,
      logger: silentLogger,
      sweepIntervalMs: 600_000,
      settleMs: 100,
    });
    const preventivas = path.join(inboxDir, 'Preventivas');
    await waitFor(async () => (await fs.readdir(preventivas)).includes('antes.pdf'), 5_000);

    await fs.writeFile(path.join(inboxDir, 'despues.pdf'), 'b');
    const ms = await waitFor(async () => (await fs.readdir(preventivas)).includes('despues.pdf'), 10_000);
    expect(ms).toBeLessThan(10_000);
    expect((await state.listFiles()).map((r) => r.status)).toEqual(['processed', 'processed']);
  });
});
