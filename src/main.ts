import fs from 'node:fs/promises';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createServices, type Services } from './composition-root.ts';
import { ConfigError, loadEnv } from './config/env.ts';
import { publishModel } from './model-store/publish.ts';
import { startLocalInbox } from './processor/local-inbox.ts';
import { createApp } from './server/app.ts';
import { failedFilesFor, failedReplayAppFor } from './server/dashboard/failed-wire.ts';
import { dashboardApp } from './server/dashboard-auth.ts';
import { reviewAppFor } from './server/review/wire.ts';
import { type BuiltRoutes, buildEventRoutes } from './server/routes.ts';
import { type TrainRouteDeps, trainRoutes } from './server/train-route.ts';

/**
 * `npm start`: the service. With no configuration, the embedded default on a local inbox. It listens as soon as
 * the state store and the warehouse are open (a push that wakes a scaled-to-zero instance waits for that);
 * the model, the readers and the OCR pool load right after, and files wait for them.
 */
async function main() {
  const env = loadEnv();
  const services = await createServices(env, { pipeline: 'deferred' });
  const { logger } = services;
  let inbox: { stop(): Promise<void> } | null = null;
  if (env.SOURCE === 'local') {
    const inboxDir = path.resolve(env.INBOX_DIR);
    const fresh = !(await exists(inboxDir));
    await services.source.ensureFolders();
    if (fresh) await seedSamples(env.SEED_SAMPLES_DIR ?? 'samples', inboxDir, logger.info);
    inbox = startLocalInbox({
      inboxDir,
      source: services.source,
      state: services.state,
      warehouse: services.warehouse,
      queue: services.queue,
      logger,
      sweepIntervalMs: env.LOCAL_SWEEP_INTERVAL_MS,
      settleMs: env.LOCAL_SETTLE_MS,
    });
    logger.info('bandeja local vigilada', { inbox: inboxDir });
  }
  const events = buildEventRoutes(services);
  const app = createApp({
    services,
    routes: [
      ...events.routes,
      { path: '/', app: trainRoutes(trainingDeps(services, events.auth)) },
      { path: '/', app: failedReplayAppFor(services) },
      { path: '/', app: reviewAppFor(services) },
      { path: '/', app: dashboardApp(services.warehouse, env, failedFilesFor(services)) },
    ],
    projectId: env.GOOGLE_CLOUD_PROJECT,
  });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    logger.info(`servicio escuchando en http://localhost:${info.port}`, { port: info.port });
    // The model (moved to the shared current one), the readers and the threads; then, on Drive, catch up on
    // whatever changed while no instance was listening. A model that cannot load stops the service.
    services.pipeline().then(
      () => {
        if (events.drainer) void events.drainer.trigger().catch(() => {});
      },
      (error: unknown) => {
        process.stderr.write(
          `No se pudo iniciar el servicio: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      },
    );
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down: no new work, finishing what is running', { signal });
    server.close();
    // The queue first: a sweep in progress waits on queued files, which closing the queue skips.
    await services.queue.close({ graceMs: env.SHUTDOWN_GRACE_MS });
    await inbox?.stop();
    // A drain stops without advancing the page token past files it could not finish.
    await events.drainer?.close();
    await services.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** POST /tasks/train: retrain from the inbox's class folders and human corrections, then hot-swap the model. */
function trainingDeps(services: Services, auth: BuiltRoutes['auth']): TrainRouteDeps {
  const owner = services.processor.owner;
  return {
    auth,
    logger: services.logger,
    lease: {
      acquire: () => services.state.acquireLease('train', owner, 30 * 60_000),
      release: () => services.state.releaseLease('train', owner),
    },
    async train() {
      const [{ retrain }, { ocr }] = await Promise.all([
        import('./training/retrain.ts'),
        services.pipeline(),
      ]);
      const outcome = await retrain({
        modelDir: path.resolve(services.env.MODEL_DIR),
        source: services.source,
        state: services.state,
        ocr,
        logger: services.logger.child({ component: 'train' }),
        dir: services.env.TRAINING_DIR ?? undefined,
      });
      if (outcome.promoted) {
        // Stored where every instance loads it; this instance swaps now, the others at their next check.
        await publishModel({
          store: services.modelStore,
          state: services.state,
          modelDir: path.resolve(services.env.MODEL_DIR),
        });
        await services.modelSync.check();
      }
      const modelVersion = services.classifier.modelVersion;
      return { ...outcome, modelVersion };
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** First run of the embedded default: copy the bundled sample invoices so there is something to see. */
async function seedSamples(samplesDir: string, inboxDir: string, log: (message: string) => void) {
  const entries = await fs.readdir(samplesDir).catch(() => []);
  const pdfs = entries.filter((name) => name.toLowerCase().endsWith('.pdf'));
  for (const name of pdfs) await fs.copyFile(path.join(samplesDir, name), path.join(inboxDir, name));
  if (pdfs.length > 0) log(`${pdfs.length} facturas de ejemplo copiadas a la bandeja ${inboxDir}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `No se pudo iniciar el servicio: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exit(1);
});
