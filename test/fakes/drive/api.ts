import type { IncomingHttpHeaders } from 'node:http';
import { badRequest } from './errors.ts';
import type { Channels } from './push.ts';
import type { FakeDriveStore } from './store.ts';

/** The request/response shapes the fake's handlers share, and their small parameter helpers. */
export interface ApiRequest {
  httpMethod: string;
  path: string;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The server's own URL (for resumable upload session locations). */
  baseUrl: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  /** Runs once the response is written (the watch's `sync` push follows its response, as in Drive). */
  afterSend?: () => void;
}

export interface UploadSession {
  fileId: string | null;
  metadata: Record<string, unknown>;
  mimeType: string | null;
  chunks: Buffer[];
  received: number;
}

export interface ApiContext {
  store: FakeDriveStore;
  push: Channels;
  uploads: Map<string, UploadSession>;
  /** false: downloads are sent chunked, without Content-Length (clients must count bytes themselves). */
  downloadContentLength: boolean;
}

export function fileIdOf(request: ApiRequest): string {
  return decodeURIComponent(request.path.split('/')[request.path.startsWith('/upload/') ? 5 : 4] ?? '');
}

export function json(status: number, value: unknown): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: JSON.stringify(value),
  };
}

export function flag(params: Record<string, string>, name: string, fallback = false): boolean {
  const value = params[name];
  if (value === undefined) return fallback;
  if (value !== 'true' && value !== 'false') throw badRequest(`Invalid boolean for ${name}`, name);
  return value === 'true';
}

export function pageSizeOf(params: Record<string, string>, fallback: number): number {
  const raw = params['pageSize'];
  if (raw === undefined) return fallback;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw badRequest('Invalid pageSize', 'pageSize');
  return size;
}

export function parseJsonBody(request: ApiRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(request.body.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to the 400 below
  }
  throw badRequest('Invalid JSON payload received.');
}
