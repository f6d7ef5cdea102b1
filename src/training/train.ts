import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Logger, silentLogger } from '../shared/logger.ts';
import { type PromotionOutcome, promoteIfBetter, writeModel } from './model-files.ts';
import type { TrainingReport, TrainingSample, TrainOptions } from './train-model.ts';
import { train } from './train-model.ts';

/**
 * Training entry point for the CLI (`facturas train <dir>`) and `POST /tasks/train`:
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
