import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback in front of a shared service (PostgreSQL, the Firestore emulator) that a scenario
 * can cut: open connections are reset and new ones refused until it is restored, which is what clients see
 * when the service goes down, without stopping the service the other scenarios share.
 */
export interface CuttableProxy {
  /** host:port to connect to instead of the service. */
  readonly host: string;
  readonly port: number;
  readonly cut: boolean;
  /** Resets every open connection and refuses new ones. */
  cutOff(): void;
  restore(): void;
  /** Connections accepted and refused so far. */
  readonly stats: { accepted: number; refused: number };
  close(): Promise<void>;
}

export async function startProxy(target: { host: string; port: number }): Promise<CuttableProxy> {
  const open = new Set<Socket>();
  const stats = { accepted: 0, refused: 0 };
  let cut = false;
  const server: Server = createServer((client) => {
    if (cut) {
      stats.refused++;
      client.resetAndDestroy();
      return;
    }
    stats.accepted++;
    const upstream = connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    port,
    get cut() {
      return cut;
    },
    cutOff() {
      cut = true;
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    restore() {
      cut = false;
    },
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
