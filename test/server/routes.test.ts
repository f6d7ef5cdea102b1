import { describe, expect, test } from 'vitest';
import { envSchema } from '../../src/config/env.ts';
import { buildEventRoutes } from '../../src/server/routes.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { createDrainRig } from '../processor/drain-harness.ts';

const TOKEN = 'channel-token-0123456789abcdef';
const API_TOKEN = 'local-api-token-0123456789';

function services(env: Record<string, string>, withFeed: boolean) {
  const rig = createDrainRig();
  return {
    rig,
    services: {
      env: envSchema.parse(env),
      logger: silentLogger,
      source: rig.drive.source,
      feed: withFeed ? rig.drive.feed : null,
      state: rig.state,
      warehouse: rig.warehouse,
      queue: rig.queue,
      processor: rig.processor,
    },
  };
}

describe('buildEventRoutes', () => {
  test('local: only the task routes (hourly = sweep), no webhook, no drainer', async () => {
    const { rig, services: s } = services({ API_TOKEN }, false);
    const built = buildEventRoutes(s);
    expect(built.drainer).toBeNull();
    expect(built.routes.map((r) => r.path)).toEqual(['/']);
    rig.drive.upload('FE-1.pdf');
    const app = built.routes[0]!.app;
    const response = await app.request('/tasks/hourly', {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'done', drain: null, renewal: null });
    expect(rig.warehouse.saves).toBe(1);
    await rig.close();
  });

  test('drive: webhook at /drive and tasks; the webhook drains through the shared drainer', async () => {
    const env = {
      SOURCE: 'drive',
      DRIVE_INBOX_FOLDER_ID: 'inbox',
      CHANNEL_TOKEN: TOKEN,
      WEBHOOK_URL: 'https://f.example.com/drive/notifications',
      API_TOKEN,
    };
    const { rig, services: s } = services(env, true);
    const built = buildEventRoutes(s);
    expect(built.routes.map((r) => r.path)).toEqual(['/drive', '/']);
    const tasks = built.routes[1]!.app;
    const hourly = await tasks.request('/tasks/hourly', {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
    expect(await hourly.json()).toMatchObject({
      status: 'done',
      renewal: { action: 'created' },
      drain: { status: 'drained' },
    });
    const [channel] = await rig.state.listChannels();
    rig.drive.upload('FE-2.pdf');
    const webhook = built.routes[0]!.app;
    const push = await webhook.request('/notifications', {
      method: 'POST',
      headers: {
        'x-goog-channel-id': channel!.id,
        'x-goog-channel-token': TOKEN,
        'x-goog-resource-state': 'change',
        'x-goog-resource-id': channel!.resourceId,
      },
    });
    expect(push.status).toBe(202);
    await built.drainer?.idle();
    expect(rig.warehouse.saves).toBe(1);
    await rig.close();
  });
});
