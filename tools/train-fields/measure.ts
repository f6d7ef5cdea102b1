import type { FieldModel } from '../../src/stages/extract/fields/learned-scorer.ts';
import { softmaxWithNone } from '../../src/stages/extract/fields/learned-scorer.ts';
import type { RankingInstance } from './instances.ts';

/**
 * How well a chooser picks: top-1 accuracy counts an instance right when the chosen value is the truth's, or
 * when nothing was proposed and the truth has no value (as `npm run eval` counts a field). Ties count as a
 * share (1/k for k tied values), so a model that scores everything alike is measured at chance.
 */
export interface ChoiceMeasure {
  instances: number;
  correct: number;
  accuracy: number;
}

export interface Calibration {
  /** Picks with confidence ≥ threshold, and how many of them are right. */
  sure: number;
  sureRight: number;
  /** Share of sure picks that are right. */
  precision: number;
  /** Of the picks that are wrong, how many were sure (the wrong values not flagged for review). */
  wrongUnflagged: number;
}

function pickedRight(instance: RankingInstance, picked: number[]): number {
  if (instance.values.length === 0) return instance.truth === null ? 1 : 0;
  return picked.includes(instance.target) ? 1 / picked.length : 0;
}

function tied(scores: number[]): number[] {
  const max = Math.max(...scores);
  return scores.flatMap((s, i) => (s >= max - 1e-12 ? [i] : []));
}

export function measureLearned(model: FieldModel, instances: RankingInstance[]): ChoiceMeasure {
  let correct = 0;
  for (const instance of instances) {
    const p = softmaxWithNone(model, instance.vectors).slice(0, instance.values.length);
    correct += pickedRight(instance, instance.values.length ? tied(p) : []);
  }
  return {
    instances: instances.length,
    correct,
    accuracy: instances.length ? correct / instances.length : 0,
  };
}

/** The hand-set chooser always picks the first value (groups come strongest first). */
export function measureHand(instances: RankingInstance[]): ChoiceMeasure {
  let correct = 0;
  for (const instance of instances) correct += pickedRight(instance, [0]);
  return {
    instances: instances.length,
    correct,
    accuracy: instances.length ? correct / instances.length : 0,
  };
}

/** A scorer that ranks at random, for the better-than-chance check: 1/k on each instance with k values. */
export function measureChance(instances: RankingInstance[]): ChoiceMeasure {
  let correct = 0;
  for (const instance of instances) {
    if (instance.values.length === 0) correct += instance.truth === null ? 1 : 0;
    else if (instance.target < instance.values.length) correct += 1 / instance.values.length;
  }
  return {
    instances: instances.length,
    correct,
    accuracy: instances.length ? correct / instances.length : 0,
  };
}

export function calibration(picks: { confidence: number; right: boolean }[], threshold: number): Calibration {
  const sure = picks.filter((p) => p.confidence >= threshold);
  const sureRight = sure.filter((p) => p.right).length;
  return {
    sure: sure.length,
    sureRight,
    precision: sure.length ? sureRight / sure.length : 1,
    wrongUnflagged: sure.length - sureRight,
  };
}

/** The learned chooser's picks with their probabilities (instances where some value was proposed). */
export function learnedPicks(model: FieldModel, instances: RankingInstance[]) {
  return instances
    .filter((i) => i.values.length > 0)
    .map((i) => {
      const p = softmaxWithNone(model, i.vectors);
      let best = 0;
      for (let j = 1; j < i.values.length; j++) if (p[j]! > p[best]!) best = j;
      return { confidence: p[best]!, right: best === i.target };
    });
}

export function handPicks(instances: RankingInstance[]) {
  return instances
    .filter((i) => i.values.length > 0)
    .map((i) => ({ confidence: i.handConfidence, right: i.target === 0 }));
}

/** Reliability table: for each confidence band, the picks in it and the share that is right. */
export function reliability(
  picks: { confidence: number; right: boolean }[],
  edges = [0, 0.5, 0.8, 0.95, 1.0001],
) {
  return edges.slice(0, -1).map((low, i) => {
    const high = edges[i + 1]!;
    const band = picks.filter((p) => p.confidence >= low && p.confidence < high);
    const right = band.filter((p) => p.right).length;
    return {
      low,
      high: Math.min(1, high),
      picks: band.length,
      right,
      share: band.length ? right / band.length : null,
    };
  });
}
