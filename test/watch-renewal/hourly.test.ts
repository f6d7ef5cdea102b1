import { afterEach, describe, expect, test } from 'vitest';
import { reconcile } from '../../src/processor/reconcile.ts';
import { replay, replayRequestSchema } from '../../src/processor/replay.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { runHourly } from '../../src/watch-renewal/hourly.ts';
import { renewChannel } from '../../src/watch-renewal/renew-channel.ts';
import { createLabelStage } from '../processor/drain-fakes.ts';
import { createDrainRig, type DrainRig } from '../processor/drain-harness.ts';

const HOUR = 3_600_000;
const settings = {
  address: 'https://facturas.example.com/drive/notifications',
  token: 'channel-token-0123456789',
  ttlMs: 24 * HOUR,
  renewBeforeMs: 6 * HOUR,
};
let rig: DrainRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const hourlyDeps = (r: DrainRig, owner = 'A') => ({
  source: r.drive.source,
  feed: r.drive.feed,
  drainer: r.drainer,
  state: r.state,
  dispatcher: r.dispatcher,
  warehouse: r.warehouse,
  logger: silentLogger,
  owner,
  renewal: settings,
});

describe('channel renewal', () => {
  test('first run creates a channel; a fresh one is kept; a near-expiry one is replaced new-first', async () => {
    rig = createDrainRig();
    const { drive, state } = rig;
    let clock = Date.now();
    const now = () => clock;
    const first = await renewChannel({ feed: drive.feed, state, logger: silentLogger, settings, now });
    expect(first.action).toBe('created');
    expect(await state.getPageToken()).not.toBeNull();

    clock += 10 * HOUR; // 14 h left
    const kept = await renewChannel({ feed: drive.feed, state, logger: silentLogger, settings, now });
    expect(kept).toMatchObject({ action: 'kept', channelId: first.channelId });

    clock += 10 * HOUR; // 4 h left: inside the renewal window
    const renewed = await renewChannel({ feed: drive.feed, state, logger: silentLogger, settings, now });
    expect(renewed.action).toBe('renewed');
    expect(renewed.channelId).not.toBe(first.channelId);
    expect(renewed.stopped).toEqual([first.channelId]);
    // Created before the old one was stopped, with a new id; the store holds only the new one.
    expect(drive.channels.map((c) => c.id)).toEqual([first.channelId, renewed.channelId]);
    expect(drive.stopped).toEqual([first.channelId]);
    expect((await state.listChannels()).map((c) => c.id)).toEqual([renewed.channelId]);
  });

  test('a channel Drive refuses to stop is kept for the next run while still live', async () => {
    rig = createDrainRig();
    const { drive, state } = rig;
    await renewChannel({ feed: drive.feed, state, logger: silentLogger, settings });
    drive.feed.stopChannel = async () => {
      throw new Error('503 backend error');
    };
    const renewed = await renewChannel({
      feed: drive.feed,
      state,
      logger: silentLogger,
      settings,
      force: true,
    });
    expect(renewed.stopped).toEqual([]);
    expect(await state.listChannels()).toHaveLength(2);
  });
});

test('a channel that cannot be saved is stopped, not orphaned; the old one stays current', async () => {
  rig = createDrainRig();
  const { drive, state } = rig;
  const first = await renewChannel({ feed: drive.feed, state, logger: silentLogger, settings });
  const save = state.saveChannel;
  state.saveChannel = async () => {
    throw new Error('firestore unavailable');
  };
  await expect(
    renewChannel({ feed: drive.feed, state, logger: silentLogger, settings, force: true }),
  ).rejects.toThrow('firestore unavailable');
  state.saveChannel = save;
  expect(drive.channels).toHaveLength(2);
  expect(drive.stopped).toEqual([drive.channels[1]!.id]);
  expect((await state.listChannels()).map((c) => c.id)).toEqual([first.channelId]);
});

describe('hourly task', () => {
  test('silence: no notifications at all, the hourly task processes every file once', async () => {
    rig = createDrainRig();
    await rig.drainer.drain();
    for (let i = 0; i < 6; i++) rig.drive.upload(`FE-${i}.pdf`);
    const summary = await runHourly(hourlyDeps(rig));
    expect(summary.status).toBe('done');
    expect(summary.renewal).toMatchObject({ action: 'created' });
    expect(rig.warehouse.saves).toBe(6);
    const again = await runHourly(hourlyDeps(rig));
    expect(again.reconcile).toMatchObject({ inbox: 0 });
    expect(rig.warehouse.saves).toBe(6);
  });

  test('two calls at once: one runs, the other answers busy', async () => {
    rig = createDrainRig();
    const [a, b] = await Promise.all([runHourly(hourlyDeps(rig, 'A')), runHourly(hourlyDeps(rig, 'B'))]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'done']);
  });

  test('reconcile retries a retryable failure left in the inbox once the cause is gone', async () => {
    const failNames = new Set(['flaky.pdf']);
    rig = createDrainRig({ classify: createLabelStage({ failNames }) });
    await rig.drainer.drain();
    const flaky = rig.drive.upload('flaky.pdf');
    await rig.drainer.drain();
    expect(await rig.state.getFile(flaky.id)).toMatchObject({ status: 'failed', attempts: 1 });
    failNames.clear();
    const summary = await reconcile({ ...rig, source: rig.drive.source, logger: silentLogger });
    expect(summary.outcomes.processed).toBe(1);
    expect(await rig.state.getFile(flaky.id)).toMatchObject({ status: 'processed', attempts: 2 });
  });
});

describe('replay', () => {
  test('by status and by ids, forced, with bounded concurrency; unknown ids reported', async () => {
    rig = createDrainRig({ classify: createLabelStage({ failNames: new Set(['bad.pdf']) }) });
    await rig.drainer.drain();
    const bad = rig.drive.upload('bad.pdf');
    const good = rig.drive.upload('good.pdf');
    await rig.drainer.drain();
    const deps = {
      source: rig.drive.source,
      state: rig.state,
      dispatcher: rig.dispatcher,
      logger: silentLogger,
    };

    const byStatus = await replay(deps, replayRequestSchema.parse({ status: 'failed' }));
    expect(byStatus).toMatchObject({ selected: 1, outcomes: { failed: 1 } });
    expect(byStatus.files).toEqual([{ fileId: bad.id, outcome: 'failed', code: 'download_failed' }]);

    const byIds = await replay(deps, replayRequestSchema.parse({ fileIds: [good.id, 'missing-id'] }));
    expect(byIds).toMatchObject({ selected: 2, notFound: ['missing-id'], outcomes: { processed: 1 } });
    expect(rig.warehouse.saves).toBe(2); // good.pdf loaded twice: once by the drain, once forced
    const unforced = await replay(deps, replayRequestSchema.parse({ fileIds: [good.id], force: false }));
    expect(unforced.outcomes.skipped).toBe(1);
  });

  test('request validation', () => {
    expect(replayRequestSchema.safeParse({}).success).toBe(false);
    expect(replayRequestSchema.safeParse({ status: 'processed' }).success).toBe(false);
    expect(replayRequestSchema.safeParse({ since: 'yesterday' }).success).toBe(false);
    expect(replayRequestSchema.safeParse({ since: '2026-11-01' }).success).toBe(true);
    expect(replayRequestSchema.safeParse({ fileIds: ['a'], extra: 1 }).success).toBe(false);
  });
});

describe('reconcile after a crash between filing and recording', () => {
  test('a filed file whose record is stuck in processing under an expired lease is run again once', async () => {
    rig = createDrainRig();
    const file = rig.drive.upload('FE-crash.pdf');
    // The crashed instance claimed it (lease already expired) and moved it, then died before recording.
    await rig.state.claimFile({ fileId: file.id, name: file.name, md5: file.md5, owner: 'dead', leaseMs: 1 });
    rig.drive.move(file.id, 'correctivas');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const summary = await reconcile({ ...rig, source: rig.drive.source, logger: silentLogger });
    expect(summary).toMatchObject({ inbox: 0, resumed: 1, outcomes: { processed: 1 } });
    expect(await rig.state.getFile(file.id)).toMatchObject({
      status: 'processed',
      folder: 'correctivas',
      attempts: 2,
    });
    expect(rig.drive.moves).toHaveLength(0); // already where it belongs: no second move
    expect((await reconcile({ ...rig, source: rig.drive.source, logger: silentLogger })).resumed).toBe(0);
  });
});
