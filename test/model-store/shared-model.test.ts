import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { createModelStore } from '../../src/composition-root.ts';
import { loadEnv } from '../../src/config/env.ts';
import { DEFAULT_FEATURE_SETTINGS } from '../../src/model/features.ts';
import { currentModelVersion } from '../../src/model-store/pointer.ts';
import { publishModel } from '../../src/model-store/publish.ts';
import { rollbackModel } from '../../src/model-store/rollback.ts';
import { createModelSync } from '../../src/model-store/sync.ts';
import type { ModelStore } from '../../src/ports/model-store.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { loadOnnxClassifier } from '../../src/stages/classify/onnx-classifier.ts';
import { createSwappableClassifier } from '../../src/stages/classify/swappable-classifier.ts';
import { promoteIfBetter, writeModel } from '../../src/training/model-files.ts';
import { train } from '../../src/training/train-model.ts';
import { createFakeDrive } from '../fakes/drive/server.ts';
import { syntheticSamples } from '../training/synthetic-texts.ts';

const optimiser = { hidden: 8, maxEpochs: 15, learningRate: 0.01 };
const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

const load = (dir: string) => loadOnnxClassifier(dir, { logger: silentLogger });

/** One service instance: its own model folder (the image's bundled model), classifier, state handle and sync. */
async function startInstance(name: string, root: string, bundled: string, store: ModelStore) {
  const modelDir = path.join(root, name, 'onnx');
  await cp(bundled, modelDir, { recursive: true });
  const state = createSqliteStateStore({ path: path.join(root, 'state.sqlite') });
  const classifier = createSwappableClassifier(await load(modelDir));
  const sync = createModelSync({
    store,
    state,
    classifier,
    load,
    cacheDir: path.join(root, name, 'cache'),
    bundledModelDir: modelDir,
    logger: silentLogger,
  });
  return { name, modelDir, state, classifier, sync, store };
}

const stores: [string, (root: string) => Promise<{ a: ModelStore; b: ModelStore; stop(): Promise<void> }>][] =
  [
    [
      'local folder',
      async (root) => {
        const env = loadEnv({ MODEL_STORE: 'local', MODEL_STORE_DIR: path.join(root, 'modelos') });
        return {
          a: await createModelStore(env, silentLogger),
          b: await createModelStore(env, silentLogger),
          stop: async () => {},
        };
      },
    ],
    [
      'Drive (fake Drive v3 server)',
      async () => {
        const fake = createFakeDrive();
        const { url, stop } = await fake.start();
        const rootFolder = fake.createFolder('Facturas');
        const env = loadEnv({
          MODEL_STORE: 'drive',
          DRIVE_ROOT_FOLDER_ID: rootFolder.id,
          DRIVE_API_ROOT: url,
        });
        return {
          a: await createModelStore(env, silentLogger),
          b: await createModelStore(env, silentLogger),
          stop: async () => {
            const folders = fake.files().filter((f) => f.name === 'Modelos');
            // Every instance converged on one 'Modelos' folder under the root, holding graph + manifest per version.
            expect(folders.map((f) => f.parents)).toEqual([[rootFolder.id]]);
            const names = fake
              .files()
              .filter((f) => f.parents?.includes(folders[0]!.id))
              .map((f) => f.name)
              .sort();
            expect(names.length).toBe(4);
            expect(names.every((n) => /\.model\.(onnx|json)$/.test(n))).toBe(true);
            await stop();
          },
        };
      },
    ],
  ];

describe.each(stores)('the promoted model reaches every instance (%s model store)', (_label, openStores) => {
  it('training on one instance swaps the other after its check; a rollback swaps both back', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'modelos-compartidos-'));
    roots.push(root);
    const samples = syntheticSamples(240, 31);
    const first = train(samples, { seed: 1, optimiser, features: DEFAULT_FEATURE_SETTINGS });
    const bundled = path.join(root, 'bundled');
    await writeModel(bundled, first.model);
    const v1 = first.model.manifest.modelVersion;

    const shared = await openStores(root);
    const a = await startInstance('a', root, bundled, shared.a);
    const b = await startInstance('b', root, bundled, shared.b);
    try {
      // At start: the first instance publishes the bundled model, the second finds it current.
      expect(await a.sync.check()).toEqual({ status: 'published', version: v1 });
      expect(await b.sync.check()).toEqual({ status: 'current', version: v1 });

      // Instance a trains and promotes (as POST /tasks/train does), then publishes and checks.
      const retrained = train(samples, { seed: 2, optimiser, previousVersion: v1 });
      const v2 = retrained.model.manifest.modelVersion;
      expect(v2).not.toBe(v1);
      expect((await promoteIfBetter(retrained, a.modelDir)).promoted).toBe(true);
      await publishModel({ store: a.store, state: a.state, modelDir: a.modelDir });
      expect(await a.sync.check()).toEqual({ status: 'swapped', from: v1, to: v2 });
      expect(a.classifier.modelVersion).toBe(v2);
      // b still runs v1 until its own check (hourly task or start), which swaps it without a restart.
      expect(b.classifier.modelVersion).toBe(v1);
      expect(await b.sync.check()).toEqual({ status: 'swapped', from: v1, to: v2 });
      expect(b.classifier.modelVersion).toBe(v2);
      const decisions = await b.classifier.classify(samples.slice(0, 4).map((s) => s.text));
      expect(decisions).toHaveLength(4);
      expect(await b.sync.check()).toEqual({ status: 'current', version: v2 });
      expect((await readdir(path.join(root, 'b', 'cache'))).sort()).toEqual([v2]);

      // Rollback (facturas model rollback): the pointer goes back to v1, both instances swap back.
      expect(await rollbackModel({ store: a.store, state: a.state })).toEqual({ ok: true, from: v2, to: v1 });
      expect(await currentModelVersion(b.state)).toBe(v1);
      expect(await a.sync.check()).toEqual({ status: 'swapped', from: v2, to: v1 });
      expect(await b.sync.check()).toEqual({ status: 'swapped', from: v2, to: v1 });
      expect([a.classifier.modelVersion, b.classifier.modelVersion]).toEqual([v1, v1]);

      // Nothing before v1; an unknown version is refused and moves nothing; forward again by name works.
      expect(await rollbackModel({ store: a.store, state: a.state })).toMatchObject({
        ok: false,
        reason: 'no_previous',
      });
      expect(await rollbackModel({ store: a.store, state: a.state }, '1999.1.1')).toMatchObject({
        ok: false,
        reason: 'not_stored',
      });
      expect(await rollbackModel({ store: a.store, state: a.state }, v2)).toEqual({
        ok: true,
        from: v1,
        to: v2,
      });
      expect(await b.sync.check()).toEqual({ status: 'swapped', from: v1, to: v2 });
      expect((await shared.a.list()).sort()).toEqual([v1, v2].sort());
    } finally {
      for (const instance of [a, b]) {
        await instance.classifier.close();
        await instance.state.close();
      }
      await shared.stop();
    }
  }, 120_000);
});
