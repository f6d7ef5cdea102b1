import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelFiles, ModelStore } from '../../ports/model-store.ts';
import { isSafeModelVersion } from './model-version-name.ts';

const GRAPH = 'model.onnx';
const MANIFEST = 'model.json';

/**
 * The embedded model store: `<root>/<version>/model.onnx` and `model.json` on a folder every instance can
 * read (one machine, or a shared volume). The manifest is written last, so a version without it is
 * incomplete and is neither listed nor read.
 */
export function createLocalFolderModelStore(options: { root: string }): ModelStore {
  const root = path.resolve(options.root);
  const folderOf = (version: string) => {
    if (!isSafeModelVersion(version))
      throw new Error(`versión de modelo no válida: ${JSON.stringify(version)}`);
    return path.join(root, version);
  };
  const put = async (file: string, data: Uint8Array) => {
    await writeFile(`${file}.tmp`, data);
    await rename(`${file}.tmp`, file);
  };
  return {
    async put(version, files) {
      const folder = folderOf(version);
      if (await readOrNull(path.join(folder, MANIFEST))) return;
      await mkdir(folder, { recursive: true });
      await put(path.join(folder, GRAPH), files.onnx);
      await put(path.join(folder, MANIFEST), files.manifest);
    },
    async get(version): Promise<ModelFiles | null> {
      const folder = folderOf(version);
      const manifest = await readOrNull(path.join(folder, MANIFEST));
      const onnx = manifest ? await readOrNull(path.join(folder, GRAPH)) : null;
      return manifest && onnx ? { onnx, manifest } : null;
    },
    async list() {
      const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
      const versions: string[] = [];
      for (const entry of entries) {
        if (!entry.isDirectory() || !isSafeModelVersion(entry.name)) continue;
        if (await readOrNull(path.join(root, entry.name, MANIFEST))) versions.push(entry.name);
      }
      return versions;
    },
  };
}

async function readOrNull(file: string): Promise<Uint8Array | null> {
  return readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}
