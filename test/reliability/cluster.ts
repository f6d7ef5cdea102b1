import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * Real service instances (`src/main.ts` in child processes, each in its own process group so a SIGKILL of
 * the group takes tsx's loader and any worker with it) and the loopback "load balancer" Drive pushes to.
 */

export interface Instance {
  name: string;
  url: string;
  alive: boolean;
  child: ChildProcess;
  /** SIGKILL (crash) or SIGTERM (graceful) the whole process group; resolves when it exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startInstance(options: {
  name: string;
  env: Record<string, string>;
  logDir: string;
  readyTimeoutMs?: number;
}): Promise<Instance> {
  const port = await freePort();
  const log = createWriteStream(path.join(options.logDir, `${options.name}.log`));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: process.cwd(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_OPTIONS: process.env.NODE_OPTIONS ?? '',
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // The catch-up drain an instance runs once its pipeline has loaded: a scene starts after it, so that what
  // the scene uploads next is found only by the pushes, sweeps and calls the scene makes.
  const caughtUp = new Promise<void>((resolve) => {
    const watch = (chunk: Buffer) => {
      if (!chunk.toString('utf8').includes('drain finished')) return;
      child.stdout?.off('data', watch);
      resolve();
    };
    child.stdout?.on('data', watch);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const instance: Instance = {
    name: options.name,
    url: `http://127.0.0.1:${port}`,
    alive: true,
    child,
    async kill(signal = 'SIGKILL') {
      if (!instance.alive) return;
      instance.alive = false;
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  exited.then(() => {
    instance.alive = false;
  });
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (!instance.alive) throw new Error(`${options.name} exited during start (see ${options.name}.log)`);
    // Ready to take files: state and warehouse answer and the document pipeline has loaded.
    const ready = await fetch(`${instance.url}/readyz`).then(
      async (r) => r.ok && ((await r.json()) as { pipeline?: string }).pipeline !== 'loading',
      () => false,
    );
    if (ready) {
      // Its catch-up drain is logged at info when it ran; one that found another instance draining is not.
      await Promise.race([caughtUp, sleep(3_000)]);
      return instance;
    }
    await sleep(250);
  }
  await instance.kill();
  throw new Error(`${options.name} not ready after ${options.readyTimeoutMs ?? 90_000} ms`);
}

export interface PushStats {
  received: number;
  byInstance: Record<string, number>;
  byStatus: Record<string, number>;
  /** Change notifications (not sync) an instance refused. */
  changeRejected: number;
}

export interface Balancer {
  url: string;
  stats: PushStats;
  /** Which instance receives a push; default: a random live one. */
  route: (instances: Instance[]) => Instance | undefined;
  instances: Instance[];
  close(): Promise<void>;
}

/** Forwards every push to one instance, the way Cloud Run spreads requests; counts what happened. */
export async function startBalancer(): Promise<Balancer> {
  const balancer: Balancer = {
    url: '',
    stats: { received: 0, byInstance: {}, byStatus: {}, changeRejected: 0 },
    instances: [],
    route: (instances) => {
      const live = instances.filter((i) => i.alive);
      return live[Math.floor(Math.random() * live.length)];
    },
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    void forward(balancer, req).then(
      (status) => {
        res.writeHead(status);
        res.end();
      },
      () => {
        res.writeHead(502);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  balancer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  balancer.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return balancer;
}

async function forward(balancer: Balancer, req: IncomingMessage): Promise<number> {
  for await (const _ of req) {
    // Drive pushes have no body; drain whatever came.
  }
  balancer.stats.received++;
  const target = balancer.route(balancer.instances);
  if (!target) return 503;
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (key.startsWith('x-goog-') && typeof value === 'string') headers[key] = value;
  }
  const response = await fetch(`${target.url}${req.url ?? '/'}`, { method: 'POST', headers });
  await response.arrayBuffer();
  const stats = balancer.stats;
  stats.byInstance[target.name] = (stats.byInstance[target.name] ?? 0) + 1;
  stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
  if (headers['x-goog-resource-state'] !== 'sync' && response.status >= 400) stats.changeRejected++;
  return response.status;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns true or the time is up; returns whether it did. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  pollMs = 500,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(pollMs);
  }
  return check();
}
