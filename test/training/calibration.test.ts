import { describe, expect, it } from 'vitest';
import { softmax } from '../../src/model/mlp.ts';
import { chooseThreshold, fitTemperature } from '../../src/training/calibration.ts';
import { createRandom } from '../../src/training/random.ts';

describe('temperature scaling', () => {
  it('recovers the temperature that generated the labels', () => {
    const random = createRandom(3);
    const logits: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const margin = (random() - 0.5) * 12;
      logits.push([0, margin]);
      // Labels drawn from softmax(logits / 2.5): the fitted temperature should be about 2.5.
      labels.push(random() < softmax([0, margin], 2.5)[1]! ? 1 : 0);
    }
    expect(fitTemperature(logits, labels)).toBeGreaterThan(2.1);
    expect(fitTemperature(logits, labels)).toBeLessThan(2.9);
  });
});

describe('abstention threshold', () => {
  it('accepts everything when every confident decision is right', () => {
    const confidences = Array.from({ length: 200 }, (_, i) => 0.995 + (i % 5) * 0.001);
    const choice = chooseThreshold(
      confidences,
      confidences.map(() => true),
    );
    expect(choice.abstentionRate).toBe(0);
    expect(choice.targetsMet).toBe(true);
  });

  it('abstains on the low-confidence errors and keeps accepted errors under 1%', () => {
    const confidences: number[] = [];
    const correct: boolean[] = [];
    for (let i = 0; i < 300; i++) {
      confidences.push(0.999);
      correct.push(true);
    }
    for (let i = 0; i < 6; i++) {
      confidences.push(0.6 + i * 0.01);
      correct.push(false);
    }
    const choice = chooseThreshold(confidences, correct);
    // 3 errors among 303 accepted is 0.99 %; a 4th would be 1.3 %: the threshold stops at 0.63.
    expect(choice.threshold).toBeCloseTo(0.63, 9);
    expect(choice.errorRate).toBeCloseTo(3 / 303, 9);
    expect(choice.abstentionRate).toBeCloseTo(3 / 306, 9);
    expect(choice.targetsMet).toBe(true);
  });

  it('keeps the error target and reports the miss when that abstains more than 3%', () => {
    const confidences: number[] = [];
    const correct: boolean[] = [];
    for (let i = 0; i < 100; i++) {
      confidences.push(0.999);
      correct.push(true);
    }
    for (let i = 0; i < 20; i++) {
      confidences.push(0.7);
      correct.push(i % 2 === 0);
    }
    const choice = chooseThreshold(confidences, correct);
    expect(choice.threshold).toBeGreaterThan(0.7);
    expect(choice.abstentionRate).toBeCloseTo(20 / 120, 6);
    expect(choice.targetsMet).toBe(false);
  });
});
