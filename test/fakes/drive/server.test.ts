import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { type drive_v3, google } from 'googleapis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeAuth } from './auth.ts';
import { realInvoicePdf, smallPdf } from './pdf.ts';
import { createFakeDrive, type FakeDrive, FOLDER_MIME } from './server.ts';

console.info('[drive] Google Drive itself is not reachable here: these tests use the fake Drive v3 server.');

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
const statusOf = (error: unknown) => (error as { status?: number }).status;

let fake: FakeDrive;
let stop: () => Promise<void>;
let url: string;
let drive: drive_v3.Drive;

beforeEach(async () => {
  fake = createFakeDrive();
  ({ url, stop } = await fake.start());
  drive = google.drive({ version: 'v3', auth: fakeAuth(), rootUrl: url, retry: false });
});
afterEach(async () => stop());

describe('files', () => {
  it('round-trips a real PDF byte for byte through a multipart upload and alt=media', async () => {
    const pdf = realInvoicePdf() ?? { name: 'generated.pdf', bytes: await smallPdf('round-trip') };
    if (pdf.name === 'generated.pdf')
      console.info('[drive] shared real invoices missing: using a generated PDF');
    const inbox = fake.createFolder('Entrada');
    const created = await drive.files.create(
      {
        requestBody: { name: pdf.name, parents: [inbox.id] },
        media: { mimeType: 'application/pdf', body: Readable.from(pdf.bytes) },
        fields: 'id,name,md5Checksum,size,parents,webViewLink',
      },
      { rootUrl: url },
    );
    expect(created.data.md5Checksum).toBe(md5(pdf.bytes));
    expect(created.data.size).toBe(String(pdf.bytes.length));
    expect(created.data.parents).toEqual([inbox.id]);
    expect(created.data.webViewLink).toContain(created.data.id!);
    const media = await drive.files.get(
      { fileId: created.data.id!, alt: 'media' },
      { responseType: 'arraybuffer' },
    );
    expect(Buffer.compare(Buffer.from(media.data as unknown as ArrayBuffer), pdf.bytes)).toBe(0);
  });

  it('accepts uploadType=media and resumable uploads in chunks', async () => {
    const bytes = await smallPdf('resumable');
    const media = await drive.files.create(
      { media: { mimeType: 'application/pdf', body: Readable.from(bytes) }, fields: 'id,md5Checksum,name' },
      { rootUrl: url },
    );
    expect(media.data).toMatchObject({ md5Checksum: md5(bytes), name: 'Untitled' });

    const auth = { authorization: 'Bearer x' };
    const start = await fetch(`${url}upload/drive/v3/files?uploadType=resumable`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'x-upload-content-type': 'application/pdf' },
      body: JSON.stringify({ name: 'chunked.pdf' }),
    });
    const location = start.headers.get('location')!;
    const half = Math.floor(bytes.length / 2);
    const first = await fetch(location, {
      method: 'PUT',
      headers: { ...auth, 'content-range': `bytes 0-${half - 1}/${bytes.length}` },
      body: new Uint8Array(bytes.subarray(0, half)),
    });
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe(`bytes=0-${half - 1}`);
    const last = await fetch(`${location}&fields=id,md5Checksum,mimeType`, {
      method: 'PUT',
      headers: { ...auth, 'content-range': `bytes ${half}-${bytes.length - 1}/${bytes.length}` },
      body: new Uint8Array(bytes.subarray(half)),
    });
    expect(await last.json()).toMatchObject({ md5Checksum: md5(bytes), mimeType: 'application/pdf' });
  });

  it('applies fields masks, defaults to Drive’s minimal fields and rejects unknown fields', async () => {
    const file = fake.upload('a.pdf', Buffer.from('%PDF-1.4 x'), undefined);
    const plain = await drive.files.get({ fileId: file.id });
    expect(Object.keys(plain.data).sort()).toEqual(['id', 'kind', 'mimeType', 'name']);
    const masked = await drive.files.get({ fileId: file.id, fields: 'id,size,md5Checksum' });
    expect(masked.data).toEqual({ id: file.id, size: '10', md5Checksum: file.md5Checksum });
    await expect(drive.files.get({ fileId: file.id, fields: 'id,sizee' })).rejects.toSatisfy(
      (error) => statusOf(error) === 400,
    );
    const folder = await drive.files.get({
      fileId: fake.createFolder('F').id,
      fields: 'id,md5Checksum,size',
    });
    expect(folder.data.md5Checksum).toBeUndefined();
  });

  it('parses q strictly: supported terms match, unknown syntax is a 400', async () => {
    const inbox = fake.createFolder('Entrada');
    fake.createFolder("Revisión d'Ana", inbox.id);
    const pdf = fake.upload('FE-1.pdf', Buffer.from('%PDF'), inbox.id);
    const trashed = fake.upload('FE-2.pdf', Buffer.from('%PDF 2'), inbox.id);
    fake.trash(trashed.id);
    const names = async (q: string) =>
      (await drive.files.list({ q, fields: 'files(name)' })).data.files!.map((f) => f.name).sort();
    expect(
      await names(`'${inbox.id}' in parents and trashed = false and mimeType != '${FOLDER_MIME}'`),
    ).toEqual([pdf.name]);
    expect(await names(`name = 'Revisión d\\'Ana' and mimeType = '${FOLDER_MIME}'`)).toEqual([
      "Revisión d'Ana",
    ]);
    expect(await names(`'${inbox.id}' in parents and (name = 'FE-1.pdf' or name = 'FE-2.pdf')`)).toHaveLength(
      2,
    );
    for (const bad of [
      `name = "FE-1.pdf"`,
      `'${inbox.id}' in children`,
      `owner = 'x'`,
      `name = 'unterminated`,
      `trashed = maybe`,
      `name == 'a'`,
      `name = 'a' and`,
      `name = 'bad \\n escape'`,
    ]) {
      await expect(drive.files.list({ q: bad }), bad).rejects.toSatisfy((error) => statusOf(error) === 400);
    }
  });

  it('pages files.list and rejects unknown parameters', async () => {
    const folder = fake.createFolder('P');
    for (let i = 0; i < 5; i++) fake.upload(`f${i}.pdf`, Buffer.from(`%PDF ${i}`), folder.id);
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await drive.files.list({
        q: `'${folder.id}' in parents`,
        pageSize: 2,
        pageToken,
        fields: 'nextPageToken,files(name)',
      });
      seen.push(...page.data.files!.map((f) => f.name!));
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(seen).toEqual(['f0.pdf', 'f1.pdf', 'f2.pdf', 'f3.pdf', 'f4.pdf']);
    const response = await fetch(`${url}drive/v3/files?qq=1`, { headers: { authorization: 'Bearer x' } });
    expect(response.status).toBe(400);
  });

  it('moves with addParents/removeParents, refuses a second parent and writing parents directly', async () => {
    const a = fake.createFolder('A');
    const b = fake.createFolder('B');
    const file = fake.upload('x.pdf', Buffer.from('%PDF'), a.id);
    const moved = await drive.files.update({
      fileId: file.id,
      addParents: b.id,
      removeParents: a.id,
      fields: 'id,parents',
    });
    expect(moved.data.parents).toEqual([b.id]);
    await expect(drive.files.update({ fileId: file.id, addParents: a.id })).rejects.toSatisfy(
      (error) => statusOf(error) === 403,
    );
    await expect(
      drive.files.update({ fileId: file.id, requestBody: { parents: [a.id] } } as never),
    ).rejects.toSatisfy((error) => statusOf(error) === 403);
  });

  it('requires a bearer token unless told otherwise', async () => {
    const anonymous = await fetch(`${url}drive/v3/files`);
    expect(anonymous.status).toBe(401);
    const strict = createFakeDrive({ auth: { tokens: ['good'] } });
    const server = await strict.start();
    const client = google.drive({ version: 'v3', auth: fakeAuth('bad'), rootUrl: server.url, retry: false });
    await expect(client.files.list({})).rejects.toSatisfy((error) => statusOf(error) === 401);
    await server.stop();
  });
});

describe('changes', () => {
  it('pages changes: nextPageToken, then newStartPageToken; latest change per file; removals', async () => {
    const start = (await drive.changes.getStartPageToken({})).data.startPageToken!;
    const folder = fake.createFolder('Entrada');
    const files = [0, 1, 2, 3].map((i) => fake.upload(`f${i}.pdf`, Buffer.from(`%PDF ${i}`), folder.id));
    fake.rename(files[0]!.id, 'renamed.pdf');
    fake.remove(files[1]!.id);
    const pages: drive_v3.Schema$ChangeList[] = [];
    let token: string | undefined = start;
    while (token) {
      const { data }: { data: drive_v3.Schema$ChangeList } = await drive.changes.list({
        pageToken: token,
        pageSize: 2,
        includeRemoved: true,
        fields: 'nextPageToken,newStartPageToken,changes(fileId,removed,file(name,parents))',
      });
      pages.push(data);
      token = data.nextPageToken ?? undefined;
    }
    expect(pages.slice(0, -1).every((page) => page.nextPageToken && !page.newStartPageToken)).toBe(true);
    expect(pages.at(-1)!.newStartPageToken).toBe(fake.startPageToken());
    const changes = pages.flatMap((page) => page.changes!);
    // folder + f2 + f3 + renamed f0 + removed f1: each file once, at its latest change
    expect(changes.map((c) => c.fileId)).toEqual([
      folder.id,
      files[2]!.id,
      files[3]!.id,
      files[0]!.id,
      files[1]!.id,
    ]);
    expect(changes[3]!.file!.name).toBe('renamed.pdf');
    expect(changes[4]).toEqual({ fileId: files[1]!.id, removed: true });
    const again = await drive.changes.list({ pageToken: pages.at(-1)!.newStartPageToken! });
    expect(again.data.changes).toEqual([]);
  });

  it('answers 400 for a token it never issued', async () => {
    for (const pageToken of ['abc', '0', '999999']) {
      await expect(drive.changes.list({ pageToken })).rejects.toSatisfy((error) => statusOf(error) === 400);
    }
  });

  it('records one change per move', async () => {
    const a = fake.createFolder('A');
    const b = fake.createFolder('B');
    const file = fake.upload('x.pdf', Buffer.from('%PDF'), a.id);
    const before = Number(fake.startPageToken());
    await drive.files.update({ fileId: file.id, addParents: b.id, removeParents: a.id });
    expect(Number(fake.startPageToken())).toBe(before + 1);
  });

  it('scopes shared drives: invisible without supportsAllDrives, listed with driveId', async () => {
    const shared = fake.createSharedDrive('Facturas');
    const start = fake.startPageToken();
    const file = fake.upload('s.pdf', Buffer.from('%PDF s'), shared.id);
    await expect(drive.files.get({ fileId: file.id })).rejects.toSatisfy((error) => statusOf(error) === 404);
    const plain = await drive.changes.list({ pageToken: start, fields: 'changes(fileId)' });
    expect(plain.data.changes).toEqual([]);
    const scoped = await drive.changes.list({
      pageToken: start,
      driveId: shared.id,
      supportsAllDrives: true,
      includeItemsFromAllDrives: true,
      fields: 'changes(fileId,driveId)',
    });
    expect(scoped.data.changes).toEqual([{ fileId: file.id, driveId: shared.id }]);
  });
});

describe('push', () => {
  let receiver: ReturnType<typeof createServer>;
  let address: string;
  const received: Record<string, string | undefined>[] = [];
  let bodies: number[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let length = 0;
      req.on('data', (chunk: Buffer) => {
        length += chunk.length;
      });
      req.on('end', () => {
        bodies.push(length);
        received.push({
          url: req.url,
          id: req.headers['x-goog-channel-id'] as string,
          token: req.headers['x-goog-channel-token'] as string,
          state: req.headers['x-goog-resource-state'] as string,
          number: req.headers['x-goog-message-number'] as string,
          resource: req.headers['x-goog-resource-id'] as string,
          expiration: req.headers['x-goog-channel-expiration'] as string,
        });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    address = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/drive/notifications`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    bodies = [];
  });

  it('sends sync then change pushes with Drive’s headers and no body; stop needs id + resourceId', async () => {
    const start = fake.startPageToken();
    const expiration = Date.now() + 60_000;
    const channel = await drive.changes.watch({
      pageToken: start,
      requestBody: { id: 'ch-1', type: 'web_hook', address, token: 'secret', expiration: String(expiration) },
    });
    expect(channel.data).toMatchObject({ id: 'ch-1', token: 'secret', expiration: String(expiration) });
    await fake.push.idle();
    fake.upload('a.pdf', Buffer.from('%PDF a'));
    fake.upload('b.pdf', Buffer.from('%PDF b'));
    await fake.push.idle();
    expect(received.map((r) => [r.state, r.number])).toEqual([
      ['sync', '1'],
      ['change', '2'],
      ['change', '3'],
    ]);
    expect(received.every((r) => r.id === 'ch-1' && r.token === 'secret')).toBe(true);
    expect(received[0]!.resource).toBe(channel.data.resourceId);
    expect(Date.parse(received[0]!.expiration!)).toBe(Math.floor(expiration / 1000) * 1000);
    expect(bodies.every((length) => length === 0)).toBe(true);

    await expect(drive.channels.stop({ requestBody: { id: 'ch-1', resourceId: 'wrong' } })).rejects.toSatisfy(
      (error) => statusOf(error) === 404,
    );
    await drive.channels.stop({ requestBody: { id: 'ch-1', resourceId: channel.data.resourceId! } });
    fake.upload('c.pdf', Buffer.from('%PDF c'));
    await fake.push.idle();
    expect(received).toHaveLength(3);
    await expect(
      drive.changes.watch({ pageToken: start, requestBody: { id: 'ch-1', type: 'web_hook', address } }),
    ).rejects.toSatisfy((error) => statusOf(error) === 400);
  });

  it('duplicates, drops and stops pushing after expiry', async () => {
    fake.push.policy = (message) => (message.messageNumber === 3 ? 'drop' : { times: 2, delayMs: [5, 0] });
    await drive.changes.watch({
      pageToken: fake.startPageToken(),
      requestBody: { id: 'ch-2', type: 'web_hook', address, expiration: String(Date.now() + 400) },
    });
    await fake.push.idle();
    fake.upload('a.pdf', Buffer.from('%PDF a'));
    fake.upload('b.pdf', Buffer.from('%PDF b'));
    await fake.push.idle();
    expect(received.map((r) => r.number).sort()).toEqual(['1', '1', '2', '2']);
    expect(fake.push.log.filter((entry) => entry.outcome === 'dropped')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 450));
    fake.upload('c.pdf', Buffer.from('%PDF c'));
    await fake.push.idle();
    expect(received).toHaveLength(4);
  });

  it('spreads copies over other addresses when the policy says so', async () => {
    fake.push.policy = () => ({ times: 3, address: [`${address}?a`, `${address}?b`] });
    await drive.changes.watch({
      pageToken: fake.startPageToken(),
      requestBody: { id: 'ch-3', type: 'web_hook', address },
    });
    await fake.push.idle();
    expect(received.map((r) => r.url!.split('?')[1]).sort()).toEqual(['a', 'a', 'b']);
    expect(fake.push.log.map((entry) => entry.address.split('?')[1]).sort()).toEqual(['a', 'a', 'b']);
  });
});

describe('faults', () => {
  it('injects scheduled errors in Drive’s JSON shape, before or after the effect', async () => {
    fake.faults.set('files.list', { schedule: [429, 403, 500, null] });
    const reasons: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const error = await drive.files.list({}).catch((e: unknown) => e);
      type Body = { error: { errors: { reason: string }[] } };
      const body = (error as { response: { data: Body } }).response.data;
      reasons.push([statusOf(error), body.error.errors[0]?.reason]);
    }
    expect(reasons).toEqual([
      [429, 'rateLimitExceeded'],
      [403, 'userRateLimitExceeded'],
      [500, 'backendError'],
    ]);
    await drive.files.list({});
    expect(fake.faults.injected['files.list']).toBe(3);

    const folder = fake.createFolder('A');
    fake.faults.set('files.create', { schedule: [500], when: 'after' });
    await expect(
      drive.files.create({ requestBody: { name: 'x', mimeType: FOLDER_MIME, parents: [folder.id] } }),
    ).rejects.toSatisfy((error) => statusOf(error) === 500);
    expect(fake.files().filter((f) => f.name === 'x')).toHaveLength(1);
  });

  it('fails about the configured fraction of calls, reproducibly', async () => {
    fake.faults.set('*', { fraction: 0.3 });
    let failed = 0;
    for (let i = 0; i < 40; i++) await drive.files.list({}).catch(() => failed++);
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(24);
  });
});
