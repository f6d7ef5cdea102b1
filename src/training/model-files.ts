import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Logger, silentLogger } from '../shared/logger.ts';
import { loadOnnxClassifier } from '../stages/classify/onnx-classifier.ts';
import { decisionCost, type EvaluationMetrics, evaluate } from './metrics.ts';
import { formatTrainingReport } from './report.ts';
import type { TrainedModel, TrainingReport, TrainingSample } from './train-model.ts';

/**
 * Writes `model.onnx`, `model.json` and `report.txt` into `outDir`. Each file is written to a temporary
 * name and renamed, the manifest last, so a reader never pairs a new manifest with an old graph.
 */
export async function writeModel(
  outDir: string,
  model: TrainedModel,
  report?: TrainingReport,
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const put = async (name: string, data: string | Uint8Array) => {
    const target = path.join(outDir, name);
    await writeFile(`${target}.tmp`, data);
    await rename(`${target}.tmp`, target);
  };
  await put(model.manifest.modelFile, model.onnx);
  if (report) await put('report.txt', `${formatTrainingReport(report)}\n`);
  await put('model.json', `${JSON.stringify(model.manifest, null, 2)}\n`);
}

export interface PromotionOutcome {
  promoted: boolean;
  /** Where the new model was written. */
  directory: string;
  reason: string;
  candidate: EvaluationMetrics;
  /** The current model on the same validation data; null when there was no usable current model. */
  current: EvaluationMetrics | null;
}

/**
 * The promotion rule: the candidate replaces the model in `modelDir` only if, on the candidate's own
 * validation samples, its decision cost (misfiled invoices + 0.2 × sent to review, metrics.ts) is no higher
 * than the current model's. Otherwise it goes to `modelDir/candidates/<version>/` with its report. A missing
 * or unloadable current model is always replaced.
 */
export async function promoteIfBetter(
  trained: { model: TrainedModel; report: TrainingReport },
  modelDir: string,
  options: { logger?: Logger } = {},
): Promise<PromotionOutcome> {
  const logger = options.logger ?? silentLogger;
  const samples = trained.report.validationSamples;
  const candidate = trained.report.validation;
  const current = await evaluateCurrent(modelDir, samples, logger);
  const version = trained.model.manifest.modelVersion;
  if (current && decisionCost(candidate) > decisionCost(current.metrics)) {
    const directory = path.join(modelDir, 'candidates', version);
    await writeModel(directory, trained.model, trained.report);
    const reason = `el modelo ${current.version} es mejor en la misma validación (costo ${decisionCost(current.metrics).toFixed(1)} frente a ${decisionCost(candidate).toFixed(1)})`;
    logger.info('candidate kept aside', { version, directory });
    return { promoted: false, directory, reason, candidate, current: current.metrics };
  }
  await writeModel(modelDir, trained.model, trained.report);
  const reason = current
    ? `igual o mejor que ${current.version} en la misma validación (costo ${decisionCost(candidate).toFixed(1)} frente a ${decisionCost(current.metrics).toFixed(1)})`
    : 'no había un modelo vigente utilizable';
  logger.info('model promoted', { version, directory: modelDir });
  return { promoted: true, directory: modelDir, reason, candidate, current: current?.metrics ?? null };
}

async function evaluateCurrent(
  modelDir: string,
  samples: TrainingSample[],
  logger: Logger,
): Promise<{ version: string; metrics: EvaluationMetrics } | null> {
  let classifier: Awaited<ReturnType<typeof loadOnnxClassifier>>;
  try {
    classifier = await loadOnnxClassifier(modelDir, { logger: silentLogger });
  } catch (error) {
    logger.warn('current model not usable for comparison', { error: (error as Error).message });
    return null;
  }
  try {
    const decisions = await classifier.classify(samples.map((s) => s.text));
    // An abstained decision carries no class; it is counted as wrong in the arg-max accuracy column (a lower
    // bound). The promotion cost itself only uses accepted errors and abstentions.
    const predicted = decisions.map((d, i) => d.class ?? 1 - samples[i]!.label);
    const accepted = decisions.map((d) => d.class !== null);
    return {
      version: classifier.modelVersion,
      metrics: evaluate(
        samples.map((s) => s.label),
        predicted,
        accepted,
      ),
    };
  } finally {
    await classifier.close();
  }
}
