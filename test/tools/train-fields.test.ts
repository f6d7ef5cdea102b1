import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/stages/extract/fields/features.ts';
import {
  fieldWeights,
  HEADER_FIELD_NAMES,
  type HeaderFieldName,
  parseFieldWeights,
} from '../../src/stages/extract/fields/learned-scorer.ts';
import { defaultReadOptions } from '../../src/stages/read/options.ts';
import { readPdf } from '../../src/stages/read/read-pdf.ts';
import { generateInvoice } from '../../tools/corpus/index.ts';
import { fitField, lossGradient } from '../../tools/train-fields/fit.ts';
import { documentInstances, type RankingInstance } from '../../tools/train-fields/instances.ts';
import { measureChance, measureLearned } from '../../tools/train-fields/measure.ts';

/**
 * The learned header-field scorer: weights.json matches this build's features, and the training tool's fit,
 * run on a few generated invoices read through the real read stage, ranks the right value first on other
 * generated invoices better than a random ranking does.
 */
async function instances(seeds: number[]): Promise<RankingInstance[]> {
  const out: RankingInstance[] = [];
  for (const seed of seeds) {
    const { pdf, truth } = await generateInvoice(seed, { scanned: false });
    if (!truth.invoice) throw new Error(`generated truth without an invoice (seed ${seed})`);
    const { document } = await readPdf(pdf, defaultReadOptions, null);
    out.push(...documentInstances(`s${seed}`, document, truth.invoice));
  }
  return out;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('learned header-field scorer', () => {
  it('loads weights.json with one weight per feature of features.ts', () => {
    const weights = fieldWeights();
    expect(weights.features).toEqual([...FEATURE_NAMES]);
    for (const field of HEADER_FIELD_NAMES)
      expect(weights.fields[field].weights).toHaveLength(FEATURE_NAMES.length);
    const renamed = { ...weights, features: [...weights.features].reverse() };
    expect(() => parseFieldWeights(renamed)).toThrow(/feature names/);
    const short = { ...weights, fields: { ...weights.fields, number: { weights: [1], none: 0 } } };
    expect(() => parseFieldWeights(short)).toThrow(/number/);
  });

  it('has the gradient of its loss', async () => {
    const data = (await instances(range(880_001, 6))).filter((i) => i.values.length > 0);
    const model = {
      weights: FEATURE_NAMES.map((_, k) => Math.sin(k + 1) / 2),
      none: -0.7,
    };
    const { gradient } = lossGradient(model, data, 0.05);
    for (const k of [0, 4, FEATURE_NAMES.length - 1, FEATURE_NAMES.length]) {
      const shifted = (h: number) => {
        const m = { weights: [...model.weights], none: model.none };
        if (k < FEATURE_NAMES.length) m.weights[k]! += h;
        else m.none += h;
        return lossGradient(m, data, 0.05).loss;
      };
      expect(gradient[k]!).toBeCloseTo((shifted(1e-5) - shifted(-1e-5)) / 2e-5, 4);
    }
  }, 60_000);

  it('trained on a few generated invoices, ranks the right value first on others better than chance', async () => {
    const train = await instances(range(880_101, 40));
    const test = await instances(range(880_501, 40));
    // Only values that compete: instances with two or more values, one of them right.
    const contested = (list: RankingInstance[], field: HeaderFieldName) =>
      list.filter((i) => i.field === field && i.values.length >= 2 && i.target < i.values.length);
    let learned = 0;
    let chance = 0;
    let count = 0;
    for (const field of HEADER_FIELD_NAMES) {
      const model = fitField(
        train.filter((i) => i.field === field),
        FEATURE_NAMES.length,
      );
      const held = contested(test, field);
      learned += measureLearned(model, held).correct;
      chance += measureChance(held).correct;
      count += held.length;
    }
    console.log(
      `contested held-out values: learned ${learned}/${count}, chance ${chance.toFixed(1)}/${count}`,
    );
    expect(count).toBeGreaterThanOrEqual(2);
    expect(learned).toBeGreaterThan(chance + 0.25 * count);
  }, 180_000);
});
