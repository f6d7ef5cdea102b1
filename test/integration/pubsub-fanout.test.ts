import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWorkMessage } from '../../src/adapters/dispatch/work-message.ts';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { FOLDER_NAMES, TARGET_FOLDERS } from '../../src/ports/source.ts';
import { OUTCOME_STATUSES, type StateStore } from '../../src/ports/state.ts';
import { createFakeDrive, type FakeDrive } from '../fakes/drive/server.ts';
import { type OidcIssuer, startOidcIssuer } from '../server/auth/oidc-issuer.ts';
import { type PubSubEmulator, startPubSubEmulator } from '../support/pubsub-emulator.ts';
import { serviceMissing } from '../support/required-service.ts';
import {
  newWorkload,
  POISON_CODE,
  type Relay,
  startRelay,
  startTestInstance,
  type TestInstance,
} from './pubsub-cluster.ts';

/**
 * Fan-out on the official Pub/Sub emulator: one instance's drain publishes a page of Drive changes, a push
 * subscription (retry back-off, dead-letter topic after 5 deliveries) spreads one message per file over
 * several instances, one instance crashes mid-run and another joins. Every file must be processed exactly
 * once (outcome writes counted per file), none lost, and the always-failing ones recorded failed and
 * dead-lettered.
 */

// FANOUT_FILES=2000 is the larger run (about a minute more on the emulator); 200 keeps CI fast.
const FILES = Number(process.env.FANOUT_FILES ?? 200);
const SCANNED_SHARE = 0.2;
const POISON = 3;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let emulator: PubSubEmulator | null = null;
let issuer: OidcIssuer;
let fake: FakeDrive;
let stopDrive: () => Promise<void>;
let relay: Relay;
const instances: TestInstance[] = [];

beforeAll(async () => {
  emulator = await startPubSubEmulator();
  if (!emulator) serviceMissing('Pub/Sub emulator', 'gcloud could not start it');
  issuer = await startOidcIssuer();
  fake = createFakeDrive({ auth: 'any-bearer', seed: 19 });
  stopDrive = (await fake.start()).stop;
  relay = await startRelay(issuer);
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.filter((i) => i.alive).map((i) => i.stop()));
  await relay?.close();
  await stopDrive?.();
  await issuer?.close();
  await emulator?.stop();
}, 60_000);

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return check();
}

describe('Pub/Sub fan-out across instances (official emulator)', () => {
  // The emulator's redelivery timing on a loaded machine is not ours: one more try before failing.
  const options = { retry: 1, timeout: 210_000 + FILES * 60 };
  it(
    'processes every file exactly once while an instance crashes and another joins',
    options,
    async (ctx) => {
      if (!emulator) return ctx.skip();
      const pubsub = emulator;
      const inbox = fake.createFolder('Facturas fan-out');
      for (const folder of TARGET_FOLDERS) fake.createFolder(FOLDER_NAMES[folder], inbox.id);
      // A retry starts from nothing: the first try's instances stop and the relay's counts start over.
      await Promise.all(instances.filter((i) => i.alive).map((i) => i.stop()));
      instances.length = 0;
      relay.byInstance = {};
      relay.deliveries.clear();
      // Names of their own per try, so a retry does not meet the first try's topics and messages.
      const run = `r${Date.now().toString(36)}`;
      const topic = `files-${run}`;
      const deadTopic = `files-dead-${run}`;
      const deadPull = `files-dead-pull-${run}`;
      await pubsub.createTopic(topic);
      await pubsub.createTopic(deadTopic);
      await pubsub.createPullSubscription(deadPull, deadTopic);
      await pubsub.createPushSubscription({
        name: `files-push-${run}`,
        topic,
        endpoint: `${relay.url}/tasks/process`,
        ackDeadlineSeconds: 10,
        minimumBackoff: '0.1s',
        maximumBackoff: '1s',
        deadLetterTopic: deadTopic,
        maxDeliveryAttempts: 5,
      });

      const workload = newWorkload(5);
      const statePath = path.join(mkdtempSync(path.join(tmpdir(), 'fanout-')), 'state.sqlite');
      const options = {
        name: 'fanout',
        driveUrl: fake.url,
        inboxId: inbox.id,
        statePath,
        issuer,
        workload,
        pubsub: { host: pubsub.host, project: pubsub.projectId, topic },
        leaseMs: 2_000,
      };
      for (const name of ['A', 'B', 'C', 'D']) instances.push(await startTestInstance(name, options));
      relay.instances = instances;
      const [drainerHost] = instances;
      // The first drain records the feed's start token; the uploads come after it.
      expect((await drainerHost!.drainer!.drain()).status).toBe('drained');
      const tokenBefore = await drainerHost!.state.getPageToken();

      const uploaded: string[] = [];
      for (let i = 0; i < FILES; i++) {
        const file = fake.upload(`FE-${i}.pdf`, Buffer.from(`%PDF-1.4 factura ${i}`), inbox.id);
        uploaded.push(file.id);
        if (i % Math.round(1 / SCANNED_SHARE) === 0) workload.waitMs.set(file.id, 40);
      }
      const poison = uploaded.filter((_, i) => i % Math.floor(FILES / POISON) === 7).slice(0, POISON);
      for (const id of poison) workload.poison.add(id);
      const healthy = uploaded.filter((id) => !workload.poison.has(id));

      const observer: StateStore = createSqliteStateStore({ path: statePath });
      const records = async () => new Map((await observer.listFiles()).map((r) => [r.fileId, r]));
      const progress = async () => {
        const now = await records();
        const statuses: Record<string, number> = {};
        for (const id of uploaded) {
          const status = now.get(id)?.status ?? 'none';
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
        return `after ${Date.now() - began} ms: ${JSON.stringify(statuses)}, deliveries ${JSON.stringify(relay.byInstance)}`;
      };
      const began = Date.now();
      const drain = await drainerHost!.drainer!.drain();
      const publishedMs = Date.now() - began;
      expect(drain.status).toBe('drained');
      expect(drain.submitted).toBe(FILES);
      // The token moved as soon as the page was published, not when the files were processed.
      expect(await drainerHost!.state.getPageToken()).not.toBe(tokenBefore);
      const doneAtPublish = [...(await records()).values()].filter((r) =>
        OUTCOME_STATUSES.includes(r.status),
      ).length;

      // Crash B a quarter of the way through; E joins right after.
      const quarterDone = async () => {
        const now = await records();
        return healthy.filter((id) => now.get(id)?.status === 'processed').length >= FILES / 4;
      };
      expect(await waitFor(quarterDone, 45_000), await progress()).toBe(true);
      const victim = instances[1]!;
      // Crash it holding work, so the takeover of a dead instance's leased files is exercised.
      await waitFor(async () => victim.queue.depth > 0, 5_000);
      const inFlightAtCrash = victim.queue.depth;
      const killedAt = Date.now() - began;
      victim.kill();
      const answeredByVictim = relay.byInstance[victim.name] ?? 0;
      const joiner = await startTestInstance('E', options);
      instances.push(joiner);
      relay.instances = instances;

      const dead = new Set<string>();
      let healthyMs: number | undefined;
      const allDone = async () => {
        for (const message of await pubsub.pull(deadPull)) {
          const item = decodeWorkMessage(message.data);
          if (item) dead.add(item.file.id);
        }
        const now = await records();
        const healthyDone = healthy.every((id) => now.get(id)?.status === 'processed');
        if (healthyDone) healthyMs ??= Date.now() - began;
        return healthyDone && poison.every((id) => dead.has(id));
      };
      // The healthy files within the run's budget; the poison ones reach the dead-letter topic after the
      // emulator's last redelivery, which a loaded machine can delay: they get a budget of their own.
      const healthyDone = async () => (await allDone()) || healthyMs !== undefined;
      expect(await waitFor(healthyDone, 60_000 + FILES * 40), await progress()).toBe(true);
      expect(
        await waitFor(allDone, 120_000),
        `dead-lettered ${[...dead].length}/${POISON}: ${await progress()}`,
      ).toBe(true);
      const elapsedMs = Date.now() - began;

      const final = await records();
      const exactlyOnce = healthy.filter((id) => workload.completions.get(id) === 1).length;
      const twice = healthy.filter((id) => (workload.completions.get(id) ?? 0) > 1);
      expect(twice).toEqual([]);
      expect(exactlyOnce).toBe(healthy.length);
      for (const id of poison) {
        const record = final.get(id)!;
        expect(workload.completions.get(id)).toBeUndefined();
        // A poison run the crash froze keeps the dead instance's lease; every other one is recorded failed.
        if (record.status === 'processing' && record.leaseOwner === victim.name) continue;
        expect(record.status).toBe('failed');
        expect(record.lastError?.code).toBe(POISON_CODE);
      }
      // Every healthy file left the inbox for a class folder; the poison ones stay for a replay.
      const inInbox = uploaded.filter((id) => fake.file(id)?.parents.includes(inbox.id));
      expect(inInbox.sort()).toEqual([...poison].sort());
      // The work spread: every instance answered pushes, the crashed one before it died, the joiner after.
      for (const instance of instances) expect(relay.byInstance[instance.name] ?? 0).toBeGreaterThan(0);
      expect(answeredByVictim).toBeGreaterThan(0);
      expect(relay.byInstance.E ?? 0).toBeGreaterThan(0);

      const retaken = healthy.filter((id) => (final.get(id)?.attempts ?? 0) > 1).length;
      // The crashed instance's runs were taken over once its leases expired (or never claimed, if it died first).
      expect(retaken).toBeLessThanOrEqual(inFlightAtCrash);
      const extraDead = [...dead].filter((id) => !workload.poison.has(id)).length;
      const deliveries = [...relay.deliveries.values()].reduce((a, b) => a + b, 0);
      console.log(
        `fan-out: ${FILES} files (${Math.round(SCANNED_SHARE * 100)}% "scanned" 40 ms, digital 5 ms, ${POISON} poison) on 4+1 instances, one crashed: ` +
          `published in ${publishedMs} ms (${doneAtPublish} done by then), B crashed at ${killedAt} ms holding ${inFlightAtCrash}, ` +
          `healthy files done in ${healthyMs} ms = ${((healthy.length / (healthyMs ?? elapsedMs)) * 1000).toFixed(1)} files/s, ` +
          `poison dead-lettered by ${elapsedMs} ms; ${deliveries} deliveries, ${retaken} files retaken after the crash, ` +
          `${dead.size} dead-lettered (${extraDead} not poison); per instance ${JSON.stringify(relay.byInstance)}`,
      );
      await observer.close();
    },
  );
});
