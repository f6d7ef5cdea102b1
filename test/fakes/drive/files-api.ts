import {
  type ApiContext,
  type ApiRequest,
  type ApiResponse,
  fileIdOf,
  flag,
  json,
  pageSizeOf,
} from './api.ts';
import { badRequest, DriveHttpError, notFound } from './errors.ts';
import { DEFAULT_FIELDS, project, SCHEMAS } from './fields.ts';
import { parseQuery } from './query.ts';
import { type FakeDriveStore, type FakeFile, FOLDER_MIME, ROOT_ID } from './store.ts';
import { readUpload, stringField } from './uploads.ts';

export function fileResource(store: FakeDriveStore, file: FakeFile): Record<string, unknown> {
  const binary = file.content !== null;
  const driveId = store.driveIdOf(file);
  return {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: [...file.parents],
    trashed: file.trashed,
    explicitlyTrashed: file.trashed,
    ...(binary ? { md5Checksum: file.md5Checksum, size: String(file.size) } : {}),
    webViewLink:
      file.mimeType === FOLDER_MIME
        ? `https://drive.google.com/drive/folders/${file.id}`
        : `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`,
    ...(binary ? { webContentLink: `https://drive.google.com/uc?id=${file.id}&export=download` } : {}),
    createdTime: file.createdTime,
    modifiedTime: file.modifiedTime,
    version: String(file.version),
    ...(driveId ? { driveId } : {}),
  };
}

/** Shared-drive items are invisible (404) to callers that do not say supportsAllDrives=true. */
function visibleFile(request: ApiRequest, store: FakeDriveStore, id: string): FakeFile {
  const file = store.require(id);
  if (store.driveIdOf(file) && !flag(request.params, 'supportsAllDrives')) throw notFound(id);
  return file;
}

function respondFile(request: ApiRequest, store: FakeDriveStore, file: FakeFile, status = 200): ApiResponse {
  const fields = request.params['fields'] ?? DEFAULT_FIELDS.file;
  return json(status, project(fileResource(store, file), SCHEMAS.file, fields));
}

export function getFile(request: ApiRequest, { store }: ApiContext): ApiResponse {
  return respondFile(request, store, visibleFile(request, store, fileIdOf(request)));
}

export function downloadFile(request: ApiRequest, { store, downloadContentLength }: ApiContext): ApiResponse {
  const file = visibleFile(request, store, fileIdOf(request));
  if (file.content === null) {
    throw new DriveHttpError(
      403,
      'fileNotDownloadable',
      'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
      { location: 'alt' },
    );
  }
  return {
    status: 200,
    headers: {
      'content-type': file.mimeType,
      ...(downloadContentLength ? { 'content-length': String(file.content.length) } : {}),
    },
    body: file.content,
  };
}

export function createFile(request: ApiRequest, context: ApiContext): ApiResponse {
  const { store } = context;
  const upload = readUpload(request, context, null);
  if ('session' in upload) return upload.session;
  const parents = upload.metadata['parents'];
  if (parents !== undefined && (!Array.isArray(parents) || parents.some((p) => typeof p !== 'string'))) {
    throw badRequest('parents must be a list of ids', 'parents');
  }
  for (const parent of (parents as string[] | undefined) ?? []) visibleFile(request, store, parent);
  const file = store.create({
    name: stringField(upload.metadata, 'name') ?? 'Untitled',
    mimeType: stringField(upload.metadata, 'mimeType') ?? upload.mimeType ?? 'application/octet-stream',
    parents: parents as string[] | undefined,
    content: upload.content,
  });
  return respondFile(request, store, file);
}

export function updateFile(request: ApiRequest, context: ApiContext): ApiResponse {
  const { store } = context;
  const file = visibleFile(request, store, fileIdOf(request));
  const upload = readUpload(request, context, file.id);
  if ('session' in upload) return upload.session;
  return applyUpdate(request, store, file, upload.metadata, upload.content);
}

function applyUpdate(
  request: ApiRequest,
  store: FakeDriveStore,
  file: FakeFile,
  metadata: Record<string, unknown>,
  content: Buffer | null,
): ApiResponse {
  if ('parents' in metadata) {
    throw new DriveHttpError(
      403,
      'fieldNotWritable',
      'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
    );
  }
  const list = (name: string) => request.params[name]?.split(',').filter(Boolean) ?? [];
  const addParents = list('addParents');
  for (const parent of addParents) visibleFile(request, store, parent);
  const trashed = metadata['trashed'];
  const updated = store.update(file.id, {
    name: stringField(metadata, 'name'),
    mimeType: stringField(metadata, 'mimeType'),
    trashed: typeof trashed === 'boolean' ? trashed : undefined,
    addParents,
    removeParents: list('removeParents'),
    content: content ?? undefined,
  });
  return respondFile(request, store, updated);
}

export function deleteFile(request: ApiRequest, { store }: ApiContext): ApiResponse {
  const file = visibleFile(request, store, fileIdOf(request));
  if (file.id === ROOT_ID)
    throw new DriveHttpError(403, 'cannotDeleteRoot', 'The root folder cannot be deleted.');
  store.delete(file.id);
  return { status: 204, headers: {}, body: '' };
}

export function listFiles(request: ApiRequest, { store }: ApiContext): ApiResponse {
  const { params } = request;
  const predicate = params['q'] ? parseQuery(params['q']) : () => true;
  const pageSize = pageSizeOf(params, 100);
  if (params['spaces'] !== undefined && params['spaces'] !== 'drive')
    throw badRequest('Invalid spaces', 'spaces');
  const corpora = params['corpora'] ?? 'user';
  if (!['user', 'drive', 'allDrives', 'domain'].includes(corpora))
    throw badRequest('Invalid corpora', 'corpora');
  const driveId = params['driveId'] ?? null;
  const allDrives = flag(params, 'includeItemsFromAllDrives') && flag(params, 'supportsAllDrives');
  if ((driveId !== null) !== (corpora === 'drive')) {
    throw badRequest('corpora=drive and driveId go together.', 'corpora');
  }
  if (driveId !== null && !allDrives) {
    throw new DriveHttpError(
      403,
      'teamDrivesParameterNotSupported',
      'includeItemsFromAllDrives and supportsAllDrives are required with driveId.',
    );
  }
  const resolve = (id: string) => store.resolveId(id);
  const matches = store
    .all()
    .filter((file) => !store.isSharedDrive(file.id))
    .filter((file) => {
      const fileDrive = store.driveIdOf(file);
      return driveId !== null ? fileDrive === driveId : fileDrive === null || allDrives;
    })
    .filter((file) => predicate(file, resolve));
  sortFiles(matches, params['orderBy']);
  const offset = decodeListToken(params['pageToken']);
  const page = matches.slice(offset, offset + pageSize);
  const more = offset + pageSize < matches.length;
  const value = {
    kind: 'drive#fileList',
    incompleteSearch: false,
    files: page.map((file) => fileResource(store, file)),
    ...(more ? { nextPageToken: Buffer.from(`offset:${offset + pageSize}`).toString('base64url') } : {}),
  };
  return json(200, project(value, SCHEMAS.fileList, params['fields'] ?? DEFAULT_FIELDS.fileList));
}

export function resumeUpload(request: ApiRequest, context: ApiContext): ApiResponse {
  const id = request.params['upload_id'] ?? '';
  const session = context.uploads.get(id);
  if (!session) throw new DriveHttpError(404, 'notFound', 'Upload session not found.');
  const range = request.headers['content-range'];
  let total: number | null = null;
  if (range) {
    const match = /^bytes (?:(\d+)-(\d+)|\*)\/(\d+|\*)$/.exec(range);
    if (!match) throw badRequest('Invalid Content-Range');
    if (match[1] !== undefined && Number(match[1]) !== session.received) {
      throw badRequest('Content-Range does not continue the upload');
    }
    total = match[3] === '*' ? null : Number(match[3]);
  }
  session.chunks.push(request.body);
  session.received += request.body.length;
  if (total !== null && session.received < total) {
    const headers: Record<string, string> =
      session.received > 0 ? { range: `bytes=0-${session.received - 1}` } : {};
    return { status: 308, headers, body: '' };
  }
  if (range && total === null) return { status: 308, headers: {}, body: '' };
  context.uploads.delete(id);
  const content = Buffer.concat(session.chunks);
  const { store } = context;
  if (session.fileId) {
    return applyUpdate(request, store, store.require(session.fileId), session.metadata, content);
  }
  const file = store.create({
    name: stringField(session.metadata, 'name') ?? 'Untitled',
    mimeType: stringField(session.metadata, 'mimeType') ?? session.mimeType ?? 'application/octet-stream',
    parents: session.metadata['parents'] as string[] | undefined,
    content,
  });
  return respondFile(request, store, file);
}

function decodeListToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw badRequest('Invalid Value', 'pageToken');
  return Number(match[1]);
}

function sortFiles(files: FakeFile[], orderBy: string | undefined): void {
  const keys = (orderBy ?? 'createdTime').split(',').map((part) => {
    const [key, direction] = part.trim().split(/\s+/);
    if (!key || !['createdTime', 'modifiedTime', 'name', 'folder'].includes(key)) {
      throw badRequest('Invalid orderBy', 'orderBy');
    }
    return { key, sign: direction === 'desc' ? -1 : 1 };
  });
  const value = (file: FakeFile, key: string) =>
    key === 'folder' ? (file.mimeType === FOLDER_MIME ? '0' : '1') : String(file[key as keyof FakeFile]);
  files.sort((a, b) => {
    for (const { key, sign } of keys) {
      const order = value(a, key).localeCompare(value(b, key));
      if (order !== 0) return order * sign;
    }
    return a.id.localeCompare(b.id);
  });
}
