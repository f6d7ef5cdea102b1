import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { createWarehouse } from '../../src/adapters/warehouse/index.ts';
import { createApp, MAX_BODY_BYTES } from '../../src/server/app.ts';
import { silentLogger } from '../../src/shared/logger.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'app-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function app(options: { warehousePort?: number } = {}) {
  const state = createSqliteStateStore({ path: path.join(dir, `state-${Math.random()}.sqlite`) });
  const warehouse = await createWarehouse(
    options.warehousePort
      ? ({
          dialect: 'postgres',
          host: '127.0.0.1',
          port: options.warehousePort,
          database: 'facturas',
          user: 'lector_secreto',
          password: 'p',
        } as Parameters<typeof createWarehouse>[0])
      : ({ dialect: 'sqlite', file: path.join(dir, `wh-${Math.random()}.sqlite`) } as Parameters<
          typeof createWarehouse
        >[0]),
    silentLogger,
  );
  const echo = new Hono().post('/echo', async (c) => c.text(String((await c.req.text()).length)));
  const built = createApp({
    services: {
      state,
      warehouse,
      logger: silentLogger,
      classifier: { modelVersion: 'test-model' },
      metrics: { scrape: async () => '', contentType: 'text/plain' },
    } as unknown as Parameters<typeof createApp>[0]['services'],
    routes: [{ path: '/', app: echo }],
  });
  return { built, close: () => Promise.allSettled([warehouse.close(), state.close()]) };
}

describe('HTTP hardening', () => {
  it('/readyz answers codes, never a driver message (hosts, users)', async () => {
    const { built, close } = await app({ warehousePort: await closedPort() });
    try {
      const response = await built.request('/readyz');
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        status: 'not ready',
        model: 'test-model',
        warehouse: 'unavailable',
        state: 'ok',
      });
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|lector_secreto|Error/);
    } finally {
      await close();
    }
  });

  it('/readyz is ready with a working warehouse and state', async () => {
    const { built, close } = await app();
    try {
      const response = await built.request('/readyz');
      expect(await response.json()).toMatchObject({ status: 'ready', warehouse: 'ok', state: 'ok' });
    } finally {
      await close();
    }
  });

  it('refuses a POST body over the limit with 413, declared or streamed, and takes one under it', async () => {
    const { built, close } = await app();
    try {
      const small = await built.request('/echo', { method: 'POST', body: 'x'.repeat(1000) });
      expect([small.status, await small.text()]).toEqual([200, '1000']);
      const big = await built.request('/echo', { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 1) });
      expect(big.status).toBe(413);
      expect(await big.json()).toEqual({ error: 'payload_too_large' });
      // No Content-Length: the limit is counted on the stream.
      const chunk = new Uint8Array(64 * 1024).fill(120);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent > MAX_BODY_BYTES * 2) controller.close();
          else {
            sent += chunk.length;
            controller.enqueue(chunk);
          }
        },
      });
      const streamed = await built.request('/echo', {
        method: 'POST',
        body: stream,
        // @ts-expect-error Node's fetch needs duplex for a stream body
        duplex: 'half',
      });
      expect(streamed.status).toBe(413);
    } finally {
      await close();
    }
  });
});
