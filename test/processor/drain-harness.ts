import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInProcessDispatcher } from '../../src/adapters/dispatch/in-process.ts';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import type { StateStore } from '../../src/ports/state.ts';
import type { WorkDispatcher } from '../../src/ports/work-dispatcher.ts';
import { createDrainer, type DrainDeps, type Drainer } from '../../src/processor/drain.ts';
import { createProcessor, type Processor } from '../../src/processor/processor.ts';
import { createWorkQueue, type WorkQueue } from '../../src/processor/work-queue.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { createFileStage } from '../../src/stages/file.ts';
import { createLoadStage } from '../../src/stages/load.ts';
import type { Stage } from '../../src/stages/stage.ts';
import {
  createLabelStage,
  createMemoryDrive,
  createMemoryWarehouse,
  type MemoryDrive,
} from './drain-fakes.ts';

export interface DrainRig {
  drive: MemoryDrive;
  state: StateStore;
  warehouse: ReturnType<typeof createMemoryWarehouse>;
  processor: Processor;
  queue: WorkQueue;
  /** The embedded dispatcher over `queue` (what the sweep and replays hand files to). */
  dispatcher: WorkDispatcher;
  drainer: Drainer;
  close(): Promise<void>;
}

/** One instance over a real SQLite state store, the in-memory Drive and the real processor, load and file stages. */
export function createDrainRig(
  options: {
    drive?: MemoryDrive;
    state?: StateStore;
    owner?: string;
    classify?: Stage;
    drain?: Partial<DrainDeps>;
  } = {},
): DrainRig {
  const dir = mkdtempSync(path.join(tmpdir(), 'drain-'));
  const drive = options.drive ?? createMemoryDrive();
  const ownsState = !options.state;
  const state = options.state ?? createSqliteStateStore({ path: path.join(dir, 'state.sqlite') });
  const warehouse = createMemoryWarehouse();
  const owner = options.owner ?? 'A';
  const stages = [
    options.classify ?? createLabelStage(),
    createLoadStage({ warehouse }),
    createFileStage({ source: drive.source }),
  ];
  const processor = createProcessor({
    source: drive.source,
    state,
    stages,
    logger: silentLogger,
    owner,
    runner: { retryDelayMs: () => 1 },
  });
  const queue = createWorkQueue({ processor, concurrency: 4, logger: silentLogger });
  const drainer = createDrainer({
    feed: drive.feed,
    state,
    queue,
    source: drive.source,
    warehouse,
    logger: silentLogger,
    owner,
    pollMs: 10,
    ...options.drain,
  });
  return {
    drive,
    state,
    warehouse,
    processor,
    queue,
    dispatcher: createInProcessDispatcher({ queue, state }),
    drainer,
    async close() {
      await drainer.idle();
      await queue.close();
      if (ownsState) await state.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
