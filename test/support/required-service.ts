/**
 * Suites that need a local service (PostgreSQL, MariaDB, the Firestore or Pub/Sub emulator, Chromium) skip
 * with a notice on a developer's machine without it; in CI (`CI=true`, set by .ci/run) a missing service is a
 * failure, so a broken CI machine cannot pass by skipping. Only SQL Server and live Drive may skip in CI.
 */
export const IN_CI = process.env.CI === 'true';

/** Call where a suite finds its service missing: throws in CI, else prints why the suite is skipped. */
export function serviceMissing(service: string, detail: string): void {
  if (IN_CI) throw new Error(`${service} is required in CI (CI=true) and is not available: ${detail}`);
  console.warn(`${service} not available: suite skipped (${detail})`);
}
