import { createHash } from 'node:crypto';
import type {
  ChangeFeed,
  ChangePage,
  DocumentSource,
  FileLocation,
  SourceFile,
  TargetFolder,
  WatchChannel,
} from '../../src/ports/source.ts';
import type { Warehouse, WarehouseRecord } from '../../src/ports/warehouse.ts';
import { StageError } from '../../src/stages/errors.ts';
import type { Stage } from '../../src/stages/stage.ts';

/**
 * A small in-memory Drive for unit tests of the drain: an append-only change log paged like changes.list
 * (latest change per file within a page), moves that add a change, and call counters. The reliability suite
 * uses the real fake Drive HTTP server instead.
 */
export interface MemoryDrive {
  source: DocumentSource;
  feed: ChangeFeed;
  upload(name: string, content?: string): SourceFile;
  /** A person moves a file. */
  move(fileId: string, location: FileLocation): void;
  /** A person replaces the file's content (a new md5, same id). */
  edit(fileId: string, content: string): void;
  /** A person deletes the file. */
  remove(fileId: string): void;
  files: Map<string, SourceFile & { content: Buffer }>;
  moves: { fileId: string; to: TargetFolder }[];
  channels: WatchChannel[];
  stopped: string[];
  listCalls: number;
}

export function createMemoryDrive(options: { pageSize?: number } = {}): MemoryDrive {
  const pageSize = options.pageSize ?? 100;
  const files = new Map<string, SourceFile & { content: Buffer }>();
  const log: string[] = [];
  const moves: { fileId: string; to: TargetFolder }[] = [];
  const channels: WatchChannel[] = [];
  const stopped: string[] = [];
  let counter = 0;
  const drive: MemoryDrive = {
    files,
    moves,
    channels,
    stopped,
    listCalls: 0,
    upload(name, content = `%PDF-1.4 ${name}`) {
      const id = `file-${++counter}`;
      const bytes = Buffer.from(content);
      const file = {
        id,
        name,
        md5: createHash('md5').update(bytes).digest('hex'),
        size: bytes.length,
        mimeType: name.endsWith('.pdf') ? 'application/pdf' : 'text/plain',
        location: 'inbox' as FileLocation,
        modifiedTime: new Date().toISOString(),
        link: null,
        content: bytes,
      };
      files.set(id, file);
      log.push(id);
      return strip(file);
    },
    move(fileId, location) {
      const file = files.get(fileId);
      if (!file) throw new Error(`no file ${fileId}`);
      file.location = location;
      log.push(fileId);
    },
    edit(fileId, content) {
      const file = files.get(fileId);
      if (!file) throw new Error(`no file ${fileId}`);
      file.content = Buffer.from(content);
      file.md5 = createHash('md5').update(file.content).digest('hex');
      file.size = file.content.length;
      log.push(fileId);
    },
    remove(fileId) {
      files.delete(fileId);
      log.push(fileId);
    },
    source: {
      kind: 'drive',
      async ensureFolders() {
        return {
          inbox: 'inbox',
          correctivas: 'f-c',
          preventivas: 'f-p',
          revision: 'f-r',
          cuarentena: 'f-q',
        };
      },
      async listInbox() {
        return [...files.values()].filter((f) => f.location === 'inbox').map(strip);
      },
      async listFolder(folder) {
        return [...files.values()].filter((f) => f.location === folder).map(strip);
      },
      async download(file) {
        const stored = files.get(file.id);
        if (!stored) throw new Error('not found');
        return stored.content;
      },
      async moveTo(file, target) {
        const stored = files.get(file.id);
        if (!stored) throw new Error('not found');
        if (stored.location !== target) {
          stored.location = target;
          moves.push({ fileId: file.id, to: target });
          log.push(file.id);
        }
        return strip(stored);
      },
    },
    feed: {
      async getStartPageToken() {
        return String(log.length);
      },
      async listChanges(pageToken): Promise<ChangePage> {
        drive.listCalls++;
        const start = Number(pageToken);
        if (!Number.isInteger(start) || start < 0 || start > log.length)
          // As the Drive feed reports a token changes.list refuses (400, 404 or 410).
          throw new StageError('invalid_page_token', `400 invalid page token ${pageToken}`);
        const end = Math.min(log.length, start + pageSize);
        const ids = [...new Set(log.slice(start, end))];
        const changes = ids.map((fileId) => {
          const file = files.get(fileId);
          return { fileId, removed: !file, file: file ? strip(file) : null, time: null };
        });
        const more = end < log.length;
        return {
          changes,
          nextPageToken: more ? String(end) : null,
          newStartPageToken: more ? null : String(end),
        };
      },
      async watch(pageToken, channel) {
        const created = { ...channel, resourceId: `res-${pageToken}` };
        channels.push(created);
        return created;
      },
      async stopChannel(channel) {
        stopped.push(channel.id);
      },
    },
  };
  return drive;
}

function strip(file: SourceFile & { content: Buffer }): SourceFile {
  const { content: _content, ...rest } = file;
  return { ...rest };
}

/** A warehouse that keeps rows in memory, keyed by file id like the real one. */
export function createMemoryWarehouse(): Warehouse & {
  rows: Map<string, WarehouseRecord>;
  saves: number;
  human: Map<string, 0 | 1>;
  deleted: Set<string>;
} {
  const rows = new Map<string, WarehouseRecord>();
  const human = new Map<string, 0 | 1>();
  const deleted = new Set<string>();
  const warehouse = {
    dialect: 'sqlite' as const,
    rows,
    human,
    deleted,
    saves: 0,
    async migrate() {},
    async save(records: WarehouseRecord[]) {
      for (const record of records) {
        warehouse.saves++;
        rows.set(record.fileId, record);
      }
    },
    async setHumanLabel(fileId: string, classCode: 0 | 1) {
      human.set(fileId, classCode);
    },
    async markDeleted(fileIds: readonly string[]) {
      const known = fileIds.filter((id) => rows.has(id) && !deleted.has(id));
      for (const id of known) deleted.add(id);
      return known.length;
    },
    async findDuplicate() {
      return null;
    },
    async ping() {},
    async close() {},
  };
  return warehouse;
}

/**
 * Stand-in for read/classify: labels by file name ("prev" → preventiva), so the drain's own logic is what
 * the unit tests exercise. `gate` lets a test hold files mid-run.
 */
export function createLabelStage(options: { gate?: Promise<void>; failNames?: Set<string> } = {}): Stage {
  return {
    name: 'classify',
    attempts: 1,
    async run(context) {
      await options.gate;
      if (options.failNames?.has(context.file.name)) {
        const { retryable } = await import('../../src/stages/errors.ts');
        throw retryable('download_failed', 'simulated outage');
      }
      const preventiva = context.file.name.includes('prev');
      context.classification = {
        label: preventiva ? 'preventiva' : 'correctiva',
        class: preventiva ? 1 : 0,
        confidence: 0.99,
        model: 'test',
        explanation: [],
      };
    },
  };
}
