import type { Classifier, ClassifierDecision } from '../../ports/classifier.ts';

interface Pending {
  text: string;
  resolve: (decision: ClassifierDecision) => void;
  reject: (error: unknown) => void;
}

/**
 * Wraps a classifier so that single-text calls made in the same event-loop turn (files processed
 * concurrently) go to the model as one batch. A call with many texts keeps its own batch.
 */
export function createBatchingClassifier(inner: Classifier, options: { maxBatch: number }): Classifier {
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.slice(0, options.maxBatch);
      queue = queue.slice(options.maxBatch);
      inner.classify(batch.map((p) => p.text)).then(
        (decisions) => {
          batch.forEach((p, i) => {
            const decision = decisions[i];
            if (decision) p.resolve(decision);
            else p.reject(new Error('el clasificador devolvió menos decisiones que textos'));
          });
        },
        (error: unknown) => {
          for (const p of batch) p.reject(error);
        },
      );
    }
  };

  return {
    get modelVersion() {
      return inner.modelVersion;
    },
    classify(texts) {
      if (texts.length !== 1) return inner.classify(texts);
      return new Promise<ClassifierDecision>((resolve, reject) => {
        queue.push({ text: texts[0]!, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }).then((decision) => [decision]);
    },
    close: () => inner.close(),
  };
}
