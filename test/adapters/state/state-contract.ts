import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import type { StateStore } from '../../../src/ports/state.ts';
import { sampleResult } from './sample-result.ts';

/**
 * The StateStore contract (src/ports/state.ts), run against every adapter. Each test gets fresh, empty
 * backing storage and two store instances over it (`a`, `b`) that mimic two service instances, sharing one
 * manual clock so lease expiry is tested without sleeping.
 */

export interface StateStoreHarness {
  /** A new store instance over the current backing storage (for Firestore: its own client). */
  open(now: () => number): Promise<StateStore>;
  /** Switches to fresh, empty backing storage. */
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

function manualClock(start: number): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const MINUTE = 60_000;

export function describeStateStoreContract(
  name: string,
  factory: () => Promise<StateStoreHarness | null>,
  options: { concurrency?: number } = {},
): void {
  const racers = options.concurrency ?? 20;

  describe(`StateStore contract: ${name}`, () => {
    let harness: StateStoreHarness | null = null;
    let a: StateStore;
    let b: StateStore;
    let clock: ManualClock;

    beforeAll(async () => {
      harness = await factory();
      if (!harness) console.log(`[state contract] ${name}: backend not available: skipped`);
    });
    afterAll(async () => {
      await harness?.dispose();
    });
    beforeEach(async () => {
      if (!harness) return;
      clock = manualClock(T0);
      await harness.reset();
      a = await harness.open(clock.now);
      b = await harness.open(clock.now);
    });
    afterEach(async () => {
      if (!harness) return;
      await Promise.all([a.close(), b.close()]);
    });

    const test = (title: string, body: () => Promise<void>, timeoutMs?: number) =>
      it(
        title,
        async (ctx: TestContext) => {
          if (!harness) ctx.skip();
          await body();
        },
        timeoutMs,
      );

    const claim = (
      store: StateStore,
      owner: string,
      extra: Partial<Parameters<StateStore['claimFile']>[0]> = {},
    ) =>
      store.claimFile({ fileId: 'f1', name: 'FE-1.pdf', md5: 'md5-a', owner, leaseMs: 5 * MINUTE, ...extra });

    test('claim → complete lifecycle stores the outcome and refuses a duplicate', async () => {
      expect(await a.getFile('f1')).toBeNull();
      const claimed = await claim(a, 'A');
      expect(claimed).toMatchObject({
        fileId: 'f1',
        name: 'FE-1.pdf',
        md5: 'md5-a',
        status: 'processing',
        attempts: 1,
        leaseOwner: 'A',
        leaseExpiresAt: T0 + 5 * MINUTE,
        result: null,
        folder: null,
      });
      expect(await b.getFile('f1')).toEqual(claimed);

      clock.advance(1000);
      const result = sampleResult('f1');
      expect(await a.completeFile('f1', 'A', { status: 'processed', folder: 'preventivas', result })).toBe(
        true,
      );
      const done = await b.getFile('f1');
      expect(done).toMatchObject({
        status: 'processed',
        folder: 'preventivas',
        leaseOwner: null,
        lastError: null,
      });
      expect(done?.leaseExpiresAt).toBeNull();
      expect(done?.result).toEqual(result);
      expect(done?.createdAt).toBe(new Date(T0).toISOString());
      expect(done?.updatedAt).toBe(new Date(T0 + 1000).toISOString());

      expect(await claim(b, 'B')).toBeNull();
      expect(await claim(a, 'A')).toBeNull();
      expect(await a.completeFile('f1', 'A', { status: 'review', folder: 'revision', result })).toBe(false);
    });

    test('renewing a file lease keeps other owners out; a lost lease cannot be renewed', async () => {
      await claim(a, 'A');
      clock.advance(4 * MINUTE);
      expect(await a.renewFileLease('f1', 'A', 5 * MINUTE)).toBe(true);
      expect((await b.getFile('f1'))?.leaseExpiresAt).toBe(T0 + 9 * MINUTE);
      // Past the first lease's end: without the renewal B would take the file over.
      clock.advance(3 * MINUTE);
      expect(await claim(b, 'B')).toBeNull();
      expect(await b.renewFileLease('f1', 'B', 5 * MINUTE)).toBe(false);
      // Not renewed again: it expires and B takes over; A's heartbeat then learns it lost the file.
      clock.advance(3 * MINUTE);
      expect(await claim(b, 'B')).toMatchObject({ leaseOwner: 'B', attempts: 2 });
      expect(await a.renewFileLease('f1', 'A', 5 * MINUTE)).toBe(false);
      expect((await a.getFile('f1'))?.leaseOwner).toBe('B');
      // No renewal after an outcome, nor for a file never claimed.
      await b.completeFile('f1', 'B', { status: 'processed', folder: null, result: sampleResult('f1') });
      expect(await b.renewFileLease('f1', 'B', 5 * MINUTE)).toBe(false);
      expect(await b.getFile('f1')).toMatchObject({ status: 'processed', leaseExpiresAt: null });
      expect(await a.renewFileLease('nope', 'A', 5 * MINUTE)).toBe(false);
    });

    test('failed files are claimable again until maxAttempts; force overrides the budget', async () => {
      const error = { code: 'ocr_failed', message: 'tesseract crashed', retryable: true };
      await claim(a, 'A', { maxAttempts: 2 });
      expect(await a.failFile('f1', 'A', error)).toBe(true);
      expect(await b.getFile('f1')).toMatchObject({
        status: 'failed',
        lastError: error,
        attempts: 1,
        leaseOwner: null,
      });

      const second = await claim(b, 'B', { maxAttempts: 2 });
      expect(second).toMatchObject({ status: 'processing', attempts: 2, leaseOwner: 'B', lastError: error });
      expect(await b.failFile('f1', 'B', error)).toBe(true);

      expect(await claim(a, 'A', { maxAttempts: 2 })).toBeNull();
      expect(await claim(a, 'A', { maxAttempts: 3 })).toMatchObject({ attempts: 3 });
      expect(await a.failFile('f1', 'A', error)).toBe(true);
      expect(await claim(a, 'A', { maxAttempts: 3, force: true })).toMatchObject({ attempts: 4 });
      expect(
        await a.completeFile('f1', 'A', { status: 'processed', folder: null, result: sampleResult('f1') }),
      ).toBe(true);
      expect((await a.getFile('f1'))?.lastError).toBeNull();
    });

    test('an outage of the services around a file (warehouse, Drive) never uses up its attempts', async () => {
      for (const [owner, code] of [
        ['A', 'warehouse_unavailable'],
        ['B', 'download_failed'],
        ['A', 'drive_unavailable'],
        ['B', 'warehouse_unavailable'],
      ] as const) {
        const store = owner === 'A' ? a : b;
        expect(await claim(store, owner, { maxAttempts: 2 }), code).not.toBeNull();
        expect(await store.failFile('f1', owner, { code, message: 'down', retryable: true })).toBe(true);
      }
      expect(await a.getFile('f1')).toMatchObject({ status: 'failed', attempts: 4 });
      // A failure of the file itself, once the budget is spent, stops the retries.
      expect(await claim(a, 'A', { maxAttempts: 2 })).not.toBeNull();
      expect(await a.failFile('f1', 'A', { code: 'ocr_failed', message: 'x', retryable: true })).toBe(true);
      expect(await claim(b, 'B', { maxAttempts: 2 })).toBeNull();
    });

    test('a non-retryable failure is not re-run unless forced or the content changes', async () => {
      await claim(a, 'A');
      await a.failFile('f1', 'A', { code: 'internal', message: 'bug', retryable: false });
      expect(await claim(b, 'B')).toBeNull();
      expect(await claim(b, 'B', { md5: 'md5-b' })).toMatchObject({ attempts: 1, md5: 'md5-b' });
      await b.failFile('f1', 'B', { code: 'internal', message: 'bug', retryable: false });
      expect(await claim(a, 'A', { md5: 'md5-b', force: true })).toMatchObject({ attempts: 2 });
    });

    test('changed md5 re-runs with a fresh attempt budget; same md5 does not', async () => {
      await claim(a, 'A');
      await a.completeFile('f1', 'A', {
        status: 'quarantined',
        folder: 'cuarentena',
        result: sampleResult('f1'),
      });
      expect(await claim(a, 'A')).toBeNull();
      const rerun = await claim(b, 'B', { md5: 'md5-b', name: 'FE-1 (2).pdf', maxAttempts: 1 });
      expect(rerun).toMatchObject({ md5: 'md5-b', name: 'FE-1 (2).pdf', attempts: 1, folder: 'cuarentena' });
    });

    test('force re-runs a processed file but never breaks a live lease', async () => {
      await claim(a, 'A');
      expect(await claim(b, 'B', { force: true })).toBeNull();
      await a.completeFile('f1', 'A', { status: 'review', folder: 'revision', result: sampleResult('f1') });
      expect(await claim(b, 'B', { force: true })).toMatchObject({ attempts: 2, leaseOwner: 'B' });
    });

    test('an unexpired lease blocks everyone (even its owner); an expired one is taken over', async () => {
      await claim(a, 'A', { leaseMs: 1000 });
      clock.advance(999);
      expect(await claim(b, 'B', { leaseMs: 1000 })).toBeNull();
      expect(await claim(a, 'A', { leaseMs: 1000 })).toBeNull();
      clock.advance(1);
      const takeover = await claim(b, 'B', { leaseMs: 1000 });
      expect(takeover).toMatchObject({ leaseOwner: 'B', attempts: 2, leaseExpiresAt: T0 + 2000 });

      const result = sampleResult('f1');
      expect(await a.completeFile('f1', 'A', { status: 'processed', folder: null, result })).toBe(false);
      expect(await a.failFile('f1', 'A', { code: 'timeout', message: 'late', retryable: true })).toBe(false);
      expect(await b.getFile('f1')).toMatchObject({ status: 'processing', leaseOwner: 'B' });
      expect(await b.completeFile('f1', 'B', { status: 'processed', folder: 'correctivas', result })).toBe(
        true,
      );
    });

    test('an expired run that spent the last attempt becomes failed (lease_expired)', async () => {
      await claim(a, 'A', { leaseMs: 1000, maxAttempts: 1 });
      clock.advance(5000);
      expect(await claim(b, 'B', { maxAttempts: 1 })).toBeNull();
      const record = await a.getFile('f1');
      expect(record).toMatchObject({ status: 'failed', attempts: 1, leaseOwner: null });
      expect(record?.lastError).toMatchObject({ code: 'lease_expired', retryable: true });
      expect(
        await a.completeFile('f1', 'A', { status: 'processed', folder: null, result: sampleResult('f1') }),
      ).toBe(false);
      expect(await claim(b, 'B', { maxAttempts: 1, force: true })).toMatchObject({ attempts: 2 });
    });

    test('only the lease owner completes; a late owner still completes if nobody took over', async () => {
      const result = sampleResult('f1');
      expect(await a.completeFile('nope', 'A', { status: 'processed', folder: null, result })).toBe(false);
      expect(await a.failFile('nope', 'A', { code: 'x', message: 'y', retryable: true })).toBe(false);
      await claim(a, 'A', { leaseMs: 1000 });
      expect(await b.completeFile('f1', 'B', { status: 'processed', folder: null, result })).toBe(false);
      expect(await b.failFile('f1', 'B', { code: 'x', message: 'y', retryable: true })).toBe(false);
      clock.advance(10_000);
      expect(await a.completeFile('f1', 'A', { status: 'processed', folder: null, result })).toBe(true);
      expect(await a.completeFile('f1', 'A', { status: 'processed', folder: null, result })).toBe(false);
    });

    test(`${racers} concurrent claims of one file from two instances: exactly one wins`, async () => {
      const outcomes = await Promise.all(
        Array.from({ length: racers }, (_, i) => claim(i % 2 === 0 ? a : b, `owner-${i}`)),
      );
      const winners = outcomes.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      const stored = await a.getFile('f1');
      expect(stored).toMatchObject({ attempts: 1, status: 'processing', leaseOwner: winners[0]?.leaseOwner });
    }, 60_000);

    test('page token compare-and-set: exactly one of N racing writers wins', async () => {
      expect(await a.getPageToken()).toBeNull();
      expect(await a.setPageToken('x', '1')).toBe(false);
      expect(await a.setPageToken(null, '1')).toBe(true);
      expect(await b.setPageToken(null, '2')).toBe(false);
      expect(await b.getPageToken()).toBe('1');

      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).setPageToken('1', `next-${i}`)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await a.getPageToken()).toBe(`next-${results.indexOf(true)}`);
    }, 60_000);

    test('named cursors are shared, independent of each other and of the page token, and clear', async () => {
      expect(await a.getCursor('backfill')).toBeNull();
      await a.setCursor('backfill', 'file-0042');
      await a.setCursor('other', 'x/y z');
      expect(await b.getCursor('backfill')).toBe('file-0042');
      expect(await b.getCursor('other')).toBe('x/y z');
      expect(await b.getPageToken()).toBeNull();
      await b.setCursor('backfill', 'file-0099');
      expect(await a.getCursor('backfill')).toBe('file-0099');
      await a.setCursor('backfill', null);
      expect(await b.getCursor('backfill')).toBeNull();
      expect(await b.getCursor('other')).toBe('x/y z');
      await a.setCursor('never-set', null);
    }, 60_000);

    test('named leases exclude others, are re-entrant, expire and release', async () => {
      expect(await a.acquireLease('drain', 'A', 1000)).toBe(true);
      expect(await b.acquireLease('drain', 'B', 1000)).toBe(false);
      expect(await b.acquireLease('hourly', 'B', 1000)).toBe(true);
      clock.advance(800);
      expect(await a.acquireLease('drain', 'A', 1000)).toBe(true);
      clock.advance(800);
      expect(await b.acquireLease('drain', 'B', 1000)).toBe(false);
      clock.advance(200);
      expect(await b.acquireLease('drain', 'B', 1000)).toBe(true);
      await a.releaseLease('drain', 'A');
      expect(await a.acquireLease('drain', 'A', 1000)).toBe(false);
      await b.releaseLease('drain', 'B');
      const race = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).acquireLease('drain', `racer-${i}`, 1000)),
      );
      expect(race.filter(Boolean)).toHaveLength(1);
    }, 60_000);

    test('channels save, update, list and delete', async () => {
      const first = {
        id: 'ch-1',
        resourceId: 'r-1',
        token: 't'.repeat(20),
        address: 'https://x/n',
        expiration: T0 + 2,
      };
      const second = { ...first, id: 'ch-2', resourceId: 'r-2', expiration: T0 + 1 };
      await a.saveChannel(first);
      await a.saveChannel(second);
      expect(await b.listChannels()).toEqual([second, first]);
      await b.saveChannel({ ...first, expiration: T0 + 3 });
      await b.deleteChannel('ch-2');
      await b.deleteChannel('missing');
      expect(await a.listChannels()).toEqual([{ ...first, expiration: T0 + 3 }]);
    });

    test('human labels: one per file, latest wins', async () => {
      await a.recordHumanLabel({
        fileId: 'f2',
        class: 1,
        previousClass: null,
        at: '2026-11-25T12:00:02.000Z',
      });
      await a.recordHumanLabel({ fileId: 'f1', class: 0, previousClass: 1, at: '2026-11-25T12:00:01.000Z' });
      await b.recordHumanLabel({ fileId: 'f1', class: 1, previousClass: 0, at: '2026-11-25T12:00:03.000Z' });
      expect(await a.listHumanLabels()).toEqual([
        { fileId: 'f2', class: 1, previousClass: null, at: '2026-11-25T12:00:02.000Z' },
        { fileId: 'f1', class: 1, previousClass: 0, at: '2026-11-25T12:00:03.000Z' },
      ]);
    });

    test('setFolder records a move; unknown files are ignored', async () => {
      await claim(a, 'A');
      await a.completeFile('f1', 'A', {
        status: 'processed',
        folder: 'preventivas',
        result: sampleResult('f1'),
      });
      clock.advance(5);
      await b.setFolder('f1', 'correctivas');
      await b.setFolder('unknown', 'correctivas');
      expect(await a.getFile('f1')).toMatchObject({
        folder: 'correctivas',
        status: 'processed',
        updatedAt: new Date(T0 + 5).toISOString(),
      });
      expect(await a.getFile('unknown')).toBeNull();
    });

    test("recordDecision makes a person's decision the outcome; only a forced claim re-runs it", async () => {
      await claim(a, 'A');
      const result = sampleResult('f1');
      await a.completeFile('f1', 'A', { status: 'review', folder: 'revision', result });
      clock.advance(5);
      const decision = {
        action: 'confirmed' as const,
        by: 'ana@example.com',
        at: new Date(T0).toISOString(),
      };
      expect(await b.recordDecision('f1', { ...decision, status: 'processed', folder: 'preventivas' })).toBe(
        true,
      );
      expect(await b.recordDecision('unknown', { ...decision, status: 'processed', folder: null })).toBe(
        false,
      );
      expect(await a.getFile('unknown')).toBeNull();
      const decided = await a.getFile('f1');
      expect(decided).toMatchObject({
        status: 'processed',
        folder: 'preventivas',
        decision,
        leaseOwner: null,
        updatedAt: new Date(T0 + 5).toISOString(),
      });
      // The result of the run is kept: it is what the person corrected.
      expect(decided?.result).toEqual(result);
      // No longer listed as waiting for review; an unforced run of the same content is refused.
      expect((await a.listFiles({ statuses: ['review'] })).map((f) => f.fileId)).toEqual([]);
      expect((await a.listFiles({ statuses: ['processed'] })).map((f) => f.fileId)).toEqual(['f1']);
      expect(await claim(b, 'B')).toBeNull();
      // A forced run (a deliberate re-run) replaces the decision.
      const forced = await claim(b, 'B', { force: true });
      expect(forced).toMatchObject({ status: 'processing', decision: null });
      expect((await a.getFile('f1'))?.decision ?? null).toBeNull();
    });

    test('a decision outranks a run in flight: the run loses its lease and cannot complete over it', async () => {
      await claim(a, 'A');
      const decision = {
        action: 'quarantined' as const,
        by: 'luis@example.com',
        at: new Date(T0).toISOString(),
      };
      expect(await b.recordDecision('f1', { ...decision, status: 'quarantined', folder: 'cuarentena' })).toBe(
        true,
      );
      expect(await a.renewFileLease('f1', 'A', 5 * MINUTE)).toBe(false);
      expect(
        await a.completeFile('f1', 'A', { status: 'review', folder: 'revision', result: sampleResult('f1') }),
      ).toBe(false);
      expect(await a.failFile('f1', 'A', { code: 'timeout', message: 'slow', retryable: true })).toBe(false);
      expect(await b.getFile('f1')).toMatchObject({ status: 'quarantined', folder: 'cuarentena', decision });
    });

    test('listFiles filters by status and since, newest first, with a limit', async () => {
      const error = { code: 'timeout', message: 'slow', retryable: true };
      for (let i = 0; i < 6; i++) {
        const fileId = `file-${i}`;
        await a.claimFile({ fileId, name: `${fileId}.pdf`, md5: `m${i}`, owner: 'A', leaseMs: MINUTE });
        if (i % 3 === 0) await a.failFile(fileId, 'A', error);
        else if (i % 3 === 1) {
          await a.completeFile(fileId, 'A', {
            status: 'processed',
            folder: null,
            result: sampleResult(fileId),
          });
        }
        clock.advance(1000);
      }
      const ids = (records: { fileId: string }[]) => records.map((r) => r.fileId);
      expect(ids(await b.listFiles())).toEqual(['file-5', 'file-4', 'file-3', 'file-2', 'file-1', 'file-0']);
      expect(ids(await b.listFiles({ statuses: ['failed'] }))).toEqual(['file-3', 'file-0']);
      expect(ids(await b.listFiles({ statuses: ['processing', 'processed'] }))).toEqual([
        'file-5',
        'file-4',
        'file-2',
        'file-1',
      ]);
      expect(ids(await b.listFiles({ since: new Date(T0 + 3000).toISOString() }))).toEqual([
        'file-5',
        'file-4',
        'file-3',
      ]);
      expect(
        ids(await b.listFiles({ statuses: ['failed', 'processed'], since: '2026-11-25T12:00:01Z' })),
      ).toEqual(['file-4', 'file-3', 'file-1']);
      expect(ids(await b.listFiles({ limit: 2 }))).toEqual(['file-5', 'file-4']);
      expect(await b.listFiles({ statuses: [] })).toEqual([]);
      expect(await b.listFiles({ limit: 0 })).toEqual([]);
      await expect(b.listFiles({ since: 'yesterday' })).rejects.toThrow(/since/);
    });

    test('file ids with slashes, dots and unicode round-trip', async () => {
      for (const fileId of ['a/b/c.pdf', '..', '.', '__x__', 'Factura Río Ñ.pdf']) {
        const claimed = await a.claimFile({ fileId, name: fileId, md5: null, owner: 'A', leaseMs: MINUTE });
        expect(claimed?.fileId).toBe(fileId);
        expect(
          await a.completeFile(fileId, 'A', {
            status: 'processed',
            folder: null,
            result: sampleResult(fileId),
          }),
        ).toBe(true);
        expect(await b.getFile(fileId)).toMatchObject({ fileId, md5: null, status: 'processed' });
        expect(
          await b.claimFile({ fileId, name: fileId, md5: null, owner: 'B', leaseMs: MINUTE }),
        ).toBeNull();
      }
      expect((await a.listFiles()).map((r) => r.fileId).sort()).toEqual(
        ['a/b/c.pdf', '..', '.', '__x__', 'Factura Río Ñ.pdf'].sort(),
      );
    });
  });
}
