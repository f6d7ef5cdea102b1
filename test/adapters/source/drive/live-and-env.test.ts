import { google } from 'googleapis';
import { describe, expect, it } from 'vitest';
import { createDriveFromEnv, DRIVE_SCOPE } from '../../../../src/adapters/source/drive/from-env.ts';
import { createDriveSource } from '../../../../src/adapters/source/drive/index.ts';
import { loadEnv } from '../../../../src/config/env.ts';
import { silentLogger } from '../../../../src/shared/logger.ts';
import { createFakeDrive } from '../../../fakes/drive/server.ts';

describe('createDriveFromEnv', () => {
  it('builds a working source from SOURCE=drive variables (against the fake via DRIVE_API_ROOT)', async () => {
    const fake = createFakeDrive();
    const { url, stop } = await fake.start();
    try {
      const root = fake.createFolder('Facturas');
      const inbox = fake.createFolder('Entrada', root.id);
      const pdf = fake.upload('FE-9.pdf', Buffer.from('%PDF-1.4 nueve'), inbox.id);
      const env = loadEnv({
        SOURCE: 'drive',
        DRIVE_INBOX_FOLDER_ID: inbox.id,
        DRIVE_ROOT_FOLDER_ID: root.id,
        DRIVE_API_ROOT: url,
      });
      const drive = createDriveFromEnv(env, silentLogger);
      expect((await drive.source.listInbox()).map((f) => f.id)).toEqual([pdf.id]);
      expect(fake.file((await drive.folderIds()).cuarentena)!.parents).toEqual([root.id]);
    } finally {
      await stop();
    }
  });
});

const liveFolder = process.env['DRIVE_LIVE_TEST_FOLDER'];
const liveCredentials = process.env['GOOGLE_APPLICATION_CREDENTIALS'];
const live = Boolean(liveFolder && liveCredentials);
if (!live) {
  console.info(
    '[drive] live Google Drive check SKIPPED: set DRIVE_LIVE_TEST_FOLDER and GOOGLE_APPLICATION_CREDENTIALS to run it.',
  );
}

describe.skipIf(!live)('live Google Drive (creates the class folders inside DRIVE_LIVE_TEST_FOLDER)', () => {
  it('reads a start page token, lists the folder and downloads one small file', async () => {
    const drive = createDriveSource({
      auth: new google.auth.GoogleAuth({ scopes: [DRIVE_SCOPE] }),
      inboxFolderId: liveFolder!,
      logger: silentLogger,
      timeoutMs: 20_000,
    });
    expect(await drive.feed.getStartPageToken()).toMatch(/^\d+$/);
    const files = await drive.source.listInbox();
    console.info(`[drive] live: ${files.length} files in the test folder`);
    const small = files.find((f) => f.md5 && (f.size ?? Infinity) < 5_000_000);
    if (small) expect((await drive.source.download(small, 5_000_000)).length).toBe(small.size);
  });
});
