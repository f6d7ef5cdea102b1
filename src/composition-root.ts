import path from 'node:path';
import { createDispatcherFromEnv } from './adapters/dispatch/from-env.ts';
import { createLocalFolderSource } from './adapters/source/local/local-folder.ts';
import { createSqliteStateStore } from './adapters/state/sqlite-state-store.ts';
import { createWarehouse, type KyselyWarehouse, warehouseConfigFromEnv } from './adapters/warehouse/index.ts';
import { createReviewStore } from './adapters/warehouse/review-store.ts';
import { type Env, resolveDataPath } from './config/env.ts';
import { createModelSync, type ModelSync } from './model-store/sync.ts';
import type { Classifier } from './ports/classifier.ts';
import type { ModelStore } from './ports/model-store.ts';
import type { ChangeFeed, DocumentSource } from './ports/source.ts';
import type { StateStore } from './ports/state.ts';
import type { WorkDispatcher } from './ports/work-dispatcher.ts';
import { registerPendingFilesGauge } from './processor/pending-metrics.ts';
import { createProcessor, type Processor } from './processor/processor.ts';
import { createWorkQueue, type WorkQueue } from './processor/work-queue.ts';
import { createLogger, type Logger } from './shared/logger.ts';
import { createServiceMetrics, type ServiceMetrics } from './shared/service-metrics.ts';
import { createPendingClassifier } from './stages/classify/pending-classifier.ts';
import {
  createSwappableClassifier,
  type SwappableClassifier,
} from './stages/classify/swappable-classifier.ts';
import { deferStages, type StageShape } from './stages/deferred-stages.ts';
import type { FindDuplicate } from './stages/extract/stage.ts';
import type { LocatorSource } from './stages/extract/supplier-memory/memory.ts';
import { createFetchStage } from './stages/fetch.ts';
import { createFileStage } from './stages/file.ts';
import { createLoadStage } from './stages/load.ts';
import type { OcrEngine } from './stages/read/ocr-types.ts';
import type { Stage } from './stages/stage.ts';

export interface Services {
  env: Env;
  logger: Logger;
  source: DocumentSource;
  /** Drive only: the change feed with push channels. */
  feed: ChangeFeed | null;
  state: StateStore;
  /** The Warehouse port plus the dashboard's read queries. */
  warehouse: KyselyWarehouse;
  /** The model in use; `reloadModel()` swaps in a newly promoted one. */
  classifier: SwappableClassifier;
  reloadModel(): Promise<string>;
  /** Where promoted models are kept for every instance (MODEL_STORE). */
  modelStore: ModelStore;
  /** Hot-swaps to the shared current model when it changed (at start and on the hourly task). */
  modelSync: ModelSync;
  /**
   * The document stages (their modules, the model, the reading and extraction threads, the OCR pool): loaded
   * by the first call. With `pipeline: 'deferred'` nothing calls it until the service is listening.
   */
  pipeline(): Promise<DocumentStages>;
  /** Whether `pipeline()` has been called, has finished loading, or failed. */
  pipelineStatus(): PipelineStatus;
  /** Fetch, the document stages (waiting for `pipeline()` when deferred), load and file. */
  stages: readonly Stage[];
  processor: Processor;
  queue: WorkQueue;
  /** Where the drain, the sweep and a backfill send files: this queue, or Pub/Sub (DISPATCH). */
  dispatcher: WorkDispatcher;
  metrics: ServiceMetrics;
  /** Stops taking work, lets running files finish within `graceMs`, releases the rest, closes adapters. */
  close(options?: { graceMs?: number }): Promise<void>;
}

export type PipelineStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface ServicesOptions {
  logger?: Logger;
  /**
   * `eager` (CLI, tests, bench): the model and the document stages are loaded before this returns, so a
   * missing or mismatched model fails here. `deferred` (the service): this returns once the state store and
   * the warehouse are open; the first `pipeline()` call loads the model, moves to the shared current model
   * (model sync) and starts the threads, and every file waits for it.
   */
  pipeline?: 'eager' | 'deferred';
}

/**
 * The shape the runner sees of each document stage (createDocumentStages), for the stand-ins that wait for
 * them when the pipeline is deferred; test/composition-root.test.ts checks them against the real ones.
 */
export const DOCUMENT_STAGE_SHAPES: readonly StageShape[] = [
  { name: 'read', attempts: 2 },
  { name: 'classify' },
  { name: 'extract' },
  { name: 'review', attempts: 1 },
];

/** The one place that picks adapters, from validated config. Everything else receives its ports. */
export async function createServices(env: Env, options: ServicesOptions = {}): Promise<Services> {
  const logger =
    options.logger ?? createLogger({ level: env.LOG_LEVEL, base: { service: 'clasificador-facturas' } });
  const deferred = options.pipeline === 'deferred';
  const loadModelFrom = async (modelDir: string): Promise<Classifier> => {
    const [{ createBatchingClassifier }, { loadOnnxClassifier }] = await Promise.all([
      import('./stages/classify/batching.ts'),
      import('./stages/classify/onnx-classifier.ts'),
    ]);
    return createBatchingClassifier(await loadOnnxClassifier(modelDir, { logger }), { maxBatch: 64 });
  };
  const loadModel = () => loadModelFrom(path.resolve(env.MODEL_DIR));
  // Deferred, the model loads with the rest of the pipeline; the classifier waits for it until then.
  let modelLoaded: (model: Promise<Classifier>) => void = () => {};
  const initialModel = deferred
    ? new Promise<Classifier>((resolve) => {
        modelLoaded = resolve;
      })
    : await loadModel();
  const classifier = createSwappableClassifier(
    deferred ? createPendingClassifier(initialModel as Promise<Classifier>) : (initialModel as Classifier),
  );
  const { source, feed } = await createSource(env, logger);
  const state = await createState(env);
  const warehouse = await createWarehouse(warehouseConfigFromEnv(env), logger);
  await warehouse.migrate();
  const modelStore = await createModelStore(env, logger);
  const modelSync = createModelSync({
    store: modelStore,
    state,
    classifier,
    load: loadModelFrom,
    cacheDir: resolveDataPath(env, 'cache-modelos'),
    bundledModelDir: path.resolve(env.MODEL_DIR),
    logger: logger.child({ component: 'model-sync' }),
  });
  let status: PipelineStatus = 'idle';
  let loading: Promise<DocumentStages> | null = null;
  const pipeline = (): Promise<DocumentStages> => {
    loading ??= (async () => {
      status = 'loading';
      const started = performance.now();
      if (deferred) {
        const model = loadModel();
        modelLoaded(model);
        await model;
        // The shared current model (promoted or rolled back on any instance) replaces the bundled one.
        await modelSync.check().then(
          (outcome) => logger.info('model check at start', outcome),
          (error: unknown) => logger.warn('model check at start failed', { reason: String(error) }),
        );
      }
      const loaded = await createDocumentStages(env, {
        logger,
        classifier,
        findDuplicate: (taxId, number, fileId) => warehouse.findDuplicate(taxId, number, fileId),
        // What people corrected for a supplier is a strong candidate on its next invoices (supplier-memory/).
        supplierLocators: createReviewStore(warehouse.db, warehouse.dialect),
      });
      if (deferred) logger.info('document pipeline ready', { ms: Math.round(performance.now() - started) });
      return loaded;
    })().then(
      (loaded) => {
        status = 'ready';
        return loaded;
      },
      (error: unknown) => {
        status = 'failed';
        throw error;
      },
    );
    return loading;
  };
  if (!deferred) await pipeline();
  const stages: Stage[] = [
    createFetchStage({ source, maxBytes: env.MAX_FILE_BYTES }),
    ...deferStages(DOCUMENT_STAGE_SHAPES, async () => (await pipeline()).stages),
    createLoadStage({ warehouse }),
    createFileStage({ source }),
  ];
  const metrics = createServiceMetrics({
    queueDepth: () => queue.depth,
    channelExpirySeconds: async () => {
      const channels = await state.listChannels();
      if (channels.length === 0) return null;
      return (Math.max(...channels.map((c) => c.expiration)) - Date.now()) / 1000;
    },
  });
  registerPendingFilesGauge(metrics.registry, state);
  const processor = createProcessor({
    source,
    state,
    stages,
    logger,
    leaseMs: env.PROCESS_LEASE_MS,
    runner: { observe: metrics.stageDuration },
    onOutcome: (_file, outcome) => {
      metrics.fileOutcome(outcome.kind);
      if ('result' in outcome) metrics.ocrPages(outcome.result.pages.ocr);
    },
  });
  const queue = createWorkQueue({ processor, concurrency: env.PROCESS_CONCURRENCY, logger });
  const dispatcher = createDispatcherFromEnv(env, { queue, state, logger });
  return {
    env,
    logger,
    source,
    feed,
    state,
    warehouse,
    classifier,
    async reloadModel() {
      await classifier.swap(await loadModel());
      logger.info('model reloaded', { model: classifier.modelVersion });
      return classifier.modelVersion;
    },
    modelStore,
    modelSync,
    pipeline,
    pipelineStatus: () => status,
    stages,
    processor,
    queue,
    dispatcher,
    metrics,
    async close(closeOptions = {}) {
      await queue.close(closeOptions);
      // Nothing to stop when nothing loaded; a load under way is let finish so its threads are stopped.
      const documentStages = loading?.then((loaded) => loaded.close()).catch(() => {});
      if (status === 'idle') {
        const closed = Promise.reject(new Error('El servicio se cerró antes de cargar el modelo.'));
        closed.catch(() => {});
        modelLoaded(closed);
      }
      await Promise.allSettled([documentStages, classifier.close(), state.close(), warehouse.close()]);
    },
  };
}

export interface DocumentStages {
  /** Read, classify, extract and review: what runs between fetching a file and loading and filing it. */
  stages: Stage[];
  ocr: OcrEngine;
  /** Stops the OCR engine and the worker pools these stages run on. */
  close(): Promise<void>;
}

/**
 * The document stages of the pipeline, shared by the service (between fetch and load/file) and the CLI
 * (`facturas process`, `facturas eval --truth`, which read from disk and load nothing). Their modules (mupdf,
 * tesseract.js, the extractor) are imported here, not at start: the service listens before it needs them.
 */
export async function createDocumentStages(
  env: Env,
  deps: {
    logger: Logger;
    classifier: Classifier;
    findDuplicate?: FindDuplicate;
    /** What reviewers taught per supplier (the service's warehouse); the CLI runs without it. */
    supplierLocators?: LocatorSource;
  },
): Promise<DocumentStages> {
  const [
    { createClassifyStage },
    { createExtractPool },
    { createExtractStage },
    { createSupplierMemory, withSupplierMemory },
    { createInputStage },
    { createOcrEngine, ocrOptionsFromEnv },
    { createReadStage, readOptionsFromEnv },
    { createTextPassPool },
    { createReviewStage, DEFAULT_REVIEW_POLICY },
    { extractThreads, readThreads },
  ] = await Promise.all([
    import('./stages/classify/stage.ts'),
    import('./stages/extract/extract-pool.ts'),
    import('./stages/extract/stage.ts'),
    import('./stages/extract/supplier-memory/memory.ts'),
    import('./stages/input/stage.ts'),
    import('./stages/read/ocr-engine.ts'),
    import('./stages/read/stage.ts'),
    import('./stages/read/text-pass-pool.ts'),
    import('./stages/review.ts'),
    import('./stages/workers/thread-counts.ts'),
  ]);
  const ocr = await createOcrEngine(ocrOptionsFromEnv(env, deps.logger));
  const readWorkers = readThreads(env);
  const textPass =
    readWorkers > 0
      ? createTextPassPool({
          workers: readWorkers,
          documentTimeoutMs: env.READ_TIMEOUT_MS,
          logger: deps.logger,
        })
      : null;
  await textPass?.warmUp();
  const extractPool = createExtractPool({
    workers: extractThreads(env),
    timeoutMs: env.EXTRACT_TIMEOUT_MS,
    logger: deps.logger,
  });
  await extractPool.warmUp();
  const supplierMemory = deps.supplierLocators ? createSupplierMemory(deps.supplierLocators) : null;
  return {
    ocr,
    stages: [
      // PDFs, photos, XML e-invoices and DIAN ZIPs: told apart by their bytes, all read by the PDF reader.
      createInputStage({
        read: createReadStage({
          options: readOptionsFromEnv(env),
          ocr,
          textPass,
          documentTimeoutMs: env.READ_DOCUMENT_TIMEOUT_MS,
        }),
        options: readOptionsFromEnv(env),
      }),
      createClassifyStage({ classifier: deps.classifier }),
      createExtractStage({
        extract: withSupplierMemory(
          (document, signal) => extractPool.extract(document, signal),
          supplierMemory,
          (error) => deps.logger.warn('supplier memory lookup failed', { reason: String(error) }),
        ),
        findDuplicate: deps.findDuplicate,
      }),
      createReviewStage({ ...DEFAULT_REVIEW_POLICY, fieldConfidence: env.REVIEW_FIELD_CONFIDENCE }),
    ],
    async close() {
      await Promise.allSettled([ocr.close(), textPass?.close(), extractPool.close()]);
    },
  };
}

export async function createSource(
  env: Env,
  logger: Logger,
): Promise<{ source: DocumentSource; feed: ChangeFeed | null }> {
  if (env.SOURCE === 'local') {
    return {
      source: createLocalFolderSource({ inboxDir: env.INBOX_DIR, settleMs: env.LOCAL_SETTLE_MS }),
      feed: null,
    };
  }
  const { createDriveFromEnv } = await import('./adapters/source/drive/from-env.ts');
  return createDriveFromEnv(env, logger);
}

export async function createState(env: Env): Promise<StateStore> {
  if (env.STATE === 'sqlite') return createSqliteStateStore({ path: resolveDataPath(env, 'state.sqlite') });
  const { createFirestoreStateStore } = await import('./adapters/state/firestore-state-store.ts');
  return createFirestoreStateStore({
    projectId: env.GOOGLE_CLOUD_PROJECT!,
    databaseId: env.FIRESTORE_DATABASE_ID,
    collectionPrefix: env.FIRESTORE_COLLECTION_PREFIX,
    callTimeoutMs: env.FIRESTORE_TIMEOUT_MS,
  });
}

/** Where promoted models live for every instance: a local folder (embedded default) or a Drive folder. */
export async function createModelStore(env: Env, logger: Logger): Promise<ModelStore> {
  if (env.MODEL_STORE === 'local') {
    const { createLocalFolderModelStore } = await import(
      './adapters/model-store/local-folder-model-store.ts'
    );
    return createLocalFolderModelStore({ root: env.MODEL_STORE_DIR ?? resolveDataPath(env, 'modelos') });
  }
  const { createDriveModelStoreFromEnv } = await import('./adapters/model-store/drive-model-store.ts');
  return createDriveModelStoreFromEnv(env, logger);
}
