import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Firestore, type Settings } from '@google-cloud/firestore';

/**
 * Starts the official Firestore emulator (`gcloud emulators firestore start`, Java 17) for tests.
 *
 * Per suite:
 *   const emulator = await startFirestoreEmulator();          // null when gcloud is missing (notice printed)
 *   afterAll(() => emulator?.stop());
 *   const db = emulator.client();                             // its own client; process.env is not touched
 *   beforeEach(() => emulator.reset());                       // or use a fresh collection prefix per test
 *
 * Once for a whole vitest run (vitest.config.ts `globalSetup: ['test/support/firestore-emulator.ts']`): the
 * default export starts one emulator, publishes it as TEST_FIRESTORE_EMULATOR_HOST (inherited by the test
 * workers) and stops it at the end; suites then call `connectToSharedFirestoreEmulator()`, which falls back
 * to starting their own.
 *
 * Killing `gcloud` alone orphans the emulator's Java process, so the emulator runs in its own process group
 * and the whole group is killed on stop(), on process exit and on SIGINT/SIGTERM/SIGHUP; a tiny detached
 * watchdog also kills it if this process dies without running any handler (SIGKILL, crash).
 */

export interface FirestoreEmulator {
  /** host:port, e.g. 127.0.0.1:40123. */
  host: string;
  projectId: string;
  /** Client settings for this emulator (no credentials, no metadata-server lookups). */
  settings(): Settings;
  /** A new client bound to this emulator; terminate() it when done. */
  client(): Firestore;
  /** Deletes every document of the project's default database. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const PROJECT_ID = 'demo-facturas';
const READY_LINE = 'Dev App Server is now running';
const START_TIMEOUT_MS = 90_000;
const SHARED_HOST_VARIABLE = 'TEST_FIRESTORE_EMULATOR_HOST';

export async function startFirestoreEmulator(): Promise<FirestoreEmulator | null> {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const child = spawn('gcloud', ['emulators', 'firestore', 'start', `--host-port=${host}`, '--quiet'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
      // Small heap, one GC thread, quick JIT: two CPU cores are shared by every test suite.
      JAVA_TOOL_OPTIONS: '-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1',
    },
  });
  const killGroup = guardProcessGroup(child);

  const started = await waitUntilReady(child);
  if (!started.ok) {
    killGroup();
    console.log(`Firestore emulator not available: skipped (${started.reason})`);
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

/** vitest globalSetup: one emulator for the whole run; returns the teardown. */
export default async function setupSharedFirestoreEmulator(): Promise<() => Promise<void>> {
  const emulator = await startFirestoreEmulator();
  if (emulator) process.env[SHARED_HOST_VARIABLE] = emulator.host;
  return async () => {
    delete process.env[SHARED_HOST_VARIABLE];
    await emulator?.stop();
  };
}

/** The run-wide emulator when globalSetup started one (stop() then does nothing), else a private one. */
export async function connectToSharedFirestoreEmulator(): Promise<FirestoreEmulator | null> {
  const shared = process.env[SHARED_HOST_VARIABLE];
  if (shared) return connect(shared, PROJECT_ID, async () => {});
  return startFirestoreEmulator();
}

function connect(host: string, projectId: string, stop: () => Promise<void>): FirestoreEmulator {
  const settings = (): Settings => ({
    projectId,
    host,
    ssl: false,
    // Without an explicit universe the client asks the GCE metadata server first (a 1 s stall and a warning).
    universeDomain: 'googleapis.com',
  });
  return {
    host,
    projectId,
    settings,
    client: () => new Firestore(settings()),
    async reset() {
      const response = await fetch(
        `http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
        { method: 'DELETE' },
      );
      if (!response.ok) throw new Error(`Firestore emulator reset failed: HTTP ${response.status}`);
    },
    stop,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
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
      finish({ ok: false, reason: `gcloud exited with ${code}: ${lastLines(tail)}` });
    const timer = setTimeout(
      () => finish({ ok: false, reason: `not ready after ${START_TIMEOUT_MS} ms: ${lastLines(tail)}` }),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', onError);
    child.on('exit', onExit);
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Makes sure the emulator's process group dies with us, however we end; returns the kill function. */
export function guardProcessGroup(child: ChildProcess): () => void {
  const pgid = child.pid;
  if (pgid === undefined) return () => {};
  let killed = false;
  const killGroup = () => {
    if (killed) return;
    killed = true;
    process.off('exit', killGroup);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup();
    process.kill(process.pid, signal);
  };
  process.on('exit', killGroup);
  for (const signal of SIGNALS) process.once(signal, onSignal);

  const watchdog = spawn(
    'sh',
    [
      '-c',
      'while kill -0 "$1" 2>/dev/null && kill -0 -"$2" 2>/dev/null; do sleep 1; done; kill -9 -"$2" 2>/dev/null',
      'firestore-emulator-watchdog',
      String(process.pid),
      String(pgid),
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.on('error', () => {});
  watchdog.unref();
  return killGroup;
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
