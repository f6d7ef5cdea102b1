import fs from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '../config/env.ts';
import type { InvoiceResult } from '../contract/result.ts';
import type { Logger } from '../shared/logger.ts';
import { loadOnnxClassifier } from '../stages/classify/onnx-classifier.ts';
import { createClassifyStage } from '../stages/classify/stage.ts';
import { quarantine } from '../stages/errors.ts';
import { createExtractPool } from '../stages/extract/extract-pool.ts';
import { createExtractStage } from '../stages/extract/stage.ts';
import { createOcrEngine, ocrOptionsFromEnv } from '../stages/read/ocr-engine.ts';
import { createReadStage, readOptionsFromEnv } from '../stages/read/stage.ts';
import { createTextPassPool } from '../stages/read/text-pass-pool.ts';
import { buildResult } from '../stages/result.ts';
import { createReviewStage, DEFAULT_REVIEW_POLICY } from '../stages/review.ts';
import { runStages } from '../stages/runner.ts';
import type { PipelineContext, Stage } from '../stages/stage.ts';
import { extractThreads, readThreads } from '../stages/workers/thread-counts.ts';

export interface DocumentPipeline {
  /** Reads, classifies and extracts one file on disk, with no side effects (nothing moved or loaded). */
  process(file: string): Promise<InvoiceResult>;
  /** The same, for many files with bounded concurrency, results in input order. */
  processAll(
    files: string[],
    onResult?: (result: InvoiceResult, index: number) => void,
  ): Promise<InvoiceResult[]>;
  close(): Promise<void>;
}

/** The production stages minus load and file, fed from paths: what `facturas process` and `eval` run. */
export async function createDocumentPipeline(env: Env, logger: Logger): Promise<DocumentPipeline> {
  const classifier = await loadOnnxClassifier(path.resolve(env.MODEL_DIR), { logger });
  const ocr = await createOcrEngine(ocrOptionsFromEnv(env, logger));
  // As in the service: text layers and extraction run on worker threads under their deadlines.
  const readWorkers = readThreads(env);
  const textPass =
    readWorkers > 0
      ? createTextPassPool({ workers: readWorkers, documentTimeoutMs: env.READ_TIMEOUT_MS, logger })
      : null;
  const extractPool = createExtractPool({
    workers: extractThreads(env),
    timeoutMs: env.EXTRACT_TIMEOUT_MS,
    logger,
  });
  const readFromDisk: Stage = {
    name: 'fetch',
    async run(context) {
      const stat = await fs.stat(context.file.id);
      if (stat.size > env.MAX_FILE_BYTES) {
        throw quarantine(
          'too_large',
          `El archivo pesa ${stat.size} bytes; el límite es ${env.MAX_FILE_BYTES}`,
        );
      }
      context.bytes = await fs.readFile(context.file.id);
    },
  };
  const stages = [
    readFromDisk,
    createReadStage({
      options: readOptionsFromEnv(env),
      ocr,
      textPass,
      documentTimeoutMs: env.READ_DOCUMENT_TIMEOUT_MS,
    }),
    createClassifyStage({ classifier }),
    createExtractStage({ extract: (document, signal) => extractPool.extract(document, signal) }),
    createReviewStage({ ...DEFAULT_REVIEW_POLICY, fieldConfidence: env.REVIEW_FIELD_CONFIDENCE }),
  ];

  async function process(file: string): Promise<InvoiceResult> {
    const context: PipelineContext = {
      file: {
        id: file,
        name: path.basename(file),
        md5: null,
        size: null,
        mimeType: null,
        location: 'elsewhere',
        modifiedTime: null,
        link: null,
      },
      logger: logger.child({ file }),
      signal: new AbortController().signal,
      pages: { count: 0, ocr: 0 },
      timings: {},
    };
    const outcome = await runStages(stages, context);
    if (outcome.kind === 'failed') {
      // Nothing is retried from the CLI: report the failure in the contract's shape.
      context.quarantine = outcome.error;
    }
    return buildResult(context, file);
  }

  async function processAll(files: string[], onResult?: (result: InvoiceResult, index: number) => void) {
    const results: InvoiceResult[] = new Array(files.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < files.length; i = next++) {
        results[i] = await process(files[i]!);
        onResult?.(results[i]!, i);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, env.PROCESS_CONCURRENCY) }, worker));
    return results;
  }

  return {
    process,
    processAll,
    async close() {
      await Promise.allSettled([ocr.close(), classifier.close(), textPass?.close(), extractPool.close()]);
    },
  };
}

/** Expands directories into the PDFs they hold (sorted), keeping explicit files as given. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) throw new Error(`No existe: ${input}`);
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const names = (await fs.readdir(input)).filter((n) => n.toLowerCase().endsWith('.pdf')).sort();
    files.push(...names.map((n) => path.join(input, n)));
  }
  return files;
}
