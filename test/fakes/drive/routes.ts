import type { ApiContext, ApiRequest, ApiResponse } from './api.ts';
import { changesList, getStartPageToken, stopChannel, watchChanges } from './changes-api.ts';
import { badRequest, DriveHttpError } from './errors.ts';
import type { DriveMethod } from './faults.ts';
import {
  createFile,
  deleteFile,
  downloadFile,
  getFile,
  listFiles,
  resumeUpload,
  updateFile,
} from './files-api.ts';

type Handler = (request: ApiRequest, context: ApiContext) => ApiResponse;

const COMMON = [
  'alt',
  'fields',
  'prettyPrint',
  'quotaUser',
  'key',
  '$.xgafv',
  'upload_protocol',
  'supportsAllDrives',
  'supportsTeamDrives',
];
const INCLUDES = ['includePermissionsForView', 'includeLabels'];
const UPLOAD = ['uploadType', 'upload_id', 'keepRevisionForever', 'ocrLanguage', 'useContentAsIndexableText'];
const CHANGES = [
  'pageToken',
  'pageSize',
  'includeRemoved',
  'includeItemsFromAllDrives',
  'includeCorpusRemovals',
  'restrictToMyDrive',
  'spaces',
  'driveId',
  'includeTeamDriveItems',
  'teamDriveId',
  ...INCLUDES,
];

const ALLOWED: Record<DriveMethod, string[]> = {
  'files.create': [...UPLOAD, 'ignoreDefaultVisibility', 'enforceSingleParent', ...INCLUDES],
  'files.get': ['acknowledgeAbuse', ...INCLUDES],
  'files.download': ['acknowledgeAbuse', ...INCLUDES],
  'files.list': [
    'q',
    'pageSize',
    'pageToken',
    'orderBy',
    'spaces',
    'corpora',
    'driveId',
    'includeItemsFromAllDrives',
    'includeTeamDriveItems',
    'teamDriveId',
    ...INCLUDES,
  ],
  'files.update': [...UPLOAD, 'addParents', 'removeParents', 'enforceSingleParent', ...INCLUDES],
  'files.delete': ['enforceSingleParent'],
  'changes.getStartPageToken': ['driveId', 'teamDriveId'],
  'changes.list': CHANGES,
  'changes.watch': CHANGES,
  'channels.stop': [],
};

const HANDLERS: Record<DriveMethod, Handler> = {
  'files.create': createFile,
  'files.get': getFile,
  'files.download': downloadFile,
  'files.list': listFiles,
  'files.update': updateFile,
  'files.delete': deleteFile,
  'changes.getStartPageToken': getStartPageToken,
  'changes.list': changesList,
  'changes.watch': watchChanges,
  'channels.stop': stopChannel,
};

/** Finds the API method for a request and checks its parameters before anything runs. */
export function route(request: ApiRequest): {
  method: DriveMethod;
  run: (context: ApiContext) => ApiResponse;
} {
  const method = methodOf(request);
  if (!method) {
    throw new DriveHttpError(404, 'notFound', `No such method: ${request.httpMethod} ${request.path}`);
  }
  const allowed = new Set([...COMMON, ...ALLOWED[method]]);
  for (const name of Object.keys(request.params)) {
    if (!allowed.has(name)) throw badRequest(`Unknown parameter: ${name}`, name);
  }
  if (request.httpMethod === 'PUT' && request.params['upload_id']) {
    return { method, run: (context) => resumeUpload(request, context) };
  }
  return { method, run: (context) => HANDLERS[method](request, context) };
}

function methodOf(request: ApiRequest): DriveMethod | null {
  const { httpMethod, path, params } = request;
  const upload = path.startsWith('/upload/');
  const rest = upload ? path.slice('/upload'.length) : path;
  if (rest === '/drive/v3/files') {
    if (httpMethod === 'GET' && !upload) return 'files.list';
    if (httpMethod === 'POST') return 'files.create';
    if (httpMethod === 'PUT' && upload && params['upload_id']) return 'files.create';
    return null;
  }
  if (rest.startsWith('/drive/v3/files/') && rest.split('/').length === 5) {
    if (httpMethod === 'GET' && !upload) return params['alt'] === 'media' ? 'files.download' : 'files.get';
    if (httpMethod === 'PATCH') return 'files.update';
    if (httpMethod === 'PUT' && upload && params['upload_id']) return 'files.update';
    if (httpMethod === 'DELETE' && !upload) return 'files.delete';
    return null;
  }
  if (upload) return null;
  if (path === '/drive/v3/changes/startPageToken' && httpMethod === 'GET') return 'changes.getStartPageToken';
  if (path === '/drive/v3/changes' && httpMethod === 'GET') return 'changes.list';
  if (path === '/drive/v3/changes/watch' && httpMethod === 'POST') return 'changes.watch';
  if (path === '/drive/v3/channels/stop' && httpMethod === 'POST') return 'channels.stop';
  return null;
}
