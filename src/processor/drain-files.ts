import type { FileChange, SourceFile } from '../ports/source.ts';
import { TARGET_FOLDERS, type TargetFolder } from '../ports/source.ts';
import type { ProcessOutcome } from './processor.ts';

const FOLDER_MIME = 'application/vnd.google-apps.folder';

/**
 * A file to run through the pipeline: anything in the inbox but a folder. PDFs, XML, ZIPs and images are
 * read; whatever else (a DOCX, a spreadsheet, a Google Docs file) is quarantined with its reason by the read
 * stage or the download, so nothing stays in the inbox unexplained.
 */
export function isInboxCandidate(file: SourceFile): boolean {
  return file.mimeType !== FOLDER_MIME;
}

export function isClassFolder(location: string): location is TargetFolder {
  return (TARGET_FOLDERS as readonly string[]).includes(location);
}

export interface SortedChanges {
  /** Files waiting in the inbox: to process. */
  inbox: SourceFile[];
  /** Files seen in one of our class folders: our own moves or a person's corrections. */
  filed: SourceFile[];
  /** Removed, trashed, elsewhere, folders. */
  ignored: number;
  /** Ids of files removed or trashed (of the whole account: the warehouse ignores ids it does not hold). */
  deleted: string[];
}

/**
 * Sorts one page of the account-wide change feed. Drive lists a file once per page with its latest state,
 * but a fake or a future API might not: the last change per file id wins.
 */
export function sortChanges(changes: readonly FileChange[]): SortedChanges {
  const latest = new Map<string, FileChange>();
  for (const change of changes) latest.set(change.fileId, change);
  const sorted: SortedChanges = { inbox: [], filed: [], ignored: 0, deleted: [] };
  for (const change of latest.values()) {
    const file = change.file;
    if (change.removed || change.trashed) sorted.deleted.push(change.fileId);
    if (change.removed || change.trashed || !file) sorted.ignored++;
    else if (file.location === 'inbox' && isInboxCandidate(file)) sorted.inbox.push(file);
    else if (isClassFolder(file.location) && file.mimeType !== FOLDER_MIME) sorted.filed.push(file);
    else sorted.ignored++;
  }
  return sorted;
}

/** An outcome that lets the page token move past the file: it is recorded in the state store. */
export function isSettled(outcome: ProcessOutcome): boolean {
  return !(outcome.kind === 'skipped' && outcome.reason === 'busy');
}
