import {
  type ApiContext,
  type ApiRequest,
  type ApiResponse,
  flag,
  json,
  pageSizeOf,
  parseJsonBody,
} from './api.ts';
import { badRequest, DriveHttpError } from './errors.ts';
import { DEFAULT_FIELDS, project, SCHEMAS } from './fields.ts';
import { fileResource } from './files-api.ts';
import type { FakeDriveStore } from './store.ts';

interface Scope {
  driveId: string | null;
  allDrives: boolean;
}

/** Shared-drive parameters as Drive checks them: driveId needs supportsAllDrives and must exist. */
function scopeOf(request: ApiRequest, store: FakeDriveStore): Scope {
  const { params } = request;
  const driveId = params['driveId'] ?? null;
  if (driveId !== null) {
    if (!flag(params, 'supportsAllDrives')) {
      throw new DriveHttpError(
        403,
        'teamDrivesParameterNotSupported',
        'driveId requires supportsAllDrives=true.',
      );
    }
    if (!store.isSharedDrive(driveId)) {
      throw new DriveHttpError(404, 'notFound', `Shared drive not found: ${driveId}`, {
        location: 'driveId',
      });
    }
  }
  const allDrives = flag(params, 'includeItemsFromAllDrives') && flag(params, 'supportsAllDrives');
  if (params['spaces'] !== undefined && params['spaces'] !== 'drive')
    throw badRequest('Invalid spaces', 'spaces');
  return { driveId, allDrives };
}

function requirePageToken(request: ApiRequest, store: FakeDriveStore) {
  const token = request.params['pageToken'];
  if (token === undefined) throw badRequest('Required parameter: pageToken', 'pageToken');
  return { token, changes: store.changesSince(token) };
}

export function getStartPageToken(request: ApiRequest, { store }: ApiContext): ApiResponse {
  scopeOf(request, store);
  const value = { kind: 'drive#startPageToken', startPageToken: store.startPageToken() };
  return json(200, project(value, SCHEMAS.startPageToken, request.params['fields'] ?? '*'));
}

/**
 * One entry per file — its latest change — in change order; `pageSize` entries per page, `nextPageToken`
 * while more follow, `newStartPageToken` on the last page.
 */
export function changesList(request: ApiRequest, { store }: ApiContext): ApiResponse {
  const { params } = request;
  const scope = scopeOf(request, store);
  const { changes } = requirePageToken(request, store);
  const pageSize = pageSizeOf(params, 100);
  const includeRemoved = flag(params, 'includeRemoved', true);
  const entries = changes
    .filter((change) => change.seq === store.latestSeq(change.fileId))
    .filter((change) =>
      scope.driveId !== null ? change.driveId === scope.driveId : change.driveId === null || scope.allDrives,
    )
    .filter((change) => includeRemoved || !change.removed);
  const page = entries.slice(0, pageSize);
  const next = entries[pageSize];
  const value = {
    kind: 'drive#changeList',
    ...(next ? { nextPageToken: String(next.seq) } : { newStartPageToken: store.startPageToken() }),
    changes: page.map((change) => {
      const file = change.removed ? undefined : store.get(change.fileId);
      return {
        kind: 'drive#change',
        changeType: 'file',
        time: change.time,
        removed: change.removed,
        fileId: change.fileId,
        ...(file ? { file: fileResource(store, file) } : {}),
        ...(change.driveId ? { driveId: change.driveId } : {}),
      };
    }),
  };
  return json(200, project(value, SCHEMAS.changeList, params['fields'] ?? DEFAULT_FIELDS.changeList));
}

const CHANNEL_FIELDS = new Set(['id', 'type', 'address', 'token', 'expiration', 'params', 'payload', 'kind']);

export function watchChanges(request: ApiRequest, { store, push }: ApiContext): ApiResponse {
  const scope = scopeOf(request, store);
  const { token } = requirePageToken(request, store);
  const body = parseJsonBody(request);
  for (const key of Object.keys(body)) {
    if (!CHANNEL_FIELDS.has(key)) throw badRequest(`Invalid JSON payload received. Unknown name "${key}"`);
  }
  const channel = push.create({
    ...body,
    pageToken: token,
    driveId: scope.driveId,
    allDrives: scope.allDrives,
  });
  const value = {
    kind: 'api#channel',
    id: channel.id,
    resourceId: channel.resourceId,
    resourceUri: `https://www.googleapis.com/drive/v3/changes?alt=json&pageToken=${token}`,
    ...(channel.token !== null ? { token: channel.token } : {}),
    expiration: String(channel.expiration),
  };
  return {
    ...json(200, project(value, SCHEMAS.channel, request.params['fields'] ?? '*')),
    afterSend: () => push.send(channel, 'sync'),
  };
}

export function stopChannel(request: ApiRequest, { push }: ApiContext): ApiResponse {
  const body = parseJsonBody(request);
  push.stop(body['id'], body['resourceId']);
  return { status: 204, headers: {}, body: '' };
}
