import { expect, test } from 'vitest';
import { envSchema } from '../../src/config/env.ts';
import { buildEventRoutes } from '../../src/server/routes.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { createServiceMetrics } from '../../src/shared/service-metrics.ts';
import { createDrainRig } from '../processor/drain-harness.ts';

const API_TOKEN = 'local-api-token-0123456789';

test('POST /tasks/hourly recovers from a rejected page token: 200, the inbox swept, the reset on /metrics', async () => {
  const rig = createDrainRig();
  const metrics = createServiceMetrics({ queueDepth: () => 0, channelExpirySeconds: async () => null });
  const built = buildEventRoutes({
    env: envSchema.parse({ SOURCE: 'drive', DRIVE_INBOX_FOLDER_ID: 'inbox', API_TOKEN }),
    logger: silentLogger,
    source: rig.drive.source,
    feed: rig.drive.feed,
    state: rig.state,
    warehouse: rig.warehouse,
    queue: rig.queue,
    processor: rig.processor,
    metrics,
  });
  const hourly = () =>
    built.routes.at(-1)!.app.request('/tasks/hourly', {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
  try {
    expect((await hourly()).status).toBe(200);
    rig.drive.upload('FE-1.pdf');
    const saved = await rig.state.getPageToken();
    await rig.state.setPageToken(saved, 'expired-token');
    const response = await hourly();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ drain: { status: 'token_reset', swept: 1 } });
    expect(rig.warehouse.saves).toBe(1);
    expect(await metrics.scrape()).toMatch(/^facturas_page_token_resets_total 1$/m);
    // The service is not stuck: the next hourly run drains normally.
    expect(await (await hourly()).json()).toMatchObject({ status: 'done', drain: { status: 'drained' } });
  } finally {
    await built.drainer?.close();
    await rig.close();
  }
});
