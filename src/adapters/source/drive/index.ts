/**
 * Google Drive v3 as the pipeline's document source and change feed (docs/architecture.md § Ports and
 * their adapters).
 *
 *   const auth = driveAuth(DRIVE_SCOPE, null); // drive-api.ts: Application Default Credentials
 *   const { source, feed, folderIds } = createDriveSource({ auth, inboxFolderId, logger });
 *
 * `auth` is any googleapis auth (GoogleAuth, an OAuth2 client, …); build it from googleapis' own auth classes
 * (drive-api.ts) so that its types match googleapis' own copy of google-auth-library. Every request has a timeout and is retried with
 * truncated exponential backoff and full jitter on 429, 403 rate limits, 5xx, network errors and timeouts;
 * what fails in the end is a StageError (`retryable` set for the transient kinds).
 */
import type { drive_v3 } from 'googleapis';
import type { ChangeFeed, DocumentSource, SourceFile, TargetFolder } from '../../../ports/source.ts';
import type { Logger } from '../../../shared/logger.ts';
import { StageError } from '../../../stages/errors.ts';
import { createDriveContext, type DriveContext } from './context.ts';
import { downloadFile } from './download.ts';
import { driveClient } from './drive-api.ts';
import { DRIVE_ERROR_CODES } from './errors.ts';
import { createDriveFeed } from './feed.ts';
import { FILE_FIELDS, type FolderIds, listFilesIn, toSourceFile } from './files.ts';
import { ensureClassFolders } from './folders.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.ts';

export { DRIVE_ERROR_CODES } from './errors.ts';
export type { FolderIds } from './files.ts';
export type { RetryPolicy } from './retry.ts';

export interface DriveSourceOptions {
  auth: drive_v3.Options['auth'];
  /** The folder where invoices arrive. */
  inboxFolderId: string;
  /** Where the class folders live (default: inside the inbox folder). */
  rootFolderId?: string;
  /** Set when the inbox is in a shared drive: listings and the change feed are scoped to it. */
  sharedDriveId?: string;
  /** API root such as `http://127.0.0.1:PORT/` (tests' fake Drive); default Google's. */
  apiRoot?: string;
  logger: Logger;
  /** Timeout of every metadata request (default 30 s). */
  timeoutMs?: number;
  /** Timeout of a whole download, body included (default 120 s). */
  downloadTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface DriveSource {
  source: DocumentSource;
  feed: ChangeFeed;
  /** The inbox and class folder ids: found (or created) once, then cached. */
  folderIds(): Promise<FolderIds>;
}

export function createDriveSource(options: DriveSourceOptions): DriveSource {
  const apiRoot = options.apiRoot ? options.apiRoot.replace(/\/?$/, '/') : null;
  const drive = driveClient({ auth: options.auth, ...(apiRoot ? { rootUrl: apiRoot } : {}) });
  const context = createDriveContext({
    drive,
    logger: options.logger.child({ component: 'drive' }),
    retry: { ...DEFAULT_RETRY, ...options.retry },
    timeoutMs: options.timeoutMs ?? 30_000,
    downloadTimeoutMs: options.downloadTimeoutMs ?? 120_000,
    sharedDriveId: options.sharedDriveId ?? null,
    apiRoot,
  });
  const rootFolderId = options.rootFolderId ?? options.inboxFolderId;

  let cached: Promise<FolderIds> | null = null;
  const ensureFolders = async (): Promise<FolderIds> => {
    const ids = ensureClassFolders(context, options.inboxFolderId, rootFolderId);
    cached = ids;
    ids.catch(() => {
      if (cached === ids) cached = null;
    });
    return ids;
  };
  const folderIds = () => cached ?? ensureFolders();

  const source: DocumentSource = {
    kind: 'drive',
    ensureFolders,
    listInbox: async () => listFilesIn(context, options.inboxFolderId, await folderIds()),
    listFolder: async (folder: TargetFolder) => {
      const folders = await folderIds();
      return listFilesIn(context, folders[folder], folders);
    },
    download: (file, maxBytes) => downloadFile(context, file, maxBytes),
    moveTo: async (file, target) => {
      const folders = await folderIds();
      try {
        return await moveFile(context, file, target, folders);
      } catch (error) {
        // A person deleted the class folder: make it again once, then move.
        if (!(error instanceof StageError) || error.code !== DRIVE_ERROR_CODES.notFound) throw error;
        if (!error.message.includes(folders[target])) {
          // The file itself is gone (deleted while it was processed): nothing to move.
          context.logger.warn('drive file deleted while processed; not moved', { fileId: file.id, target });
          return { ...file, location: 'elsewhere' as const };
        }
        context.logger.warn('drive class folder missing, recreating it', { target });
        return moveFile(context, file, target, await ensureFolders());
      }
    },
  };
  return { source, feed: createDriveFeed(context, folderIds), folderIds };
}

/**
 * Sets the file's parent to the target folder with one files.update (one change in the feed). Reads the
 * current parents first, inside the retried unit, so a retry after a lost response finds the file already
 * there and does nothing, and a file no longer in the folder it was seen in is left alone.
 */
async function moveFile(
  context: DriveContext,
  file: SourceFile,
  target: TargetFolder,
  folders: FolderIds,
): Promise<SourceFile> {
  const targetId = folders[target];
  const moved = await context.call(`move to ${target}`, async (callOptions) => {
    const { data: current } = await context.drive.files.get(
      { fileId: file.id, fields: FILE_FIELDS, supportsAllDrives: true },
      callOptions,
    );
    const parents = current.parents ?? [];
    if (parents.length === 1 && parents[0] === targetId) return current;
    // The file left the folder it was taken from while it was processed (a person moved or trashed it):
    // it stays where they put it.
    const from = file.location === 'elsewhere' ? null : folders[file.location];
    if (current.trashed || (from !== null && !parents.includes(from) && !parents.includes(targetId))) {
      context.logger.warn('drive file left its folder while processed; not moved', {
        fileId: file.id,
        target,
        parents,
        trashed: current.trashed === true,
      });
      return current;
    }
    const removeParents = parents.filter((parent) => parent !== targetId);
    const { data } = await context.drive.files.update(
      {
        fileId: file.id,
        ...(parents.includes(targetId) ? {} : { addParents: targetId }),
        ...(removeParents.length ? { removeParents: removeParents.join(',') } : {}),
        fields: FILE_FIELDS,
        supportsAllDrives: true,
      },
      callOptions,
    );
    context.logger.info('drive file moved', { fileId: file.id, target, from: parents });
    return data;
  });
  return toSourceFile(moved, folders);
}
