import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPubSubDispatcher } from '../../src/adapters/dispatch/pubsub.ts';
import { decodeWorkMessage } from '../../src/adapters/dispatch/work-message.ts';
import type { WorkDispatcher, WorkItem } from '../../src/ports/work-dispatcher.ts';
import { reconcile } from '../../src/processor/reconcile.ts';
import { replay, replayRequestSchema } from '../../src/processor/replay.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { runHourly } from '../../src/watch-renewal/hourly.ts';
import { type PubSubEmulator, startPubSubEmulator } from '../support/pubsub-emulator.ts';
import { serviceMissing } from '../support/required-service.ts';
import { createDrainRig, type DrainRig } from './drain-harness.ts';

/**
 * With the Pub/Sub dispatcher the hourly sweep and POST /replay run nothing on the instance that received
 * the call: they publish one message per file on the official emulator's topic (reason 'sweep' / 'replay',
 * a replay's force carried in the message) and answer with what they published.
 */

let emulator: PubSubEmulator | null = null;
let generation = 0;
let rig: DrainRig | null = null;
const nothingRan = { processed: 0, review: 0, quarantined: 0, failed: 0, skipped: 0 };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  emulator = await startPubSubEmulator();
  if (!emulator) serviceMissing('Pub/Sub emulator', 'gcloud could not start it');
}, 120_000);
afterAll(async () => {
  await emulator?.stop();
});
afterEach(async () => {
  await rig?.close();
  rig = null;
});

/** A fresh topic with a pull subscription, its dispatcher, and what reached the subscription. */
async function topic(pubsub: PubSubEmulator) {
  const name = `sweep-replay-${++generation}`;
  await pubsub.createTopic(name);
  await pubsub.createPullSubscription(`${name}-pull`, name);
  const dispatcher: WorkDispatcher = createPubSubDispatcher({
    project: pubsub.projectId,
    topic: name,
    emulatorHost: pubsub.host,
  });
  /** Messages until `count` arrived (or 10 s), plus any extra one that follows within 300 ms. */
  async function published(count: number): Promise<WorkItem[]> {
    const items: WorkItem[] = [];
    const take = async () => {
      for (const message of await pubsub.pull(`${name}-pull`)) {
        const item = decodeWorkMessage(message.data);
        if (!item) throw new Error(`undecodable message ${message.messageId}`);
        items.push(item);
      }
    };
    const deadline = Date.now() + 10_000;
    while (items.length < count && Date.now() < deadline) {
      await take();
      if (items.length < count) await sleep(50);
    }
    await sleep(300);
    await take();
    return items;
  }
  return { dispatcher, published };
}

const byId = (items: WorkItem[]) => new Map(items.map((item) => [item.file.id, item]));

describe('sweep and replay with the Pub/Sub dispatcher (official emulator)', () => {
  it('the sweep publishes inbox files, a filed file stuck under an expired lease and an edited filed file', async (ctx) => {
    if (!emulator) return ctx.skip();
    const { dispatcher, published } = await topic(emulator);
    rig = createDrainRig();
    // Two files processed and filed here first; one of them is then edited by a person.
    const edited = rig.drive.upload('FE-edit.pdf');
    const untouched = rig.drive.upload('FE-ok.pdf');
    for (const file of [edited, untouched]) await rig.queue.submit(file);
    rig.drive.edit(edited.id, '%PDF-1.4 second version');
    // A crashed instance filed this one and died before recording it (its lease has expired).
    const stuck = rig.drive.upload('FE-crash.pdf');
    await rig.state.claimFile({
      fileId: stuck.id,
      name: stuck.name,
      md5: stuck.md5,
      owner: 'dead',
      leaseMs: 1,
    });
    rig.drive.move(stuck.id, 'correctivas');
    const inbox = ['FE-1.pdf', 'FE-2.pdf', 'FE-3.pdf'].map((name) => rig!.drive.upload(name));
    await sleep(5);
    const savesBefore = rig.warehouse.saves;

    const summary = await reconcile({
      source: rig.drive.source,
      state: rig.state,
      dispatcher,
      warehouse: rig.warehouse,
      logger: silentLogger,
    });
    expect(summary).toMatchObject({
      inbox: 3,
      resumed: 2,
      dispatch: 'pubsub',
      published: 5,
      outcomes: { ...nothingRan, busy: 0 },
    });
    const items = await published(5);
    expect(items).toHaveLength(5);
    const messages = byId(items);
    expect([...messages.keys()].sort()).toEqual([...inbox.map((f) => f.id), stuck.id, edited.id].sort());
    expect(items.every((item) => item.reason === 'sweep' && item.force === undefined)).toBe(true);
    // The edited file's message carries its new content's md5; the stuck one where it was filed.
    expect(messages.get(edited.id)?.file.md5).toBe(rig.drive.files.get(edited.id)?.md5);
    expect(messages.get(edited.id)?.file.md5).not.toBe(edited.md5);
    expect(messages.get(stuck.id)?.file.location).toBe('correctivas');
    // Nothing ran on this instance.
    expect(rig.warehouse.saves).toBe(savesBefore);
    for (const file of inbox) expect(await rig.state.getFile(file.id)).toBeNull();
    expect(await rig.state.getFile(stuck.id)).toMatchObject({ status: 'processing', leaseOwner: 'dead' });
  });

  it('a replay publishes forced messages and answers counts; a person’s decision is skipped unless forced', async (ctx) => {
    if (!emulator) return ctx.skip();
    const { dispatcher, published } = await topic(emulator);
    rig = createDrainRig();
    const rerun = rig.drive.upload('FE-rerun.pdf');
    const decided = rig.drive.upload('FE-decided.pdf');
    for (const file of [rerun, decided]) await rig.queue.submit(file);
    await rig.state.recordDecision(decided.id, {
      action: 'confirmed',
      by: 'ana',
      at: new Date().toISOString(),
      status: 'processed',
      folder: 'preventivas',
    });
    const savesBefore = rig.warehouse.saves;
    const deps = { source: rig.drive.source, state: rig.state, dispatcher, logger: silentLogger };

    const byIds = await replay(
      deps,
      replayRequestSchema.parse({ fileIds: [rerun.id, decided.id, 'missing-id'] }),
    );
    expect(byIds).toMatchObject({
      selected: 3,
      notFound: ['missing-id'],
      dispatch: 'pubsub',
      published: 1,
      outcomes: { ...nothingRan, skipped: 1 },
    });
    expect(byIds.files).toEqual(
      expect.arrayContaining([
        { fileId: decided.id, outcome: 'skipped', code: 'human_decision' },
        { fileId: rerun.id, outcome: 'published' },
      ]),
    );
    const first = await published(1);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ reason: 'replay', force: true, file: { id: rerun.id } });

    // An explicit force publishes the decided file too; `force: false` publishes an unforced message.
    const forced = await replay(deps, replayRequestSchema.parse({ fileIds: [decided.id], force: true }));
    expect(forced).toMatchObject({ published: 1, outcomes: nothingRan });
    const unforced = await replay(deps, replayRequestSchema.parse({ fileIds: [rerun.id], force: false }));
    expect(unforced.published).toBe(1);
    const next = await published(2);
    expect(next).toHaveLength(2);
    expect(byId(next).get(decided.id)).toMatchObject({ reason: 'replay', force: true });
    expect(byId(next).get(rerun.id)?.force).toBeUndefined();
    expect(rig.warehouse.saves).toBe(savesBefore);
  });

  it('the hourly task answers with the sweep’s published count', async (ctx) => {
    if (!emulator) return ctx.skip();
    const { dispatcher, published } = await topic(emulator);
    rig = createDrainRig();
    for (let i = 0; i < 4; i++) rig.drive.upload(`FE-h${i}.pdf`);
    const summary = await runHourly({
      source: rig.drive.source,
      feed: null,
      drainer: null,
      state: rig.state,
      dispatcher,
      warehouse: rig.warehouse,
      logger: silentLogger,
      owner: 'A',
      renewal: null,
    });
    expect(summary.status).toBe('done');
    expect(summary.reconcile).toMatchObject({ inbox: 4, dispatch: 'pubsub', published: 4 });
    expect(await published(4)).toHaveLength(4);
    expect(rig.warehouse.saves).toBe(0);
  });
});
