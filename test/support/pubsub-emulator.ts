import { type ChildProcess, spawn } from 'node:child_process';
import { exited, freePort, guardProcessGroup } from './firestore-emulator.ts';

/**
 * Starts the official Pub/Sub emulator (`gcloud beta emulators pubsub start`, Java) for tests, the way
 * firestore-emulator.ts starts Firestore's: its own process group, killed on stop(), on exit and by a
 * watchdog if this process dies. Talks to it over its REST API (the same `v1` paths as pubsub.googleapis.com).
 *
 *   const emulator = await startPubSubEmulator();   // null when gcloud is missing, outside CI
 *   afterAll(() => emulator?.stop());
 *
 * With CI=true a missing or broken emulator throws: a pipeline must not pass by skipping these tests.
 * The emulator's push deliveries carry no OIDC token and no `deliveryAttempt`; tests that need the token put
 * a relay in front of the service (standing in for Google's front end), see startRelay in test/integration/pubsub-cluster.ts.
 */

export interface ReceivedMessage {
  ackId: string;
  data: string;
  attributes: Record<string, string>;
  messageId: string;
}

export interface PushSubscriptionOptions {
  name: string;
  topic: string;
  endpoint: string;
  ackDeadlineSeconds?: number;
  minimumBackoff?: string;
  maximumBackoff?: string;
  /**
   * No retry policy: the emulator then redelivers a refused message about once a second. With a retry
   * policy, the emulator (cloud-pubsub-emulator 0.8.20, Cloud SDK 528) can stop redelivering refused
   * messages altogether after a few attempts (its push loop goes quiet), so a run that needs every
   * redelivery (dead-lettering) uses this.
   */
  immediateRedelivery?: boolean;
  deadLetterTopic?: string;
  maxDeliveryAttempts?: number;
}

export interface PubSubEmulator {
  /** host:port, what PUBSUB_EMULATOR_HOST takes. */
  host: string;
  projectId: string;
  createTopic(name: string): Promise<void>;
  createPushSubscription(options: PushSubscriptionOptions): Promise<void>;
  createPullSubscription(name: string, topic: string): Promise<void>;
  deleteSubscription(name: string): Promise<void>;
  /** Pulls what is available (returns immediately, possibly empty) and acknowledges it. */
  pull(subscription: string, max?: number): Promise<ReceivedMessage[]>;
  stop(): Promise<void>;
}

const PROJECT_ID = 'demo-facturas';
const READY_LINE = 'Server started, listening on';
const START_TIMEOUT_MS = 90_000;

export async function startPubSubEmulator(): Promise<PubSubEmulator | null> {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const child = spawn('gcloud', ['beta', 'emulators', 'pubsub', 'start', `--host-port=${host}`, '--quiet'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
      JAVA_TOOL_OPTIONS: '-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1',
    },
  });
  const killGroup = guardProcessGroup(child);
  const started = await waitUntilReady(child);
  if (!started.ok) {
    killGroup();
    if (process.env.CI === 'true') throw new Error(`Pub/Sub emulator required in CI: ${started.reason}`);
    console.log(`Pub/Sub emulator not available: skipped (${started.reason})`);
    return null;
  }
  child.unref();
  child.stdout?.resume();
  child.stderr?.resume();
  return connect(host, PROJECT_ID, async () => {
    killGroup();
    await exited(child);
  });
}

function connect(host: string, projectId: string, stop: () => Promise<void>): PubSubEmulator {
  const base = `http://${host}/v1/projects/${projectId}`;
  const full = (kind: 'topics' | 'subscriptions', name: string) => `projects/${projectId}/${kind}/${name}`;
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${base}/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Pub/Sub emulator ${method} ${path}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
  return {
    host,
    projectId,
    async createTopic(name) {
      await call('PUT', `topics/${name}`);
    },
    async createPushSubscription(o) {
      await call('PUT', `subscriptions/${o.name}`, {
        topic: full('topics', o.topic),
        ackDeadlineSeconds: o.ackDeadlineSeconds ?? 10,
        pushConfig: { pushEndpoint: o.endpoint },
        ...(o.immediateRedelivery
          ? {}
          : {
              retryPolicy: {
                minimumBackoff: o.minimumBackoff ?? '1s',
                maximumBackoff: o.maximumBackoff ?? '10s',
              },
            }),
        ...(o.deadLetterTopic
          ? {
              deadLetterPolicy: {
                deadLetterTopic: full('topics', o.deadLetterTopic),
                maxDeliveryAttempts: o.maxDeliveryAttempts ?? 5,
              },
            }
          : {}),
      });
    },
    async createPullSubscription(name, topic) {
      await call('PUT', `subscriptions/${name}`, { topic: full('topics', topic), ackDeadlineSeconds: 10 });
    },
    async deleteSubscription(name) {
      await call('DELETE', `subscriptions/${name}`);
    },
    async pull(subscription, max = 1000) {
      const answer = (await call('POST', `subscriptions/${subscription}:pull`, {
        maxMessages: max,
        returnImmediately: true,
      })) as {
        receivedMessages?: {
          ackId: string;
          message: { data?: string; attributes?: Record<string, string>; messageId: string };
        }[];
      } | null;
      const received = (answer?.receivedMessages ?? []).map((r) => ({
        ackId: r.ackId,
        data: r.message.data ?? '',
        attributes: r.message.attributes ?? {},
        messageId: r.message.messageId,
      }));
      if (received.length > 0) {
        await call('POST', `subscriptions/${subscription}:acknowledge`, {
          ackIds: received.map((r) => r.ackId),
        });
      }
      return received;
    },
    stop,
  };
}

type Readiness = { ok: true } | { ok: false; reason: string };

function waitUntilReady(child: ChildProcess): Promise<Readiness> {
  return new Promise((resolve) => {
    let tail = '';
    const finish = (result: Readiness) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('error', onError);
      child.off('exit', onExit);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-4000);
      if (tail.includes(READY_LINE)) finish({ ok: true });
    };
    const onError = (error: NodeJS.ErrnoException) =>
      finish({ ok: false, reason: error.code === 'ENOENT' ? 'gcloud not found' : error.message });
    const onExit = (code: number | null) =>
      finish({
        ok: false,
        reason: `gcloud exited with ${code}: ${tail.trim().split('\n').slice(-3).join(' | ')}`,
      });
    const timer = setTimeout(
      () => finish({ ok: false, reason: `not ready after ${START_TIMEOUT_MS} ms` }),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', onError);
    child.on('exit', onExit);
  });
}
