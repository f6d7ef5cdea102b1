import type { drive_v3 } from 'googleapis';
import type { FileLocation, SourceFile, TargetFolder } from '../../../ports/source.ts';
import { TARGET_FOLDERS } from '../../../ports/source.ts';
import { type DriveContext, quoteQueryValue } from './context.ts';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
/** The file fields the adapter reads, and nothing more (Drive's partial responses keep pages small). */
export const FILE_FIELDS = 'id,name,mimeType,md5Checksum,size,parents,trashed,modifiedTime,webViewLink';

export type FolderIds = Record<TargetFolder | 'inbox', string>;

/** Where a file sits for the pipeline: the inbox, one of our class folders, or anywhere else (or trashed). */
export function locationOf(
  file: Pick<drive_v3.Schema$File, 'parents' | 'trashed'>,
  folders: FolderIds,
): FileLocation {
  if (file.trashed) return 'elsewhere';
  const parents = file.parents ?? [];
  if (parents.includes(folders.inbox)) return 'inbox';
  for (const target of TARGET_FOLDERS) if (parents.includes(folders[target])) return target;
  return 'elsewhere';
}

export function toSourceFile(file: drive_v3.Schema$File, folders: FolderIds): SourceFile {
  if (!file.id) throw new Error('Drive returned a file without an id');
  const size = file.size === undefined || file.size === null ? null : Number(file.size);
  return {
    id: file.id,
    name: file.name ?? file.id,
    md5: file.md5Checksum ?? null,
    size: Number.isFinite(size) ? size : null,
    mimeType: file.mimeType ?? null,
    location: locationOf(file, folders),
    modifiedTime: file.modifiedTime ?? null,
    link: file.webViewLink ?? null,
  };
}

/** Shared-drive parameters for files.list: every drive, or just the configured shared drive. */
export function listScope(context: DriveContext) {
  return context.sharedDriveId
    ? {
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
        corpora: 'drive',
        driveId: context.sharedDriveId,
      }
    : { supportsAllDrives: true, includeItemsFromAllDrives: true };
}

/** Every non-folder, non-trashed file directly inside `folderId`, across pages. */
export async function listFilesIn(
  context: DriveContext,
  folderId: string,
  folders: FolderIds,
): Promise<SourceFile[]> {
  const q = `${quoteQueryValue(folderId)} in parents and trashed = false and mimeType != '${FOLDER_MIME}'`;
  const files: SourceFile[] = [];
  let pageToken: string | undefined;
  do {
    const token = pageToken;
    const page = await context.call('files.list', async (options) => {
      const response = await context.drive.files.list(
        {
          q,
          pageSize: 1000,
          pageToken: token,
          orderBy: 'createdTime',
          fields: `nextPageToken,files(${FILE_FIELDS})`,
          ...listScope(context),
        },
        options,
      );
      return response.data;
    });
    for (const file of page.files ?? []) files.push(toSourceFile(file, folders));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return files;
}
