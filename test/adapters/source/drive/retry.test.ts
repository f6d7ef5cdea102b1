import { describe, expect, it } from 'vitest';
import { quoteQueryValue } from '../../../../src/adapters/source/drive/context.ts';
import { backoffMs, type RetryPolicy, withRetry } from '../../../../src/adapters/source/drive/retry.ts';
import { silentLogger } from '../../../../src/shared/logger.ts';
import { StageError } from '../../../../src/stages/errors.ts';

const policy = (random: () => number, waits: number[] = []): RetryPolicy => ({
  attempts: 5,
  baseMs: 100,
  capMs: 1000,
  random,
  sleep: async (ms) => {
    waits.push(ms);
  },
});

const httpError = (status: number, reason?: string) =>
  Object.assign(new Error(`status ${status}`), {
    status,
    response: { status, data: { error: { errors: reason ? [{ reason }] : [] } }, headers: new Headers() },
  });

describe('backoff', () => {
  it('draws full jitter below an exponential ceiling that is truncated at capMs', () => {
    const top = policy(() => 0.999999);
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffMs(top, retry))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(
      backoffMs(
        policy(() => 0),
        4,
      ),
    ).toBe(0);
  });

  it('retries 429, rate-limit 403s, 5xx and transport errors; stops at attempts; never retries 400/404', async () => {
    for (const error of [httpError(429), httpError(403, 'userRateLimitExceeded'), httpError(503)]) {
      let calls = 0;
      const waits: number[] = [];
      await expect(
        withRetry(
          'op',
          policy(() => 0.5, waits),
          silentLogger,
          async () => {
            calls++;
            throw error;
          },
        ),
      ).rejects.toBe(error);
      expect(calls).toBe(5);
      expect(waits).toEqual([50, 100, 200, 400]);
    }
    for (const error of [httpError(400), httpError(404), httpError(403, 'insufficientFilePermissions')]) {
      let calls = 0;
      await expect(
        withRetry('op', policy(Math.random), silentLogger, async () => {
          calls++;
          throw error;
        }),
      ).rejects.toBe(error);
      expect(calls).toBe(1);
    }
    let calls = 0;
    const result = await withRetry('op', policy(Math.random), silentLogger, async () => {
      calls++;
      if (calls === 1) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
      if (calls === 2) throw new StageError('download_failed', 'md5', { retryable: true });
      return 'ok';
    });
    expect([result, calls]).toEqual(['ok', 3]);
  });
});

describe('query quoting', () => {
  it('escapes backslashes and single quotes', () => {
    expect(quoteQueryValue("Revisión d'Ana \\ 2026")).toBe("'Revisión d\\'Ana \\\\ 2026'");
  });
});
