import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createSqliteStateStore } from '../../../src/adapters/state/sqlite-state-store.ts';
import { sampleResult } from './sample-result.ts';
import { describeStateStoreContract } from './state-contract.ts';

describeStateStoreContract('sqlite (two connections to one WAL file)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'state-contract-'));
  let generation = 0;
  let file = '';
  return {
    async open(now) {
      return createSqliteStateStore({ path: file, now });
    },
    async reset() {
      file = path.join(dir, `state-${++generation}.sqlite`);
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('sqlite state store specifics', () => {
  it('works in memory', async () => {
    const store = createSqliteStateStore({ path: ':memory:' });
    const claimed = await store.claimFile({
      fileId: 'x',
      name: 'x.pdf',
      md5: 'm',
      owner: 'o',
      leaseMs: 1000,
    });
    expect(claimed?.status).toBe('processing');
    await store.close();
  });

  it('keeps its state across reopen and creates the data folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'state-reopen-'));
    const file = path.join(dir, 'nested', 'state.sqlite');
    try {
      const first = createSqliteStateStore({ path: file });
      await first.claimFile({ fileId: 'x', name: 'x.pdf', md5: 'm', owner: 'o', leaseMs: 60_000 });
      await first.completeFile('x', 'o', {
        status: 'processed',
        folder: 'correctivas',
        result: sampleResult('x'),
      });
      await first.setPageToken(null, '42');
      await first.close();
      const second = createSqliteStateStore({ path: file });
      expect(await second.getPageToken()).toBe('42');
      expect((await second.getFile('x'))?.result).toEqual(sampleResult('x'));
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('claim + complete takes well under 1 ms on a WAL file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'state-bench-'));
    const store = createSqliteStateStore({ path: path.join(dir, 'state.sqlite') });
    try {
      const result = sampleResult('bench');
      const rounds = 500;
      const started = performance.now();
      for (let i = 0; i < rounds; i++) {
        const fileId = `bench-${i}`;
        await store.claimFile({ fileId, name: 'b.pdf', md5: 'm', owner: 'o', leaseMs: 60_000 });
        await store.completeFile(fileId, 'o', { status: 'processed', folder: 'preventivas', result });
      }
      const perFileMs = (performance.now() - started) / rounds;
      expect(perFileMs).toBeLessThan(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Worker threads do not inherit tsx's loader: register it inside the worker, then load the TypeScript file.
const TS_WORKER_BOOTSTRAP = `
  const { workerData } = require('node:worker_threads');
  import('tsx/esm/api').then((tsx) => { tsx.register(); return import(workerData.script); });
`;
const CLAIM_WORKER = new URL('./sqlite-claim-worker.ts', import.meta.url).href;

describe('sqlite state store across threads', () => {
  it('four connections racing over 300 files: every file claimed exactly once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'state-race-'));
    const file = path.join(dir, 'state.sqlite');
    try {
      // Create the schema first so the workers race on claims, not on migrations.
      await createSqliteStateStore({ path: file }).close();
      const fileIds = Array.from({ length: 300 }, (_, i) => `race-${i}`);
      const results = await Promise.all(
        ['w1', 'w2', 'w3', 'w4'].map(
          (owner) =>
            new Promise<string[]>((resolve, reject) => {
              const worker = new Worker(TS_WORKER_BOOTSTRAP, {
                eval: true,
                workerData: { path: file, owner, fileIds, script: CLAIM_WORKER },
              });
              worker.once('message', resolve);
              worker.once('error', reject);
            }),
        ),
      );
      const won = results.flat();
      expect(won).toHaveLength(fileIds.length);
      expect(new Set(won).size).toBe(fileIds.length);
      const store = createSqliteStateStore({ path: file });
      expect(await store.listFiles({ statuses: ['processing'] })).toHaveLength(fileIds.length);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
