import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FileChange } from '../../../../src/ports/source.ts';
import type { StageError } from '../../../../src/stages/errors.ts';
import { DRIVE_NOTICE, type DriveHarness, startDriveHarness } from './harness.ts';

console.info(DRIVE_NOTICE);

let h: DriveHarness;
beforeEach(async () => {
  h = await startDriveHarness();
});
afterEach(async () => h.stop());

async function drain(token: string) {
  const changes: FileChange[] = [];
  let pages = 0;
  let next: string | null = token;
  for (;;) {
    const page = await h.drive.feed.listChanges(next);
    pages++;
    changes.push(...page.changes);
    if (page.nextPageToken) {
      expect(page.newStartPageToken).toBeNull();
      next = page.nextPageToken;
    } else {
      return { changes, pages, newStartPageToken: page.newStartPageToken! };
    }
  }
}

describe('change feed', () => {
  it('maps changes with their location, skips folders, keeps removals, asks for a minimal mask', async () => {
    const ids = await h.drive.source.ensureFolders();
    const token = await h.drive.feed.getStartPageToken();
    const inboxFile = h.fake.upload('a.pdf', Buffer.from('%PDF a'), h.inboxId);
    const filed = h.fake.upload('b.pdf', Buffer.from('%PDF b'), ids.correctivas);
    const outside = h.fake.upload('c.pdf', Buffer.from('%PDF c'));
    const removed = h.fake.upload('d.pdf', Buffer.from('%PDF d'), h.inboxId);
    h.fake.remove(removed.id);
    h.fake.createFolder('nueva', h.inboxId);
    const trashed = h.fake.upload('e.pdf', Buffer.from('%PDF e'), h.inboxId);
    h.fake.trash(trashed.id);
    const { changes, newStartPageToken } = await drain(token);
    expect(changes.map((c) => [c.fileId, c.removed, c.file?.location ?? null])).toEqual([
      [inboxFile.id, false, 'inbox'],
      [filed.id, false, 'correctivas'],
      [outside.id, false, 'elsewhere'],
      [removed.id, true, null],
      [trashed.id, false, 'elsewhere'],
    ]);
    expect(changes[0]!.file!.md5).toBe(inboxFile.md5Checksum);
    expect(changes[0]!.time).toMatch(/^\d{4}-/);
    expect(newStartPageToken).toBe(h.fake.startPageToken());
    const params = h.fake.requests.find((r) => r.method === 'changes.list')!.params;
    expect(params).toMatchObject({
      pageToken: token,
      pageSize: '1000',
      includeRemoved: 'true',
      supportsAllDrives: 'true',
      includeItemsFromAllDrives: 'true',
    });
    expect(params['fields']).toMatch(/^nextPageToken,newStartPageToken,changes\(/);
  });

  it('follows nextPageToken across pages of 1000 and ends with newStartPageToken', async () => {
    await h.drive.source.ensureFolders();
    const token = await h.drive.feed.getStartPageToken();
    for (let i = 0; i < 1500; i++) h.fake.upload(`f${i}.pdf`, Buffer.from(`%PDF ${i}`), h.inboxId);
    const { changes, pages } = await drain(token);
    expect(pages).toBe(2);
    expect(new Set(changes.map((c) => c.fileId)).size).toBe(1500);
  });

  it('reports a refused page token as invalid_page_token, without retrying', async () => {
    await h.drive.source.ensureFolders();
    const error = (await h.drive.feed.listChanges('999999').catch((e: unknown) => e)) as StageError;
    expect([error.code, error.retryable]).toEqual(['invalid_page_token', false]);
    expect(h.fake.calls('changes.list')).toBe(1);
  });

  it.each([404, 410])('reports a %i from changes.list as invalid_page_token too', async (status) => {
    await h.drive.source.ensureFolders();
    const token = await h.drive.feed.getStartPageToken();
    h.fake.faults.set('changes.list', { schedule: [status] });
    const error = (await h.drive.feed.listChanges(token).catch((e: unknown) => e)) as StageError;
    expect([error.code, error.retryable]).toEqual(['invalid_page_token', false]);
    h.fake.faults.clear();
  });

  it('keeps a 500 from changes.list retryable, not a token to replace', async () => {
    await h.drive.source.ensureFolders();
    const token = await h.drive.feed.getStartPageToken();
    h.fake.faults.set('changes.list', { fraction: 1, statuses: [500] });
    const error = (await h.drive.feed.listChanges(token).catch((e: unknown) => e)) as StageError;
    h.fake.faults.clear();
    expect(error.code).not.toBe('invalid_page_token');
    expect(error.retryable).toBe(true);
  });

  it('scopes every call to the shared drive when one is configured', async () => {
    const shared = h.fake.createSharedDrive('Facturas');
    const inbox = h.fake.createFolder('Entrada', shared.id);
    const drive = h.adapter({ inboxFolderId: inbox.id, sharedDriveId: shared.id });
    await drive.source.ensureFolders();
    const token = await drive.feed.getStartPageToken();
    const file = h.fake.upload('s.pdf', Buffer.from('%PDF s'), inbox.id);
    h.fake.upload('mine.pdf', Buffer.from('%PDF mine'), h.inboxId);
    expect((await drive.source.listInbox()).map((f) => f.id)).toEqual([file.id]);
    const page = await drive.feed.listChanges(token);
    expect(page.changes.map((c) => [c.fileId, c.file?.location])).toEqual([[file.id, 'inbox']]);
    const moved = await drive.source.moveTo((await drive.source.listInbox())[0]!, 'revision');
    expect(moved.location).toBe('revision');
    const list = h.fake.requests.filter((r) => r.method === 'files.list').at(-1)!.params;
    expect(list).toMatchObject({ corpora: 'drive', driveId: shared.id, includeItemsFromAllDrives: 'true' });
    const changes = h.fake.requests.filter((r) => r.method === 'changes.list').at(-1)!.params;
    expect(changes['driveId']).toBe(shared.id);
  });
});

describe('watch and stop', () => {
  let receiver: ReturnType<typeof createServer>;
  let address: string;
  const states: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      states.push(`${req.headers['x-goog-resource-state']}:${req.headers['x-goog-channel-token']}`);
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    address = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/drive/notifications`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('creates a channel that pushes, stops it, and treats a second stop as done', async () => {
    await h.drive.source.ensureFolders();
    const token = await h.drive.feed.getStartPageToken();
    const expiration = Date.now() + 3600_000;
    const channel = await h.drive.feed.watch(token, { id: 'canal-1', token: 'secreto', address, expiration });
    expect(channel).toMatchObject({ id: 'canal-1', token: 'secreto', address, expiration });
    expect(channel.resourceId).toBe(h.fake.channels()[0]!.resourceId);
    await h.fake.push.idle();
    h.fake.upload('a.pdf', Buffer.from('%PDF a'), h.inboxId);
    await h.fake.push.idle();
    expect(states).toEqual(['sync:secreto', 'change:secreto']);
    await h.drive.feed.stopChannel(channel);
    await h.drive.feed.stopChannel(channel);
    expect(h.fake.channels()[0]!.stopped).toBe(true);
    const duplicate = (await h.drive.feed
      .watch(token, { id: 'canal-1', token: 't', address, expiration })
      .catch((e: unknown) => e)) as StageError;
    expect([duplicate.code, duplicate.retryable]).toEqual(['channel_conflict', false]);
  });
});
