import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FOLDER_NAMES, TARGET_FOLDERS } from '../src/ports/source.ts';
import type { FakeDrive } from '../test/fakes/drive/server.ts';
import {
  newWorkload,
  type Relay,
  startTestInstance,
  type TestInstance,
} from '../test/integration/pubsub-cluster.ts';
import type { OidcIssuer } from '../test/server/auth/oidc-issuer.ts';
import type { PubSubEmulator } from '../test/support/pubsub-emulator.ts';
import { filesPerHour, pickScanned } from './scale-figures.ts';
import { type PushDeliverer, startPushDeliverer } from './scale-push.ts';

/** What the stubbed read stage waits per document: the measured cost of reading one. */
export interface ReadCosts {
  digitalMs: number;
  ocrPageMs: number;
  pagesPerScan: number;
  scannedShare: number;
}

/**
 * How messages reach the instances: the emulator's own push subscription (two requests in flight), or
 * pushes with Pub/Sub's concurrency (scale-push.ts) up to `window` requests in flight.
 */
export type Delivery = { kind: 'emulator-push' } | { kind: 'pubsub-push'; window: number };

export interface CoordinationFigures {
  instances: number;
  files: number;
  seconds: number;
  /** From the drain's start until every file of the page was published (the page token then moves). */
  publishSeconds: number;
  filesPerHour: number;
  /** Pushes forwarded per instance (includes redeliveries). */
  pushes: Record<string, number>;
  /** Push deliveries beyond one per file (redeliveries after 429/5xx or a missed ack deadline). */
  redeliveries: number;
  /**
   * CPU time of this process per file: every instance, the fake Drive, the relay and the deliverer run in
   * it, so it is the harness's own ceiling (files/s ≤ CPU available / this).
   */
  harnessCpuMsPerFile: number;
  /** Push answers by HTTP status, per instance. */
  answers: Record<string, Record<number, number>>;
}

export interface CoordinationWorld {
  emulator: PubSubEmulator;
  issuer: OidcIssuer;
  fake: FakeDrive;
  relay: Relay;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One run of the fan-out path with `instances` in-process instances (pubsub-cluster.ts): a page of `files`
 * Drive changes drained and published by one of them, pushed by the emulator's subscription through the
 * relay to every instance's POST /tasks/process, the read stage a wait of the measured per-document cost.
 * The clock runs from the drain until every file's outcome is recorded.
 */
export async function runCoordination(
  world: CoordinationWorld,
  options: {
    instances: number;
    files: number;
    costs: ReadCosts;
    delivery: Delivery;
    /** PROCESS_CONCURRENCY of each instance. */
    concurrency: number;
    timeoutMs: number;
  },
): Promise<CoordinationFigures> {
  const { emulator, fake, relay } = world;
  const run = `scale${options.instances}-${Date.now().toString(36)}`;
  const topic = `files-${run}`;
  const subscription = `files-sub-${run}`;
  const endpoint = `${relay.url}/tasks/process`;
  await emulator.createTopic(topic);
  let deliverer: PushDeliverer | null = null;
  if (options.delivery.kind === 'emulator-push') {
    await emulator.createPushSubscription({
      name: subscription,
      topic,
      endpoint,
      ackDeadlineSeconds: 60,
      minimumBackoff: '0.1s',
      maximumBackoff: '1s',
    });
  } else {
    await emulator.createPullSubscription(subscription, topic);
    const { host, projectId: project } = emulator;
    const window = options.delivery.window;
    deliverer = startPushDeliverer({ host, project, subscription, endpoint, window });
  }
  const inbox = fake.createFolder(`Facturas ${run}`);
  for (const folder of TARGET_FOLDERS) fake.createFolder(FOLDER_NAMES[folder], inbox.id);
  const dir = mkdtempSync(path.join(tmpdir(), 'facturas-scale-'));
  const workload = newWorkload(options.costs.digitalMs);
  const clusterOptions = {
    name: run,
    driveUrl: fake.url,
    inboxId: inbox.id,
    statePath: path.join(dir, 'state.sqlite'),
    issuer: world.issuer,
    workload,
    pubsub: { host: emulator.host, project: emulator.projectId, topic },
    leaseMs: 30_000,
    concurrency: options.concurrency,
  };
  const instances: TestInstance[] = [];
  try {
    for (let i = 0; i < options.instances; i++) {
      instances.push(await startTestInstance(String.fromCharCode(65 + i), clusterOptions));
    }
    relay.instances = instances;
    relay.byInstance = {};
    relay.deliveries.clear();
    const drainer = instances[0]!.drainer!;
    // The first drain records the feed's start token; the uploads come after it.
    await drainer.drain();
    const scanned = pickScanned(options.files, options.costs.scannedShare, 19);
    const scanMs = options.costs.ocrPageMs * options.costs.pagesPerScan;
    for (let i = 0; i < options.files; i++) {
      const file = fake.upload(`FE-${run}-${i}.pdf`, Buffer.from(`%PDF-1.4 factura ${run} ${i}`), inbox.id);
      if (scanned.has(i)) workload.waitMs.set(file.id, scanMs);
    }
    const cpuAtStart = process.cpuUsage();
    const started = performance.now();
    const drained = await drainer.drain();
    if (drained.status !== 'drained' || drained.submitted !== options.files)
      throw new Error(`drain: ${JSON.stringify(drained)}`);
    const publishSeconds = (performance.now() - started) / 1000;
    const deadline = Date.now() + options.timeoutMs;
    while (workload.completions.size < options.files) {
      if (Date.now() > deadline)
        throw new Error(
          `${options.instances} instancias: ${workload.completions.size}/${options.files} a tiempo`,
        );
      await sleep(10);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    const deliveries = [...relay.deliveries.values()].reduce((a, b) => a + b, 0);
    return {
      instances: options.instances,
      files: options.files,
      seconds,
      publishSeconds,
      filesPerHour: filesPerHour(options.files, seconds),
      pushes: { ...relay.byInstance },
      redeliveries: deliveries - options.files,
      harnessCpuMsPerFile: (cpu.user + cpu.system) / 1000 / options.files,
      answers: Object.fromEntries(instances.map((i) => [i.name, { ...i.answered }])),
    };
  } finally {
    await deliverer?.stop();
    relay.instances = [];
    await Promise.all(instances.map((i) => i.stop()));
    await emulator.deleteSubscription(subscription).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
