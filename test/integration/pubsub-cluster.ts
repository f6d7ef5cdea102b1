import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDispatcherFromEnv } from '../../src/adapters/dispatch/from-env.ts';
import { createDriveFromEnv } from '../../src/adapters/source/drive/from-env.ts';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { type Env, loadEnv } from '../../src/config/env.ts';
import type { StateStore } from '../../src/ports/state.ts';
import type { Warehouse } from '../../src/ports/warehouse.ts';
import type { Drainer } from '../../src/processor/drain.ts';
import { createProcessor } from '../../src/processor/processor.ts';
import { createWorkQueue, type WorkQueue } from '../../src/processor/work-queue.ts';
import { buildEventRoutes } from '../../src/server/routes.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { retryable } from '../../src/stages/errors.ts';
import { createFetchStage } from '../../src/stages/fetch.ts';
import { createFileStage } from '../../src/stages/file.ts';
import type { Stage } from '../../src/stages/stage.ts';
import type { OidcIssuer } from '../server/auth/oidc-issuer.ts';

/**
 * Service instances inside the test process, each with its own HTTP server on loopback, its own state-store
 * connection (one SQLite file or one Firestore emulator database shared by all), its own Drive client (the
 * fake Drive), queue and processor, and the real routes (`buildEventRoutes`: task auth, POST /tasks/process,
 * the drain with the Pub/Sub dispatcher, the sweep and POST /replay publishing through it). The
 * read/classify/extract stages are replaced by a wait per document (digital or scanned), so coordination is
 * measured, not two cores' OCR. `kill()` stands for a crash: the instance stops answering and every later
 * state write of its runs hangs, as if the process were gone.
 */

export const AUDIENCE = 'https://facturas.pubsub.test/tasks/process';
export const PUSHER = 'pubsub-push@demo-facturas.iam.gserviceaccount.com';
export const POISON_CODE = 'stub_unavailable';

export interface Workload {
  /** Per-document wait of the stubbed reading, by file id (default `digitalMs`). */
  waitMs: Map<string, number>;
  digitalMs: number;
  /** Files whose reading always fails with a retryable error. */
  poison: Set<string>;
  /** Successful outcome writes per file id, across every instance. */
  completions: Map<string, number>;
  /** Stub stage runs per file id, across every instance. */
  runs: Map<string, number>;
}

export function newWorkload(digitalMs = 5): Workload {
  return { waitMs: new Map(), digitalMs, poison: new Set(), completions: new Map(), runs: new Map() };
}

export interface TestInstance {
  name: string;
  url: string;
  alive: boolean;
  env: Env;
  state: StateStore;
  queue: WorkQueue;
  drainer: Drainer | null;
  /** Pushes this instance answered, by HTTP status. */
  answered: Record<number, number>;
  kill(): void;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  name: string;
  driveUrl: string;
  inboxId: string;
  /** A new connection to the cluster's shared state store, one per instance... */
  openState?: () => StateStore;
  /** ... or the SQLite file they share. */
  statePath?: string;
  issuer: OidcIssuer;
  workload: Workload;
  pubsub: { host: string; project: string; topic: string };
  maxDeliveryAttempts?: number;
  concurrency?: number;
  leaseMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const never = () => new Promise<never>(() => {});

/**
 * A StateStore whose calls hang once `dead()` (a crashed process writes nothing more), counting completions:
 * an outcome write already on its way when the process died still counts if the store took it.
 */
function guardedState(inner: StateStore, dead: () => boolean, completions: Map<string, number>): StateStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (dead()) return never();
        const result = await value.apply(target, args);
        if (property === 'completeFile' && result === true) {
          const fileId = args[0] as string;
          completions.set(fileId, (completions.get(fileId) ?? 0) + 1);
        }
        if (dead()) return never();
        return result;
      };
    },
  });
}

function stubStage(workload: Workload, dead: () => boolean): Stage {
  return {
    name: 'read',
    attempts: 1,
    async run(context) {
      const id = context.file.id;
      workload.runs.set(id, (workload.runs.get(id) ?? 0) + 1);
      await sleep(workload.waitMs.get(id) ?? workload.digitalMs);
      if (dead()) await never();
      if (workload.poison.has(id)) throw retryable(POISON_CODE, 'el lector de pruebas no está disponible');
      context.pages = { count: 1, ocr: workload.waitMs.has(id) ? 1 : 0 };
    },
  };
}

const noWarehouse: Warehouse = {
  dialect: 'sqlite',
  migrate: async () => {},
  save: async () => {},
  setHumanLabel: async () => {},
  markDeleted: async () => 0,
  findDuplicate: async () => null,
  ping: async () => {},
  close: async () => {},
};

function openState(options: ClusterOptions): StateStore {
  if (options.openState) return options.openState();
  if (!options.statePath) throw new Error('a test instance needs openState or statePath');
  return createSqliteStateStore({ path: options.statePath });
}

export async function startTestInstance(name: string, options: ClusterOptions): Promise<TestInstance> {
  const env = loadEnv({
    SOURCE: 'drive',
    DRIVE_INBOX_FOLDER_ID: options.inboxId,
    DRIVE_API_ROOT: options.driveUrl,
    DISPATCH: 'pubsub',
    PUBSUB_PROJECT: options.pubsub.project,
    PUBSUB_TOPIC: options.pubsub.topic,
    PUBSUB_EMULATOR_HOST: options.pubsub.host,
    PUBSUB_MAX_DELIVERY_ATTEMPTS: String(options.maxDeliveryAttempts ?? 5),
    TASKS_AUDIENCE: AUDIENCE,
    TASKS_SERVICE_ACCOUNT: PUSHER,
    TASKS_OIDC_CERTS_URL: options.issuer.certsUrl,
    PROCESS_CONCURRENCY: String(options.concurrency ?? 4),
    LOG_LEVEL: 'ERROR',
  });
  const logger = createLogger({ level: 'ERROR', base: { instance: name }, write: () => {} });
  let dead = false;
  let released = false;
  const isDead = () => dead;
  const connection = openState(options);
  const state = guardedState(connection, isDead, options.workload.completions);
  const { source, feed } = createDriveFromEnv(env, logger);
  const processor = createProcessor({
    source,
    state,
    logger,
    owner: name,
    leaseMs: options.leaseMs ?? 2_000,
    stages: [
      createFetchStage({ source, maxBytes: env.MAX_FILE_BYTES }),
      stubStage(options.workload, isDead),
      createFileStage({ source }),
    ],
  });
  const queue = createWorkQueue({ processor, concurrency: env.PROCESS_CONCURRENCY, logger });
  const dispatcher = createDispatcherFromEnv(env, { queue, state, logger });
  const events = buildEventRoutes({
    env,
    logger,
    source,
    feed,
    state,
    queue,
    processor,
    warehouse: noWarehouse,
    dispatcher,
  });
  const app = new Hono();
  for (const group of events.routes) app.route(group.path, group.app);
  const answered: Record<number, number> = {};
  const counted = new Hono();
  counted.use(async (c, next) => {
    await next();
    if (c.req.path === '/tasks/process') answered[c.res.status] = (answered[c.res.status] ?? 0) + 1;
  });
  counted.route('/', app);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: counted.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const instance: TestInstance = {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    alive: true,
    env,
    state,
    queue,
    drainer: events.drainer,
    answered,
    kill() {
      dead = true;
      instance.alive = false;
      server.closeAllConnections();
      server.close();
    },
    async stop() {
      // A crashed instance's connection is let go only now: closing it at the crash could lose the answer
      // of a write the store took.
      if (dead) {
        if (!released) await connection.close();
        released = true;
        return;
      }
      if (!instance.alive) return;
      instance.alive = false;
      await events.drainer?.close();
      await queue.close({ graceMs: 2_000 });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await state.close();
    },
  };
  return instance;
}

export interface Relay {
  url: string;
  /** Where pushes go: these in-process instances, or any service reachable by URL. */
  instances: Pick<TestInstance, 'name' | 'url' | 'alive'>[];
  /** Pushes forwarded, by instance name. */
  byInstance: Record<string, number>;
  /** Deliveries per Pub/Sub message id. */
  deliveries: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Google's front end in one: receives the emulator's pushes (which carry no token), adds the push
 * subscription's OIDC token (signed by the test issuer, as Pub/Sub signs with the subscription's service
 * account) and forwards each to a live instance as Cloud Run spreads requests: round robin, or with
 * `least-busy` to the live instance with the fewest requests in flight (round robin among equals), as Cloud
 * Run sends a request to an instance with free concurrency rather than queueing it behind a slow one.
 */
export async function startRelay(
  issuer: OidcIssuer,
  options: { route?: 'round-robin' | 'least-busy' } = {},
): Promise<Relay> {
  let next = 0;
  const busy = new Map<string, number>();
  const relay: Relay = {
    url: '',
    instances: [],
    byInstance: {},
    deliveries: new Map(),
    close: async () => {},
  };
  // One token for a few minutes (valid for an hour), as a client reuses an ID token: an RS256 signature per
  // push would cost this process about a millisecond of CPU per file.
  let signed = { token: '', at: 0 };
  const token = () => {
    if (Date.now() - signed.at > 5 * 60_000) {
      signed = {
        token: issuer.sign({ aud: AUDIENCE, email: PUSHER, email_verified: true, sub: 'pubsub' }),
        at: Date.now(),
      };
    }
    return signed.token;
  };
  const server = createServer((req, res) => {
    void forward(req).then(
      ({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      },
      () => {
        res.writeHead(502);
        res.end();
      },
    );
  });
  async function forward(req: IncomingMessage): Promise<{ status: number; body: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    try {
      const id = (JSON.parse(body.toString('utf8')) as { message?: { messageId?: string } }).message
        ?.messageId;
      if (id) relay.deliveries.set(id, (relay.deliveries.get(id) ?? 0) + 1);
    } catch {
      // Not JSON: forwarded as is, the instance answers 400.
    }
    const live = relay.instances.filter((i) => i.alive);
    if (live.length === 0) return { status: 503, body: '' };
    const start = next++;
    let target = live[start % live.length]!;
    if (options.route === 'least-busy') {
      for (let i = 1; i < live.length; i++) {
        const candidate = live[(start + i) % live.length]!;
        if ((busy.get(candidate.name) ?? 0) < (busy.get(target.name) ?? 0)) target = candidate;
      }
    }
    relay.byInstance[target.name] = (relay.byInstance[target.name] ?? 0) + 1;
    busy.set(target.name, (busy.get(target.name) ?? 0) + 1);
    try {
      const response = await fetch(`${target.url}${req.url ?? '/'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token()}` },
        body,
      });
      return { status: response.status, body: await response.text() };
    } finally {
      busy.set(target.name, (busy.get(target.name) ?? 0) - 1);
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  relay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  relay.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return relay;
}
