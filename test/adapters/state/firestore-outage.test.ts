import { afterAll, describe, expect, it } from 'vitest';
import { withCallDeadlines } from '../../../src/adapters/state/call-deadline.ts';
import { createFirestoreStateStore } from '../../../src/adapters/state/firestore-state-store.ts';
import { StageError } from '../../../src/stages/errors.ts';
import { startProxy } from '../../reliability/proxy.ts';
import {
  connectToSharedFirestoreEmulator,
  type FirestoreEmulator,
} from '../../support/firestore-emulator.ts';
import { serviceMissing } from '../../support/required-service.ts';

let emulator: Promise<FirestoreEmulator | null> | undefined;
afterAll(async () => {
  await (await emulator)?.stop();
});

const timed = async <T>(call: () => Promise<T>) => {
  const began = Date.now();
  const outcome = await call().then(
    (value) => ({ value, error: null }),
    (error: unknown) => ({ value: null, error }),
  );
  return { ...outcome, ms: Date.now() - began };
};

describe('state store calls have a deadline', () => {
  it('abandons a call that does not answer in time as the retryable state_unavailable', async () => {
    const store = withCallDeadlines(
      {
        slow: () => new Promise<number>((resolve) => setTimeout(() => resolve(1), 2_000)),
        quick: async (x: number) => x * 2,
        failing: async () => {
          throw new Error('bad request');
        },
        listing: () => new Promise<number>((resolve) => setTimeout(() => resolve(3), 150)),
      },
      { defaultMs: 100, perMethod: { listing: 400 } },
    );
    const slow = await timed(() => store.slow());
    expect(slow.error).toBeInstanceOf(StageError);
    expect(slow.error).toMatchObject({ code: 'state_unavailable', retryable: true });
    expect(slow.ms).toBeLessThan(1_000);
    expect(await store.quick(4)).toBe(8);
    await expect(store.failing()).rejects.toThrow('bad request');
    expect(await store.listing()).toBe(3);
  });
});

describe('firestore state store while Firestore is unreachable (emulator behind a cut proxy)', () => {
  it('fails every kind of call within its deadline and works again once Firestore is back', async () => {
    emulator ??= connectToSharedFirestoreEmulator();
    const current = await emulator;
    if (!current) {
      serviceMissing('Firestore emulator', 'gcloud could not start it');
      return;
    }
    const [host, port] = current.host.split(':');
    const proxy = await startProxy({ host: host!, port: Number(port) });
    const store = createFirestoreStateStore({
      projectId: current.projectId,
      collectionPrefix: `outage${Date.now().toString(36)}`,
      // The reconnect options the adapter sets itself apply with these settings too (they are merged).
      settings: { ...current.settings(), host: proxy.host },
      callTimeoutMs: 2_000,
    });
    try {
      // A fresh client's first call opens its channel (slow on a shared machine): warm it up first.
      let token: string | null = null;
      for (let i = 0; i < 20 && token !== 't1'; i++) {
        await store.setPageToken(null, 't1').catch(() => false);
        token = await store.getPageToken().catch(() => null);
      }
      expect(token).toBe('t1');
      proxy.cutOff();
      const calls: Record<string, () => Promise<unknown>> = {
        read: () => store.getPageToken(),
        transaction: () => store.acquireLease('hourly', 'a', 60_000),
        claim: () => store.claimFile({ fileId: 'f1', name: 'f1.pdf', md5: 'm', owner: 'a', leaseMs: 60_000 }),
        compareAndSet: () => store.setPageToken('t1', 'written-during-the-cut'),
        listing: () => store.listFiles({ statuses: ['failed'] }),
      };
      for (const [kind, call] of Object.entries(calls)) {
        const outcome = await timed(call);
        expect(outcome.error, kind).toMatchObject({ code: 'state_unavailable', retryable: true });
        // The listing's bound is 4× the call timeout; the others 2 s (plus scheduling slack).
        expect(outcome.ms, kind).toBeLessThan(kind === 'listing' ? 9_000 : 3_000);
      }
      // Cut long enough for gRPC's default reconnect back-off to have grown past several seconds.
      await new Promise((resolve) => setTimeout(resolve, 8_000));
      proxy.restore();
      const restored = Date.now();
      let back: string | null = null;
      while (back === null && Date.now() - restored < 30_000) {
        back = await store.getPageToken().catch(() => null);
        if (back === null) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(back).toBe('t1');
      // Capped reconnect back-off (2 s): calls work again within seconds of Firestore's return.
      expect(Date.now() - restored).toBeLessThan(5_000);
      // The lease asked for during the cut is still being retried by the client: the first lease call on the
      // channel that came back is answered at once, not held behind it (leases take no transaction lock), and
      // goes to another owner: the call that gave up took no lease for nobody.
      expect(await store.acquireLease('hourly', 'b', 60_000)).toBe(true);
      // The claim and the compare-and-set answered state_unavailable: once Firestore is back, the client's
      // retries of those transactions must not write them after all (nor hold their documents' locks).
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(await store.getFile('f1')).toBeNull();
      expect(await store.getPageToken()).toBe('t1');
      expect(await store.setPageToken('t1', 't2')).toBe(true);
    } finally {
      proxy.restore();
      await store.close();
      await proxy.close();
    }
  }, 90_000);
});
