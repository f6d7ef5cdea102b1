import fs from 'node:fs/promises';
import path from 'node:path';
import { createDocumentStages } from '../composition-root.ts';
import type { Env } from '../config/env.ts';
import type { InvoiceResult } from '../contract/result.ts';
import type { Logger } from '../shared/logger.ts';
import { loadOnnxClassifier } from '../stages/classify/onnx-classifier.ts';
import { quarantine } from '../stages/errors.ts';
import { buildResult } from '../stages/result.ts';
import { runStages } from '../stages/runner.ts';
import type { PipelineContext, Stage } from '../stages/stage.ts';

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

/** The production stages minus load and file, fed from paths (`facturas process`, `npm run eval`). */
export async function createDocumentPipeline(env: Env, logger: Logger): Promise<DocumentPipeline> {
  const classifier = await loadOnnxClassifier(path.resolve(env.MODEL_DIR), { logger });
  // The service's own read, classify, extract and review stages (composition root), fed from paths.
  const documentStages = await createDocumentStages(env, { logger, classifier });
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
  const stages = [readFromDisk, ...documentStages.stages];

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
      await Promise.allSettled([documentStages.close(), classifier.close()]);
    },
  };
}

/** Extensions of the files the inbox takes besides PDFs: e-invoice XML, DIAN ZIPs, photos and scans. */
const INVOICE_FILE = /\.(pdf|zip|xml|jpe?g|png|tiff?|webp)$/i;

/**
 * Expands directories into the PDFs they hold (sorted), keeping explicit files as given; with
 * `allInvoiceFiles`, also the ZIP, XML and image files the inbox takes (`facturas process`).
 */
export async function expandInputs(
  inputs: string[],
  options: { allInvoiceFiles?: boolean } = {},
): Promise<string[]> {
  const wanted = options.allInvoiceFiles ? INVOICE_FILE : /\.pdf$/i;
  const files: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) throw new Error(`No existe: ${input}`);
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const names = (await fs.readdir(input)).filter((n) => wanted.test(n)).sort();
    files.push(...names.map((n) => path.join(input, n)));
  }
  return files;
}
