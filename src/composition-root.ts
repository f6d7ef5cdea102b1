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
import { createBatchingClassifier } from './stages/classify/batching.ts';
import { loadOnnxClassifier } from './stages/classify/onnx-classifier.ts';
import { createClassifyStage } from './stages/classify/stage.ts';
import {
  createSwappableClassifier,
  type SwappableClassifier,
} from './stages/classify/swappable-classifier.ts';
import { createExtractPool } from './stages/extract/extract-pool.ts';
import { createExtractStage, type FindDuplicate } from './stages/extract/stage.ts';
import {
  createSupplierMemory,
  type SupplierMemory,
  withSupplierMemory,
} from './stages/extract/supplier-memory/memory.ts';
import { createFetchStage } from './stages/fetch.ts';
import { createFileStage } from './stages/file.ts';
import { createInputStage } from './stages/input/stage.ts';
import { createLoadStage } from './stages/load.ts';
import { createOcrEngine, type OcrEngine, ocrOptionsFromEnv } from './stages/read/ocr-engine.ts';
import { createReadStage, readOptionsFromEnv } from './stages/read/stage.ts';
import { createTextPassPool } from './stages/read/text-pass-pool.ts';
import { createReviewStage, DEFAULT_REVIEW_POLICY } from './stages/review.ts';
import type { Stage } from './stages/stage.ts';
import { extractThreads, readThreads } from './stages/workers/thread-counts.ts';

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
  ocr: OcrEngine;
  stages: readonly Stage[];
  processor: Processor;
  queue: WorkQueue;
  /** Where the drain, the sweep and a backfill send files: this queue, or Pub/Sub (DISPATCH). */
  dispatcher: WorkDispatcher;
  metrics: ServiceMetrics;
  /** Stops taking work, lets running files finish within `graceMs`, releases the rest, closes adapters. */
  close(options?: { graceMs?: number }): Promise<void>;
}

/**
 * The one place that picks adapters, from validated config. Everything else receives its ports.
 * The model loads here, at start, so a missing or mismatched model stops the service before any file.
 */
export async function createServices(env: Env, options: { logger?: Logger } = {}): Promise<Services> {
  const logger =
    options.logger ?? createLogger({ level: env.LOG_LEVEL, base: { service: 'clasificador-facturas' } });
  const loadModelFrom = async (modelDir: string): Promise<Classifier> =>
    createBatchingClassifier(await loadOnnxClassifier(modelDir, { logger }), { maxBatch: 64 });
  const loadModel = () => loadModelFrom(path.resolve(env.MODEL_DIR));
  const classifier = createSwappableClassifier(await loadModel());
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
  const documentStages = await createDocumentStages(env, {
    logger,
    classifier,
    findDuplicate: (taxId, number, fileId) => warehouse.findDuplicate(taxId, number, fileId),
    // What people corrected for a supplier is a strong candidate on its next invoices (supplier-memory/).
    supplierMemory: createSupplierMemory(createReviewStore(warehouse.db, warehouse.dialect)),
  });
  const stages: Stage[] = [
    createFetchStage({ source, maxBytes: env.MAX_FILE_BYTES }),
    ...documentStages.stages,
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
    ocr: documentStages.ocr,
    stages,
    processor,
    queue,
    dispatcher,
    metrics,
    async close(closeOptions = {}) {
      await queue.close(closeOptions);
      await Promise.allSettled([
        documentStages.close(),
        classifier.close(),
        state.close(),
        warehouse.close(),
      ]);
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
 * (`facturas process`, `facturas eval --truth`, which read from disk and load nothing).
 */
export async function createDocumentStages(
  env: Env,
  deps: {
    logger: Logger;
    classifier: Classifier;
    findDuplicate?: FindDuplicate;
    /** What reviewers taught per supplier (the service's warehouse); the CLI runs without it. */
    supplierMemory?: SupplierMemory;
  },
): Promise<DocumentStages> {
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
          deps.supplierMemory ?? null,
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
