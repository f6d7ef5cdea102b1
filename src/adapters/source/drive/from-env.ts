import type { Env } from '../../../config/env.ts';
import type { Logger } from '../../../shared/logger.ts';
import { driveAuth } from './drive-api.ts';
import { createDriveSource, type DriveSource } from './index.ts';

export const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';

/**
 * The Drive source from the environment. In production auth is Application Default Credentials (the Cloud
 * Run service account) with the Drive scope. With DRIVE_API_ROOT (tests' fake Drive only) it sends a fixed
 * bearer token instead, because ADC cannot be resolved offline and the fake accepts any token.
 */
export function createDriveFromEnv(env: Env, logger: Logger): DriveSource {
  if (!env.DRIVE_INBOX_FOLDER_ID) throw new Error('DRIVE_INBOX_FOLDER_ID is required when SOURCE=drive');
  return createDriveSource({
    auth: driveAuth(DRIVE_SCOPE, env.DRIVE_API_ROOT),
    inboxFolderId: env.DRIVE_INBOX_FOLDER_ID,
    rootFolderId: env.DRIVE_ROOT_FOLDER_ID,
    sharedDriveId: env.DRIVE_SHARED_DRIVE_ID,
    apiRoot: env.DRIVE_API_ROOT,
    logger,
  });
}
