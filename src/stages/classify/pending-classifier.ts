import type { Classifier } from '../../ports/classifier.ts';

/** The version a pending classifier reports until its model has loaded. */
export const LOADING_MODEL_VERSION = 'loading';

/**
 * A classifier whose model is still loading (the service listens first): calls wait for the model, and its
 * version is the loaded model's once there is one. Closing it closes the model when it arrives.
 */
export function createPendingClassifier(loading: Promise<Classifier>): Classifier {
  let loaded: Classifier | null = null;
  // Observed here so that a failed load is not an unhandled rejection; callers see it when they classify.
  loading.then(
    (model) => {
      loaded = model;
    },
    () => {},
  );
  return {
    get modelVersion() {
      return loaded?.modelVersion ?? LOADING_MODEL_VERSION;
    },
    async classify(texts) {
      return (await loading).classify(texts);
    },
    async close() {
      const model = await loading.catch(() => null);
      await model?.close();
    },
  };
}
