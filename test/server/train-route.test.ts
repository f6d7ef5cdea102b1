import { describe, expect, it } from 'vitest';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { trainRoutes } from '../../src/server/train-route.ts';
import { silentLogger } from '../../src/shared/logger.ts';

const TOKEN = 'a-very-long-api-token-for-tests';

function setup(train: () => Promise<{ text: string; promoted: boolean | null; modelVersion: string }>) {
  const state = createSqliteStateStore({ path: ':memory:' });
  const app = trainRoutes({
    auth: { verifier: null, apiToken: TOKEN, logger: silentLogger },
    train,
    lease: {
      acquire: () => state.acquireLease('train', 'me', 60_000),
      release: () => state.releaseLease('train', 'me'),
    },
    logger: silentLogger,
  });
  return { app, state };
}

describe('POST /tasks/train', () => {
  it('rejects callers without the token and never trains for them', async () => {
    let trained = 0;
    const { app } = setup(async () => {
      trained++;
      return { text: '', promoted: true, modelVersion: 'x' };
    });
    expect((await app.request('/tasks/train', { method: 'POST' })).status).toBe(401);
    const wrong = await app.request('/tasks/train', {
      method: 'POST',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBeGreaterThanOrEqual(401);
    expect(trained).toBe(0);
  });

  it('trains once at a time and reports whether the new model was installed', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { app, state } = setup(async () => {
      await gate;
      return { text: 'Exactitud 99 %', promoted: true, modelVersion: '2026.11.4' };
    });
    const auth = { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } };
    const first = app.request('/tasks/train', auth);
    await new Promise((r) => setTimeout(r, 20));
    const second = await app.request('/tasks/train', auth);
    expect(second.status).toBe(409);
    release();
    const done = await first;
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'done', promoted: true, model: '2026.11.4' });
    // The lease is released: another training may start.
    expect(await state.acquireLease('train', 'other', 1000)).toBe(true);
  });

  it('answers 409 to a second call arriving together with the first on the same instance', async () => {
    let trained = 0;
    const { app } = setup(async () => {
      trained++;
      await new Promise((r) => setTimeout(r, 50));
      return { text: '', promoted: null, modelVersion: 'x' };
    });
    const auth = { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } };
    const answers = await Promise.all([app.request('/tasks/train', auth), app.request('/tasks/train', auth)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const busy = answers.find((a) => a.status === 409)!;
    expect(await busy.json()).toMatchObject({ status: 'busy', message: 'Ya hay un entrenamiento en curso.' });
    expect(trained).toBe(1);
  });
});
