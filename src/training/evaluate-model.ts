import { performance } from 'node:perf_hooks';
import type { Classifier } from '../ports/classifier.ts';
import { type EvaluationMetrics, evaluate } from './metrics.ts';
import type { TrainingSample } from './train-model.ts';

export interface GroupedSample extends TrainingSample {
  /** e.g. `digital` / `scanned`; metrics are also reported per group. */
  group?: string;
}

export interface ModelEvaluation {
  overall: EvaluationMetrics;
  byGroup: Record<string, EvaluationMetrics>;
  /** Wall time of classify() (features, inference, explanations) per document. */
  msPerDocument: number;
}

/**
 * Runs a loaded classifier over labelled texts in batches and scores it. An abstained decision counts as
 * not accepted; its arg-max class is unknown, so it counts as wrong in `accuracy` (a lower bound) —
 * `acceptedAccuracy` and `abstentionRate` are the numbers to read.
 */
export async function evaluateClassifier(
  classifier: Classifier,
  samples: GroupedSample[],
  batchSize = 32,
): Promise<ModelEvaluation> {
  const classes: (0 | 1 | null)[] = [];
  const started = performance.now();
  for (let i = 0; i < samples.length; i += batchSize) {
    const decisions = await classifier.classify(samples.slice(i, i + batchSize).map((s) => s.text));
    for (const d of decisions) classes.push(d.class);
  }
  const msPerDocument = samples.length === 0 ? 0 : (performance.now() - started) / samples.length;
  const score = (indices: number[]) =>
    evaluate(
      indices.map((i) => samples[i]!.label),
      indices.map((i) => classes[i] ?? 1 - samples[i]!.label),
      indices.map((i) => classes[i] !== null),
    );
  const groups = new Map<string, number[]>();
  samples.forEach((s, i) => {
    if (s.group === undefined) return;
    const list = groups.get(s.group) ?? [];
    list.push(i);
    groups.set(s.group, list);
  });
  return {
    overall: score(samples.map((_, i) => i)),
    byGroup: Object.fromEntries([...groups].map(([group, indices]) => [group, score(indices)])),
    msPerDocument,
  };
}
