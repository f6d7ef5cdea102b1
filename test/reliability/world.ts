import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createFirestoreStateStore } from '../../src/adapters/state/firestore-state-store.ts';
import { FOLDER_NAMES, TARGET_FOLDERS, type TargetFolder } from '../../src/ports/source.ts';
import { type FileRecord, OUTCOME_STATUSES, type StateStore } from '../../src/ports/state.ts';
import { generateInvoice } from '../../tools/corpus/index.ts';
import { createFakeDrive, type FakeDrive, type FakeFile } from '../fakes/drive/server.ts';
import type { OidcIssuer } from '../server/auth/oidc-issuer.ts';
import type { FirestoreEmulator } from '../support/firestore-emulator.ts';
import { type Balancer, type Instance, startInstance } from './cluster.ts';

export const AUDIENCE = 'https://facturas.reliability.test/tasks';
export const SCHEDULER = 'scheduler@demo-facturas.iam.gserviceaccount.com';
export const CHANNEL_TOKEN = 'reliability-channel-token-7f3a9c';
export const PG_BASE = 'postgres://postgres@127.0.0.1:5432/test';
const PG_SERVER = 'postgres://postgres@127.0.0.1:5432';

/** onnx/ (the shipped model); RELIABILITY_MODEL_DIR points elsewhere (e.g. a candidate model). */
export function modelDir(): string {
  return path.resolve(process.env.RELIABILITY_MODEL_DIR ?? 'onnx');
}

export interface World {
  fake: FakeDrive;
  driveUrl: string;
  emulator: FirestoreEmulator;
  issuer: OidcIssuer;
  balancer: Balancer;
  pool: pg.Pool;
  runId: string;
  logDir: string;
  /** Generated text-layer invoices, distinct content each. */
  pdfs: Buffer[];
  /** One PostgreSQL database per scene (created from `test`), dropped at the end. */
  databases: string[];
}

export async function generatePdfs(count: number): Promise<Buffer[]> {
  const pdfs: Buffer[] = [];
  for (let i = 0; i < count; i++) pdfs.push(Buffer.from((await generateInvoice(50_000 + i)).pdf));
  return pdfs;
}

export function createWorldDrive(): FakeDrive {
  return createFakeDrive({ auth: 'any-bearer', seed: 11 });
}

export function newLogDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'reliability-'));
}

export interface Scene {
  name: string;
  inboxId: string;
  folders: Record<TargetFolder, string>;
  prefix: string;
  /** The scene's warehouse database. */
  db: pg.Pool;
  instances: Instance[];
  /** The harness's own view of the shared Firestore state. */
  state: StateStore;
  uploaded: FakeFile[];
  upload(count: number, offset?: number): FakeFile[];
  /** Channels the fake Drive created during this scene. */
  ownChannels(): ReturnType<FakeDrive['channels']>;
  close(): Promise<void>;
}

/** A fresh inbox (with its class folders), state prefix, warehouse schema and N instances sharing them. */
export async function startScene(
  world: World,
  name: string,
  options: {
    instances?: number;
    env?: Record<string, string>;
    /** host:port the instances reach PostgreSQL through (a cuttable proxy); default 127.0.0.1:5432. */
    warehouseHost?: string;
    /** host:port the instances reach the Firestore emulator through; default the emulator itself. */
    firestoreHost?: string;
  } = {},
): Promise<Scene> {
  const prefix = `rel_${name}_${world.runId}`;
  const inbox = world.fake.createFolder(`Facturas ${name} ${world.runId}`);
  const folders = Object.fromEntries(
    TARGET_FOLDERS.map((folder) => [folder, world.fake.createFolder(FOLDER_NAMES[folder], inbox.id).id]),
  ) as Record<TargetFolder, string>;
  // A database per scene, not a schema: Kysely's migrator looks for its lock table in every schema.
  await world.pool.query(`CREATE DATABASE "${prefix}"`);
  world.databases.push(prefix);
  const db = new pg.Pool({ connectionString: `${PG_SERVER}/${prefix}`, max: 2 });
  const env: Record<string, string> = {
    SOURCE: 'drive',
    DRIVE_INBOX_FOLDER_ID: inbox.id,
    DRIVE_API_ROOT: world.driveUrl,
    STATE: 'firestore',
    GOOGLE_CLOUD_PROJECT: world.emulator.projectId,
    FIRESTORE_EMULATOR_HOST: options.firestoreHost ?? world.emulator.host,
    FIRESTORE_COLLECTION_PREFIX: prefix,
    DATABASE_URL: options.warehouseHost
      ? `postgres://postgres@${options.warehouseHost}/${prefix}`
      : `${PG_SERVER}/${prefix}`,
    WEBHOOK_URL: `${world.balancer.url}/drive/notifications`,
    CHANNEL_TOKEN,
    TASKS_AUDIENCE: AUDIENCE,
    TASKS_SERVICE_ACCOUNT: SCHEDULER,
    TASKS_OIDC_CERTS_URL: world.issuer.certsUrl,
    PROCESS_CONCURRENCY: '4',
    PROCESS_LEASE_MS: '8000',
    OCR_WORKERS: '1',
    // INFO: the ledger counts claims and recorded runs from the instances' 'file claimed' / 'file done' lines.
    LOG_LEVEL: 'INFO',
    MODEL_DIR: modelDir(),
    ...options.env,
  };
  const count = options.instances ?? 3;
  const instances: Instance[] = [];
  try {
    // One at a time: three model loads at once would starve two cores.
    for (let i = 0; i < count; i++) {
      const instanceName = `${name}-${String.fromCharCode(65 + i)}`;
      const dataDir = mkdtempSync(path.join(world.logDir, `${instanceName}-data-`));
      instances.push(
        await startInstance({ name: instanceName, env: { ...env, DATA_DIR: dataDir }, logDir: world.logDir }),
      );
    }
  } catch (error) {
    await Promise.all(instances.map((i) => i.kill()));
    await db.end();
    throw error;
  }
  world.balancer.instances = instances;
  const state = createFirestoreStateStore({
    projectId: world.emulator.projectId,
    collectionPrefix: prefix,
    firestore: world.emulator.client(),
  });
  const channelsBefore = new Set(world.fake.channels().map((channel) => channel.id));
  let next = 0;
  const scene: Scene = {
    name,
    inboxId: inbox.id,
    folders,
    prefix,
    db,
    instances,
    state,
    uploaded: [],
    upload(n, offset) {
      const files: FakeFile[] = [];
      for (let i = 0; i < n; i++) {
        const index = (offset ?? next) + i;
        files.push(
          world.fake.upload(`FE-${name}-${index}.pdf`, world.pdfs[index % world.pdfs.length]!, inbox.id),
        );
      }
      if (offset === undefined) next += n;
      scene.uploaded.push(...files);
      return files;
    },
    ownChannels() {
      return world.fake.channels().filter((channel) => !channelsBefore.has(channel.id));
    },
    async close() {
      // Drive's change feed is account-wide: a live channel of this scene would push into the next one.
      for (const channel of scene.ownChannels()) {
        if (!channel.stopped) world.fake.push.stop(channel.id, channel.resourceId);
      }
      await Promise.all(instances.map((i) => i.kill('SIGTERM')));
      world.balancer.instances = [];
      await state.close().catch(() => undefined);
      await db.end();
    },
  };
  return scene;
}

/** POST /tasks/hourly on one instance with a valid Scheduler OIDC token. */
export function callHourly(world: World, instance: Instance): Promise<{ status: number; body: unknown }> {
  return callTask(world, instance, '/tasks/hourly');
}

/** POST a task route (/tasks/hourly, /tasks/train) with a valid Scheduler OIDC token. */
export async function callTask(
  world: World,
  instance: Instance,
  route: string,
): Promise<{ status: number; body: unknown }> {
  const token = world.issuer.sign({ aud: AUDIENCE, email: SCHEDULER, email_verified: true, sub: '1' });
  const response = await fetch(`${instance.url}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(240_000),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export interface Census {
  files: number;
  withOutcome: number;
  processed: number;
  maxAttempts: number;
  retaken: number;
  statuses: Record<string, number>;
  rows: number;
  /** Uploaded files now in a class folder (exactly one parent, a class folder). */
  filed: number;
  inInbox: number;
  /** Successful files.update calls that added a parent, per file: max and total. */
  moveCalls: number;
  maxMovesPerFile: number;
}

/** What the shared state, the warehouse and the fake Drive say about the scene's uploads. */
export async function census(world: World, scene: Scene): Promise<Census> {
  const ids = new Set(scene.uploaded.map((f) => f.id));
  const records = (await scene.state.listFiles()).filter((r: FileRecord) => ids.has(r.fileId));
  const statuses: Record<string, number> = {};
  for (const r of records) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const { rows } = await scene.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM invoices WHERE file_id = ANY($1)',
    [[...ids]],
  );
  const classFolders = new Set(Object.values(scene.folders));
  let filed = 0;
  let inInbox = 0;
  for (const id of ids) {
    const parents = world.fake.file(id)?.parents ?? [];
    if (parents.length === 1 && classFolders.has(parents[0]!)) filed++;
    if (parents.includes(scene.inboxId)) inInbox++;
  }
  const moves = new Map<string, number>();
  for (const request of world.fake.requests) {
    if (request.method !== 'files.update' || request.status !== 200 || !request.params.addParents) continue;
    const fileId = request.path.split('/').pop() ?? '';
    if (ids.has(fileId)) moves.set(fileId, (moves.get(fileId) ?? 0) + 1);
  }
  return {
    files: ids.size,
    withOutcome: records.filter((r) => OUTCOME_STATUSES.includes(r.status)).length,
    processed: records.filter((r) => r.status === 'processed' || r.status === 'review').length,
    maxAttempts: Math.max(0, ...records.map((r) => r.attempts)),
    retaken: records.filter((r) => r.attempts > 1).length,
    statuses,
    rows: rows[0]?.n ?? 0,
    filed,
    inInbox,
    moveCalls: [...moves.values()].reduce((a, b) => a + b, 0),
    maxMovesPerFile: Math.max(0, ...moves.values()),
  };
}

export function describeCensus(c: Census): string {
  return `${c.withOutcome}/${c.files} with outcome, ${c.rows} warehouse rows, ${c.filed} filed (${c.moveCalls} move calls, max ${c.maxMovesPerFile}/file), max attempts ${c.maxAttempts}`;
}
