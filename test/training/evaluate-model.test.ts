import { describe, expect, it } from 'vitest';
import type { Classifier } from '../../src/ports/classifier.ts';
import { evaluateClassifier } from '../../src/training/evaluate-model.ts';

/** Answers from the text itself: 'p' → preventiva, 'c' → correctiva, '?' → revision. */
const scripted: Classifier = {
  modelVersion: 't',
  async classify(texts) {
    return texts.map((t) => {
      const c = t === 'p' ? 1 : t === 'c' ? 0 : null;
      return {
        label: c === 1 ? 'preventiva' : c === 0 ? 'correctiva' : 'revision',
        class: c,
        confidence: 0.9,
        model: 't',
        explanation: [],
      };
    });
  },
  async close() {},
};

describe('evaluateClassifier', () => {
  it('scores accepted decisions, abstentions and groups separately', async () => {
    const result = await evaluateClassifier(
      scripted,
      [
        { text: 'p', label: 1, source: 's', group: 'digital' },
        { text: 'c', label: 0, source: 's', group: 'digital' },
        { text: 'p', label: 0, source: 's', group: 'scanned' },
        { text: '?', label: 1, source: 's', group: 'scanned' },
      ],
      3,
    );
    expect(result.overall).toMatchObject({
      samples: 4,
      abstained: 1,
      acceptedErrors: 1,
      abstentionRate: 0.25,
    });
    expect(result.overall.acceptedAccuracy).toBeCloseTo(2 / 3, 9);
    expect(result.byGroup.digital).toMatchObject({ samples: 2, accuracy: 1, abstained: 0 });
    expect(result.byGroup.scanned).toMatchObject({
      samples: 2,
      accuracy: 0,
      abstained: 1,
      acceptedErrors: 1,
    });
    expect(result.msPerDocument).toBeGreaterThanOrEqual(0);
  });
});
