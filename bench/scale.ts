import os from 'node:os';
import { parseArgs } from 'node:util';
import { createFakeDrive } from '../test/fakes/drive/server.ts';
import { startRelay } from '../test/integration/pubsub-cluster.ts';
import { startBalancer } from '../test/reliability/cluster.ts';
import { startOidcIssuer } from '../test/server/auth/oidc-issuer.ts';
import { startPubSubEmulator } from '../test/support/pubsub-emulator.ts';
import { corpus, corpusPdfs } from './corpus.ts';
import { type CoordinationFigures, type ReadCosts, runCoordination } from './scale-coordination.ts';
import { waitBoundFilesPerHour } from './scale-figures.ts';
import { runRealStages, type ThroughputFigures } from './scale-real.ts';

/**
 * `npm run bench -- --scale`: the fan-out path's numbers (issue 19).
 *  - coordination: files/hour for 1, 2, 3 and 5 in-process instances on the Pub/Sub emulator, the read stage
 *    replaced by a wait of the measured per-document cost, so two cores do not cap it;
 *  - one instance with the real stages: Drive notification to warehouse row latency for digital invoices
 *    arriving at a steady rate, and files/hour for a digital and a 20 %-scanned batch.
 * The default costs are the figures `npm run bench` printed (README, Measured).
 */
/** Files one instance runs at once: the deployed PROCESS_CONCURRENCY (cloudbuild.yaml). */
const PROCESS_CONCURRENCY = 4;

export async function runScaleBench(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      files: { type: 'string', default: '600' },
      instances: { type: 'string', default: '1,2,3,5' },
      'digital-ms': { type: 'string', default: '68' },
      'ocr-page-ms': { type: 'string', default: '740' },
      'pages-per-scan': { type: 'string', default: '1.5' },
      'scanned-share': { type: 'string', default: '0.2' },
      'window-per-instance': { type: 'string', default: '6' },
      'emulator-push-files': { type: 'string', default: '100' },
      'latency-docs': { type: 'string', default: '100' },
      rate: { type: 'string', default: '5' },
      'real-digital': { type: 'string', default: '100' },
      'real-mixed': { type: 'string', default: '40' },
      'no-real': { type: 'boolean', default: false },
    },
  });
  const costs: ReadCosts = {
    digitalMs: Number(values['digital-ms']),
    ocrPageMs: Number(values['ocr-page-ms']),
    pagesPerScan: Number(values['pages-per-scan']),
    scannedShare: Number(values['scanned-share']),
  };
  const files = Number(values.files);
  const counts = values.instances.split(',').filter(Boolean).map(Number);
  const perInstance = Number(values['window-per-instance']);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const fixed = (n: number, d = 1) => n.toFixed(d);
  const perHour = (n: number) => Math.round(n).toLocaleString('en-US');

  out(`clasificador-facturas scale bench · ${os.cpus().length} cores · node ${process.version}`);
  const emulator = await startPubSubEmulator();
  if (!emulator) throw new Error('El emulador de Pub/Sub (gcloud) no está disponible');
  const issuer = await startOidcIssuer();
  const fake = createFakeDrive({ auth: 'any-bearer', seed: 19 });
  const drive = await fake.start();
  const relay = await startRelay(issuer, { route: 'least-busy' });
  const balancer = await startBalancer();
  try {
    out(
      `coordination: read stage replaced by a wait per document: digital ${costs.digitalMs} ms, ` +
        `${fixed(costs.scannedShare * 100, 0)}% scanned at ${costs.pagesPerScan} pages × ${costs.ocrPageMs} ms/page ` +
        `(--digital-ms, --scanned-share, --pages-per-scan, --ocr-page-ms) · drain → emulator topic → ` +
        `push (up to ${perInstance} requests in flight per instance) → least-busy relay → POST /tasks/process · ` +
        `PROCESS_CONCURRENCY ${PROCESS_CONCURRENCY} · one SQLite state store`,
    );
    const ceiling = waitBoundFilesPerHour(costs, PROCESS_CONCURRENCY);
    out(
      `  the waits alone allow one instance ${perHour(ceiling)} files/h (${PROCESS_CONCURRENCY} files at a time); ` +
        'each line below also says how much of N times that it reached',
    );
    const world = { emulator, issuer, fake, relay };
    const runs: CoordinationFigures[] = [];
    for (const instances of counts) {
      const figures = await runCoordination(world, {
        instances,
        files,
        costs,
        delivery: { kind: 'pubsub-push', window: perInstance * instances },
        concurrency: PROCESS_CONCURRENCY,
        timeoutMs: 240_000,
      });
      runs.push(figures);
      out(
        `  ${instances} instance${instances === 1 ? ' ' : 's'}: ${files} files in ${fixed(figures.seconds, 2)} s = ` +
          `${perHour(figures.filesPerHour)} files/h (${fixed((figures.filesPerHour / (instances * ceiling)) * 100, 0)}%) · published in ${fixed(figures.publishSeconds, 2)} s · ` +
          `pushes ${JSON.stringify(figures.pushes)}, ${figures.redeliveries} redelivered · ` +
          `this process's CPU ${fixed(figures.harnessCpuMsPerFile)} ms/file (every instance, the fake Drive, the relay)`,
      );
    }
    const one = runs.find((r) => r.instances === 1);
    const five = runs.find((r) => r.instances === 5);
    if (one && five)
      out(`  5 instances / 1 instance: ${fixed(five.filesPerHour / one.filesPerHour, 2)}× (target ≥ 4×)`);
    const referenceFiles = Number(values['emulator-push-files']);
    if (referenceFiles > 0) {
      const reference = await runCoordination(world, {
        instances: 5,
        files: referenceFiles,
        costs,
        delivery: { kind: 'emulator-push' },
        concurrency: PROCESS_CONCURRENCY,
        timeoutMs: 240_000,
      });
      out(
        `  the emulator's own push subscription (two requests in flight, whatever the instances), 5 instances: ` +
          `${referenceFiles} files in ${fixed(reference.seconds, 2)} s = ${perHour(reference.filesPerHour)} files/h`,
      );
    }

    if (!values['no-real']) {
      const latencyDocs = Number(values['latency-docs']);
      const rate = Number(values.rate);
      // The warm-up corpus is `npm run bench`'s own; the others have seeds of their own.
      const warmUp = [
        ...(await corpusPdfs(await corpus('warm-up', 40, 880_003, 0))),
        // Scans too: the OCR workers start on the first page, and a running service has them started.
        ...(await corpusPdfs(await corpus('scale-warm-up-scans', 4, 880_014, 1))),
      ];
      const latency = await corpusPdfs(await corpus('scale-latency', latencyDocs, 880_011, 0));
      const digitalCount = Number(values['real-digital']);
      const digital = await corpusPdfs(await corpus('scale-digital', digitalCount, 880_012, 0));
      const mixedCount = Number(values['real-mixed']);
      const mixed = await corpusPdfs(await corpus('scale-mixed', mixedCount, 880_013, costs.scannedShare));
      const real = await runRealStages(
        { emulator, issuer, fake, relay, balancer },
        { warmUp, latency, ratePerSecond: rate, digital, mixed, window: perInstance },
      );
      const l = real.latency;
      out(
        'real stages, one instance (src/main.ts in a child process: fake Drive, Drive push → webhook → drain → ' +
          'emulator topic → push → POST /tasks/process → read, classify, extract → SQLite warehouse), warmed on 40 digital and 4 scanned invoices:',
      );
      out(
        `  notification → warehouse row, ${l.documents} digital invoices at ${l.ratePerSecond}/s ` +
          `(the emulator's own push): p50 ${fixed(l.p50Ms, 0)} ms · p95 ${fixed(l.p95Ms, 0)} ms (target ≤ 2,000) · ` +
          `max ${fixed(l.maxMs, 0)} ms · ${l.rows}/${l.documents} rows`,
      );
      const line = (name: string, t: ThroughputFigures) =>
        out(
          `  ${name}: ${t.documents} files (${t.ocrPages} OCR pages) uploaded at once in ${fixed(t.seconds, 2)} s = ` +
            `${perHour(t.filesPerHour)} files/h · instance CPU ${fixed(t.cpuMsPerFile)} ms/file (all threads) = ` +
            `${perHour(t.cpuBoundFilesPerHour)} files/h on 2 vCPUs if CPU alone bound it · outcomes ${JSON.stringify(t.outcomes)}`,
        );
      line('digital', real.digital);
      line(`${fixed(costs.scannedShare * 100, 0)}% scanned`, real.mixed);
    }
    return 0;
  } finally {
    await balancer.close();
    await relay.close();
    await drive.stop();
    await issuer.close();
    await emulator.stop();
  }
}
