import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type DocumentSource,
  type FileLocation,
  FOLDER_NAMES,
  type SourceFile,
  TARGET_FOLDERS,
  type TargetFolder,
} from '../../../ports/source.ts';
import { quarantine, StageError } from '../../../stages/errors.ts';

export interface LocalFolderOptions {
  /** The inbox; class folders are created inside it, as on Drive. */
  inboxDir: string;
  /** A file must be unchanged for this long before it is listed (it may still be being written). */
  settleMs?: number;
}

/**
 * A local folder standing in for the Drive inbox. Files are identified by their content's MD5, so a copy of
 * an invoice already processed is recognised whatever its name, as Drive's md5Checksum allows there.
 */
export function createLocalFolderSource(options: LocalFolderOptions): DocumentSource {
  const inbox = path.resolve(options.inboxDir);
  const settleMs = options.settleMs ?? 500;
  const folderPath = (location: FileLocation) =>
    location === 'inbox' || location === 'elsewhere' ? inbox : path.join(inbox, FOLDER_NAMES[location]);

  async function describe(dir: string, name: string, location: FileLocation): Promise<SourceFile | null> {
    const full = path.join(dir, name);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat?.isFile() || (settleMs > 0 && Date.now() - stat.mtimeMs < settleMs)) return null;
    const md5 = await hashFile(full);
    return {
      id: md5,
      name,
      md5,
      size: stat.size,
      mimeType: name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : null,
      location,
      modifiedTime: stat.mtime.toISOString(),
      link: pathToFileURL(full).href,
    };
  }

  async function list(location: FileLocation): Promise<SourceFile[]> {
    const dir = folderPath(location);
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    const files = await Promise.all(
      entries
        .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.part'))
        .map((e) => describe(dir, e.name, location)),
    );
    return files.filter((f): f is SourceFile => f !== null).sort((a, b) => a.name.localeCompare(b.name));
  }

  return {
    kind: 'local',
    async ensureFolders() {
      await fs.mkdir(inbox, { recursive: true });
      const ids = { inbox } as Record<TargetFolder | 'inbox', string>;
      for (const folder of TARGET_FOLDERS) {
        ids[folder] = folderPath(folder);
        await fs.mkdir(ids[folder], { recursive: true });
      }
      return ids;
    },
    listInbox: () => list('inbox'),
    listFolder: (folder) => list(folder),
    async download(file, maxBytes) {
      const full = path.join(folderPath(file.location), file.name);
      const stat = await fs.stat(full).catch((error: unknown) => {
        throw new StageError('download_failed', `No se pudo leer ${file.name}: ${String(error)}`, {
          retryable: true,
        });
      });
      if (stat.size > maxBytes) {
        throw quarantine('too_large', `El archivo pesa ${stat.size} bytes; el límite es ${maxBytes}`);
      }
      return fs.readFile(full);
    },
    async moveTo(file, target) {
      if (file.location === target) return file;
      const from = path.join(folderPath(file.location), file.name);
      const dir = folderPath(target);
      await fs.mkdir(dir, { recursive: true });
      const name = await freeName(dir, file.name);
      try {
        await fs.rename(from, path.join(dir, name));
      } catch (error) {
        // A person moved or deleted it while it was processed: it stays where they put it.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...file, location: 'elsewhere' };
        throw error;
      }
      return { ...file, name, location: target, link: pathToFileURL(path.join(dir, name)).href };
    },
  };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('md5');
  const handle = await fs.open(file, constants.O_RDONLY);
  try {
    for await (const chunk of handle.createReadStream()) hash.update(chunk as Buffer);
  } finally {
    await handle.close().catch(() => {});
  }
  return hash.digest('hex');
}

/** `factura.pdf`, else `factura (2).pdf`, … so that a move never overwrites another invoice. */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    const taken = await fs.access(path.join(dir, candidate)).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}
