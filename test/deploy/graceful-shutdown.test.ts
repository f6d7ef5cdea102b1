import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceProcess } from '../support/service-process.ts';

const SAMPLES = path.resolve('samples');
const CLASS_FOLDERS = ['Correctivas', 'Preventivas', 'Revisión', 'Cuarentena'];

describe('the service shut down with work in flight (SIGTERM)', () => {
  let dir: string;
  let pdfs: string[];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-sigterm-'));
    pdfs = (await fs.readdir(SAMPLES)).filter((n) => n.endsWith('.pdf'));
    await fs.mkdir(path.join(dir, 'inbox'), { recursive: true });
    for (const name of pdfs) await fs.copyFile(path.join(SAMPLES, name), path.join(dir, 'inbox', name));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const env = () => ({
    INBOX_DIR: path.join(dir, 'inbox'),
    DATA_DIR: path.join(dir, 'data'),
    LOCAL_SETTLE_MS: '0',
    PROCESS_CONCURRENCY: '2',
    SHUTDOWN_GRACE_MS: '3000',
    LOG_LEVEL: 'INFO',
  });

  async function filed(): Promise<string[]> {
    const names: string[] = [];
    for (const folder of CLASS_FOLDERS) {
      names.push(...(await fs.readdir(path.join(dir, 'inbox', folder)).catch(() => [])));
    }
    return names;
  }

  function records() {
    const db = new Database(path.join(dir, 'data', 'state.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT file_id, status, lease_owner FROM state_files').all() as {
        file_id: string;
        status: string;
        lease_owner: string | null;
      }[];
    } finally {
      db.close();
    }
  }

  it('stops within the grace period, loses nothing and leaves no lease behind; a restart finishes the rest', async () => {
    const first = startServiceProcess(['node', '--import', 'tsx', 'src/main.ts'], env());
    await first.waitForLog((l) => l.message === 'file done');
    first.kill('SIGTERM');
    const started = Date.now();
    expect(await first.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(first.logs.some((l) => l.message === 'stopped')).toBe(true);

    const afterStop = records();
    expect(afterStop.filter((r) => r.status === 'processing')).toEqual([]);
    const inbox = (await fs.readdir(path.join(dir, 'inbox'), { withFileTypes: true })).filter((e) =>
      e.isFile(),
    );
    // Every invoice is either filed in a folder or still waiting in the inbox: none vanished.
    expect(inbox.length + (await filed()).length).toBe(pdfs.length);
    console.info(
      `SIGTERM after the first file: ${inbox.length} of ${pdfs.length} still waiting in the inbox`,
    );

    const second = startServiceProcess(['node', '--import', 'tsx', 'src/main.ts'], env());
    const deadline = Date.now() + 240_000;
    while ((await filed()).length < pdfs.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
    }
    second.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect((await filed()).sort()).toEqual([...pdfs].sort());
    const finalRecords = records();
    expect(finalRecords).toHaveLength(pdfs.length);
    expect(finalRecords.every((r) => r.status !== 'processing' && r.lease_owner === null)).toBe(true);
  });
});
