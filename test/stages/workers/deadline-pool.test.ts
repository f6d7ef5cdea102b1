import { afterAll, describe, expect, it } from 'vitest';
import { StageError } from '../../../src/stages/errors.ts';
import { createDeadlinePool } from '../../../src/stages/workers/deadline-pool.ts';
import { startThread } from '../../../src/stages/workers/thread-entry.ts';
import type { HangingInput } from './hanging-worker.ts';

const ENTRY = new URL('./hanging-worker.ts', import.meta.url);

function pool(timeoutMs: number, workers = 1) {
  return createDeadlinePool<HangingInput, unknown>({
    name: 'prueba',
    start: () => startThread(ENTRY),
    workers,
    timeoutMs,
    timeoutSetting: 'TEST_TIMEOUT_MS',
  });
}

/** Counts event-loop turns while `work` runs: a blocked main thread counts none. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ ticks: number; result: PromiseSettledResult<T> }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 20);
  const [result] = await Promise.allSettled([work]);
  clearInterval(timer);
  return { ticks, result: result! };
}

describe('deadline pool (real worker threads)', () => {
  const shared = pool(400);
  afterAll(() => shared.close());

  it('returns a job output across threads (structured clone)', async () => {
    await shared.warmUp();
    await expect(shared.run({ kind: 'echo', text: 'hola' })).resolves.toEqual({
      echoed: 'hola',
      at: new Date(0),
    });
  });

  it('quarantines a job that backtracks forever as timeout, keeps the event loop free, and goes on', async () => {
    const started = performance.now();
    const before = shared.workersStarted();
    const { ticks, result } = await ticksDuring(shared.run({ kind: 'backtrack', digits: 60 }));
    const elapsed = performance.now() - started;
    expect(result.status).toBe('rejected');
    const error = (result as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(StageError);
    expect(error).toMatchObject({ code: 'timeout', quarantine: true, retryable: false });
    expect(error.message).toContain('TEST_TIMEOUT_MS');
    expect(elapsed).toBeLessThan(3_000);
    // The main thread kept turning while the worker was stuck (400 ms / 20 ms ≈ 20 turns).
    expect(ticks).toBeGreaterThanOrEqual(10);
    // The stuck worker was terminated and a fresh one serves the next job.
    await expect(shared.run({ kind: 'echo', text: 'después' })).resolves.toMatchObject({ echoed: 'después' });
    expect(shared.workersStarted()).toBe(before + 1);
  });

  it("keeps a worker's own StageError (code and flags)", async () => {
    await expect(shared.run({ kind: 'quarantine' })).rejects.toMatchObject({
      code: 'corrupt',
      quarantine: true,
    });
  });

  it('fails a job whose worker dies as retryable and replaces the worker', async () => {
    await expect(shared.run({ kind: 'crash' })).rejects.toMatchObject({
      code: 'worker_failed',
      retryable: true,
    });
    await expect(shared.run({ kind: 'echo', text: 'sigue' })).resolves.toMatchObject({ echoed: 'sigue' });
  });

  it('abandons a running job when its signal aborts (shutdown), without waiting for the deadline', async () => {
    const slow = pool(60_000);
    try {
      await slow.warmUp();
      const controller = new AbortController();
      const started = performance.now();
      const run = slow.run({ kind: 'backtrack', digits: 60 }, controller.signal);
      setTimeout(() => controller.abort(new Error('SIGTERM')), 200);
      await expect(run).rejects.toMatchObject({ code: 'aborted', retryable: true });
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await slow.close();
    }
  });

  it('runs the deadline per job, from when its worker takes it, not while it waits in the queue', async () => {
    const one = pool(1_500, 1);
    try {
      await one.warmUp();
      // Two 1 s jobs on one worker: the second waits ~1 s queued, then runs its own 1 s under its 1.5 s.
      const digits = await digitsTaking(one, 600);
      const results = await Promise.allSettled([
        one.run({ kind: 'backtrack', digits }),
        one.run({ kind: 'backtrack', digits }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    } finally {
      await one.close();
    }
  });
});

/** A digit count whose backtracking takes at least `ms` on this machine (each digit doubles the time). */
async function digitsTaking(p: ReturnType<typeof pool>, ms: number): Promise<number> {
  for (let digits = 16; digits < 40; digits++) {
    const started = performance.now();
    await p.run({ kind: 'backtrack', digits });
    if (performance.now() - started >= ms) return digits;
  }
  throw new Error('backtracking never got slow');
}
