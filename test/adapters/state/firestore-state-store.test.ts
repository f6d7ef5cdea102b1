import { afterAll, describe, expect, it } from 'vitest';
import { toDocId } from '../../../src/adapters/state/firestore-doc-ids.ts';
import { RESULT_TRUNCATED_ISSUE, resultToJson } from '../../../src/adapters/state/firestore-records.ts';
import { createFirestoreStateStore } from '../../../src/adapters/state/firestore-state-store.ts';
import {
  connectToSharedFirestoreEmulator,
  type FirestoreEmulator,
} from '../../support/firestore-emulator.ts';
import { serviceMissing } from '../../support/required-service.ts';
import { sampleResult } from './sample-result.ts';
import { describeStateStoreContract } from './state-contract.ts';

// One emulator for this file, started on first use and stopped after every suite in it.
let emulator: Promise<FirestoreEmulator | null> | undefined;
const useEmulator = () => {
  emulator ??= connectToSharedFirestoreEmulator();
  return emulator;
};
afterAll(async () => {
  await (await emulator)?.stop();
});
let generation = 0;

describeStateStoreContract('firestore (official emulator, two clients)', async () => {
  const current = await useEmulator();
  if (!current) {
    serviceMissing('Firestore emulator', 'gcloud could not start it');
    return null;
  }
  let prefix = '';
  return {
    async open(now) {
      // Each store gets its own client, like two service instances.
      return createFirestoreStateStore({
        projectId: current.projectId,
        collectionPrefix: prefix,
        settings: current.settings(),
        now,
        // The contract races ten writers on one document; on the emulator each contended transaction can
        // wait seconds for its lock. These tests judge the semantics; the deadline has its own test
        // (firestore-outage.test.ts).
        callTimeoutMs: 30_000,
      });
    },
    async reset() {
      prefix = `t${++generation}`;
    },
    async dispose() {},
  };
});

describe('firestore state store options', () => {
  it('refuses a collection prefix that would not be a plain collection id', () => {
    expect(() => createFirestoreStateStore({ projectId: 'p', collectionPrefix: 'a/b' })).toThrow(/PREFIX/);
    expect(() => createFirestoreStateStore({ projectId: 'p', collectionPrefix: '' })).toThrow(/PREFIX/);
  });
});

describe('firestore document ids', () => {
  it('keeps Drive ids and hashes ids Firestore would reject', () => {
    expect(toDocId('1aB-x_9ZQ')).toBe('1aB-x_9ZQ');
    expect(toDocId('Factura Río.pdf')).toBe('Factura Río.pdf');
    for (const unsafe of ['a/b', '.', '..', '__x__', '', 'x'.repeat(1501), '~sha256~abc']) {
      expect(toDocId(unsafe)).toMatch(/^~sha256~[0-9a-f]{64}$/);
    }
    expect(toDocId('a/b')).not.toBe(toDocId('a/c'));
  });

  it('drops the lines of a result too large for one document, and says so', () => {
    const big = sampleResult('big');
    const line = big.invoice!.lines[0]!;
    big.invoice!.lines = Array.from({ length: 6000 }, (_, i) => ({ ...line, code: `L-${i}` }));
    const stored = JSON.parse(resultToJson(big));
    expect(stored.invoice.lines).toEqual([]);
    expect(stored.invoice.total).toBe(big.invoice!.total);
    expect(stored.validation.issues).toContain(RESULT_TRUNCATED_ISSUE);
    expect(JSON.parse(resultToJson(sampleResult('small')))).toEqual(sampleResult('small'));
  });
});

describe('firestore emulator harness', () => {
  it('reset() deletes every document', async (ctx) => {
    const current = await useEmulator();
    if (!current) {
      serviceMissing('Firestore emulator', 'gcloud could not start it');
      return ctx.skip();
    }
    const db = current.client();
    try {
      await db.collection('harness').doc('x').set({ v: 1 });
      expect((await db.collection('harness').doc('x').get()).exists).toBe(true);
      await current.reset();
      expect((await db.collection('harness').doc('x').get()).exists).toBe(false);
    } finally {
      await db.terminate();
    }
  });
});
