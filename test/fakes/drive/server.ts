/**
 * A fake Google Drive v3 HTTP server that the REAL googleapis client talks to (docs/architecture.md § Ports
 * and their adapters).
 *
 *   const fake = createFakeDrive({ auth: 'any-bearer', seed: 7 });
 *   const { url, stop } = await fake.start();          // port 0 on 127.0.0.1; url ends with '/'
 *   const drive = google.drive({ version: 'v3', auth: fakeAuth(), rootUrl: url });
 *   // uploads ignore the client-level rootUrl: pass it per call
 *   await drive.files.create({ requestBody, media }, { rootUrl: url });
 *   await stop();
 *
 * State helpers (act "as a person", each mutation is one change in the feed):
 *   fake.createFolder(name, parentId?)  fake.upload(name, bytes, parentId, mimeType?)  fake.move(fileId, folderId)
 *   fake.rename(id, name)  fake.trash(id)  fake.remove(id)  fake.createSharedDrive(name)
 *   fake.files() (snapshot, without the My Drive root)  fake.file(id)  fake.startPageToken()
 * Test controls:
 *   fake.faults.set('files.get' | … | '*', { fraction: 0.2, statuses: [429, 500, 403] })
 *   fake.faults.set('changes.list', { schedule: [500, null, 429] })      // exact outcomes of the next calls
 *   fake.faults.set('files.update', { schedule: [500], when: 'after' })   // effect applied, response lost
 *   fake.faults.set('files.list', { schedule: [429], retryAfterSeconds: 2 })  // with a Retry-After header
 *   fake.faults.setLatency('files.download', 2000 | [min, max] | () => ms);  fake.faults.clear()
 *   fake.faults.injected                                              // counts per method
 *   fake.push.policy = (message) => 'drop' | { times: 5, delayMs: [..], address: [urlA, urlB] }
 *                                       // drop / duplicate / shuffle (random delays) / fan out to instances
 *   fake.push.log, await fake.push.idle(), fake.channels()
 *   fake.requests: every API call (method, params, status, injected) — assert what the client sent
 *   fake.calls(method) counts answered calls of one method (including injected errors)
 * Served: files.create (metadata, uploadType=media|multipart|resumable), files.get (fields masks, alt=media),
 * files.list (strict q, paging), files.update (addParents/removeParents, media), files.delete,
 * changes.getStartPageToken, changes.list, changes.watch, channels.stop — with Drive's error JSON.
 * Push: `sync` right after watch, then one `change` per change, POSTed with X-Goog-* headers and no body.
 * Auth: 'any-bearer' (default) needs an `Authorization: Bearer …` header with any value; 'none' needs
 * nothing; { tokens: [...] } accepts only those bearer tokens. Shared-drive items need supportsAllDrives.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiRequest, ApiResponse, UploadSession } from './api.ts';
import { DriveHttpError, injectedError } from './errors.ts';
import { type DriveMethod, Faults } from './faults.ts';
import { Channels } from './push.ts';
import { route } from './routes.ts';
import { FakeDriveStore, type FakeFile, FOLDER_MIME } from './store.ts';

export type { DriveMethod, FaultRule } from './faults.ts';
export type { PushDecision, PushMessage, PushPolicy, PushRecord } from './push.ts';
export type { FakeFile } from './store.ts';
export { FOLDER_MIME, ROOT_ID } from './store.ts';

export interface FakeDriveOptions {
  auth?: 'any-bearer' | 'none' | { tokens: string[] };
  /** Seed of the random source behind fault fractions and latency ranges. */
  seed?: number;
  pushTimeoutMs?: number;
  /** Send Content-Length with alt=media downloads (default true); false streams them chunked. */
  downloadContentLength?: boolean;
}

export interface RequestRecord {
  method: DriveMethod | 'unknown';
  httpMethod: string;
  path: string;
  params: Record<string, string>;
  status: number;
  injected: boolean;
  /** For calls on one file (files.get/download/update/delete): its id and md5 when the call arrived. */
  fileId?: string;
  md5?: string | null;
}

export interface FakeDrive {
  start(): Promise<{ url: string; stop: () => Promise<void> }>;
  readonly url: string;
  readonly store: FakeDriveStore;
  readonly faults: Faults;
  readonly push: Channels;
  readonly requests: RequestRecord[];
  calls(method: DriveMethod): number;
  createFolder(name: string, parentId?: string): FakeFile;
  createSharedDrive(name: string): FakeFile;
  upload(name: string, bytes: Buffer | Uint8Array, parentId?: string, mimeType?: string): FakeFile;
  move(fileId: string, toFolderId: string): FakeFile;
  rename(fileId: string, name: string): FakeFile;
  trash(fileId: string): FakeFile;
  remove(fileId: string): void;
  files(): FakeFile[];
  file(id: string): FakeFile | undefined;
  startPageToken(): string;
  channels(): ReturnType<Channels['all']>;
}

export function createFakeDrive(options: FakeDriveOptions = {}): FakeDrive {
  const store = new FakeDriveStore();
  const faults = new Faults(options.seed ?? 1);
  const push = new Channels(options.pushTimeoutMs);
  const requests: RequestRecord[] = [];
  const uploads = new Map<string, UploadSession>();
  let baseUrl = '';

  store.onChange((change) =>
    push.notifyChange((channel) =>
      channel.driveId !== null
        ? change.driveId === channel.driveId
        : change.driveId === null || channel.allDrives,
    ),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const params = Object.fromEntries(url.searchParams);
    const api: ApiRequest = {
      httpMethod: req.method ?? 'GET',
      path: url.pathname.replace(/\/{2,}/g, '/'),
      params,
      headers: req.headers,
      body,
      baseUrl,
    };
    const record: RequestRecord = {
      method: 'unknown',
      httpMethod: api.httpMethod,
      path: api.path,
      params,
      status: 0,
      injected: false,
    };
    requests.push(record);
    let response: ApiResponse;
    try {
      const matched = route(api);
      record.method = matched.method;
      const fileId = /^\/(?:drive\/v3\/)?files\/([^/]+)$/.exec(api.path)?.[1];
      if (fileId) {
        record.fileId = decodeURIComponent(fileId);
        record.md5 = store.get(record.fileId)?.md5Checksum ?? null;
      }
      await faults.delay(matched.method);
      checkAuth(options.auth ?? 'any-bearer', req.headers.authorization);
      const fault = faults.decide(matched.method);
      if (fault?.when === 'before') {
        record.injected = true;
        throw injectedError(fault.status, fault.retryAfterSeconds);
      }
      response = matched.run({
        store,
        push,
        uploads,
        downloadContentLength: options.downloadContentLength ?? true,
      });
      if (fault) {
        record.injected = true;
        throw injectedError(fault.status, fault.retryAfterSeconds);
      }
    } catch (error) {
      response = errorResponse(error);
    }
    record.status = response.status;
    res.writeHead(response.status, response.headers);
    if (Buffer.isBuffer(response.body) && !('content-length' in response.headers)) {
      // Several writes make Node use chunked encoding instead of computing a Content-Length.
      for (let offset = 0; offset < response.body.length; offset += 16_384) {
        res.write(response.body.subarray(offset, offset + 16_384));
      }
      res.end();
    } else {
      res.end(response.body);
    }
    response.afterSend?.();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });

  const fake: FakeDrive = {
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const stop = async () => {
        await push.idle();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      };
      return { url: baseUrl, stop };
    },
    get url() {
      return baseUrl;
    },
    store,
    faults,
    push,
    requests,
    calls: (method) => requests.filter((request) => request.method === method).length,
    createFolder: (name, parentId) =>
      store.create({ name, mimeType: FOLDER_MIME, parents: parentId ? [parentId] : [] }),
    createSharedDrive: (name) => store.createSharedDrive(name),
    upload: (name, bytes, parentId, mimeType = 'application/pdf') =>
      store.create({ name, mimeType, parents: parentId ? [parentId] : [], content: Buffer.from(bytes) }),
    move: (fileId, toFolderId) => {
      const file = store.require(fileId);
      return store.update(fileId, { addParents: [toFolderId], removeParents: file.parents });
    },
    rename: (fileId, name) => store.update(fileId, { name }),
    trash: (fileId) => store.update(fileId, { trashed: true }),
    remove: (fileId) => store.delete(fileId),
    files: () => store.all().map((file) => ({ ...file, parents: [...file.parents] })),
    file: (id) => store.get(id),
    startPageToken: () => store.startPageToken(),
    channels: () => push.all(),
  };
  return fake;
}

function checkAuth(mode: NonNullable<FakeDriveOptions['auth']>, header: string | undefined): void {
  if (mode === 'none') return;
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!token || (mode !== 'any-bearer' && !mode.tokens.includes(token))) {
    throw new DriveHttpError(401, 'authError', 'Request had invalid authentication credentials.', {
      location: 'Authorization',
    });
  }
}

function errorResponse(error: unknown): ApiResponse {
  const http =
    error instanceof DriveHttpError
      ? error
      : new DriveHttpError(500, 'backendError', `Fake Drive bug: ${error}`);
  return {
    status: http.status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...http.headers },
    body: JSON.stringify(http.toJSON()),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
