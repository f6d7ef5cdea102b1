import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import type { DocumentSource, SourceFile, TargetFolder } from '../../src/ports/source.ts';
import type { StateStore } from '../../src/ports/state.ts';
import { createProcessor } from '../../src/processor/processor.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import type { Stage } from '../../src/stages/stage.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const file: SourceFile = {
  id: 'f1',
  name: 'FE-1.pdf',
  md5: 'md5-a',
  size: 10,
  mimeType: 'application/pdf',
  location: 'inbox',
  modifiedTime: null,
  link: null,
};

/** Two instances sharing one SQLite state file; a slow stage stands in for a long scanned document. */
describe('per-file lease heartbeat', () => {
  let dir: string;
  let a: StateStore;
  let b: StateStore;
  let moves: string[];

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-lease-'));
    a = createSqliteStateStore({ path: path.join(dir, 'state.sqlite') });
    b = createSqliteStateStore({ path: path.join(dir, 'state.sqlite') });
    moves = [];
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await fs.rm(dir, { recursive: true, force: true });
  });

  const source: DocumentSource = {
    kind: 'drive',
    ensureFolders: async () => ({}) as Record<TargetFolder | 'inbox', string>,
    listInbox: async () => [],
    listFolder: async () => [],
    download: async () => Buffer.from('x'),
    moveTo: async (f, target) => {
      moves.push(`${f.id}->${target}`);
      return { ...f, location: target };
    },
  };

  function processor(state: StateStore, owner: string, stageMs: number, leaseMs: number) {
    const slow: Stage = {
      name: 'slow',
      async run(context) {
        const until = Date.now() + stageMs;
        while (Date.now() < until && !context.signal.aborted) await sleep(20);
        context.classification = {
          label: 'correctiva',
          class: 0,
          confidence: 0.9,
          model: 't',
          explanation: [],
        };
      },
    };
    const move: Stage = {
      name: 'file',
      runsOnQuarantine: true,
      async run(context) {
        context.file = await source.moveTo(context.file, 'correctivas');
        context.folder = 'correctivas';
      },
    };
    return createProcessor({ source, state, stages: [slow, move], logger: silentLogger, owner, leaseMs });
  }

  it('renews the lease while a file takes several lease lifetimes, so no other instance takes it over', async () => {
    const run = processor(a, 'A', 1_200, 300).process(file);
    const rivals: string[] = [];
    for (let i = 0; i < 8; i++) {
      await sleep(120);
      const outcome = await processor(b, 'B', 0, 300).process(file);
      rivals.push(outcome.kind === 'skipped' ? outcome.reason : outcome.kind);
    }
    const outcome = await run;
    expect(outcome.kind).toBe('processed');
    expect(rivals.every((r) => r === 'busy')).toBe(true);
    expect(moves).toEqual(['f1->correctivas']);
    expect(await b.getFile('f1')).toMatchObject({ status: 'processed', attempts: 1, leaseOwner: null });
  });

  it('stops a run whose lease another instance took, before it moves or records anything', async () => {
    const run = processor(a, 'A', 1_500, 400).process(file);
    await sleep(100);
    // The lease is taken away (as after a long stall of A's state store): B now owns the file.
    const db = (await import('better-sqlite3')).default(path.join(dir, 'state.sqlite'));
    db.prepare("UPDATE state_files SET lease_owner = 'B' WHERE file_id = 'f1'").run();
    db.close();
    const began = Date.now();
    const outcome = await run;
    expect(outcome).toMatchObject({ kind: 'failed', code: 'lease_lost', retryable: true });
    expect(Date.now() - began).toBeLessThan(1_000);
    expect(moves).toEqual([]);
    expect(await b.getFile('f1')).toMatchObject({ status: 'processing', leaseOwner: 'B', lastError: null });
  });
});
