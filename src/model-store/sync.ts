import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Classifier } from '../ports/classifier.ts';
import type { ModelStore } from '../ports/model-store.ts';
import type { StateStore } from '../ports/state.ts';
import type { Logger } from '../shared/logger.ts';
import type { SwappableClassifier } from '../stages/classify/swappable-classifier.ts';
import { currentModelVersion } from './pointer.ts';
import { publishModel, readModelFolder } from './publish.ts';

export interface ModelSyncDeps {
  store: ModelStore;
  state: StateStore;
  classifier: SwappableClassifier;
  /** Loads a model folder (model.json + graph) into a classifier. */
  load: (modelDir: string) => Promise<Classifier>;
  /** Where downloaded versions are unpacked: `<cacheDir>/<version>/`. */
  cacheDir: string;
  /** The model this instance started with: published as the first version when none is shared yet. */
  bundledModelDir: string;
  logger: Logger;
}

export type ModelCheck =
  | { status: 'current'; version: string }
  | { status: 'swapped'; from: string; to: string }
  | { status: 'published'; version: string }
  | { status: 'missing'; version: string };

export interface ModelSync {
  /** Loads the shared current model if it is not the one running (hot swap). Calls are serialised. */
  check(): Promise<ModelCheck>;
}

/**
 * Keeps this instance on the model the state store points at. Called at start and by the hourly task, so
 * a model promoted (or rolled back) on any instance reaches every instance within the hour.
 */
export function createModelSync(deps: ModelSyncDeps): ModelSync {
  let chain: Promise<unknown> = Promise.resolve();
  const check = async (): Promise<ModelCheck> => {
    const running = deps.classifier.modelVersion;
    const wanted = await currentModelVersion(deps.state);
    if (wanted === null) {
      // Nothing shared yet: the bundled model becomes the first version, so it can be rolled back to.
      const version = await publishModel({
        store: deps.store,
        state: deps.state,
        modelDir: deps.bundledModelDir,
      });
      deps.logger.info('model published as the shared current version', { model: version });
      return { status: 'published', version };
    }
    if (wanted === running) return { status: 'current', version: running };
    const files = await deps.store.get(wanted);
    if (!files) {
      deps.logger.error('the current model version is not in the model store', { model: wanted });
      return { status: 'missing', version: wanted };
    }
    const folder = path.join(deps.cacheDir, wanted);
    const staging = `${folder}.${process.pid}.${Date.now()}.tmp`;
    await mkdir(staging, { recursive: true });
    try {
      await writeFile(path.join(staging, 'model.json'), files.manifest);
      const { version } = await readModelFolderFromManifest(staging, files);
      if (version !== wanted)
        throw new Error(`el modelo guardado como ${wanted} declara la versión ${version}`);
      await rm(folder, { recursive: true, force: true });
      await rename(staging, folder);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    await deps.classifier.swap(await deps.load(folder));
    deps.logger.info('model swapped to the shared current version', { from: running, model: wanted });
    return { status: 'swapped', from: running, to: wanted };
  };
  return {
    check() {
      const next = chain.then(check, check);
      chain = next.catch(() => undefined);
      return next;
    },
  };
}

/** Writes the graph under the name the manifest gives it and reads the folder back (validating the manifest). */
async function readModelFolderFromManifest(
  folder: string,
  files: { onnx: Uint8Array; manifest: Uint8Array },
): ReturnType<typeof readModelFolder> {
  const manifest = JSON.parse(Buffer.from(files.manifest).toString('utf8')) as { modelFile?: unknown };
  const name = typeof manifest.modelFile === 'string' ? path.basename(manifest.modelFile) : 'model.onnx';
  await writeFile(path.join(folder, name), files.onnx);
  return readModelFolder(folder);
}
