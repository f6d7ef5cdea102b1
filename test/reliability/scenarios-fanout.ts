import { createFirestoreStateStore } from '../../src/adapters/state/firestore-state-store.ts';
import { runFanout } from '../integration/fanout-run.ts';
import { startPubSubEmulator } from '../support/pubsub-emulator.ts';
import type { Scenario } from './scenarios.ts';
import { seconds } from './scenarios.ts';

/**
 * The issue's multi-instance run (test/integration/fanout-run.ts) at full size, with the state on the
 * official Firestore emulator: 5 in-process instances behind a push subscription on the official Pub/Sub
 * emulator (started for this scenario), 2,000 files of which 20 % "scanned" (the read stage is a wait),
 * one instance crashed and one added mid-run. Every file's outcome written exactly once and moved once,
 * none lost, the poison files dead-lettered and listed failed with their reason, then replayed once.
 */
export const fanout: Scenario = async (world) => {
  const began = Date.now();
  const pubsub = await startPubSubEmulator();
  if (!pubsub) return { ok: false, line: 'Pub/Sub emulator unavailable (gcloud could not start it)' };
  try {
    const report = await runFanout({
      pubsub,
      issuer: world.issuer,
      drive: world.fake,
      driveUrl: world.driveUrl,
      openState: (run) =>
        createFirestoreStateStore({
          projectId: world.emulator.projectId,
          collectionPrefix: `rel_fanout_${world.runId}_${run}`,
          settings: world.emulator.settings(),
        }),
      files: 2_000,
      instances: 5,
      scannedShare: 0.2,
      poison: 5,
      // Production's deliveries before the dead-letter topic (docs/deploy.md); a lease that survives a
      // loaded machine's slow heartbeats.
      maxDeliveryAttempts: 10,
      leaseMs: 4_000,
      budgets: { quarterMs: 90_000, healthyMs: 240_000, deadLetterMs: 120_000 },
    });
    const problems = report.problems;
    return {
      ok: problems.length === 0,
      line: `${report.line}${problems.length ? `; PROBLEMS: ${problems.slice(0, 6).join('; ')}` : ''}, ${seconds(began)}`,
    };
  } finally {
    await pubsub.stop();
  }
};
