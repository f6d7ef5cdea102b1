import { afterEach, describe, expect, test } from 'vitest';
import { replay } from '../../src/processor/replay.ts';
import { taskRoutes } from '../../src/server/task-routes.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { runHourly } from '../../src/watch-renewal/hourly.ts';
import { createDrainRig, type DrainRig } from '../processor/drain-harness.ts';

const API_TOKEN = 'local-api-token-0123456789';
let rig: DrainRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

function build() {
  rig = createDrainRig();
  const r = rig;
  const app = taskRoutes({
    auth: { apiToken: API_TOKEN, logger: silentLogger },
    hourly: () =>
      runHourly({
        source: r.drive.source,
        feed: r.drive.feed,
        drainer: r.drainer,
        state: r.state,
        dispatcher: r.dispatcher,
        warehouse: r.warehouse,
        logger: silentLogger,
        owner: 'A',
        renewal: null,
      }),
    replay: (request) =>
      replay(
        { source: r.drive.source, state: r.state, dispatcher: r.dispatcher, logger: silentLogger },
        request,
      ),
    logger: silentLogger,
  });
  return { rig: r, app };
}

const post = (
  app: ReturnType<typeof build>['app'],
  path: string,
  body?: string,
  token: string | null = API_TOKEN,
) =>
  app.request(path, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body,
  });

describe('task routes', () => {
  test('hourly sweeps the inbox and returns a JSON summary; unauthenticated calls change nothing', async () => {
    const { rig, app } = build();
    rig.drive.upload('FE-1.pdf');
    expect((await post(app, '/tasks/hourly', undefined, null)).status).toBe(401);
    expect((await post(app, '/tasks/hourly', undefined, 'wrong-token-0123456789')).status).toBe(401);
    expect(rig.warehouse.saves).toBe(0);
    const response = await post(app, '/tasks/hourly');
    expect(response.status).toBe(200);
    const summary = (await response.json()) as {
      status: string;
      reconcile: { outcomes: { processed: number } };
    };
    expect(summary.status).toBe('done');
    expect(summary.reconcile.outcomes.processed).toBe(1);
  });

  test('replay validates its body and answers a summary', async () => {
    const { rig, app } = build();
    const file = rig.drive.upload('FE-2.pdf');
    await post(app, '/tasks/hourly');
    expect((await post(app, '/replay', '{not json')).status).toBe(400);
    const invalid = await post(app, '/replay', JSON.stringify({ status: 'everything' }));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: string }).error).toBe('invalid_request');
    expect((await post(app, '/replay', JSON.stringify({ fileIds: [file.id] }), null)).status).toBe(401);
    expect(rig.warehouse.saves).toBe(1);
    const ok = await post(app, '/replay', JSON.stringify({ fileIds: [file.id] }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ selected: 1, outcomes: { processed: 1 } });
    expect(rig.warehouse.saves).toBe(2);
  });
});
