import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { createWarehouse } from '../../src/adapters/warehouse/index.ts';
import type { Warehouse } from '../../src/ports/warehouse.ts';
import { registerPendingFilesGauge } from '../../src/processor/pending-metrics.ts';
import { createProcessor } from '../../src/processor/processor.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { retryable } from '../../src/stages/errors.ts';
import { createLoadStage } from '../../src/stages/load.ts';
import type { Stage } from '../../src/stages/stage.ts';
import { createLabelStage, createMemoryDrive, createMemoryWarehouse } from './drain-fakes.ts';

/**
 * A warehouse down for longer than the attempt budget: every sweep tries the file again (the real pg driver
 * against a server that hangs up), none of those failures uses up its attempts, and once the warehouse is back
 * the file is processed. A failure of the file itself still stops at the budget.
 */
let server: net.Server;
let port: number;
const dir = mkdtempSync(path.join(tmpdir(), 'outage-'));

beforeAll(async () => {
  server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('warehouse outage longer than the attempt budget', () => {
  it('keeps retrying the file on every sweep and processes it once the warehouse is back', async () => {
    const down = await createWarehouse(
      { dialect: 'postgres', host: '127.0.0.1', port, database: 'f', user: 'u', password: 'p' } as Parameters<
        typeof createWarehouse
      >[0],
      silentLogger,
    );
    const up = createMemoryWarehouse();
    let current: Warehouse = down;
    const warehouse = new Proxy({} as Warehouse, { get: (_, key) => Reflect.get(current, key) });
    const drive = createMemoryDrive();
    const state = createSqliteStateStore({ path: path.join(dir, 'a.sqlite') });
    const processor = createProcessor({
      source: drive.source,
      state,
      stages: [createLabelStage(), createLoadStage({ warehouse })],
      logger: silentLogger,
      maxAttempts: 3,
      runner: { retryDelayMs: () => 1 },
    });
    const file = drive.upload('FE-1.pdf');
    // Twice the budget of sweeps while the warehouse is down: each one runs the file.
    for (let sweep = 1; sweep <= 6; sweep++) {
      const outcome = await processor.process(file);
      expect(outcome, `sweep ${sweep}`).toMatchObject({
        kind: 'failed',
        retryable: true,
        code: 'warehouse_unavailable',
      });
    }
    expect(await state.getFile(file.id)).toMatchObject({ status: 'failed', attempts: 6 });
    // Visible while it waits: pending because of an outage.
    const registry = new Registry();
    registerPendingFilesGauge(registry, state);
    expect(await registry.metrics()).toMatch(/^facturas_files_pending\{cause="outage"\} 1$/m);
    current = up;
    expect((await processor.process(file)).kind).toBe('processed');
    expect(await registry.metrics()).toMatch(/^facturas_files_pending\{cause="outage"\} 0$/m);
    expect(up.saves).toBe(1);
    await down.close();
    state.close();
  });

  it('still stops at the budget when the file itself keeps failing', async () => {
    const drive = createMemoryDrive();
    const state = createSqliteStateStore({ path: path.join(dir, 'b.sqlite') });
    const flaky: Stage = {
      name: 'read',
      async run() {
        throw retryable('ocr_failed', 'tesseract crashed on this page');
      },
    };
    const processor = createProcessor({
      source: drive.source,
      state,
      stages: [flaky],
      logger: silentLogger,
      maxAttempts: 3,
      runner: { retryDelayMs: () => 1 },
    });
    const file = drive.upload('FE-2.pdf');
    const kinds: string[] = [];
    for (let sweep = 1; sweep <= 5; sweep++) kinds.push((await processor.process(file)).kind);
    expect(kinds).toEqual(['failed', 'failed', 'failed', 'skipped', 'skipped']);
    state.close();
  });
});
