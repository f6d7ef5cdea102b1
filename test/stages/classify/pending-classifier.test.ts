import { describe, expect, it } from 'vitest';
import type { Classifier } from '../../../src/ports/classifier.ts';
import {
  createPendingClassifier,
  LOADING_MODEL_VERSION,
} from '../../../src/stages/classify/pending-classifier.ts';

function model(version: string, closed: string[]): Classifier {
  return {
    modelVersion: version,
    async classify(texts) {
      return texts.map(() => ({
        label: 'correctiva' as const,
        class: 0 as const,
        confidence: 0.9,
        model: version,
        explanation: [],
      }));
    },
    async close() {
      closed.push(version);
    },
  };
}

describe('createPendingClassifier', () => {
  it('reports it is loading, waits for the model, then is that model', async () => {
    const closed: string[] = [];
    let loaded: (model: Classifier) => void = () => {};
    const pending = createPendingClassifier(
      new Promise<Classifier>((resolve) => {
        loaded = resolve;
      }),
    );
    expect(pending.modelVersion).toBe(LOADING_MODEL_VERSION);
    const decisions = pending.classify(['factura']);
    loaded(model('2026.1', closed));
    expect((await decisions).map((d) => d.model)).toEqual(['2026.1']);
    expect(pending.modelVersion).toBe('2026.1');
    await pending.close();
    expect(closed).toEqual(['2026.1']);
  });

  it('fails calls when the model cannot load, and closes quietly', async () => {
    const pending = createPendingClassifier(Promise.reject(new Error('model_missing')));
    await expect(pending.classify(['factura'])).rejects.toThrow('model_missing');
    await expect(pending.close()).resolves.toBeUndefined();
    expect(pending.modelVersion).toBe(LOADING_MODEL_VERSION);
  });
});
