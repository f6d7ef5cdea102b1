import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalFolderSource } from '../../src/adapters/source/local/local-folder.ts';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import type { DocumentSource } from '../../src/ports/source.ts';
import type { StateStore } from '../../src/ports/state.ts';
import { createProcessor } from '../../src/processor/processor.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { quarantine, retryable } from '../../src/stages/errors.ts';
import { createFetchStage } from '../../src/stages/fetch.ts';
import { createFileStage } from '../../src/stages/file.ts';
import type { Stage } from '../../src/stages/stage.ts';

/** A classify stand-in driven by the file's content, so each test decides the class through its bytes. */
const classifyByContent: Stage = {
  name: 'classify',
  async run(context) {
    const text = context.bytes!.toString('latin1');
    if (text.startsWith('ENCRYPTED')) throw quarantine('encrypted', 'needs a password');
    if (text.startsWith('FLAKY')) throw retryable('unavailable', 'try later');
    const label = text.includes('preventivo')
      ? 'preventiva'
      : text.includes('falla')
        ? 'correctiva'
        : 'revision';
    context.classification = {
      label,
      class: label === 'preventiva' ? 1 : label === 'correctiva' ? 0 : null,
      confidence: 0.9,
      model: 'test',
      explanation: [],
    };
  },
};

describe('processor over the local inbox and SQLite state', () => {
  let dir: string;
  let source: DocumentSource;
  let state: StateStore;
  let runs: number;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-proc-'));
    source = createLocalFolderSource({ inboxDir: dir, settleMs: 0 });
    await source.ensureFolders();
    state = createSqliteStateStore({ path: ':memory:' });
    runs = 0;
  });
  afterEach(async () => {
    await state.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  function processor() {
    const counting: Stage = {
      name: 'count',
      async run() {
        runs++;
      },
    };
    const stages = [
      createFetchStage({ source, maxBytes: 1000 }),
      counting,
      classifyByContent,
      createFileStage({ source }),
    ];
    return createProcessor({
      source,
      state,
      stages,
      logger: silentLogger,
      runner: { retryDelayMs: () => 0 },
    });
  }

  it('files each invoice in its class folder once, however often it is seen', async () => {
    await fs.writeFile(path.join(dir, 'a.pdf'), 'mantenimiento preventivo');
    await fs.writeFile(path.join(dir, 'b.pdf'), 'reparación por falla');
    await fs.writeFile(path.join(dir, 'c.pdf'), 'algo ambiguo');
    const p = processor();
    for (const file of await source.listInbox()) {
      const [first, second] = await Promise.all([p.process(file), p.process(file)]);
      expect([first.kind, second.kind]).toContain('skipped');
    }
    expect(runs).toBe(3);
    expect((await source.listFolder('preventivas')).map((f) => f.name)).toEqual(['a.pdf']);
    expect((await source.listFolder('correctivas')).map((f) => f.name)).toEqual(['b.pdf']);
    expect((await source.listFolder('revision')).map((f) => f.name)).toEqual(['c.pdf']);
    expect(await source.listInbox()).toEqual([]);
    const statuses = (await state.listFiles()).map((r) => r.status).sort();
    expect(statuses).toEqual(['processed', 'processed', 'review']);
  });

  it('quarantines bad input with its reason and keeps going', async () => {
    await fs.writeFile(path.join(dir, 'locked.pdf'), 'ENCRYPTED');
    await fs.writeFile(path.join(dir, 'big.pdf'), 'x'.repeat(2000));
    await fs.writeFile(path.join(dir, 'ok.pdf'), 'preventivo');
    const p = processor();
    const outcomes = await Promise.all((await source.listInbox()).map((f) => p.process(f)));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['processed', 'quarantined', 'quarantined']);
    expect((await source.listFolder('cuarentena')).map((f) => f.name)).toEqual(['big.pdf', 'locked.pdf']);
    const records = await state.listFiles({ statuses: ['quarantined'] });
    expect(records.map((r) => r.result?.error?.code).sort()).toEqual(['encrypted', 'too_large']);
  });

  it('leaves a retryable failure in the inbox, recorded, and succeeds on a later attempt', async () => {
    await fs.writeFile(path.join(dir, 'flaky.pdf'), 'FLAKY');
    const p = processor();
    const [file] = await source.listInbox();
    const outcome = await p.process(file!);
    expect(outcome).toMatchObject({ kind: 'failed', retryable: true, code: 'unavailable' });
    expect((await state.getFile(file!.id))?.status).toBe('failed');
    expect((await source.listInbox()).length).toBe(1);
    // A changed file (new content) is a new version and is processed again.
    await fs.writeFile(path.join(dir, 'flaky.pdf'), 'preventivo');
    const [changed] = await source.listInbox();
    expect((await p.process(changed!)).kind).toBe('processed');
  });

  it('files a second copy of a known invoice where the first went, without processing it again', async () => {
    await fs.writeFile(path.join(dir, 'a.pdf'), 'preventivo');
    const p = processor();
    await p.process((await source.listInbox())[0]!);
    await fs.writeFile(path.join(dir, 'a-copia.pdf'), 'preventivo');
    const outcome = await p.process((await source.listInbox())[0]!);
    expect(outcome).toEqual({ kind: 'skipped', reason: 'done' });
    expect(runs).toBe(1);
    expect((await source.listFolder('preventivas')).map((f) => f.name)).toEqual(['a-copia.pdf', 'a.pdf']);
  });
});
