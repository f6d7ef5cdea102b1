import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ClassCode } from '../contract/result.ts';
import {
  DEFAULT_FEATURE_SETTINGS,
  type FeatureSettings,
  featureSettingsHash,
  fitIdf,
  hashedCounts,
  weightCounts,
} from '../model/features.ts';
import { LABEL_MAP, MANIFEST_FORMAT_VERSION, type ModelManifest } from '../model/manifest.ts';
import { forwardSparse, type MlpWeights, softmax } from '../model/mlp.ts';
import { buildOnnxModel } from '../model/onnx-export.ts';
import {
  type AbstentionTargets,
  chooseThreshold,
  DEFAULT_ABSTENTION_TARGETS,
  fitTemperature,
} from './calibration.ts';
import { type EvaluationMetrics, evaluate } from './metrics.ts';
import { DEFAULT_OPTIMISER_OPTIONS, type EpochLog, type OptimiserOptions, optimise } from './optimise.ts';
import { stratifiedSplit } from './split.ts';
import { topFeatures } from './top-features.ts';
import { nextModelVersion } from './version.ts';

export interface TrainingSample {
  text: string;
  label: ClassCode;
  /** Where the label came from, e.g. `corpus`, `folder`, `human`. */
  source: string;
}

export interface TrainOptions {
  seed?: number;
  validationShare?: number;
  features?: FeatureSettings;
  optimiser?: Partial<OptimiserOptions>;
  targets?: AbstentionTargets;
  /** Defaults to the next version after `previousVersion` for the current month (`2026.11.1`, `.2`, ...). */
  modelVersion?: string;
  previousVersion?: string | null;
  now?: Date;
}

export interface TrainedModel {
  manifest: ModelManifest;
  onnx: Uint8Array;
  weights: MlpWeights;
}

export interface TrainingReport {
  modelVersion: string;
  validation: EvaluationMetrics;
  threshold: number;
  temperature: number;
  targetsMet: boolean;
  samples: { total: number; train: number; validation: number; correctiva: number; preventiva: number };
  trainingMs: number;
  bestEpoch: number;
  history: EpochLog[];
  /** The validation samples themselves, so a candidate and the current model can be compared on them. */
  validationSamples: TrainingSample[];
}

/**
 * Trains the classifier: features once, stratified split, AdamW with early stopping, temperature scaling
 * and the abstention threshold on validation, then the ONNX graph and its manifest. Deterministic for a
 * seed and the same samples in the same order (only `createdAt` and `trainingMs` differ between runs).
 */
export function train(
  samples: TrainingSample[],
  options: TrainOptions = {},
): {
  model: TrainedModel;
  report: TrainingReport;
} {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_OPTIMISER_OPTIONS.seed;
  const settings = options.features ?? DEFAULT_FEATURE_SETTINGS;
  const targets = options.targets ?? DEFAULT_ABSTENTION_TARGETS;
  const perClass = [0, 0];
  for (const s of samples) perClass[s.label]!++;
  if (perClass[0]! < 2 || perClass[1]! < 2) {
    throw new Error(
      `hacen falta al menos 2 facturas de cada clase para entrenar (correctivas: ${perClass[0]}, preventivas: ${perClass[1]})`,
    );
  }

  const counts = samples.map((s) => hashedCounts(s.text, settings));
  const indexed = samples.map((s, i) => ({ label: s.label, index: i }));
  const split = stratifiedSplit(indexed, options.validationShare ?? 0.2, seed);
  const idf = fitIdf(
    split.train.map((s) => counts[s.index]!),
    settings.dimensions,
  );
  const vectors = counts.map((c) => weightCounts(c, idf));
  const toLabelled = (s: { label: number; index: number }) => ({ x: vectors[s.index]!, label: s.label });

  const optimiserOptions = { ...DEFAULT_OPTIMISER_OPTIONS, seed, ...options.optimiser };
  const trainSet = split.train.map(toLabelled);
  const validationSet = split.validation.map(toLabelled);
  const result = optimise(settings.dimensions, 2, trainSet, validationSet, optimiserOptions);
  const weights = result.weights;

  const validationLogits = validationSet.map((s) => forwardSparse(weights, s.x).logits);
  const validationLabels = validationSet.map((s) => s.label);
  const temperature = fitTemperature(validationLogits, validationLabels);
  const probabilities = validationLogits.map((l) => softmax(l, temperature));
  const predicted = probabilities.map((p) => (p[1]! > p[0]! ? 1 : 0));
  const confidences = probabilities.map((p) => Math.max(p[0]!, p[1]!));
  const choice = chooseThreshold(
    confidences,
    predicted.map((p, i) => p === validationLabels[i]),
    targets,
  );
  const accepted = confidences.map((c) => c >= choice.threshold);
  const validation = evaluate(validationLabels, predicted, accepted);

  const now = options.now ?? new Date();
  const modelVersion = options.modelVersion ?? nextModelVersion(options.previousVersion ?? null, now);
  const onnx = buildOnnxModel(weights, temperature, { modelVersion });
  const trainingMs = performance.now() - started;
  const sources: Record<string, number> = {};
  for (const s of samples) sources[s.source] = (sources[s.source] ?? 0) + 1;

  const manifest: ModelManifest = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    modelVersion,
    createdAt: now.toISOString(),
    modelFile: 'model.onnx',
    modelSha256: createHash('sha256').update(onnx).digest('hex'),
    features: { ...settings, settingsHash: featureSettingsHash(settings) },
    idf: Array.from(idf),
    architecture: { inputs: weights.inputs, hidden: weights.hidden, classes: weights.classes },
    labels: LABEL_MAP,
    temperature,
    thresholds: {
      abstain: choice.threshold,
      targetErrorRate: targets.maxErrorRate,
      targetAbstentionRate: targets.maxAbstentionRate,
      targetsMet: choice.targetsMet,
    },
    validation,
    training: {
      seed,
      setSha256: trainingSetHash(samples),
      samples: { total: samples.length, train: trainSet.length, validation: validationSet.length },
      perClass: { correctiva: perClass[0]!, preventiva: perClass[1]! },
      sources,
      bestEpoch: result.bestEpoch,
      epochs: result.history.length,
      trainingMs: Math.round(trainingMs),
    },
    topFeatures: topFeatures(
      weights,
      [0, 1]
        .flatMap((label) => split.train.filter((s) => s.label === label).slice(0, 150))
        .map((s) => ({
          text: samples[s.index]!.text,
          x: vectors[s.index]!,
          counts: counts[s.index]!,
          label: s.label,
        })),
      idf,
      settings,
    ),
  };
  const report: TrainingReport = {
    modelVersion,
    validation,
    threshold: choice.threshold,
    temperature,
    targetsMet: choice.targetsMet,
    samples: {
      total: samples.length,
      train: trainSet.length,
      validation: validationSet.length,
      correctiva: perClass[0]!,
      preventiva: perClass[1]!,
    },
    trainingMs,
    bestEpoch: result.bestEpoch,
    history: result.history,
    validationSamples: split.validation.map((s) => samples[s.index]!),
  };
  return { model: { manifest, onnx, weights }, report };
}

/** sha256 over the sorted `sha256(text):label` lines: the same set in any order gives the same hash. */
export function trainingSetHash(samples: TrainingSample[]): string {
  const lines = samples.map((s) => `${createHash('sha256').update(s.text).digest('hex')}:${s.label}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
