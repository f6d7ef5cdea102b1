import { softmax } from '../model/mlp.ts';

/**
 * Temperature scaling (Guo et al. 2017): the single T > 0 minimising validation cross-entropy of
 * softmax(logits / T). A validation set without errors would drive T towards 0 (certainty), which says more
 * about its size than about the model, so the targets are smoothed: the true class gets 1 − ε and the other
 * ε = 1 / (n + 2), the Laplace estimate of the error rate after n validation invoices without a mistake.
 * Golden-section search on ln T within [0.05, 20].
 */
export function fitTemperature(logits: ArrayLike<number>[], labels: number[]): number {
  if (logits.length === 0) return 1;
  const epsilon = 1 / (logits.length + 2);
  const loss = (logT: number) => {
    const t = Math.exp(logT);
    let total = 0;
    logits.forEach((row, i) => {
      const p = softmax(row, t);
      const label = labels[i]!;
      for (let c = 0; c < p.length; c++) {
        const target = c === label ? 1 - epsilon : epsilon / (p.length - 1);
        total -= target * Math.log(Math.max(p[c]!, 1e-15));
      }
    });
    return total / logits.length;
  };
  let low = Math.log(0.05);
  let high = Math.log(20);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let fa = loss(a);
  let fb = loss(b);
  for (let i = 0; i < 60; i++) {
    if (fa <= fb) {
      high = b;
      b = a;
      fb = fa;
      a = high - ratio * (high - low);
      fa = loss(a);
    } else {
      low = a;
      a = b;
      fa = fb;
      b = low + ratio * (high - low);
      fb = loss(b);
    }
  }
  return Math.exp((low + high) / 2);
}

export interface AbstentionTargets {
  /** Highest acceptable error rate among the documents the model does not abstain on. */
  maxErrorRate: number;
  /** Highest acceptable share of documents sent to review. */
  maxAbstentionRate: number;
}

export const DEFAULT_ABSTENTION_TARGETS: AbstentionTargets = { maxErrorRate: 0.01, maxAbstentionRate: 0.03 };

export interface ThresholdChoice {
  threshold: number;
  errorRate: number;
  abstentionRate: number;
  targetsMet: boolean;
}

/**
 * The abstention rule. Candidates are 0.5 and every validation confidence; the chosen threshold is the
 * lowest candidate at which, among the documents accepted (confidence ≥ threshold), BOTH the observed error
 * rate AND the calibrated expected error rate (mean of 1 − confidence) are at most `maxErrorRate`. Both,
 * because a small validation set can show zero errors by luck; calibration says how many to expect.
 *
 * When that threshold abstains on more than `maxAbstentionRate`, the error target wins (a misfiled invoice
 * costs more than a look in Revisión): the threshold is kept, and `targetsMet` is false so the training
 * report warns and the promotion rule can weigh it.
 */
export function chooseThreshold(
  confidences: number[],
  correct: boolean[],
  targets: AbstentionTargets = DEFAULT_ABSTENTION_TARGETS,
): ThresholdChoice {
  const n = confidences.length;
  if (n === 0) return { threshold: 0.5, errorRate: 0, abstentionRate: 0, targetsMet: false };
  const order = confidences.map((_, i) => i).sort((i, j) => confidences[j]! - confidences[i]!);
  // Walk from the most confident down, tracking what accepting everything above each point costs.
  let accepted = 0;
  let errors = 0;
  let expectedErrors = 0;
  let choice: ThresholdChoice = { threshold: 1, errorRate: 0, abstentionRate: 1, targetsMet: false };
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    accepted++;
    if (!correct[i]) errors++;
    expectedErrors += 1 - confidences[i]!;
    const next = order[k + 1];
    // Only a point where the confidence changes is a threshold that can be applied.
    if (next !== undefined && confidences[next] === confidences[i]) continue;
    const errorRate = errors / accepted;
    if (errorRate <= targets.maxErrorRate && expectedErrors / accepted <= targets.maxErrorRate) {
      const abstentionRate = (n - accepted) / n;
      choice = { threshold: Math.max(0.5, confidences[i]!), errorRate, abstentionRate, targetsMet: false };
    }
  }
  choice.targetsMet = choice.abstentionRate <= targets.maxAbstentionRate;
  return choice;
}
