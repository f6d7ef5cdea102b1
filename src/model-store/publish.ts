import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { manifestSchema } from '../model/manifest.ts';
import type { ModelFiles, ModelStore } from '../ports/model-store.ts';
import type { StateStore } from '../ports/state.ts';
import { pointAt } from './pointer.ts';

/** Reads the model installed in `modelDir` (model.json and the graph it names). */
export async function readModelFolder(modelDir: string): Promise<{ version: string; files: ModelFiles }> {
  const manifest = await readFile(path.join(modelDir, 'model.json'));
  const parsed = manifestSchema.parse(JSON.parse(manifest.toString('utf8')));
  const onnx = await readFile(path.join(modelDir, path.basename(parsed.modelFile)));
  return { version: parsed.modelVersion, files: { onnx, manifest } };
}

/**
 * After a promotion: stores the model now in `modelDir` as a version of the shared model store and points
 * every instance at it (each loads it at its next check: the hourly task or its start).
 */
export async function publishModel(deps: {
  store: ModelStore;
  state: StateStore;
  modelDir: string;
}): Promise<string> {
  const { version, files } = await readModelFolder(deps.modelDir);
  await deps.store.put(version, files);
  await pointAt(deps.state, version);
  return version;
}
