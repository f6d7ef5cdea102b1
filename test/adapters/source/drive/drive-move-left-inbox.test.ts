import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DriveHarness, startDriveHarness } from './harness.ts';

let h: DriveHarness;
beforeEach(async () => {
  h = await startDriveHarness();
});
afterEach(async () => h.stop());

describe('moveTo respects a file that left the inbox while it was processed', () => {
  it('leaves a file a person moved elsewhere where they put it', async () => {
    await h.drive.source.ensureFolders();
    const uploaded = h.fake.upload('m.pdf', Buffer.from('%PDF m'), h.inboxId);
    const [seen] = await h.drive.source.listInbox();
    const elsewhere = h.fake.createFolder('Archivo personal');
    h.fake.move(uploaded.id, elsewhere.id);
    const result = await h.drive.source.moveTo(seen!, 'correctivas');
    expect(result.location).toBe('elsewhere');
    expect(h.fake.file(uploaded.id)!.parents).toEqual([elsewhere.id]);
    expect(h.fake.calls('files.update')).toBe(0);
  });

  it('leaves a file a person filed in a class folder themselves, and a trashed file', async () => {
    const ids = await h.drive.source.ensureFolders();
    const filed = h.fake.upload('a.pdf', Buffer.from('%PDF a'), h.inboxId);
    const trashed = h.fake.upload('b.pdf', Buffer.from('%PDF b'), h.inboxId);
    const seen = await h.drive.source.listInbox();
    h.fake.move(filed.id, ids.preventivas);
    h.fake.trash(trashed.id);
    const a = await h.drive.source.moveTo(seen.find((f) => f.id === filed.id)!, 'correctivas');
    const b = await h.drive.source.moveTo(seen.find((f) => f.id === trashed.id)!, 'correctivas');
    expect(a.location).toBe('preventivas');
    expect(b.location).toBe('elsewhere');
    expect(h.fake.file(filed.id)!.parents).toEqual([ids.preventivas]);
    expect(h.fake.file(trashed.id)!.parents).toEqual([h.inboxId]);
    expect(h.fake.calls('files.update')).toBe(0);
  });

  it('does not fail on a file deleted meanwhile', async () => {
    await h.drive.source.ensureFolders();
    const uploaded = h.fake.upload('d.pdf', Buffer.from('%PDF d'), h.inboxId);
    const [seen] = await h.drive.source.listInbox();
    h.fake.remove(uploaded.id);
    expect((await h.drive.source.moveTo(seen!, 'correctivas')).location).toBe('elsewhere');
    expect(h.fake.calls('files.update')).toBe(0);
  });

  it('still moves a file that is where it was seen', async () => {
    const ids = await h.drive.source.ensureFolders();
    const uploaded = h.fake.upload('c.pdf', Buffer.from('%PDF c'), h.inboxId);
    const [seen] = await h.drive.source.listInbox();
    expect((await h.drive.source.moveTo(seen!, 'revision')).location).toBe('revision');
    expect(h.fake.file(uploaded.id)!.parents).toEqual([ids.revision]);
  });
});

describe('change feed: trashed files', () => {
  it('reports a trashed file as trashed, and a deleted one as removed', async () => {
    await h.drive.source.ensureFolders();
    const a = h.fake.upload('a.pdf', Buffer.from('%PDF a'), h.inboxId);
    const b = h.fake.upload('b.pdf', Buffer.from('%PDF b'), h.inboxId);
    const token = await h.drive.feed.getStartPageToken();
    h.fake.trash(a.id);
    h.fake.remove(b.id);
    const page = await h.drive.feed.listChanges(token);
    const byId = new Map(page.changes.map((c) => [c.fileId, c]));
    expect(byId.get(a.id)).toMatchObject({ removed: false, trashed: true });
    expect(byId.get(b.id)).toMatchObject({ removed: true, file: null });
  });
});
