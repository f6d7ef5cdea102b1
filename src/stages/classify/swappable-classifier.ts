import type { Classifier } from '../../ports/classifier.ts';

export interface SwappableClassifier extends Classifier {
  /** Starts using `next` for new calls; the previous model is closed once its running calls finish. */
  swap(next: Classifier): Promise<void>;
}

/** Lets a retrained, promoted model replace the running one without restarting the service. */
export function createSwappableClassifier(initial: Classifier): SwappableClassifier {
  let current = initial;
  let running = new Map<Classifier, number>();
  const retired = new Set<Classifier>();

  const release = async (model: Classifier) => {
    const left = (running.get(model) ?? 1) - 1;
    running.set(model, left);
    if (left === 0 && retired.has(model)) {
      retired.delete(model);
      running.delete(model);
      await model.close();
    }
  };

  return {
    get modelVersion() {
      return current.modelVersion;
    },
    async classify(texts) {
      const model = current;
      running.set(model, (running.get(model) ?? 0) + 1);
      try {
        return await model.classify(texts);
      } finally {
        await release(model);
      }
    },
    async swap(next) {
      const previous = current;
      current = next;
      if ((running.get(previous) ?? 0) === 0) await previous.close();
      else retired.add(previous);
    },
    async close() {
      await current.close();
      running = new Map();
    },
  };
}
