import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_SETTINGS } from '../../../src/model/features.ts';
import type { Classifier } from '../../../src/ports/classifier.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { loadOnnxClassifier, ModelLoadError } from '../../../src/stages/classify/onnx-classifier.ts';
import { writeModel } from '../../../src/training/model-files.ts';
import { train } from '../../../src/training/train-model.ts';
import { syntheticSamples } from '../../training/synthetic-texts.ts';

const features = { ...DEFAULT_FEATURE_SETTINGS, dimensions: 2 ** 12 };
let root: string;
let modelDir: string;
let classifier: Classifier;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'clasificador-'));
  modelDir = path.join(root, 'onnx');
  const { model, report } = train(syntheticSamples(300, 21), {
    seed: 3,
    features,
    optimiser: { hidden: 16, maxEpochs: 30, learningRate: 0.01 },
  });
  await writeModel(modelDir, model, report);
  classifier = await loadOnnxClassifier(modelDir, { logger: silentLogger, features });
});

afterAll(async () => {
  await classifier?.close();
  await rm(root, { recursive: true, force: true });
});

const preventive =
  'Factura FE-1 Mantenimiento preventivo programado telar, rutina de inspección periódica, plan anual';
const corrective = 'Factura FE-2 Reparación por falla del compresor, avería, cambio por daño, emergencia';

/** Copies the good model into a fresh folder, lets the test damage it, and tries to load it. */
async function loadDamaged(
  damage: (dir: string) => Promise<void>,
  options: { features?: typeof features } = {},
): Promise<unknown> {
  const dir = await mkdtemp(path.join(root, 'damaged-'));
  for (const name of ['model.json', 'model.onnx']) {
    await writeFile(path.join(dir, name), await readFile(path.join(modelDir, name)));
  }
  await damage(dir);
  return loadOnnxClassifier(dir, { logger: silentLogger, features: options.features ?? features }).then(
    async (c) => {
      await c.close();
      return null;
    },
    (error: unknown) => error,
  );
}

async function editManifest(dir: string, edit: (manifest: Record<string, unknown>) => void): Promise<void> {
  const file = path.join(dir, 'model.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  await writeFile(file, JSON.stringify(manifest));
}

describe('ONNX classifier', () => {
  it('classifies a batch in one call, with model version and calibrated confidence', async () => {
    const decisions = await classifier.classify([preventive, corrective]);
    expect(decisions.map((d) => [d.label, d.class])).toEqual([
      ['preventiva', 1],
      ['correctiva', 0],
    ]);
    for (const d of decisions) {
      expect(d.model).toBe(classifier.modelVersion);
      expect(d.confidence).toBeGreaterThan(0.5);
      expect(d.confidence).toBeLessThanOrEqual(1);
    }
    expect(await classifier.classify([])).toEqual([]);
  });

  it('explains decisions with the words that drove them', async () => {
    const [p, c] = await classifier.classify([preventive, corrective]);
    expect(p!.explanation.length).toBeGreaterThan(0);
    expect(p!.explanation.length).toBeLessThanOrEqual(5);
    const preventiveWords = p!.explanation.map((e) => e.feature);
    expect(
      preventiveWords.some((w) =>
        ['preventivo', 'rutina', 'programado', 'plan', 'anual', 'periodica'].includes(w),
      ),
    ).toBe(true);
    const correctiveWords = c!.explanation.map((e) => e.feature);
    expect(
      correctiveWords.some((w) => ['reparacion', 'falla', 'averia', 'dano', 'emergencia'].includes(w)),
    ).toBe(true);
    for (const d of [p!, c!]) {
      const weights = d.explanation.map((e) => e.weight);
      expect(weights.every((w) => w > 0)).toBe(true);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }
  });

  it('sends to revision below the threshold and when the text has no words', async () => {
    const texts = [
      'Factura servicio técnico visita ajuste repuesto',
      'Factura suministro mano de obra motor',
      preventive,
    ];
    const before = await classifier.classify(texts);
    const order = before.map((_, i) => i).sort((a, b) => before[a]!.confidence - before[b]!.confidence);
    const unsure = order[0]!;
    const sure = order[order.length - 1]!;
    expect(before[unsure]!.confidence).toBeLessThan(before[sure]!.confidence);
    // A threshold between the two: the less confident text goes to review, the other keeps its class.
    const threshold = (before[unsure]!.confidence + before[sure]!.confidence) / 2;
    const dir = await mkdtemp(path.join(root, 'strict-'));
    for (const name of ['model.json', 'model.onnx']) {
      await writeFile(path.join(dir, name), await readFile(path.join(modelDir, name)));
    }
    await editManifest(dir, (m) => {
      (m.thresholds as { abstain: number }).abstain = threshold;
    });
    const strict = await loadOnnxClassifier(dir, { logger: silentLogger, features });
    try {
      const after = await strict.classify(texts);
      expect(after[unsure]).toMatchObject({
        label: 'revision',
        class: null,
        confidence: before[unsure]!.confidence,
      });
      expect(after[unsure]!.explanation.length).toBeGreaterThan(0);
      expect(after[sure]).toMatchObject({ label: before[sure]!.label, class: before[sure]!.class });
    } finally {
      await strict.close();
    }
    const [empty] = await classifier.classify(['  \n\f  ']);
    expect(empty).toMatchObject({ label: 'revision', class: null, explanation: [] });
  });

  it('fails at load with a clear error when the model is missing', async () => {
    const error = await loadOnnxClassifier(path.join(root, 'nothing-here'), {
      logger: silentLogger,
      features,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).code).toBe('model_missing');
    expect((error as Error).message).toMatch(/model\.json.*facturas train/);
  });

  it('fails at load when the graph is corrupt or swapped', async () => {
    const flipped = await loadDamaged(async (dir) => {
      const bytes = await readFile(path.join(dir, 'model.onnx'));
      bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
      await writeFile(path.join(dir, 'model.onnx'), bytes);
    });
    expect((flipped as ModelLoadError).code).toBe('model_corrupt');
    expect((flipped as Error).message).toMatch(/sha256/);
    const truncated = await loadDamaged((dir) =>
      writeFile(path.join(dir, 'model.onnx'), Buffer.from('no soy onnx')),
    );
    expect((truncated as ModelLoadError).code).toBe('model_corrupt');
    const deleted = await loadDamaged((dir) => rm(path.join(dir, 'model.onnx')));
    expect((deleted as ModelLoadError).code).toBe('model_missing');
  });

  it('fails at load when the manifest is corrupt or does not match the code', async () => {
    const garbage = await loadDamaged((dir) => writeFile(path.join(dir, 'model.json'), '{ no es json'));
    expect((garbage as ModelLoadError).code).toBe('model_corrupt');
    const future = await loadDamaged((dir) => editManifest(dir, (m) => (m.formatVersion = 99)));
    expect((future as ModelLoadError).code).toBe('model_mismatch');
    expect((future as Error).message).toMatch(/formatVersion 99/);
    const labels = await loadDamaged((dir) =>
      editManifest(dir, (m) => (m.labels = { 0: 'preventiva', 1: 'correctiva' })),
    );
    expect((labels as ModelLoadError).code).toBe('model_corrupt');
    expect((labels as Error).message).toMatch(/labels/);
    const otherFeatures = await loadDamaged(async () => {}, {
      features: { ...features, charNgrams: [2, 4] },
    });
    expect((otherFeatures as ModelLoadError).code).toBe('model_mismatch');
    expect((otherFeatures as Error).message).toMatch(/otras características/);
    const tampered = await loadDamaged((dir) =>
      editManifest(dir, (m) => {
        (m.features as { dimensions: number }).dimensions = 2 ** 13;
      }),
    );
    expect((tampered as ModelLoadError).code).toBe('model_corrupt');
  });
});
