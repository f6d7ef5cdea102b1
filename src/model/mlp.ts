import type { SparseVector } from './features.ts';

/**
 * A D→H→C perceptron with ReLU, stored row-major exactly as the ONNX graph uses it: `w1` is [D, H] (so a
 * MatMul of features [N, D] by w1 gives [N, H]) and `w2` is [H, C].
 */
export interface MlpWeights {
  inputs: number;
  hidden: number;
  classes: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

export interface ForwardResult {
  /** Pre-activation of the hidden layer, [H]. */
  hiddenInput: Float64Array;
  logits: Float64Array;
}

/** Plain TypeScript forward pass over a sparse input: the reference the ONNX graph is tested against. */
export function forwardSparse(weights: MlpWeights, x: SparseVector): ForwardResult {
  const { hidden: H, classes: C, w1, b1, w2, b2 } = weights;
  const hiddenInput = new Float64Array(H);
  for (let h = 0; h < H; h++) hiddenInput[h] = b1[h]!;
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k]! * H;
    const value = x.values[k]!;
    for (let h = 0; h < H; h++) hiddenInput[h]! += value * w1[row + h]!;
  }
  const logits = new Float64Array(C);
  for (let c = 0; c < C; c++) logits[c] = b2[c]!;
  for (let h = 0; h < H; h++) {
    const activation = Math.max(hiddenInput[h]!, 0);
    if (activation === 0) continue;
    for (let c = 0; c < C; c++) logits[c]! += activation * w2[h * C + c]!;
  }
  return { hiddenInput, logits };
}

/** Softmax of logits divided by a temperature. */
export function softmax(logits: ArrayLike<number>, temperature = 1): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < logits.length; c++) max = Math.max(max, logits[c]! / temperature);
  const exps: number[] = [];
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    const e = Math.exp(logits[c]! / temperature - max);
    exps.push(e);
    sum += e;
  }
  return exps.map((e) => e / sum);
}

/**
 * Gradient × input on the first layer for one sample: how much each present feature pushed the logit of
 * `towards` above the other classes' mean, given the hidden units this input activated. Exact for the
 * network's piecewise-linear region the input is in, and costs one pass over the input's non-zeros.
 */
export function contributions(
  weights: MlpWeights,
  x: SparseVector,
  hiddenInput: ArrayLike<number>,
  towards: number,
): Float64Array {
  const { hidden: H, classes: C, w1, w2 } = weights;
  const direction = new Float64Array(H);
  for (let h = 0; h < H; h++) {
    if (hiddenInput[h]! <= 0) continue;
    let others = 0;
    for (let c = 0; c < C; c++) if (c !== towards) others += w2[h * C + c]!;
    direction[h] = w2[h * C + towards]! - others / (C - 1);
  }
  const result = new Float64Array(x.indices.length);
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k]! * H;
    let dot = 0;
    for (let h = 0; h < H; h++) dot += w1[row + h]! * direction[h]!;
    result[k] = x.values[k]! * dot;
  }
  return result;
}
