import { FOLDER_NAMES, TARGET_FOLDERS } from '../../../ports/source.ts';
import { type DriveContext, quoteQueryValue } from './context.ts';
import { DRIVE_ERROR_CODES } from './errors.ts';
import { FOLDER_MIME, type FolderIds, listScope } from './files.ts';

/**
 * The id of the folder called exactly `name` under `parentId`, creating it when missing. When several exist
 * (two instances created it at once, or a person made a copy) the oldest wins, so every instance converges
 * on the same folder; a duplicate we just made ourselves is trashed again.
 */
export async function findOrCreateFolder(
  context: DriveContext,
  name: string,
  parentId: string,
): Promise<string> {
  const existing = await findFolders(context, name, parentId);
  if (existing[0]) return existing[0];
  // Not retried on its own: a create whose response was lost must not create a second folder. The whole
  // find-or-create is retried by the caller instead, and the next find sees the first folder.
  const created = await context.drive.files.create(
    {
      requestBody: { name, mimeType: FOLDER_MIME, parents: [parentId] },
      fields: 'id',
      supportsAllDrives: true,
    },
    context.options(),
  );
  const createdId = created.data.id;
  if (!createdId) throw new Error(`Drive created folder ${name} without returning its id`);
  context.logger.info('drive folder created', { name, folderId: createdId, parentId });
  const after = await findFolders(context, name, parentId);
  const winner = after[0] ?? createdId;
  if (winner !== createdId) {
    context.logger.warn('drive folder created twice, keeping the oldest', {
      name,
      kept: winner,
      trashed: createdId,
    });
    await context.drive.files
      .update(
        { fileId: createdId, requestBody: { trashed: true }, supportsAllDrives: true },
        context.options(),
      )
      .catch((error: unknown) =>
        context.logger.warn('could not trash duplicate folder', { error: String(error) }),
      );
  }
  return winner;
}

async function findFolders(context: DriveContext, name: string, parentId: string): Promise<string[]> {
  const q = [
    `name = ${quoteQueryValue(name)}`,
    `${quoteQueryValue(parentId)} in parents`,
    `mimeType = '${FOLDER_MIME}'`,
    'trashed = false',
  ].join(' and ');
  const response = await context.drive.files.list(
    { q, pageSize: 100, orderBy: 'createdTime', fields: 'files(id,name,createdTime)', ...listScope(context) },
    context.options(),
  );
  // Drive's name match is not case-sensitive everywhere; ours must be exact. Ties on createdTime (same
  // millisecond) are broken by id, so every instance picks the same folder.
  return (response.data.files ?? [])
    .filter((file) => file.name === name && file.id)
    .sort((a, b) => (a.createdTime ?? '').localeCompare(b.createdTime ?? '') || a.id!.localeCompare(b.id!))
    .map((file) => file.id!);
}

/** Makes sure Correctivas, Preventivas, Revisión and Cuarentena exist under `rootFolderId`. */
export async function ensureClassFolders(
  context: DriveContext,
  inboxFolderId: string,
  rootFolderId: string,
): Promise<FolderIds> {
  const ids: Partial<FolderIds> = { inbox: inboxFolderId };
  for (const target of TARGET_FOLDERS) {
    const name = FOLDER_NAMES[target];
    ids[target] = await context.call(
      `ensure folder ${name}`,
      () => findOrCreateFolder(context, name, rootFolderId),
      DRIVE_ERROR_CODES.unavailable,
    );
  }
  return ids as FolderIds;
}
