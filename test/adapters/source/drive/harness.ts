import {
  createDriveSource,
  type DriveSource,
  type DriveSourceOptions,
} from '../../../../src/adapters/source/drive/index.ts';
import { silentLogger } from '../../../../src/shared/logger.ts';
import { fakeAuth } from '../../../fakes/drive/auth.ts';
import { createFakeDrive, type FakeDrive, type FakeDriveOptions } from '../../../fakes/drive/server.ts';

export const DRIVE_NOTICE =
  '[drive] Google Drive itself is not reachable here: the adapter runs against the fake Drive v3 server.';

export interface DriveHarness {
  fake: FakeDrive;
  inboxId: string;
  drive: DriveSource;
  /** Another adapter on the same fake (other options, e.g. a short timeout). */
  adapter(overrides?: Partial<DriveSourceOptions>): DriveSource;
  stop(): Promise<void>;
}

/** A fresh fake Drive with an `Entrada` folder and the real adapter pointed at it (fast retries). */
export async function startDriveHarness(
  overrides: Partial<DriveSourceOptions> = {},
  fakeOptions: FakeDriveOptions = {},
): Promise<DriveHarness> {
  const fake = createFakeDrive(fakeOptions);
  const { url, stop } = await fake.start();
  const inbox = fake.createFolder('Entrada');
  const adapter = (more: Partial<DriveSourceOptions> = {}) =>
    createDriveSource({
      auth: fakeAuth(),
      inboxFolderId: inbox.id,
      apiRoot: url,
      logger: silentLogger,
      timeoutMs: 5_000,
      retry: { attempts: 6, baseMs: 2, capMs: 20 },
      ...overrides,
      ...more,
    });
  return { fake, inboxId: inbox.id, drive: adapter(), adapter, stop };
}
