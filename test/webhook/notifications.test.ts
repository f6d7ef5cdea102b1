import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/shared/logger.ts';
import { driveNotificationRoutes } from '../../src/webhook/notifications.ts';
import { createLabelStage } from '../processor/drain-fakes.ts';
import { createDrainRig, type DrainRig } from '../processor/drain-harness.ts';

const TOKEN = 'channel-token-0123456789abcdef';
let rig: DrainRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

async function setup(options: Parameters<typeof createDrainRig>[0] = {}) {
  rig = createDrainRig(options);
  await rig.state.saveChannel({
    id: 'chan-1',
    resourceId: 'res-1',
    token: TOKEN,
    address: 'https://x/drive/notifications',
    expiration: Date.now() + 3_600_000,
  });
  await rig.drainer.drain(); // saves the start token
  const drainer = rig.drainer;
  const app = driveNotificationRoutes({
    state: rig.state,
    channelToken: TOKEN,
    onChange: () => drainer.trigger(),
    logger: silentLogger,
  });
  return { rig, app };
}

const headers = (overrides: Record<string, string | undefined> = {}) => {
  const base: Record<string, string | undefined> = {
    'x-goog-channel-id': 'chan-1',
    'x-goog-channel-token': TOKEN,
    'x-goog-resource-state': 'change',
    'x-goog-resource-id': 'res-1',
    'x-goog-message-number': '2',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
};

describe('POST /drive/notifications', () => {
  test('sync is acknowledged without draining; change answers 202 before the drain finishes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { rig, app } = await setup({ classify: createLabelStage({ gate }) });
    const startedBefore = rig.drainer.started;
    const sync = await app.request('/notifications', {
      method: 'POST',
      headers: headers({ 'x-goog-resource-state': 'sync' }),
    });
    expect(sync.status).toBe(200);
    expect(rig.drainer.started).toBe(startedBefore);

    rig.drive.upload('FE-1.pdf');
    const response = await app.request('/notifications', { method: 'POST', headers: headers() });
    expect(response.status).toBe(202);
    expect(rig.warehouse.saves).toBe(0); // the file is still held: the answer did not wait for it
    const tokenBefore = await rig.state.getPageToken();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await rig.state.getPageToken()).toBe(tokenBefore); // no outcome yet: the token stays
    release();
    await rig.drainer.idle();
    expect(rig.warehouse.saves).toBe(1);
    expect(await rig.state.getPageToken()).not.toBe(tokenBefore);
  });

  test('duplicate, shuffled notifications process each file once (one drain + one follow-up per burst)', async () => {
    const { rig, app } = await setup();
    const startedBefore = rig.drainer.started;
    for (let i = 0; i < 10; i++) rig.drive.upload(`FE-${i}.pdf`);
    const burst = Array.from({ length: 25 }, (_, i) =>
      app.request('/notifications', {
        method: 'POST',
        headers: headers({ 'x-goog-message-number': String(25 - i) }),
      }),
    );
    const statuses = (await Promise.all(burst)).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set([202]));
    await rig.drainer.idle();
    expect(rig.drainer.started - startedBefore).toBeLessThanOrEqual(2);
    expect(rig.warehouse.saves).toBe(10);
    expect(rig.drive.moves).toHaveLength(10);
    // The token moved past the uploads and our own moves.
    expect(await rig.state.getPageToken()).toBe('20');
  });

  test.each([
    ['missing token', { 'x-goog-channel-token': undefined }, 401],
    ['wrong token', { 'x-goog-channel-token': `${TOKEN}x` }, 401],
    ['unknown channel', { 'x-goog-channel-id': 'chan-forged' }, 404],
    ['other resource', { 'x-goog-resource-id': 'res-other' }, 404],
    ['missing channel id', { 'x-goog-channel-id': undefined }, 400],
  ])('intruder: %s is rejected with no side effect', async (_name, overrides, status) => {
    const { rig, app } = await setup();
    const startedBefore = rig.drainer.started;
    rig.drive.upload('FE-bait.pdf');
    const response = await app.request('/notifications', { method: 'POST', headers: headers(overrides) });
    expect(response.status).toBe(status);
    await rig.drainer.idle();
    expect(rig.drainer.started).toBe(startedBefore);
    expect(rig.warehouse.saves).toBe(0);
    expect(app.counters.rejected).toBe(1);
  });

  test('a channel saved after the registry cached the list is found (renewal overlap)', async () => {
    const { rig, app } = await setup();
    expect((await app.request('/notifications', { method: 'POST', headers: headers() })).status).toBe(202);
    await rig.state.saveChannel({
      id: 'chan-2',
      resourceId: 'res-2',
      token: TOKEN,
      address: 'https://x/drive/notifications',
      expiration: Date.now() + 7_200_000,
    });
    const renewed = headers({ 'x-goog-channel-id': 'chan-2', 'x-goog-resource-id': 'res-2' });
    expect((await app.request('/notifications', { method: 'POST', headers: renewed })).status).toBe(202);
    expect((await app.request('/notifications', { method: 'POST', headers: headers() })).status).toBe(202);
    await rig.drainer.idle();
  });

  test('over real HTTP: intruders 401/404, a real notification 202 and the file processed', async () => {
    const { rig, app } = await setup();
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/notifications`;
    try {
      rig.drive.upload('FE-http.pdf');
      const forged = await fetch(url, {
        method: 'POST',
        headers: headers({ 'x-goog-channel-token': 'nope' }),
      });
      expect(forged.status).toBe(401);
      const unknown = await fetch(url, { method: 'POST', headers: headers({ 'x-goog-channel-id': 'x' }) });
      expect(unknown.status).toBe(404);
      await rig.drainer.idle();
      expect(rig.warehouse.saves).toBe(0);
      const real = await fetch(url, { method: 'POST', headers: headers() });
      expect(real.status).toBe(202);
      await rig.drainer.idle();
      expect(rig.warehouse.saves).toBe(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
