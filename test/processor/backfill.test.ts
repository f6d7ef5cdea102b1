import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalFolderSource } from '../../src/adapters/source/local/local-folder.ts';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { FOLDER_NAMES } from '../../src/ports/source.ts';
import type { StateStore } from '../../src/ports/state.ts';
import type { WorkDispatcher, WorkItem } from '../../src/ports/work-dispatcher.ts';
import { BACKFILL_CURSOR, backfill } from '../../src/processor/backfill.ts';
import { taskRoutes } from '../../src/server/task-routes.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { sampleResult } from '../adapters/state/sample-result.ts';

const logger = createLogger({ level: 'ERROR', write: () => {} });
const opened: StateStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** A local inbox with `inbox` files in it and `filed` in Correctivas, plus its state store. */
function world(inbox: number, filed: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'backfill-'));
  const inboxDir = path.join(dir, 'inbox');
  mkdirSync(path.join(inboxDir, FOLDER_NAMES.correctivas), { recursive: true });
  for (let i = 0; i < inbox; i++)
    writeFileSync(path.join(inboxDir, `in-${String(i).padStart(3, '0')}.pdf`), `%PDF ${i}`);
  for (let i = 0; i < filed; i++)
    writeFileSync(path.join(inboxDir, FOLDER_NAMES.correctivas, `co-${i}.pdf`), `%PDF filed ${i}`);
  const source = createLocalFolderSource({ inboxDir, settleMs: 0 });
  const state = createSqliteStateStore({ path: path.join(dir, 'state.sqlite') });
  opened.push(state);
  return { source, state };
}

function recorder(failOnCall?: number): WorkDispatcher & { items: WorkItem[] } {
  let calls = 0;
  const items: WorkItem[] = [];
  return {
    kind: 'pubsub',
    items,
    async dispatch(batch) {
      if (++calls === failOnCall) throw new Error('publish refused');
      items.push(...batch);
      return { handedOver: batch.length, pending: [] };
    },
  };
}

async function recordOutcome(state: StateStore, fileId: string) {
  await state.claimFile({ fileId, name: fileId, md5: null, owner: 'x', leaseMs: 60_000 });
  await state.completeFile(fileId, 'x', {
    status: 'processed',
    folder: 'correctivas',
    result: sampleResult(fileId),
  });
}

describe('backfill', () => {
  it('dispatches every inbox and class-folder file without an outcome, in id order, then clears its cursor', async () => {
    const { source, state } = world(5, 2);
    const files = [...(await source.listInbox()), ...(await source.listFolder('correctivas'))];
    await recordOutcome(state, files[0]!.id);
    const dispatcher = recorder();
    const summary = await backfill({ source, state, dispatcher, logger, owner: 'me', batchSize: 2 });
    expect(summary).toMatchObject({ status: 'done', listed: 7, examined: 7, withOutcome: 1, dispatched: 6 });
    const ids = dispatcher.items.map((item) => item.file.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).not.toContain(files[0]!.id);
    expect(new Set(ids).size).toBe(6);
    expect(dispatcher.items.every((item) => item.reason === 'backfill')).toBe(true);
    expect(await state.getCursor(BACKFILL_CURSOR)).toBeNull();
  });

  it('resumes after the last finished step when a publish was refused', async () => {
    const { source, state } = world(7, 0);
    const failing = recorder(2);
    await expect(
      backfill({ source, state, dispatcher: failing, logger, owner: 'me', batchSize: 3 }),
    ).rejects.toThrow(/refused/);
    const firstStep = failing.items.map((item) => item.file.id);
    expect(firstStep).toHaveLength(3);
    expect(await state.getCursor(BACKFILL_CURSOR)).toBe(firstStep.at(-1));

    const resumed = recorder();
    const summary = await backfill({ source, state, dispatcher: resumed, logger, owner: 'me', batchSize: 3 });
    expect(summary.resumedAfter).toBe(firstStep.at(-1));
    expect(summary.examined).toBe(4);
    const all = [...firstStep, ...resumed.items.map((item) => item.file.id)];
    expect(new Set(all).size).toBe(7);
  });

  it('starts over with restart, and does nothing while another backfill holds the lease', async () => {
    const { source, state } = world(3, 0);
    await state.setCursor(BACKFILL_CURSOR, 'in-001.pdf');
    const again = recorder();
    expect(
      (await backfill({ source, state, dispatcher: again, logger, owner: 'me' }, { restart: true }))
        .dispatched,
    ).toBe(3);
    await state.acquireLease('backfill', 'someone-else', 60_000);
    const blocked = recorder();
    expect((await backfill({ source, state, dispatcher: blocked, logger, owner: 'me' })).status).toBe('busy');
    expect(blocked.items).toEqual([]);
  });

  it('runs behind POST /replay {"all": true}; other bodies stay replays', async () => {
    let backfills = 0;
    const app = taskRoutes({
      auth: { apiToken: 'a-very-long-api-token', logger },
      hourly: async () => {
        throw new Error('unused');
      },
      replay: async () => ({
        selected: 0,
        notFound: [],
        dispatch: 'pubsub',
        published: 0,
        outcomes: {} as never,
        files: [],
        ms: 0,
      }),
      backfill: async () => {
        backfills++;
        return {
          status: 'done',
          listed: 0,
          resumedAfter: null,
          examined: 0,
          withOutcome: 0,
          dispatched: 0,
          pending: [],
          ms: 0,
        };
      },
      logger,
    });
    const post = (body: unknown, auth = 'Bearer a-very-long-api-token') =>
      app.request('/replay', {
        method: 'POST',
        headers: { authorization: auth },
        body: JSON.stringify(body),
      });
    expect((await post({ all: true }, 'Bearer wrong-token-wrong-token')).status).toBe(401);
    expect((await post({ all: true })).status).toBe(200);
    expect(backfills).toBe(1);
    expect((await post({ all: true, status: 'failed' })).status).toBe(400);
    expect((await post({ status: 'failed' })).status).toBe(200);
    expect(backfills).toBe(1);
  });
});
