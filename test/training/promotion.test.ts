import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_SETTINGS } from '../../src/model/features.ts';
import { promoteIfBetter } from '../../src/training/model-files.ts';
import { train } from '../../src/training/train-model.ts';
import { syntheticSamples } from './synthetic-texts.ts';

// Promotion loads the current model with the code's default feature settings, so these models use them.
const optimiser = { hidden: 8, maxEpochs: 15, learningRate: 0.01 };
const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

describe('promotion rule', () => {
  it('installs the first model, keeps a worse one aside with its report, promotes an equal one', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'promocion-'));
    roots.push(root);
    const samples = syntheticSamples(240, 31);
    const good = train(samples, { seed: 1, optimiser, features: DEFAULT_FEATURE_SETTINGS });
    const first = await promoteIfBetter(good, root);
    expect(first.promoted).toBe(true);
    expect(first.current).toBeNull();

    // Same texts and split, but one tiny epoch: an underfit model that errs or abstains where the current
    // one is right.
    const worse = train(samples, {
      seed: 1,
      optimiser: { hidden: 2, maxEpochs: 1, learningRate: 0.0001 },
      previousVersion: good.model.manifest.modelVersion,
    });
    expect(worse.report.validation.abstained + worse.report.validation.acceptedErrors).toBeGreaterThan(0);
    const second = await promoteIfBetter(worse, root);
    expect(second.promoted).toBe(false);
    expect(second.directory).toBe(path.join(root, 'candidates', worse.model.manifest.modelVersion));
    expect((await readdir(second.directory)).sort()).toEqual(['model.json', 'model.onnx', 'report.txt']);
    const installed = JSON.parse(await readFile(path.join(root, 'model.json'), 'utf8')) as {
      modelVersion: string;
    };
    expect(installed.modelVersion).toBe(good.model.manifest.modelVersion);

    const retrained = train(samples, { seed: 1, optimiser, previousVersion: installed.modelVersion });
    const third = await promoteIfBetter(retrained, root);
    expect(third.promoted).toBe(true);
    expect(third.current).not.toBeNull();
    const now = JSON.parse(await readFile(path.join(root, 'model.json'), 'utf8')) as { modelVersion: string };
    expect(now.modelVersion).toBe(retrained.model.manifest.modelVersion);
    expect(now.modelVersion).not.toBe(installed.modelVersion);
  });
});
