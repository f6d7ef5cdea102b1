import type { SparseVector } from '../model/features.ts';
import type { MlpWeights } from '../model/mlp.ts';
import { createRandom, gaussian, shuffle } from './random.ts';

export interface OptimiserOptions {
  hidden: number;
  seed: number;
  learningRate: number;
  /** Decoupled (AdamW) weight decay per step, relative to the learning rate. */
  weightDecay: number;
  batchSize: number;
  maxEpochs: number;
  /** Epochs without a better validation loss before stopping. */
  patience: number;
  /**
   * A validation loss counts as better only when it is this much lower (relative): once the training set
   * is separated, the loss keeps creeping down as weights grow, which buys nothing that temperature
   * scaling does not.
   */
  minRelativeImprovement: number;
  /**
   * Share of a training text's features hidden at each step (inverted dropout on the input). Keeps the
   * network from leaning on a few strings, such as a supplier's name that happened to come with one class.
   */
  inputDropout: number;
}

export const DEFAULT_OPTIMISER_OPTIONS: OptimiserOptions = {
  hidden: 32,
  seed: 1001,
  learningRate: 0.01,
  weightDecay: 0.0001,
  batchSize: 32,
  maxEpochs: 30,
  patience: 4,
  minRelativeImprovement: 0.01,
  inputDropout: 0.2,
};

export interface LabelledVector {
  x: SparseVector;
  label: number;
}

export interface EpochLog {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
}

export interface OptimiseResult {
  weights: MlpWeights;
  bestEpoch: number;
  history: EpochLog[];
}

/** Parameters in float64 while training; rounded to float32 once at the end. */
interface Parameters {
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: Float64Array;
}

/**
 * Mini-batch AdamW with early stopping on validation loss. The first layer is sparse-aware: forward and
 * backward touch only the rows of the batch's non-zero features; the Adam update itself is dense so that
 * the result is exactly standard AdamW. Every draw comes from one seeded PRNG, so a seed fixes the weights.
 */
export function optimise(
  inputs: number,
  classes: number,
  train: LabelledVector[],
  validation: LabelledVector[],
  options: OptimiserOptions,
): OptimiseResult {
  const random = createRandom(options.seed);
  const H = options.hidden;
  const params = initialise(inputs, H, classes, random);
  const moments = zerosLike(params);
  const squares = zerosLike(params);
  const gradients = zerosLike(params);
  const order = train.map((_, i) => i);
  const history: EpochLog[] = [];
  let best = { loss: Number.POSITIVE_INFINITY, epoch: 0, params: cloneParameters(params) };
  let step = 0;
  const hiddenInput = new Float64Array(H);
  const logits = new Float64Array(classes);
  const hiddenGradient = new Float64Array(H);

  for (let epoch = 1; epoch <= options.maxEpochs; epoch++) {
    shuffle(order, random);
    let trainLoss = 0;
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      const scale = 1 / batch.length;
      for (const index of batch) {
        const sample = train[index]!;
        const x = options.inputDropout > 0 ? dropFeatures(sample.x, options.inputDropout, random) : sample.x;
        forward(params, H, classes, x, hiddenInput, logits);
        trainLoss += softmaxCrossEntropyInPlace(logits, sample.label);
        // logits now hold dLoss/dlogits for this sample.
        for (let c = 0; c < classes; c++) gradients.b2[c]! += logits[c]! * scale;
        for (let h = 0; h < H; h++) {
          const activation = Math.max(hiddenInput[h]!, 0);
          let back = 0;
          for (let c = 0; c < classes; c++) {
            gradients.w2[h * classes + c]! += activation * logits[c]! * scale;
            back += params.w2[h * classes + c]! * logits[c]!;
          }
          hiddenGradient[h] = activation > 0 ? back * scale : 0;
          gradients.b1[h]! += hiddenGradient[h]!;
        }
        const { indices, values } = x;
        for (let k = 0; k < indices.length; k++) {
          const row = indices[k]! * H;
          const value = values[k]!;
          for (let h = 0; h < H; h++) gradients.w1[row + h]! += value * hiddenGradient[h]!;
        }
      }
      step++;
      adamStep(params, gradients, moments, squares, step, options);
    }
    const validationLoss = meanLoss(params, H, classes, validation);
    history.push({ epoch, trainLoss: trainLoss / train.length, validationLoss });
    if (validationLoss < best.loss * (1 - options.minRelativeImprovement))
      best = { loss: validationLoss, epoch, params: cloneParameters(params) };
    else if (epoch - best.epoch >= options.patience) break;
  }
  return { weights: toWeights(best.params, inputs, H, classes), bestEpoch: best.epoch, history };
}

function dropFeatures(x: SparseVector, rate: number, random: () => number): SparseVector {
  const keep = 1 / (1 - rate);
  const indices: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < x.indices.length; k++) {
    if (random() < rate) continue;
    indices.push(x.indices[k]!);
    values.push(x.values[k]! * keep);
  }
  return { indices: Uint32Array.from(indices), values: Float32Array.from(values) };
}

function initialise(inputs: number, H: number, classes: number, random: () => number): Parameters {
  // Inputs are L2-normalised, so unit-variance first-layer weights give unit-variance hidden inputs.
  const w1 = new Float64Array(inputs * H);
  for (let i = 0; i < w1.length; i++) w1[i] = gaussian(random);
  const w2 = new Float64Array(H * classes);
  const scale = Math.sqrt(1 / H);
  for (let i = 0; i < w2.length; i++) w2[i] = gaussian(random) * scale;
  return { w1, b1: new Float64Array(H), w2, b2: new Float64Array(classes) };
}

function forward(
  params: Parameters,
  H: number,
  classes: number,
  x: SparseVector,
  hiddenInput: Float64Array,
  logits: Float64Array,
): void {
  hiddenInput.set(params.b1);
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k]! * H;
    const value = x.values[k]!;
    for (let h = 0; h < H; h++) hiddenInput[h]! += value * params.w1[row + h]!;
  }
  logits.set(params.b2);
  for (let h = 0; h < H; h++) {
    const activation = hiddenInput[h]!;
    if (activation <= 0) continue;
    for (let c = 0; c < classes; c++) logits[c]! += activation * params.w2[h * classes + c]!;
  }
}

/** Returns the loss and overwrites `logits` with softmax − one-hot (the gradient). */
function softmaxCrossEntropyInPlace(logits: Float64Array, label: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of logits) max = Math.max(max, value);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    logits[c] = Math.exp(logits[c]! - max);
    sum += logits[c]!;
  }
  const loss = -Math.log(Math.max(logits[label]! / sum, 1e-15));
  for (let c = 0; c < logits.length; c++) logits[c] = logits[c]! / sum - (c === label ? 1 : 0);
  return loss;
}

function meanLoss(params: Parameters, H: number, classes: number, samples: LabelledVector[]): number {
  if (samples.length === 0) return 0;
  const hiddenInput = new Float64Array(H);
  const logits = new Float64Array(classes);
  let total = 0;
  for (const sample of samples) {
    forward(params, H, classes, sample.x, hiddenInput, logits);
    total += softmaxCrossEntropyInPlace(logits, sample.label);
  }
  return total / samples.length;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

function adamStep(
  params: Parameters,
  gradients: Parameters,
  moments: Parameters,
  squares: Parameters,
  step: number,
  options: OptimiserOptions,
): void {
  const correction1 = 1 - BETA1 ** step;
  const correction2 = 1 - BETA2 ** step;
  const rate = options.learningRate;
  const decay = 1 - rate * options.weightDecay;
  for (const key of ['w1', 'b1', 'w2', 'b2'] as const) {
    const p = params[key];
    const g = gradients[key];
    const m = moments[key];
    const v = squares[key];
    const decays = key === 'w1' || key === 'w2';
    for (let i = 0; i < p.length; i++) {
      const gi = g[i]!;
      const mi = BETA1 * m[i]! + (1 - BETA1) * gi;
      const vi = BETA2 * v[i]! + (1 - BETA2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      g[i] = 0;
      const updated = p[i]! - (rate * (mi / correction1)) / (Math.sqrt(vi / correction2) + EPSILON);
      p[i] = decays ? updated * decay : updated;
    }
  }
}

function zerosLike(params: Parameters): Parameters {
  return {
    w1: new Float64Array(params.w1.length),
    b1: new Float64Array(params.b1.length),
    w2: new Float64Array(params.w2.length),
    b2: new Float64Array(params.b2.length),
  };
}

function cloneParameters(params: Parameters): Parameters {
  return { w1: params.w1.slice(), b1: params.b1.slice(), w2: params.w2.slice(), b2: params.b2.slice() };
}

function toWeights(params: Parameters, inputs: number, hidden: number, classes: number): MlpWeights {
  return {
    inputs,
    hidden,
    classes,
    w1: Float32Array.from(params.w1),
    b1: Float32Array.from(params.b1),
    w2: Float32Array.from(params.w2),
    b2: Float32Array.from(params.b2),
  };
}
