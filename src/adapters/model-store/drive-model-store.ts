import { Readable } from 'node:stream';
import type { Env } from '../../config/env.ts';
import type { ModelFiles, ModelStore } from '../../ports/model-store.ts';
import type { Logger } from '../../shared/logger.ts';
import { createDriveContext, type DriveContext, quoteQueryValue } from '../source/drive/context.ts';
import { driveAuth, driveClient } from '../source/drive/drive-api.ts';
import { listScope } from '../source/drive/files.ts';
import { findOrCreateFolder } from '../source/drive/folders.ts';
import { DRIVE_SCOPE } from '../source/drive/from-env.ts';
import { DEFAULT_RETRY } from '../source/drive/retry.ts';
import { isSafeModelVersion } from './model-version-name.ts';

/** The Drive folder, under DRIVE_ROOT_FOLDER_ID, that holds every promoted model version. */
export const MODELS_FOLDER_NAME = 'Modelos';
const GRAPH_SUFFIX = '.model.onnx';
const MANIFEST_SUFFIX = '.model.json';

/**
 * Models on Drive: `Modelos/<version>.model.onnx` and `<version>.model.json`, uploaded in that order, so a
 * version whose manifest is missing is incomplete and is neither listed nor read. When a name exists twice
 * (an upload whose answer was lost, then retried) the oldest file wins.
 */
export function createDriveModelStore(options: { context: DriveContext; rootFolderId: string }): ModelStore {
  const { context } = options;
  let folder: Promise<string> | null = null;
  const folderId = () => {
    folder ??= context
      .call('model folder', () => findOrCreateFolder(context, MODELS_FOLDER_NAME, options.rootFolderId))
      .catch((error: unknown) => {
        folder = null;
        throw error;
      });
    return folder;
  };
  const check = (version: string) => {
    if (!isSafeModelVersion(version))
      throw new Error(`versión de modelo no válida: ${JSON.stringify(version)}`);
  };
  const findFile = async (name: string): Promise<string | null> => {
    const parent = await folderId();
    const q = [
      `name = ${quoteQueryValue(name)}`,
      `${quoteQueryValue(parent)} in parents`,
      'trashed = false',
    ].join(' and ');
    const response = await context.call('model lookup', (callOptions) =>
      context.drive.files.list(
        { q, pageSize: 10, orderBy: 'createdTime', fields: 'files(id,name)', ...listScope(context) },
        callOptions,
      ),
    );
    return response.data.files?.[0]?.id ?? null;
  };
  const download = async (fileId: string): Promise<Uint8Array> => {
    const response = await context.call('model download', (callOptions) =>
      context.drive.files.get(
        { fileId, alt: 'media', supportsAllDrives: true },
        { ...callOptions, timeout: context.downloadTimeoutMs, responseType: 'arraybuffer' },
      ),
    );
    return new Uint8Array(response.data as unknown as ArrayBuffer);
  };
  const upload = async (name: string, data: Uint8Array, mimeType: string) => {
    const parent = await folderId();
    // Not retried: a create whose answer was lost must not be repeated blindly; a later put finds it.
    await context.drive.files.create(
      {
        requestBody: { name, parents: [parent] },
        media: { mimeType, body: Readable.from([Buffer.from(data)]) },
        fields: 'id',
        supportsAllDrives: true,
      },
      context.options({ timeout: context.downloadTimeoutMs }),
    );
  };
  return {
    async put(version, files) {
      check(version);
      if (await findFile(`${version}${MANIFEST_SUFFIX}`)) return;
      if (!(await findFile(`${version}${GRAPH_SUFFIX}`))) {
        await upload(`${version}${GRAPH_SUFFIX}`, files.onnx, 'application/octet-stream');
      }
      await upload(`${version}${MANIFEST_SUFFIX}`, files.manifest, 'application/json');
    },
    async get(version): Promise<ModelFiles | null> {
      check(version);
      const manifestId = await findFile(`${version}${MANIFEST_SUFFIX}`);
      const graphId = manifestId ? await findFile(`${version}${GRAPH_SUFFIX}`) : null;
      if (!manifestId || !graphId) return null;
      return { manifest: await download(manifestId), onnx: await download(graphId) };
    },
    async list() {
      const parent = await folderId();
      const q = [`${quoteQueryValue(parent)} in parents`, 'trashed = false'].join(' and ');
      const versions = new Set<string>();
      let pageToken: string | undefined;
      do {
        const response = await context.call('model list', (callOptions) =>
          context.drive.files.list(
            { q, pageSize: 1000, pageToken, fields: 'nextPageToken,files(id,name)', ...listScope(context) },
            callOptions,
          ),
        );
        for (const file of response.data.files ?? []) {
          const name = file.name ?? '';
          if (!name.endsWith(MANIFEST_SUFFIX)) continue;
          const version = name.slice(0, -MANIFEST_SUFFIX.length);
          if (isSafeModelVersion(version)) versions.add(version);
        }
        pageToken = response.data.nextPageToken ?? undefined;
      } while (pageToken);
      return [...versions];
    },
  };
}

/** The Drive model store from the environment (same credentials and test hook as the Drive source). */
export function createDriveModelStoreFromEnv(env: Env, logger: Logger): ModelStore {
  if (!env.DRIVE_ROOT_FOLDER_ID) throw new Error('DRIVE_ROOT_FOLDER_ID is required when MODEL_STORE=drive');
  const apiRoot = env.DRIVE_API_ROOT ? env.DRIVE_API_ROOT.replace(/\/?$/, '/') : null;
  const auth = driveAuth(DRIVE_SCOPE, apiRoot);
  const drive = driveClient({ auth, ...(apiRoot ? { rootUrl: apiRoot } : {}) });
  const context = createDriveContext({
    drive,
    logger: logger.child({ component: 'model-store' }),
    retry: DEFAULT_RETRY,
    timeoutMs: 30_000,
    downloadTimeoutMs: 120_000,
    sharedDriveId: env.DRIVE_SHARED_DRIVE_ID ?? null,
    apiRoot,
  });
  return createDriveModelStore({ context, rootFolderId: env.DRIVE_ROOT_FOLDER_ID });
}
