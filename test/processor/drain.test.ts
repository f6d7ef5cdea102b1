import { afterEach, describe, expect, test } from 'vitest';
import { createLabelStage, createMemoryDrive } from './drain-fakes.ts';
import { createDrainRig, type DrainRig } from './drain-harness.ts';

const rigs: DrainRig[] = [];
const rig = (options?: Parameters<typeof createDrainRig>[0]) => {
  const created = createDrainRig(options);
  rigs.push(created);
  return created;
};
afterEach(async () => {
  while (rigs.length) await rigs.pop()?.close();
});

describe('drain', () => {
  test('first drain saves the start token; later files are processed, filed once, token advanced', async () => {
    const { drive, drainer, state, warehouse } = rig();
    drive.upload('before.pdf'); // before the first token: not ours to see through the feed
    const first = await drainer.drain();
    expect(first.status).toBe('drained');
    expect(await state.getPageToken()).toBe('1');

    drive.upload('FE-1-prev.pdf');
    drive.upload('FE-2.pdf');
    // Not a PDF: submitted too, so that it leaves the inbox (the real read stage quarantines it).
    drive.upload('notes.txt');
    const second = await drainer.drain();
    expect(second).toMatchObject({ status: 'drained', submitted: 3, ignored: 0 });
    expect(warehouse.rows.size).toBe(3);
    expect(drive.moves.map((m) => m.to).sort()).toEqual(['correctivas', 'correctivas', 'preventivas']);

    // Our own moves come back through the feed: recognised, no correction, nothing reprocessed.
    const third = await drainer.drain();
    expect(third).toMatchObject({ status: 'drained', submitted: 0, corrections: 0 });
    expect(warehouse.saves).toBe(3);
    expect(await state.getPageToken()).toBe(String(third.pageToken));
  });

  test('pages: the token advances page by page and only after every file of the page has an outcome', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const drive = createMemoryDrive({ pageSize: 3 });
    const { drainer, state } = rig({ drive, classify: createLabelStage({ gate }) });
    await drainer.drain();
    const start = await state.getPageToken();
    for (let i = 0; i < 7; i++) drive.upload(`FE-${i}.pdf`);
    const running = drainer.drain();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Files of page one are held mid-run: the token must not have moved.
    expect(await state.getPageToken()).toBe(start);
    release();
    const summary = await running;
    // 7 uploads in pages of 3, then the 7 moves our own filing appended to the feed.
    expect(summary).toMatchObject({ status: 'drained', submitted: 7 });
    expect(summary.pages).toBeGreaterThanOrEqual(3);
    expect(await state.getPageToken()).toBe('14');
  });

  test('a retryable failure is recorded as an outcome and the token moves on; the record keeps the error', async () => {
    const { drive, drainer, state, warehouse } = rig({
      classify: createLabelStage({ failNames: new Set(['broken.pdf']) }),
    });
    await drainer.drain();
    const broken = drive.upload('broken.pdf');
    drive.upload('fine.pdf');
    const summary = await drainer.drain();
    expect(summary.status).toBe('drained');
    expect(await state.getFile(broken.id)).toMatchObject({
      status: 'failed',
      lastError: { code: 'download_failed', retryable: true },
    });
    expect(warehouse.rows.size).toBe(1);
    expect(drive.files.get(broken.id)?.location).toBe('inbox');
  });

  test('a person moving a processed file to the other class folder is a correction (human label)', async () => {
    const { drive, drainer, state, warehouse } = rig();
    await drainer.drain();
    const file = drive.upload('FE-9.pdf');
    await drainer.drain();
    expect(drive.files.get(file.id)?.location).toBe('correctivas');
    drive.move(file.id, 'preventivas');
    const summary = await drainer.drain();
    expect(summary.corrections).toBe(1);
    expect(await state.listHumanLabels()).toMatchObject([{ fileId: file.id, class: 1, previousClass: 0 }]);
    expect(warehouse.human.get(file.id)).toBe(1);
  });

  test('coalescing: 50 triggers during a drain cause one running drain and one follow-up', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { drive, drainer, warehouse } = rig({ classify: createLabelStage({ gate }) });
    await drainer.drain();
    const before = drainer.started;
    drive.upload('FE-storm.pdf');
    const triggers = Array.from({ length: 50 }, () => drainer.trigger());
    release();
    await Promise.all(triggers);
    await drainer.idle();
    expect(drainer.started - before).toBe(2);
    expect(warehouse.saves).toBe(1);
  });

  test('two instances sharing state: the drain lease lets one drain at a time and nothing is doubled', async () => {
    const drive = createMemoryDrive({ pageSize: 5 });
    const a = rig({ drive, owner: 'A' });
    const b = rig({ drive, owner: 'B', state: a.state });
    await a.drainer.drain();
    for (let i = 0; i < 20; i++) drive.upload(`FE-${i}.pdf`);
    const results = await Promise.all([
      a.drainer.drain(),
      b.drainer.drain(),
      a.drainer.trigger(),
      b.drainer.trigger(),
    ]);
    expect(results.map((r) => r.status)).toEqual(['drained', 'drained', 'drained', 'drained']);
    expect(a.warehouse.saves + b.warehouse.saves).toBe(20);
    expect(drive.moves).toHaveLength(20);
    expect(await a.state.getPageToken()).toBe('40');
  });

  test('a drain finding the lease held elsewhere gives up after busyWaitMs without touching the token', async () => {
    const { drive, drainer, state } = rig({ drain: { busyWaitMs: 50 } });
    await drainer.drain();
    drive.upload('FE-1.pdf');
    await state.acquireLease('drain', 'someone-else', 60_000);
    const summary = await drainer.drain();
    expect(summary.status).toBe('busy');
    expect(await state.getPageToken()).toBe('0');
  });

  test('a token Drive rejects is replaced by a fresh start token and the whole inbox is swept, once', async () => {
    let resets = 0;
    const { drive, drainer, state, warehouse } = rig({ drain: { onPageTokenReset: () => resets++ } });
    expect((await drainer.drain()).status).toBe('drained');
    // Files arrive, then Drive forgets the saved token: the changes naming them are lost to the feed.
    drive.upload('FE-1.pdf');
    drive.upload('FE-2.pdf');
    expect(await state.setPageToken('0', 'expired-token')).toBe(true);

    const reset = await drainer.drain();
    expect(reset).toMatchObject({ status: 'token_reset', swept: 2, pageToken: '2' });
    expect(resets).toBe(1);
    expect(await state.getPageToken()).toBe('2');
    expect(warehouse.rows.size).toBe(2);
    expect(drive.moves).toHaveLength(2);
    // The lease was released and the feed goes on from the fresh token: our own moves, nothing run again.
    const next = await drainer.drain();
    expect(next).toMatchObject({ status: 'drained', submitted: 0 });
    expect(warehouse.saves).toBe(2);
    expect(resets).toBe(1);
    expect(await state.acquireLease('drain', 'other', 1000)).toBe(true);
  });

  test('a rejected token another instance already replaced is left to it', async () => {
    const { drainer, state, drive } = rig();
    await state.setPageToken(null, 'expired-token');
    const feed = drive.feed;
    const getStartPageToken = feed.getStartPageToken.bind(feed);
    feed.getStartPageToken = async () => {
      // Another instance recovers first, between our rejection and our write.
      await state.setPageToken('expired-token', 'theirs');
      return getStartPageToken();
    };
    expect((await drainer.drain()).status).toBe('token_moved');
    expect(await state.getPageToken()).toBe('theirs');
  });
});

describe('drain close', () => {
  test('close stops a running drain without advancing the token and refuses new drains', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { drive, drainer, state } = rig({ classify: createLabelStage({ gate }) });
    await drainer.drain();
    const before = await state.getPageToken();
    drive.upload('FE-1.pdf');
    const running = drainer.trigger();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = drainer.close();
    release();
    expect((await running).status).toBe('stopped');
    await closing;
    expect(await state.getPageToken()).toBe(before);
    expect((await drainer.trigger()).status).toBe('stopped');
  });
});
