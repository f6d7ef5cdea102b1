import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Logger, silentLogger } from '../shared/logger.ts';
import type { OcrEngine } from '../stages/read/ocr-types.ts';
import { findLabelledFiles, readLabelledFiles } from './labelled-files.ts';
import { type PromotionOutcome, promoteIfBetter, writeModel } from './model-files.ts';
import { formatTrainingReport } from './report.ts';
import type { TrainingReport, TrainingSample, TrainOptions } from './train-model.ts';
import { train } from './train-model.ts';

/**
 * Training entry point for the CLI (`facturas train <dir>`) and `POST /tasks/train`. `trainFromFolder` does
 * all of it for a folder; the pieces, for other sources:
 *
 *   const { files } = await findLabelledFiles(dir);                 // labelled-files.ts
 *   const { samples } = await readLabelledFiles(files, { ocr });    // same read stage as production
 *   const human = await samplesFromSource({ source, humanLabels: await state.listHumanLabels() });
 *   const outcome = await trainFromDirectories({ labelled: [...samples, ...human.samples], seed, outDir: 'onnx' });
 *   console.log(formatTrainingReport(outcome.report));
 */
export { findLabelledFiles, type LabelledFile, readLabelledFiles } from './labelled-files.ts';
export { type PromotionOutcome, promoteIfBetter, writeModel } from './model-files.ts';
export { formatTrainingReport } from './report.ts';
export { type SourceSamplesOptions, samplesFromSource } from './source-samples.ts';
export {
  type TrainedModel,
  type TrainingReport,
  type TrainingSample,
  type TrainOptions,
  train,
} from './train-model.ts';

export interface TrainFromSamplesInput {
  labelled: TrainingSample[];
  seed?: number;
  /** The model directory (normally `onnx/`). */
  outDir: string;
  /** false writes the model into outDir unconditionally (first model, or a forced replacement). */
  promote?: boolean;
  options?: Omit<TrainOptions, 'seed' | 'previousVersion'>;
  logger?: Logger;
}

/**
 * Trains on already-read labelled texts and applies the promotion rule against the model in `outDir`
 * (the new version number follows the current one's).
 */
export async function trainFromDirectories(
  input: TrainFromSamplesInput,
): Promise<{ report: TrainingReport; promotion: PromotionOutcome | null }> {
  const logger = input.logger ?? silentLogger;
  const previousVersion = await currentVersion(input.outDir);
  const trained = train(input.labelled, { ...input.options, seed: input.seed, previousVersion });
  logger.info('model trained', {
    version: trained.report.modelVersion,
    accuracy: trained.report.validation.accuracy,
    abstention: trained.report.validation.abstentionRate,
    ms: Math.round(trained.report.trainingMs),
  });
  if (input.promote === false) {
    await writeModel(input.outDir, trained.model, trained.report);
    return { report: trained.report, promotion: null };
  }
  const promotion = await promoteIfBetter(trained, input.outDir, { logger });
  return { report: trained.report, promotion };
}

async function currentVersion(modelDir: string): Promise<string | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(modelDir, 'model.json'), 'utf8')) as {
      modelVersion?: unknown;
    };
    return typeof manifest.modelVersion === 'string' ? manifest.modelVersion : null;
  } catch {
    return null;
  }
}

export interface TrainFromFolderInput {
  /** Class folders (`Correctivas/`, `Preventivas/`) and/or a generated corpus (`<id>.pdf` + `<id>.json`). */
  dir: string;
  outDir: string;
  seed?: number;
  /** For scanned PDFs; without it their pages give no text and they are skipped. */
  ocr?: OcrEngine | null;
  /** More labelled texts, e.g. samplesFromSource() with the human labels from the state store. */
  extraSamples?: TrainingSample[];
  promote?: boolean;
  logger?: Logger;
  onProgress?: (done: number, total: number) => void;
}

/**
 * `facturas train <dir>` in one call: find and read the labelled PDFs, add the extra samples, train,
 * apply the promotion rule, and return the Spanish text to print.
 */
export async function trainFromFolder(input: TrainFromFolderInput): Promise<{
  report: TrainingReport;
  promotion: PromotionOutcome | null;
  skippedFiles: number;
  text: string;
}> {
  const { files, skipped } = await findLabelledFiles(input.dir);
  const read = await readLabelledFiles(files, {
    ocr: input.ocr,
    logger: input.logger,
    onProgress: input.onProgress,
  });
  const labelled: TrainingSample[] = [
    ...read.samples.map(({ text, label, source }) => ({ text, label, source })),
    ...(input.extraSamples ?? []),
  ];
  const { report, promotion } = await trainFromDirectories({
    labelled,
    seed: input.seed,
    outDir: input.outDir,
    promote: input.promote,
    logger: input.logger,
  });
  const skippedFiles = skipped + read.skipped.length;
  const lines = [formatTrainingReport(report)];
  if (skippedFiles > 0) lines.push('', `Archivos omitidos (sin etiqueta o ilegibles): ${skippedFiles}`);
  if (promotion) {
    lines.push(
      '',
      promotion.promoted
        ? `Modelo instalado en ${promotion.directory}: ${promotion.reason}.`
        : `Modelo NO instalado; guardado en ${promotion.directory}: ${promotion.reason}.`,
    );
  } else lines.push('', `Modelo escrito en ${input.outDir}.`);
  return { report, promotion, skippedFiles, text: lines.join('\n') };
}
