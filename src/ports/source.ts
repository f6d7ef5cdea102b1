/** Port: where invoices come from and where they are filed (Google Drive, or a local folder). */

export const TARGET_FOLDERS = ['correctivas', 'preventivas', 'revision', 'cuarentena'] as const;
export type TargetFolder = (typeof TARGET_FOLDERS)[number];

/** User-facing folder names (Spanish), as people see them in Drive and in the local inbox. */
export const FOLDER_NAMES: Record<TargetFolder, string> = {
  correctivas: 'Correctivas',
  preventivas: 'Preventivas',
  revision: 'Revisión',
  cuarentena: 'Cuarentena',
};

export type FileLocation = 'inbox' | TargetFolder | 'elsewhere';

export interface SourceFile {
  /** Drive file id; for the local folder, the file name as first seen in the inbox. */
  id: string;
  name: string;
  /** Hex MD5 of the content when the source knows it (Drive binary files; local files are hashed). */
  md5: string | null;
  size: number | null;
  mimeType: string | null;
  location: FileLocation;
  modifiedTime: string | null;
  /** A link a person can open (Drive webViewLink, or a file:// URL). */
  link: string | null;
}

export interface DocumentSource {
  readonly kind: 'local' | 'drive';
  /** Creates the inbox's class folders when missing; returns their ids (folder ids or paths). */
  ensureFolders(): Promise<Record<TargetFolder | 'inbox', string>>;
  /** PDFs (and anything else) currently waiting in the inbox folder. */
  listInbox(): Promise<SourceFile[]>;
  listFolder(folder: TargetFolder): Promise<SourceFile[]>;
  /** The file's bytes; throws a StageError 'too_large' past maxBytes and 'download_failed' (retryable) on I/O. */
  download(file: SourceFile, maxBytes: number): Promise<Buffer>;
  /** Moves the file into a class folder (idempotent: moving where it already is does nothing). */
  moveTo(file: SourceFile, target: TargetFolder): Promise<SourceFile>;
}

export interface FileChange {
  fileId: string;
  removed: boolean;
  /** null when removed or not visible. */
  file: SourceFile | null;
  /** The file is in the trash (Drive keeps it 30 days): for the pipeline, deleted. */
  trashed?: boolean;
  time: string | null;
}

export interface ChangePage {
  changes: FileChange[];
  /** Set while more pages follow. */
  nextPageToken: string | null;
  /** Set on the last page: where the next drain starts. */
  newStartPageToken: string | null;
}

export interface WatchChannel {
  id: string;
  resourceId: string;
  token: string;
  address: string;
  /** Epoch milliseconds. */
  expiration: number;
}

/** Port: a change feed with push notifications (Google Drive changes.* and channels.*). */
export interface ChangeFeed {
  getStartPageToken(): Promise<string>;
  listChanges(pageToken: string): Promise<ChangePage>;
  watch(
    pageToken: string,
    channel: { id: string; token: string; address: string; expiration: number },
  ): Promise<WatchChannel>;
  stopChannel(channel: Pick<WatchChannel, 'id' | 'resourceId'>): Promise<void>;
}
