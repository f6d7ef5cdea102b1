import type { FileRecord, StateStore } from '../../ports/state.ts';

/**
 * The files whose runs failed and produced no invoice (a retryable failure whose attempts are spent, a
 * message Pub/Sub dead-lettered, a failure that is not retryable): the warehouse never sees them, so they
 * are read from the state store. Newest first, at most `limit`; `more` says the list was cut.
 */

export const FAILED_ROWS = 200;

export interface FailedFileRow {
  fileId: string;
  name: string;
  code: string | null;
  message: string | null;
  retryable: boolean | null;
  attempts: number;
  updatedAt: Date;
  /** A link a person can open (Drive), or null. */
  link: string | null;
}

export interface FailedFiles {
  rows: FailedFileRow[];
  /** More failed files exist than are listed. */
  more: boolean;
}

export interface FailedFilesSource {
  state: Pick<StateStore, 'listFiles'>;
  /** The link of a file by id, when the source has a stable one (Drive); omitted on a local inbox. */
  linkFor?: (fileId: string) => string | null;
}

export async function loadFailedFiles(source: FailedFilesSource, limit = FAILED_ROWS): Promise<FailedFiles> {
  const records = await source.state.listFiles({ statuses: ['failed'], limit: limit + 1 });
  return {
    rows: records.slice(0, limit).map((record) => toRow(record, source.linkFor)),
    more: records.length > limit,
  };
}

function toRow(record: FileRecord, linkFor: FailedFilesSource['linkFor']): FailedFileRow {
  return {
    fileId: record.fileId,
    name: record.name,
    code: record.lastError?.code ?? null,
    message: record.lastError?.message ?? null,
    retryable: record.lastError?.retryable ?? null,
    attempts: record.attempts,
    updatedAt: new Date(record.updatedAt),
    link: linkFor?.(record.fileId) ?? null,
  };
}

/** Drive's page for a file id (the webViewLink Drive itself gives). */
export function driveFileLink(fileId: string): string {
  return `https://drive.google.com/file/d/${encodeURIComponent(fileId)}/view`;
}
