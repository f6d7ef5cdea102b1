/**
 * `npm run reliability`: the Drive runtime under duress, with real processes on loopback. One fake Drive v3
 * server (in this process), one official Firestore emulator, three service instances (`src/main.ts` child
 * processes) per scenario sharing them, the warehouse on PostgreSQL 127.0.0.1:5432 (a fresh schema per
 * scenario, dropped at the end). Prints one line per scenario with its figures and `N passed, N failed`.
 *
 *   npm run reliability                 # every scenario
 *   npm run reliability -- storm crash  # some
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startOidcIssuer } from '../server/auth/oidc-issuer.ts';
import { startFirestoreEmulator } from '../support/firestore-emulator.ts';
import { SCENARIOS } from './catalog.ts';
import { startBalancer } from './cluster.ts';
import { createWorldDrive, generatePdfs, modelDir, newLogDir, PG_BASE, type World } from './world.ts';

async function prerequisites(): Promise<string[]> {
  const missing: string[] = [];
  const model = modelDir();
  if (!existsSync(path.join(model, 'model.onnx')) || !existsSync(path.join(model, 'model.json'))) {
    missing.push(`the model (${model}/model.onnx + model.json)`);
  }
  if (!existsSync('src/adapters/source/drive/from-env.ts')) missing.push('the Drive adapter (from-env.ts)');
  const pool = new pg.Pool({ connectionString: PG_BASE, max: 1 });
  await pool.query('SELECT 1').catch(() => missing.push('PostgreSQL at 127.0.0.1:5432/test'));
  await pool.end();
  return missing;
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const scenarios = SCENARIOS.filter(([name]) => wanted.length === 0 || wanted.includes(name));
  const missing = await prerequisites();
  if (missing.length > 0) {
    // Never a pass: with CI=true (and without) a missing service fails the run with exit code 2.
    for (const [name] of scenarios) console.log(`${name}: NOT RUN (missing ${missing.join(', ')})`);
    console.log(`0 passed, ${scenarios.length} not run: FAILED`);
    return 2;
  }

  const cleanups: (() => Promise<unknown>)[] = [];
  let passed = 0;
  let failed = 0;
  try {
    const started = Date.now();
    const logDir = newLogDir();
    const fake = createWorldDrive();
    const { url: driveUrl, stop } = await fake.start();
    cleanups.push(stop);
    const emulator = await startFirestoreEmulator();
    if (!emulator) {
      for (const [name] of scenarios)
        console.log(`${name}: NOT RUN (Firestore emulator unavailable: gcloud missing)`);
      console.log(`0 passed, ${scenarios.length} not run: FAILED`);
      return 2;
    }
    cleanups.push(() => emulator.stop());
    const issuer = await startOidcIssuer();
    cleanups.push(() => issuer.close());
    const balancer = await startBalancer();
    cleanups.push(() => balancer.close());
    const pool = new pg.Pool({ connectionString: PG_BASE, max: 2 });
    const world: World = {
      fake,
      driveUrl,
      emulator,
      issuer,
      balancer,
      pool,
      runId: Date.now().toString(36),
      logDir,
      pdfs: await generatePdfs(scenarios.some(([n]) => n === 'storm') ? 200 : 60),
      databases: [],
    };
    cleanups.push(async () => {
      for (const db of world.databases) {
        await pool.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => 0);
      }
      await pool.end();
    });
    console.log(
      `setup: ${world.pdfs.length} invoices generated, services up in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${logDir}`,
    );

    for (const [name, scenario] of scenarios) {
      balancer.stats = { received: 0, byInstance: {}, byStatus: {}, changeRejected: 0 };
      try {
        const result = await scenario(world);
        if (result.ok) passed++;
        else failed++;
        console.log(`${name}: ${result.ok ? 'PASS' : 'FAIL'} — ${result.line}`);
      } catch (error) {
        failed++;
        console.log(`${name}: FAIL — ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
