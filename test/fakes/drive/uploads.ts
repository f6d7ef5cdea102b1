import { randomBytes } from 'node:crypto';
import { type ApiContext, type ApiRequest, type ApiResponse, parseJsonBody } from './api.ts';
import { badRequest } from './errors.ts';
import { parseMultipart } from './multipart.ts';

/** Metadata names a request body may carry; anything else is a 400, as Google's JSON parser does. */
const WRITABLE = new Set([
  'name',
  'mimeType',
  'parents',
  'description',
  'trashed',
  'starred',
  'appProperties',
  'properties',
  'modifiedTime',
  'originalFilename',
]);

export type Upload =
  | { metadata: Record<string, unknown>; content: Buffer | null; mimeType: string | null }
  | { session: ApiResponse };

/** The metadata and bytes of a create/update: plain JSON, uploadType=media or multipart, or a resumable start. */
export function readUpload(request: ApiRequest, context: ApiContext, fileId: string | null): Upload {
  const upload = request.path.startsWith('/upload/');
  const contentType = String(request.headers['content-type'] ?? '');
  if (!upload) return { metadata: checkMetadata(parseJsonBody(request)), content: null, mimeType: null };
  const uploadType = request.params['uploadType'];
  if (uploadType === 'media') {
    return { metadata: {}, content: request.body, mimeType: contentType.split(';')[0] || null };
  }
  if (uploadType === 'multipart') {
    const parts = parseMultipart(contentType, request.body);
    if (parts.length !== 2) throw badRequest('A multipart upload has exactly two parts.');
    const metadata = checkMetadata(parseJsonBody({ ...request, body: parts[0]!.body }));
    return { metadata, content: parts[1]!.body, mimeType: parts[1]!.headers['content-type'] ?? null };
  }
  if (uploadType === 'resumable') {
    const id = randomBytes(16).toString('base64url');
    context.uploads.set(id, {
      fileId,
      metadata: checkMetadata(parseJsonBody(request)),
      mimeType: String(request.headers['x-upload-content-type'] ?? '') || null,
      chunks: [],
      received: 0,
    });
    const path = fileId ? `upload/drive/v3/files/${fileId}` : 'upload/drive/v3/files';
    const location = `${request.baseUrl}${path}?uploadType=resumable&upload_id=${id}`;
    return { session: { status: 200, headers: { location }, body: '' } };
  }
  throw badRequest(`Invalid uploadType: ${uploadType}`, 'uploadType');
}

function checkMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(metadata)) {
    if (!WRITABLE.has(key)) throw badRequest(`Invalid JSON payload received. Unknown name "${key}"`);
  }
  return metadata;
}

export function stringField(metadata: Record<string, unknown>, name: string): string | undefined {
  const value = metadata[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a string`, name);
  return value;
}
