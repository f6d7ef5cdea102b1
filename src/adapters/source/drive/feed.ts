import type { drive_v3 } from 'googleapis';
import type { ChangeFeed, ChangePage, FileChange, WatchChannel } from '../../../ports/source.ts';
import { StageError } from '../../../stages/errors.ts';
import type { DriveContext } from './context.ts';
import { DRIVE_ERROR_CODES, describeFailure } from './errors.ts';
import { FILE_FIELDS, FOLDER_MIME, type FolderIds, toSourceFile } from './files.ts';

/** What changes.list answers for a page token it no longer accepts. */
const REJECTED_TOKEN_STATUSES = new Set([400, 404, 410]);

/** Only what the processor needs per change: keeps a 1000-change page small. */
export const CHANGE_FIELDS = `nextPageToken,newStartPageToken,changes(changeType,fileId,removed,time,file(${FILE_FIELDS}))`;

/** Parameters every changes.* call shares: all drives, or the configured shared drive only. */
function changeScope(context: DriveContext) {
  return {
    supportsAllDrives: true,
    includeItemsFromAllDrives: true,
    ...(context.sharedDriveId ? { driveId: context.sharedDriveId } : {}),
  };
}

/**
 * Drive's change feed. Changes are account-wide: each carries its file's `location` (inbox, one of our
 * folders, elsewhere) so the processor can keep what concerns it. Folder changes are left out (a folder is
 * never a document) and so are shared-drive-level changes.
 */
export function createDriveFeed(context: DriveContext, folderIds: () => Promise<FolderIds>): ChangeFeed {
  return {
    async getStartPageToken() {
      const data = await context.call('changes.getStartPageToken', async (options) => {
        const { driveId, supportsAllDrives } = changeScope(context);
        return (await context.drive.changes.getStartPageToken({ supportsAllDrives, driveId }, options)).data;
      });
      if (!data.startPageToken) throw new StageError('internal', 'Drive returned no start page token');
      return data.startPageToken;
    },

    async listChanges(pageToken: string): Promise<ChangePage> {
      const folders = await folderIds();
      let data: drive_v3.Schema$ChangeList;
      try {
        data = await context.call('changes.list', async (options) => {
          const response = await context.drive.changes.list(
            {
              pageToken,
              pageSize: 1000,
              includeRemoved: true,
              spaces: 'drive',
              fields: CHANGE_FIELDS,
              ...changeScope(context),
            },
            options,
          );
          return response.data;
        });
      } catch (error) {
        // Drive refuses a token it no longer knows with 400, and has been seen answering 404 and 410 too.
        if (
          error instanceof StageError &&
          REJECTED_TOKEN_STATUSES.has(describeFailure(error.cause).status ?? 0)
        ) {
          throw new StageError(DRIVE_ERROR_CODES.invalidPageToken, error.message, { cause: error });
        }
        throw error;
      }
      const changes: FileChange[] = [];
      for (const change of data.changes ?? []) {
        if (change.changeType === 'drive' || !change.fileId) continue;
        if (change.file?.mimeType === FOLDER_MIME) continue;
        const removed = change.removed === true;
        changes.push({
          fileId: change.fileId,
          removed,
          file: !removed && change.file ? toSourceFile(change.file, folders) : null,
          time: change.time ?? null,
          ...(change.file?.trashed === true ? { trashed: true } : {}),
        });
      }
      return {
        changes,
        nextPageToken: data.nextPageToken ?? null,
        newStartPageToken: data.nextPageToken ? null : (data.newStartPageToken ?? null),
      };
    },

    async watch(pageToken, channel): Promise<WatchChannel> {
      const data = await context.call('changes.watch', async (options) => {
        const response = await context.drive.changes.watch(
          {
            pageToken,
            includeRemoved: true,
            ...changeScope(context),
            requestBody: {
              id: channel.id,
              type: 'web_hook',
              address: channel.address,
              token: channel.token,
              expiration: String(channel.expiration),
            },
          },
          options,
        );
        return response.data;
      });
      if (!data.id || !data.resourceId)
        throw new StageError('internal', 'Drive returned a channel without ids');
      context.logger.info('drive channel created', {
        channelId: data.id,
        resourceId: data.resourceId,
        expiration: data.expiration,
      });
      return {
        id: data.id,
        resourceId: data.resourceId,
        token: channel.token,
        address: channel.address,
        expiration: data.expiration ? Number(data.expiration) : channel.expiration,
      };
    },

    async stopChannel(channel) {
      try {
        await context.call('channels.stop', (options) =>
          context.drive.channels.stop(
            { requestBody: { id: channel.id, resourceId: channel.resourceId } },
            options,
          ),
        );
      } catch (error) {
        // Already stopped or expired: the goal (no more pushes on it) holds.
        if (error instanceof StageError && error.code === DRIVE_ERROR_CODES.notFound) {
          context.logger.info('drive channel already gone', { channelId: channel.id });
          return;
        }
        throw error;
      }
      context.logger.info('drive channel stopped', { channelId: channel.id });
    },
  };
}
