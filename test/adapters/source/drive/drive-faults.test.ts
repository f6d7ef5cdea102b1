import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StageError } from '../../../../src/stages/errors.ts';
import { DRIVE_NOTICE, type DriveHarness, startDriveHarness } from './harness.ts';

console.info(DRIVE_NOTICE);

let h: DriveHarness;
beforeEach(async () => {
  h = await startDriveHarness({}, { seed: 42 });
});
afterEach(async () => h.stop());

const failure = async (promise: Promise<unknown>) => (await promise.catch((e: unknown) => e)) as StageError;

describe('retries', () => {
  it('processes every file exactly once while 30% of all calls answer 429, 500 or 403 rate limits', async () => {
    const count = 12;
    const uploaded = Array.from({ length: count }, (_, i) =>
      h.fake.upload(`FE-${i}.pdf`, Buffer.from(`%PDF-1.4 factura ${i}`), h.inboxId),
    );
    const token = h.fake.startPageToken();
    h.fake.faults.set('*', { fraction: 0.3, statuses: [429, 500, 503, 403] });
    const drive = h.adapter({ retry: { attempts: 10, baseMs: 1, capMs: 5 } });
    await drive.source.ensureFolders();
    const inbox = await drive.source.listInbox();
    expect(inbox).toHaveLength(count);
    for (const file of inbox) {
      const bytes = await drive.source.download(file, 1_000_000);
      expect(bytes.toString()).toMatch(/^%PDF-1.4 factura \d+$/);
      await drive.source.moveTo(file, Number(file.name.match(/\d+/)![0]) % 2 ? 'preventivas' : 'correctivas');
    }
    const injected = Object.values(h.fake.faults.injected).reduce((a, b) => a + (b ?? 0), 0);
    console.info(
      `[drive] faults: ${injected} injected errors over ${h.fake.requests.length} calls, all absorbed`,
    );
    expect(injected).toBeGreaterThan(5);
    h.fake.faults.clear();
    const folders = h.fake.files().filter((f) => f.mimeType === 'application/vnd.google-apps.folder');
    expect(folders).toHaveLength(5);
    const moves = h.fake.requests.filter((r) => r.method === 'files.update' && r.status === 200);
    expect(moves).toHaveLength(count);
    const ids = await drive.folderIds();
    for (const file of uploaded) {
      expect(h.fake.file(file.id)!.parents).toHaveLength(1);
      expect([ids.correctivas, ids.preventivas]).toContain(h.fake.file(file.id)!.parents[0]);
    }
    const { changes } = await drive.feed.listChanges(token);
    expect(changes).toHaveLength(count);
    expect(
      changes.every((c) => c.file?.location === 'correctivas' || c.file?.location === 'preventivas'),
    ).toBe(true);
  });

  it('gives up after the configured attempts with a retryable error, and never retries a 404', async () => {
    h.fake.faults.set('files.list', { fraction: 1, statuses: [500] });
    const error = await failure(h.drive.source.listInbox());
    expect([error.code, error.retryable]).toEqual(['drive_unavailable', true]);
    expect(h.fake.calls('files.list')).toBe(6);
    h.fake.faults.clear();
    // A 404 is never retried: a file deleted while it was processed is left where it is, not an error.
    const gone = await h.drive.source.moveTo(
      {
        id: 'no-such-file',
        name: 'x',
        md5: null,
        size: null,
        mimeType: null,
        location: 'inbox',
        modifiedTime: null,
        link: null,
      },
      'cuarentena',
    );
    expect(gone.location).toBe('elsewhere');
    expect(h.fake.calls('files.get')).toBe(1);
  });

  it('waits at least what Retry-After asks, within the cap', async () => {
    h.fake.faults.set('changes.getStartPageToken', { schedule: [429, 503], retryAfterSeconds: 3 });
    const waits: number[] = [];
    const drive = h.adapter({
      retry: { attempts: 5, baseMs: 1, capMs: 2000, sleep: async (ms) => waits.push(ms) },
    });
    expect(await drive.feed.getStartPageToken()).toBe(h.fake.startPageToken());
    expect(waits).toEqual([2000, 2000]);
  });

  it('retries a 403 only when it is a rate limit', async () => {
    h.fake.faults.set('changes.getStartPageToken', { schedule: [403, 403] });
    expect(await h.drive.feed.getStartPageToken()).toBe(h.fake.startPageToken());
    expect(h.fake.calls('changes.getStartPageToken')).toBe(3);
    const strict = h.adapter({ auth: 'an-api-key-is-not-a-bearer-token' });
    const denied = await failure(strict.feed.getStartPageToken());
    expect([denied.code, denied.retryable]).toEqual(['drive_forbidden', false]);
    expect(h.fake.calls('changes.getStartPageToken')).toBe(4);
  });
});

describe('timeouts', () => {
  it('cuts a slow request and retries it', async () => {
    let calls = 0;
    h.fake.faults.setLatency('changes.getStartPageToken', () => (calls++ === 0 ? 3000 : 0));
    const drive = h.adapter({ timeoutMs: 150 });
    const started = Date.now();
    expect(await drive.feed.getStartPageToken()).toBe(h.fake.startPageToken());
    expect(Date.now() - started).toBeLessThan(2000);
    expect(calls).toBe(2);
  });

  it('fails a request that stays slow with a retryable error, bounded in time', async () => {
    h.fake.faults.setLatency('files.list', 3000);
    const drive = h.adapter({ timeoutMs: 100, retry: { attempts: 3, baseMs: 1, capMs: 5 } });
    const started = Date.now();
    const error = await failure(drive.source.listInbox());
    expect([error.code, error.retryable]).toEqual(['drive_unavailable', true]);
    expect(error.message).toMatch(/timeout/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out a download as a retryable download_failed', async () => {
    const file = h.fake.upload('slow.pdf', Buffer.from('%PDF slow'), h.inboxId);
    h.fake.faults.setLatency('files.download', 3000);
    const drive = h.adapter({ downloadTimeoutMs: 100, retry: { attempts: 2, baseMs: 1, capMs: 5 } });
    const [listed] = await drive.source.listInbox();
    expect(listed!.id).toBe(file.id);
    const started = Date.now();
    const error = await failure(drive.source.download(listed!, 1000));
    expect([error.code, error.retryable]).toEqual(['download_failed', true]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
