import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { createFakeDrive, type FakeDrive } from '../fakes/drive/server.ts';
import { type OidcIssuer, startOidcIssuer } from '../server/auth/oidc-issuer.ts';
import { type PubSubEmulator, startPubSubEmulator } from '../support/pubsub-emulator.ts';
import { serviceMissing } from '../support/required-service.ts';
import { runFanout } from './fanout-run.ts';

/**
 * Fan-out on the official Pub/Sub emulator with the state in one SQLite file (test/integration/fanout-run.ts
 * has the run; the reliability suite's `fanout` scenario runs it at the size on the Firestore
 * emulator): one instance's drain publishes a page of Drive changes, a push subscription spreads one message
 * per file over four instances, one crashes mid-run and another joins. Every file must be processed exactly
 * once (outcome writes counted per file), none lost, the always-failing ones recorded failed and
 * dead-lettered, then replayed once.
 */

// FANOUT_FILES=2000 is the larger run (`npm run reliability -- fanout` runs it on Firestore).
const FILES = Number(process.env.FANOUT_FILES ?? 200);

let emulator: PubSubEmulator | null = null;
let issuer: OidcIssuer;
let fake: FakeDrive;
let driveUrl: string;
let stopDrive: () => Promise<void>;

beforeAll(async () => {
  emulator = await startPubSubEmulator();
  if (!emulator) serviceMissing('Pub/Sub emulator', 'gcloud could not start it');
  issuer = await startOidcIssuer();
  fake = createFakeDrive({ auth: 'any-bearer', seed: 19 });
  const started = await fake.start();
  driveUrl = started.url;
  stopDrive = started.stop;
}, 120_000);

afterAll(async () => {
  await stopDrive?.();
  await issuer?.close();
  await emulator?.stop();
}, 60_000);

describe('Pub/Sub fan-out across instances (official emulator)', () => {
  // The emulator's redelivery timing on a loaded machine is not ours: one more try, from a clean slate.
  const options = { retry: 1, timeout: 240_000 + FILES * 60 };
  it(
    'processes every file exactly once while an instance crashes and another joins',
    options,
    async (ctx) => {
      if (!emulator) return ctx.skip();
      const dir = mkdtempSync(path.join(tmpdir(), 'fanout-'));
      const report = await runFanout({
        pubsub: emulator,
        issuer,
        drive: fake,
        driveUrl,
        openState: (run) => createSqliteStateStore({ path: path.join(dir, `${run}.sqlite`) }),
        files: FILES,
        instances: 4,
        budgets: { quarterMs: 45_000, healthyMs: 60_000 + FILES * 40, deadLetterMs: 120_000 },
      });
      console.log(`fan-out: ${report.line}`);
      expect(report.problems).toEqual([]);
    },
  );
});
