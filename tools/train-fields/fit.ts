import type { FieldModel } from '../../src/stages/extract/fields/learned-scorer.ts';
import { softmaxWithNone } from '../../src/stages/extract/fields/learned-scorer.ts';
import type { RankingInstance } from './instances.ts';

/**
 * Listwise softmax regression: for each instance the values' scores w·x and the "none" score b go through a
 * softmax, and the loss is −log p(right option) averaged over instances plus λ/2·‖w‖² (b is not
 * regularised). Full-batch Adam from w = 0, b = 0; the problem is convex, so the start does not matter.
 */
export interface FitOptions {
  l2: number;
  iterations: number;
  learningRate: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 0.01, iterations: 600, learningRate: 0.05 };

export function fitField(
  instances: RankingInstance[],
  dimensions: number,
  options = DEFAULT_FIT,
): FieldModel {
  const model: FieldModel = { weights: new Array(dimensions).fill(0), none: 0 };
  const m = new Array(dimensions + 1).fill(0);
  const v = new Array(dimensions + 1).fill(0);
  const useful = instances.filter((i) => i.values.length > 0);
  if (useful.length === 0) return model;
  for (let t = 1; t <= options.iterations; t++) {
    const grad = lossGradient(model, useful, options.l2).gradient;
    for (let k = 0; k <= dimensions; k++) {
      const g = grad[k]!;
      m[k] = 0.9 * m[k] + 0.1 * g;
      v[k] = 0.999 * v[k] + 0.001 * g * g;
      const step =
        (options.learningRate * (m[k] / (1 - 0.9 ** t))) / (Math.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8);
      if (k < dimensions) model.weights[k]! -= step;
      else model.none -= step;
    }
  }
  return model;
}

/** Mean negative log-likelihood plus the L2 term, and its gradient ([...weights, none]). */
export function lossGradient(
  model: FieldModel,
  instances: RankingInstance[],
  l2: number,
): { loss: number; gradient: number[] } {
  const d = model.weights.length;
  const gradient = new Array(d + 1).fill(0);
  let loss = 0;
  for (const instance of instances) {
    const p = softmaxWithNone(model, instance.vectors);
    loss -= Math.log(Math.max(1e-12, p[instance.target]!));
    // d(−log p_target)/d score_j = p_j − [j = target].
    for (let j = 0; j < instance.vectors.length; j++) {
      const coefficient = p[j]! - (j === instance.target ? 1 : 0);
      const x = instance.vectors[j]!;
      for (let k = 0; k < d; k++) gradient[k] += coefficient * x[k]!;
    }
    gradient[d] += p[instance.vectors.length]! - (instance.target === instance.vectors.length ? 1 : 0);
  }
  const n = instances.length;
  for (let k = 0; k <= d; k++) gradient[k] /= n;
  for (let k = 0; k < d; k++) {
    gradient[k] += l2 * model.weights[k]!;
    loss += (n * l2 * model.weights[k]! ** 2) / 2;
  }
  return { loss: loss / n, gradient };
}
