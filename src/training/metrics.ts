/** Classification metrics with abstention: a prediction of null means "sent to review". */
export interface ClassMetrics {
  precision: number;
  recall: number;
  support: number;
}

export interface EvaluationMetrics {
  samples: number;
  /** Accuracy of the arg-max class on every sample, abstention ignored. */
  accuracy: number;
  /** Accuracy among the samples not sent to review. */
  acceptedAccuracy: number;
  abstentionRate: number;
  /** Wrong and not abstained, over all samples. */
  errorRate: number;
  /** confusion[truth][predicted], arg-max predictions. */
  confusion: number[][];
  perClass: ClassMetrics[];
  abstained: number;
  acceptedErrors: number;
}

export function evaluate(
  truth: number[],
  predicted: number[],
  accepted: boolean[],
  classes = 2,
): EvaluationMetrics {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let correct = 0;
  let acceptedCount = 0;
  let acceptedCorrect = 0;
  truth.forEach((label, i) => {
    const guess = predicted[i]!;
    confusion[label]![guess]!++;
    if (guess === label) correct++;
    if (accepted[i]) {
      acceptedCount++;
      if (guess === label) acceptedCorrect++;
    }
  });
  const n = truth.length;
  const perClass = confusion.map((row, c) => {
    const support = row.reduce((a, b) => a + b, 0);
    const predictedAs = confusion.reduce((sum, r) => sum + r[c]!, 0);
    return { precision: ratio(row[c]!, predictedAs), recall: ratio(row[c]!, support), support };
  });
  return {
    samples: n,
    accuracy: ratio(correct, n),
    acceptedAccuracy: ratio(acceptedCorrect, acceptedCount),
    abstentionRate: ratio(n - acceptedCount, n),
    errorRate: ratio(acceptedCount - acceptedCorrect, n),
    confusion,
    perClass,
    abstained: n - acceptedCount,
    acceptedErrors: acceptedCount - acceptedCorrect,
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** What an outcome costs: a misfiled invoice costs as much as five trips to Revisión. */
export function decisionCost(metrics: EvaluationMetrics): number {
  return metrics.acceptedErrors + 0.2 * metrics.abstained;
}
