import { describe, expect, it } from 'vitest';
import { classifyOutages, isFirestoreOutage } from '../../../src/adapters/state/firestore-errors.ts';
import { INFRASTRUCTURE_ERROR_CODES, StageError } from '../../../src/stages/errors.ts';

const grpcError = (code: number, message: string) => Object.assign(new Error(message), { code });

describe('Firestore outages', () => {
  it('classes UNAVAILABLE, DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED as outages, nothing else', () => {
    expect(isFirestoreOutage(grpcError(14, '14 UNAVAILABLE: No connection established'))).toBe(true);
    expect(isFirestoreOutage(grpcError(4, '4 DEADLINE_EXCEEDED'))).toBe(true);
    expect(isFirestoreOutage(grpcError(8, '8 RESOURCE_EXHAUSTED: quota'))).toBe(true);
    expect(isFirestoreOutage(Object.assign(new Error('x'), { code: 'UNAVAILABLE' }))).toBe(true);
    for (const code of [3, 5, 6, 7, 9, 10, 13, 16])
      expect(isFirestoreOutage(grpcError(code, 'x'))).toBe(false);
    expect(isFirestoreOutage(new Error('plain'))).toBe(false);
    expect(isFirestoreOutage(null)).toBe(false);
  });

  it('rethrows outages of any method as the retryable state_unavailable and leaves other errors alone', async () => {
    const store = classifyOutages({
      down: async () => {
        throw grpcError(14, '14 UNAVAILABLE: connect ECONNREFUSED 127.0.0.1:8080');
      },
      broken: async () => {
        throw grpcError(3, '3 INVALID_ARGUMENT');
      },
      fine: async (x: number) => x + 1,
    });
    const error = await store.down().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StageError);
    expect(error).toMatchObject({ code: 'state_unavailable', retryable: true });
    expect(INFRASTRUCTURE_ERROR_CODES.has((error as StageError).code)).toBe(true);
    const other = await store.broken().catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(StageError);
    expect(await store.fine(1)).toBe(2);
  });
});
