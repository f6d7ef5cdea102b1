/**
 * googleapis' Drive v3 client and auth classes from its Drive module alone: the package's index builds all of
 * its ~400 APIs (about 1.4 s at start, on the path of a cold instance's first request), this module ~0.1 s.
 * The types are the ones `googleapis` exports (`drive_v3`, `google.auth`).
 */
import { auth, drive_v3 } from 'googleapis/build/src/apis/drive/index.js';

export type DriveAuth = InstanceType<typeof auth.GoogleAuth> | InstanceType<typeof auth.OAuth2>;

/** A Drive v3 client, as `google.drive({ version: 'v3', ...options })` makes one. */
export function driveClient(options: Omit<drive_v3.Options, 'version'>): drive_v3.Drive {
  return new drive_v3.Drive(options);
}

/**
 * Application Default Credentials with the Drive scope; with a fake Drive's API root (tests only), a fixed
 * bearer token instead, because ADC cannot be resolved offline and the fake accepts any token.
 */
export function driveAuth(scope: string, fakeApiRoot: string | null | undefined): DriveAuth {
  if (!fakeApiRoot) return new auth.GoogleAuth({ scopes: [scope] });
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: 'fake-drive-token', expiry_date: Date.now() + 365 * 24 * 3600_000 });
  return client;
}
