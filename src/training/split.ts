import { createRandom, shuffle } from './random.ts';

/**
 * Stratified train/validation split: each class is shuffled with the seed and `validationShare` of it (at
 * least one sample when the class has two or more) goes to validation, so both sets keep the class balance.
 */
export function stratifiedSplit<T extends { label: number }>(
  samples: T[],
  validationShare: number,
  seed: number,
): { train: T[]; validation: T[] } {
  const random = createRandom(seed ^ 0x5a17);
  const byClass = new Map<number, T[]>();
  for (const sample of samples) {
    const group = byClass.get(sample.label) ?? [];
    group.push(sample);
    byClass.set(sample.label, group);
  }
  const train: T[] = [];
  const validation: T[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const group = shuffle([...byClass.get(label)!], random);
    const take = group.length < 2 ? 0 : Math.max(1, Math.round(group.length * validationShare));
    validation.push(...group.slice(0, take));
    train.push(...group.slice(take));
  }
  return { train, validation };
}
