import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStateStore } from '../src/adapters/state/sqlite-state-store.ts';
import { FOLDER_NAMES, TARGET_FOLDERS } from '../src/ports/source.ts';
import { OUTCOME_STATUSES } from '../src/ports/state.ts';
import type { FakeDrive } from '../test/fakes/drive/server.ts';
import { AUDIENCE, PUSHER, type Relay } from '../test/integration/pubsub-cluster.ts';
import { type Balancer, type Instance, startInstance } from '../test/reliability/cluster.ts';
import type { OidcIssuer } from '../test/server/auth/oidc-issuer.ts';
import type { PubSubEmulator } from '../test/support/pubsub-emulator.ts';
import { cpuBoundFilesPerHour, filesPerHour, latencyPercentiles, procStatCpuTicks } from './scale-figures.ts';
import { startPushDeliverer } from './scale-push.ts';

/**
 * One service instance with the real stages (`src/main.ts` in a child process, as the reliability suite runs
 * them) behind the whole fan-out path on loopback: fake Drive → push notification → webhook → drain →
 * publish to the emulator's topic → push → relay (OIDC) → POST /tasks/process → read, classify, extract →
 * SQLite warehouse → class folder.
 */

export interface RealWorld {
  emulator: PubSubEmulator;
  issuer: OidcIssuer;
  fake: FakeDrive;
  /** Pub/Sub pushes to the instance. */
  relay: Relay;
  /** Drive's push notifications to the instance's webhook. */
  balancer: Balancer;
}

export interface LatencyFigures {
  documents: number;
  /** Documents whose row appeared within the time allowed. */
  rows: number;
  ratePerSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface ThroughputFigures {
  documents: number;
  ocrPages: number;
  seconds: number;
  filesPerHour: number;
  /** CPU time of the instance's process (all its threads) per file: on a shared machine, steadier than time. */
  cpuMsPerFile: number;
  /** Files per hour of one 2-vCPU instance bound by that CPU time alone. */
  cpuBoundFilesPerHour: number;
  outcomes: Record<string, number>;
}

export interface RealFigures {
  latency: LatencyFigures;
  digital: ThroughputFigures;
  mixed: ThroughputFigures;
}

const CHANNEL_TOKEN = 'bench-scale-channel-token-5e1d0b7c';
/** How often the warehouse is read for new rows (latency) and the state store for outcomes (throughput). */
const POLL_MS = 10;
const OUTCOME_POLL_MS = 100;
/** USER_HZ: what /proc counts CPU time in on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runRealStages(
  world: RealWorld,
  options: {
    warmUp: string[];
    latency: string[];
    ratePerSecond: number;
    digital: string[];
    mixed: string[];
    /** Requests Pub/Sub keeps in flight to the instance during the throughput runs (Cloud Run's concurrency). */
    window: number;
  },
): Promise<RealFigures> {
  const { emulator, fake, relay, balancer } = world;
  const run = `real-${Date.now().toString(36)}`;
  const inbox = fake.createFolder(`Facturas ${run}`);
  for (const folder of TARGET_FOLDERS) fake.createFolder(FOLDER_NAMES[folder], inbox.id);
  const topic = `files-${run}`;
  const pushSubscription = `files-push-${run}`;
  await emulator.createTopic(topic);
  // The latency run goes through the emulator's own push subscription: at a steady rate its two requests
  // in flight are not the limit.
  await emulator.createPushSubscription({
    name: pushSubscription,
    topic,
    endpoint: `${relay.url}/tasks/process`,
    ackDeadlineSeconds: 60,
    minimumBackoff: '0.1s',
    maximumBackoff: '1s',
  });
  const work = mkdtempSync(path.join(tmpdir(), 'facturas-scale-real-'));
  const channelsBefore = new Set(fake.channels().map((c) => c.id));
  let instance: Instance | null = null;
  try {
    instance = await startInstance({
      name: 'real',
      logDir: work,
      readyTimeoutMs: 120_000,
      env: {
        SOURCE: 'drive',
        DRIVE_INBOX_FOLDER_ID: inbox.id,
        DRIVE_API_ROOT: fake.url,
        DATA_DIR: path.join(work, 'data'),
        MODEL_DIR: path.resolve('onnx'),
        DISPATCH: 'pubsub',
        PUBSUB_PROJECT: emulator.projectId,
        PUBSUB_TOPIC: topic,
        PUBSUB_EMULATOR_HOST: emulator.host,
        WEBHOOK_URL: `${balancer.url}/drive/notifications`,
        CHANNEL_TOKEN,
        TASKS_AUDIENCE: AUDIENCE,
        TASKS_SERVICE_ACCOUNT: PUSHER,
        TASKS_OIDC_CERTS_URL: world.issuer.certsUrl,
        PROCESS_CONCURRENCY: '4',
        LOG_LEVEL: 'WARNING',
        // As the image runs it (Dockerfile CMD).
        NODE_OPTIONS: '--max-semi-space-size=4',
      },
    });
    balancer.instances = [instance];
    relay.instances = [instance];
    // The hourly task opens the Drive channel to the webhook and records the change feed's start token.
    const token = world.issuer.sign({ aud: AUDIENCE, email: PUSHER, email_verified: true, sub: 'scheduler' });
    const hourly = await fetch(`${instance.url}/tasks/hourly`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    await hourly.arrayBuffer();
    if (!hourly.ok) throw new Error(`/tasks/hourly respondió ${hourly.status}`);
    if (!fake.channels().some((c) => !channelsBefore.has(c.id) && !c.stopped))
      throw new Error('la instancia no abrió un canal de Drive');

    const pid = instance.child.pid;
    if (!pid) throw new Error('la instancia no tiene pid');
    const observer = openObserver(path.join(work, 'data'));
    try {
      const upload = (file: string, i: number) =>
        fake.upload(`FE-${run}-${i}-${path.basename(file)}`, readFileSync(file), inbox.id).id;
      // Unmeasured: the instance's reading and extraction threads compile and warm up, as a running service's.
      await throughput(observer, pid, () => options.warmUp.map(upload));
      const latency = await measureLatency(observer, options.latency, options.ratePerSecond, (f, i) =>
        upload(f, 1_000 + i),
      );
      // The throughput runs keep the instance busy: Pub/Sub's concurrency, not the emulator's two loops.
      await emulator.deleteSubscription(pushSubscription);
      const pullSubscription = `files-pull-${run}`;
      await emulator.createPullSubscription(pullSubscription, topic);
      const deliverer = startPushDeliverer({
        host: emulator.host,
        project: emulator.projectId,
        subscription: pullSubscription,
        endpoint: `${relay.url}/tasks/process`,
        window: options.window,
      });
      try {
        const digital = await throughput(observer, pid, () =>
          options.digital.map((f, i) => upload(f, 2_000 + i)),
        );
        const mixed = await throughput(observer, pid, () =>
          options.mixed.map((f, i) => upload(f, 3_000 + i)),
        );
        return { latency, digital, mixed };
      } finally {
        await deliverer.stop();
      }
    } finally {
      observer.close();
    }
  } finally {
    for (const channel of fake.channels()) {
      if (!channelsBefore.has(channel.id) && !channel.stopped) fake.push.stop(channel.id, channel.resourceId);
    }
    balancer.instances = [];
    relay.instances = [];
    await instance?.kill('SIGTERM');
    await emulator.deleteSubscription(pushSubscription).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

interface Observer {
  /** File ids with a row in the warehouse's invoices table. */
  rows(): Set<string>;
  ocrPages(fileIds: string[]): number;
  /** Outcome status per file id (processed, review, quarantined, failed). */
  outcomes(): Promise<Map<string, string>>;
  close(): void;
}

/** Reads the instance's SQLite warehouse and state store from this process, as another connection would. */
function openObserver(dataDir: string): Observer {
  const warehouse = new Database(path.join(dataDir, 'warehouse.sqlite'), { readonly: true });
  const rowIds = warehouse.prepare('SELECT file_id AS id FROM invoices').pluck();
  const pages = warehouse.prepare('SELECT file_id AS id, ocr_pages AS pages FROM invoices');
  const state = createSqliteStateStore({ path: path.join(dataDir, 'state.sqlite') });
  return {
    rows: () => new Set(rowIds.all() as string[]),
    ocrPages(fileIds) {
      const wanted = new Set(fileIds);
      let sum = 0;
      for (const row of pages.all() as { id: string; pages: number }[])
        if (wanted.has(row.id)) sum += row.pages;
      return sum;
    },
    async outcomes() {
      const records = await state.listFiles();
      return new Map(
        records.filter((r) => OUTCOME_STATUSES.includes(r.status)).map((r) => [r.fileId, r.status]),
      );
    },
    close() {
      warehouse.close();
      void state.close();
    },
  };
}

/**
 * Uploads `files` to the inbox one every 1/rate seconds (each upload is one Drive push notification) and
 * times each from its upload to its row in the warehouse.
 */
async function measureLatency(
  observer: Observer,
  files: string[],
  ratePerSecond: number,
  upload: (file: string, i: number) => string,
): Promise<LatencyFigures> {
  const uploadedAt = new Map<string, number>();
  const rowAt = new Map<string, number>();
  const started = performance.now();
  const intervalMs = 1000 / ratePerSecond;
  let next = 0;
  const deadline = started + (files.length / ratePerSecond) * 1000 + 60_000;
  while (performance.now() < deadline && (next < files.length || rowAt.size < files.length)) {
    while (next < files.length && performance.now() >= started + next * intervalMs) {
      const at = performance.now();
      uploadedAt.set(upload(files[next]!, next), at);
      next++;
    }
    const now = performance.now();
    for (const id of observer.rows()) if (uploadedAt.has(id) && !rowAt.has(id)) rowAt.set(id, now);
    await sleep(POLL_MS);
  }
  const latencies = [...rowAt].map(([id, at]) => at - uploadedAt.get(id)!);
  return { documents: files.length, rows: rowAt.size, ratePerSecond, ...latencyPercentiles(latencies) };
}

/** CPU milliseconds the process has used so far (all threads), from /proc (Linux). */
function processCpuMs(pid: number): number {
  return procStatCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) * (1000 / CLOCK_TICKS_PER_SECOND);
}

/** Uploads a batch at once and times until every file of it has an outcome in the state store. */
async function throughput(
  observer: Observer,
  pid: number,
  uploadAll: () => string[],
): Promise<ThroughputFigures> {
  const cpuAtStart = processCpuMs(pid);
  const started = performance.now();
  const fileIds = uploadAll();
  const deadline = Date.now() + 120_000 + fileIds.length * 2_000;
  let outcomes = await observer.outcomes();
  while (!fileIds.every((id) => outcomes.has(id))) {
    if (Date.now() > deadline) {
      const done = fileIds.filter((id) => outcomes.has(id)).length;
      throw new Error(`instancia real: ${done}/${fileIds.length} archivos con resultado a tiempo`);
    }
    await sleep(OUTCOME_POLL_MS);
    outcomes = await observer.outcomes();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuMsPerFile = (processCpuMs(pid) - cpuAtStart) / fileIds.length;
  const counts: Record<string, number> = {};
  for (const id of fileIds) {
    const status = outcomes.get(id)!;
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return {
    documents: fileIds.length,
    ocrPages: observer.ocrPages(fileIds),
    seconds,
    filesPerHour: filesPerHour(fileIds.length, seconds),
    cpuMsPerFile,
    cpuBoundFilesPerHour: cpuBoundFilesPerHour(cpuMsPerFile, 2),
    outcomes: counts,
  };
}
