import { createHash, randomBytes } from 'node:crypto';
import { badRequest, DriveHttpError, notFound } from './errors.ts';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
/** The id behind the `root` alias (My Drive). */
export const ROOT_ID = '0AFakeMyDriveRootFolder';

export interface FakeFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  /** null for folders and Google-native documents (no binary content, no md5). */
  content: Buffer | null;
  md5Checksum: string | null;
  size: number | null;
  createdTime: string;
  modifiedTime: string;
  version: number;
}

export interface ChangeRecord {
  seq: number;
  fileId: string;
  removed: boolean;
  time: string;
  /** The shared drive the file was in at the time (null for My Drive). */
  driveId: string | null;
}

export interface FileUpdate {
  name?: string;
  mimeType?: string;
  trashed?: boolean;
  addParents?: string[];
  removeParents?: string[];
  content?: Buffer;
}

/** Files and the change log of one fake Drive. Every mutation appends exactly one change. */
export class FakeDriveStore {
  private readonly byId = new Map<string, FakeFile>();
  private readonly log: ChangeRecord[] = [];
  private readonly latest = new Map<string, number>();
  private readonly listeners = new Set<(change: ChangeRecord) => void>();
  private readonly sharedDrives = new Set<string>();
  private nextSeq = 1;
  private clock = 0;

  constructor() {
    const now = new Date().toISOString();
    this.byId.set(ROOT_ID, {
      id: ROOT_ID,
      name: 'My Drive',
      mimeType: FOLDER_MIME,
      parents: [],
      trashed: false,
      content: null,
      md5Checksum: null,
      size: null,
      createdTime: now,
      modifiedTime: now,
      version: 1,
    });
  }

  onChange(listener: (change: ChangeRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  resolveId(id: string): string {
    return id === 'root' ? ROOT_ID : id;
  }

  get(id: string): FakeFile | undefined {
    return this.byId.get(this.resolveId(id));
  }

  require(id: string): FakeFile {
    const file = this.get(id);
    if (!file) throw notFound(id);
    return file;
  }

  all(): FakeFile[] {
    return [...this.byId.values()].filter((file) => file.id !== ROOT_ID);
  }

  startPageToken(): string {
    return String(this.nextSeq);
  }

  /** Changes from `token` on, or throws 400 for a token this Drive never issued. */
  changesSince(token: string): ChangeRecord[] {
    if (!/^[1-9]\d*$/.test(token) || Number(token) > this.nextSeq) {
      throw badRequest('Invalid Value', 'pageToken');
    }
    const from = Number(token);
    return this.log.filter((change) => change.seq >= from);
  }

  /** The seq of the latest change of a file (to keep only the latest per file in a listing). */
  latestSeq(fileId: string): number {
    return this.latest.get(fileId) ?? 0;
  }

  /** A shared drive: a parentless folder whose id is also the drive id of everything under it. */
  createSharedDrive(name: string): FakeFile {
    const now = this.now();
    const drive: FakeFile = {
      id: `0A${randomBytes(12).toString('base64url')}`,
      name,
      mimeType: FOLDER_MIME,
      parents: [],
      trashed: false,
      content: null,
      md5Checksum: null,
      size: null,
      createdTime: now,
      modifiedTime: now,
      version: 1,
    };
    this.byId.set(drive.id, drive);
    this.sharedDrives.add(drive.id);
    return drive;
  }

  isSharedDrive(id: string): boolean {
    return this.sharedDrives.has(id);
  }

  /** The shared drive holding the file, or null for My Drive. */
  driveIdOf(file: FakeFile): string | null {
    let current: FakeFile | undefined = file;
    for (let depth = 0; current && depth < 100; depth++) {
      if (this.sharedDrives.has(current.id)) return current.id;
      const parent: string | undefined = current.parents[0];
      current = parent ? this.byId.get(parent) : undefined;
    }
    return null;
  }

  create(input: { name: string; mimeType: string; parents?: string[]; content?: Buffer | null }): FakeFile {
    const parents = (input.parents?.length ? input.parents : [ROOT_ID]).map((id) => this.resolveId(id));
    if (parents.length > 1) {
      throw new DriveHttpError(403, 'cannotAddParent', 'A file can only have one parent.');
    }
    for (const parent of parents) this.requireFolder(parent);
    const binary =
      input.mimeType !== FOLDER_MIME && !input.mimeType.startsWith('application/vnd.google-apps.');
    const content = binary ? (input.content ?? Buffer.alloc(0)) : null;
    const now = this.now();
    const file: FakeFile = {
      id: newId(),
      name: input.name,
      mimeType: input.mimeType,
      parents,
      trashed: false,
      content,
      md5Checksum: content ? md5(content) : null,
      size: content ? content.length : null,
      createdTime: now,
      modifiedTime: now,
      version: 1,
    };
    this.byId.set(file.id, file);
    this.record(file.id, false);
    return file;
  }

  update(id: string, change: FileUpdate): FakeFile {
    const file = this.require(id);
    const adding = (change.addParents ?? []).map((parent) => this.resolveId(parent));
    const removing = new Set((change.removeParents ?? []).map((parent) => this.resolveId(parent)));
    for (const parent of adding) this.requireFolder(parent);
    let parents = file.parents.filter((parent) => !removing.has(parent));
    for (const parent of adding) if (!parents.includes(parent)) parents.push(parent);
    if (parents.length > Math.max(1, file.parents.length)) {
      throw new DriveHttpError(403, 'cannotAddParent', 'Increasing the number of parents is not allowed.');
    }
    if (parents.length === 0) parents = [ROOT_ID];
    if (change.content !== undefined && file.content === null) {
      throw badRequest('Only binary files can have their content updated.');
    }
    file.parents = parents;
    if (change.name !== undefined) file.name = change.name;
    if (change.mimeType !== undefined && file.content !== null) file.mimeType = change.mimeType;
    if (change.trashed !== undefined) file.trashed = change.trashed;
    if (change.content !== undefined) {
      file.content = change.content;
      file.md5Checksum = md5(change.content);
      file.size = change.content.length;
    }
    file.modifiedTime = this.now();
    file.version += 1;
    this.record(file.id, false);
    return file;
  }

  /** Deletes the file, and a folder's contents with it (one removal change each). */
  delete(id: string): void {
    const file = this.require(id);
    if (this.sharedDrives.has(file.id))
      throw badRequest('Shared drives are not deleted through files.delete.');
    for (const child of [...this.byId.values()]) if (child.parents.includes(file.id)) this.delete(child.id);
    const driveId = this.driveIdOf(file);
    this.byId.delete(file.id);
    this.record(file.id, true, driveId);
  }

  private requireFolder(id: string): FakeFile {
    const folder = this.byId.get(id);
    if (!folder) throw new DriveHttpError(404, 'notFound', `File not found: ${id}.`, { location: 'parents' });
    if (folder.mimeType !== FOLDER_MIME) throw badRequest(`${id} is not a folder.`, 'parents');
    return folder;
  }

  private record(fileId: string, removed: boolean, driveId?: string | null): void {
    const file = this.byId.get(fileId);
    const change: ChangeRecord = {
      seq: this.nextSeq++,
      fileId,
      removed,
      time: this.now(),
      driveId: driveId !== undefined ? driveId : file ? this.driveIdOf(file) : null,
    };
    this.log.push(change);
    this.latest.set(fileId, change.seq);
    for (const listener of this.listeners) listener(change);
  }

  /** Strictly increasing timestamps, so ordering by time is stable even within one millisecond. */
  private now(): string {
    this.clock = Math.max(this.clock + 1, Date.now());
    return new Date(this.clock).toISOString();
  }
}

function newId(): string {
  return `1F${randomBytes(15).toString('base64url')}`;
}

export function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}
