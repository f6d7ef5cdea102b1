import { createHash } from 'node:crypto';
import { google } from 'googleapis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDriveContext } from '../../../../src/adapters/source/drive/context.ts';
import { findOrCreateFolder } from '../../../../src/adapters/source/drive/folders.ts';
import { DEFAULT_RETRY } from '../../../../src/adapters/source/drive/retry.ts';
import { FOLDER_NAMES, type SourceFile } from '../../../../src/ports/source.ts';
import { silentLogger } from '../../../../src/shared/logger.ts';
import { StageError } from '../../../../src/stages/errors.ts';
import { fakeAuth } from '../../../fakes/drive/auth.ts';
import { realInvoicePdf, smallPdf } from '../../../fakes/drive/pdf.ts';
import { FOLDER_MIME } from '../../../fakes/drive/server.ts';
import { DRIVE_NOTICE, type DriveHarness, startDriveHarness } from './harness.ts';

console.info(DRIVE_NOTICE);

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
const stageError = (error: unknown) => error as StageError;

let h: DriveHarness;
beforeEach(async () => {
  h = await startDriveHarness();
});
afterEach(async () => h.stop());

describe('ensureFolders', () => {
  it('creates the four class folders under the inbox once, then finds them', async () => {
    const first = await h.drive.source.ensureFolders();
    const second = await h.drive.source.ensureFolders();
    expect(second).toEqual(first);
    expect(first.inbox).toBe(h.inboxId);
    const folders = h.fake.files().filter((f) => f.mimeType === FOLDER_MIME && f.parents[0] === h.inboxId);
    expect(folders.map((f) => f.name).sort()).toEqual(Object.values(FOLDER_NAMES).sort());
    expect(h.fake.calls('files.create')).toBe(4);
    expect(folders.find((f) => f.name === 'Revisión')!.id).toBe(first.revision);
  });

  it('uses a separate root, adopts existing folders and picks the oldest duplicate', async () => {
    const root = h.fake.createFolder('Facturas');
    const older = h.fake.createFolder('Preventivas', root.id);
    h.fake.createFolder('Preventivas', root.id);
    h.fake.createFolder('preventivas', root.id);
    const ids = await h.adapter({ rootFolderId: root.id }).source.ensureFolders();
    expect(ids.preventivas).toBe(older.id);
    expect(h.fake.calls('files.create')).toBe(3);
    const query = h.fake.requests.find((r) => r.method === 'files.list')!.params['q'];
    expect(query).toBe(
      `name = 'Correctivas' and '${root.id}' in parents and mimeType = '${FOLDER_MIME}' and trashed = false`,
    );
  });

  it('converges on one set of folders when three instances create them at once', async () => {
    const instances = [h.adapter(), h.adapter(), h.adapter()];
    const results = await Promise.all(instances.map((instance) => instance.source.ensureFolders()));
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    const live = h.fake
      .files()
      .filter((f) => f.mimeType === FOLDER_MIME && !f.trashed && f.parents[0] === h.inboxId);
    const creates = h.fake.calls('files.create');
    console.info(
      `[drive] 3 instances at once: ${creates} folder creates, ${creates - live.length} duplicates trashed`,
    );
    expect(live.map((f) => f.id).sort()).toEqual(
      Object.entries(results[0]!)
        .filter(([key]) => key !== 'inbox')
        .map(([, id]) => id)
        .sort(),
    );
  });

  it('does not create a second folder when a create succeeded but its response was lost', async () => {
    h.fake.faults.set('files.create', { schedule: [500, 503], when: 'after' });
    await h.drive.source.ensureFolders();
    const names = h.fake
      .files()
      .filter((f) => f.mimeType === FOLDER_MIME && !f.trashed)
      .map((f) => f.name);
    expect(names.sort()).toEqual(['Correctivas', 'Cuarentena', 'Entrada', 'Preventivas', 'Revisión']);
  });
});

describe('findOrCreateFolder', () => {
  it('finds a folder whose name needs escaping in q instead of creating it again', async () => {
    const context = createDriveContext({
      drive: google.drive({ version: 'v3', auth: fakeAuth() }),
      logger: silentLogger,
      retry: { ...DEFAULT_RETRY, baseMs: 1, capMs: 2 },
      timeoutMs: 5000,
      downloadTimeoutMs: 5000,
      sharedDriveId: null,
      apiRoot: h.fake.url,
    });
    const name = "Revisión d'Ana \\ 2026";
    const first = await findOrCreateFolder(context, name, h.inboxId);
    const second = await findOrCreateFolder(context, name, h.inboxId);
    expect(second).toBe(first);
    expect(h.fake.file(first)!.name).toBe(name);
    expect(h.fake.calls('files.create')).toBe(1);
  });
});

describe('listInbox and listFolder', () => {
  it('lists the inbox’s files with md5, size, link and location, across pages', async () => {
    const bytes = await smallPdf('listing');
    const pdf = h.fake.upload('FE-1.pdf', bytes, h.inboxId);
    h.fake.trash(h.fake.upload('trashed.pdf', bytes, h.inboxId).id);
    h.fake.createFolder('sub', h.inboxId);
    h.fake.upload('elsewhere.pdf', bytes);
    for (let i = 0; i < 1000; i++)
      h.fake.upload(`bulk-${i}.txt`, Buffer.from(String(i)), h.inboxId, 'text/plain');
    const files = await h.drive.source.listInbox();
    expect(files).toHaveLength(1001);
    expect(
      h.fake.requests.filter((r) => r.method === 'files.list' && r.params['pageSize'] === '1000'),
    ).toHaveLength(2);
    expect(files.find((f) => f.id === pdf.id)).toEqual({
      id: pdf.id,
      name: 'FE-1.pdf',
      md5: md5(bytes),
      size: bytes.length,
      mimeType: 'application/pdf',
      location: 'inbox',
      modifiedTime: pdf.modifiedTime,
      link: `https://drive.google.com/file/d/${pdf.id}/view?usp=drivesdk`,
    });
    expect(files.some((f) => f.name === 'trashed.pdf' || f.name === 'sub')).toBe(false);
  });

  it('lists a class folder with that location', async () => {
    const ids = await h.drive.source.ensureFolders();
    h.fake.upload('p.pdf', Buffer.from('%PDF p'), ids.preventivas);
    const files = await h.drive.source.listFolder('preventivas');
    expect(files.map((f) => [f.name, f.location])).toEqual([['p.pdf', 'preventivas']]);
  });
});

describe('download', () => {
  const sourceOf = async (file: { id: string }) =>
    (await h.drive.source.listInbox()).find((f) => f.id === file.id)!;

  it('returns the exact bytes of a real PDF and checks them against Drive’s md5', async () => {
    const pdf = realInvoicePdf() ?? { name: 'generated.pdf', bytes: await smallPdf('download') };
    const uploaded = h.fake.upload(pdf.name, pdf.bytes, h.inboxId);
    const bytes = await h.drive.source.download(await sourceOf(uploaded), 10_000_000);
    expect(Buffer.compare(bytes, pdf.bytes)).toBe(0);
    // without md5/size in hand it asks for metadata first
    const unknown: SourceFile = { ...(await sourceOf(uploaded)), md5: null, size: null };
    expect(md5(await h.drive.source.download(unknown, 10_000_000))).toBe(md5(pdf.bytes));
    expect(h.fake.calls('files.get')).toBe(1);
  });

  it('turns an md5 mismatch into a retryable download_failed after retrying', async () => {
    const uploaded = h.fake.upload('x.pdf', Buffer.from('%PDF real'), h.inboxId);
    const stale = { ...(await sourceOf(uploaded)), md5: md5(Buffer.from('something else')) };
    const error = stageError(await h.drive.source.download(stale, 1000).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(StageError);
    expect([error.code, error.retryable, error.quarantine]).toEqual(['download_failed', true, false]);
    expect(h.fake.calls('files.download')).toBe(6);
  });

  it('quarantines files past the size limit: from the listing, from metadata and from the response', async () => {
    const big = h.fake.upload('big.pdf', Buffer.alloc(5000, 1), h.inboxId);
    const listed = await sourceOf(big);
    for (const file of [listed, { ...listed, size: null, md5: null }, { ...listed, size: 10 }]) {
      const error = stageError(await h.drive.source.download(file, 4096).catch((e: unknown) => e));
      expect([error.code, error.quarantine, error.retryable]).toEqual(['too_large', true, false]);
    }
    expect(h.fake.calls('files.get')).toBe(1);
    expect(h.fake.calls('files.download')).toBe(1);
  });

  it('stops reading a chunked download (no Content-Length) as soon as it passes the limit', async () => {
    const chunked = await startDriveHarness({}, { downloadContentLength: false });
    try {
      const big = chunked.fake.upload('big.pdf', Buffer.alloc(200_000, 7), chunked.inboxId);
      const [listed] = await chunked.drive.source.listInbox();
      const understated = { ...listed!, size: 100 };
      const error = stageError(
        await chunked.drive.source.download(understated, 50_000).catch((e: unknown) => e),
      );
      expect([error.code, error.quarantine]).toEqual(['too_large', true]);
      expect(error.message).toMatch(/is \d+ bytes/);
      expect(Number(/is (\d+) bytes/.exec(error.message)![1])).toBeLessThan(big.size!);
      const exact = await chunked.drive.source.download(listed!, 300_000);
      expect(exact.length).toBe(200_000);
    } finally {
      await chunked.stop();
    }
  });

  it('quarantines a Google Docs file as unsupported_type and reports a deleted file as not found', async () => {
    const doc = h.fake.store.create({
      name: 'doc',
      mimeType: 'application/vnd.google-apps.document',
      parents: [h.inboxId],
    });
    const docSource = await sourceOf(doc);
    const notPdf = stageError(await h.drive.source.download(docSource, 1000).catch((e: unknown) => e));
    expect([notPdf.code, notPdf.quarantine]).toEqual(['unsupported_type', true]);
    const gone = h.fake.upload('gone.pdf', Buffer.from('%PDF'), h.inboxId);
    const goneSource = await sourceOf(gone);
    h.fake.remove(gone.id);
    const before = h.fake.calls('files.download');
    const missing = stageError(await h.drive.source.download(goneSource, 1000).catch((e: unknown) => e));
    expect([missing.code, missing.retryable]).toEqual(['drive_not_found', false]);
    expect(h.fake.calls('files.download') - before).toBe(1);
  });
});

describe('moveTo', () => {
  it('moves with one update (one change), reports the new location, and is idempotent', async () => {
    const ids = await h.drive.source.ensureFolders();
    const uploaded = h.fake.upload('m.pdf', Buffer.from('%PDF m'), h.inboxId);
    const [file] = await h.drive.source.listInbox();
    const token = await h.drive.feed.getStartPageToken();
    const moved = await h.drive.source.moveTo(file!, 'preventivas');
    expect(moved.location).toBe('preventivas');
    expect(h.fake.file(uploaded.id)!.parents).toEqual([ids.preventivas]);
    const again = await h.drive.source.moveTo(moved, 'preventivas');
    expect(again.location).toBe('preventivas');
    expect(h.fake.calls('files.update')).toBe(1);
    const page = await h.drive.feed.listChanges(token);
    expect(page.changes.map((c) => [c.fileId, c.file?.location])).toEqual([[uploaded.id, 'preventivas']]);
    expect(Number(h.fake.startPageToken()) - Number(token)).toBe(1);
  });

  it('recreates a class folder a person deleted, then moves', async () => {
    const ids = await h.drive.source.ensureFolders();
    h.fake.remove(ids.cuarentena);
    h.fake.upload('q.pdf', Buffer.from('%PDF q'), h.inboxId);
    const [file] = await h.drive.source.listInbox();
    const moved = await h.drive.source.moveTo(file!, 'cuarentena');
    expect(moved.location).toBe('cuarentena');
    const now = await h.drive.folderIds();
    expect(now.cuarentena).not.toBe(ids.cuarentena);
    expect(h.fake.file(file!.id)!.parents).toEqual([now.cuarentena]);
  });

  it('does not move twice when the update’s response was lost', async () => {
    await h.drive.source.ensureFolders();
    const uploaded = h.fake.upload('m.pdf', Buffer.from('%PDF m'), h.inboxId);
    const [file] = await h.drive.source.listInbox();
    const token = h.fake.startPageToken();
    h.fake.faults.set('files.update', { schedule: [500], when: 'after' });
    const moved = await h.drive.source.moveTo(file!, 'correctivas');
    expect(moved.location).toBe('correctivas');
    expect(h.fake.requests.filter((r) => r.method === 'files.update')).toHaveLength(1);
    expect(Number(h.fake.startPageToken()) - Number(token)).toBe(1);
    expect(h.fake.file(uploaded.id)!.parents).toHaveLength(1);
  });
});
