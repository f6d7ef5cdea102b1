import type { FileChange, SourceFile } from '../ports/source.ts';
import { TARGET_FOLDERS, type TargetFolder } from '../ports/source.ts';
import type { ProcessOutcome } from './processor.ts';

const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** A file worth running through the pipeline: a PDF by type or by name (Drive sometimes reports octet-stream). */
export function isPdfCandidate(file: SourceFile): boolean {
  if (file.mimeType === FOLDER_MIME) return false;
  return file.mimeType === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
}

export function isClassFolder(location: string): location is TargetFolder {
  return (TARGET_FOLDERS as readonly string[]).includes(location);
}

export interface SortedChanges {
  /** PDFs waiting in the inbox: to process. */
  inbox: SourceFile[];
  /** Files seen in one of our class folders: our own moves or a person's corrections. */
  filed: SourceFile[];
  /** Removed, trashed, elsewhere, folders, non-PDFs. */
  ignored: number;
}

/**
 * Sorts one page of the account-wide change feed. Drive lists a file once per page with its latest state,
 * but a fake or a future API might not: the last change per file id wins.
 */
export function sortChanges(changes: readonly FileChange[]): SortedChanges {
  const latest = new Map<string, FileChange>();
  for (const change of changes) latest.set(change.fileId, change);
  const sorted: SortedChanges = { inbox: [], filed: [], ignored: 0 };
  for (const change of latest.values()) {
    const file = change.file;
    if (change.removed || !file) sorted.ignored++;
    else if (file.location === 'inbox' && isPdfCandidate(file)) sorted.inbox.push(file);
    else if (isClassFolder(file.location) && file.mimeType !== FOLDER_MIME) sorted.filed.push(file);
    else sorted.ignored++;
  }
  return sorted;
}

/** An outcome that lets the page token move past the file: it is recorded in the state store. */
export function isSettled(outcome: ProcessOutcome): boolean {
  return !(outcome.kind === 'skipped' && outcome.reason === 'busy');
}
