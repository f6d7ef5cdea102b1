import type { InvoiceResult } from '../../contract/result.ts';
import type { TargetFolder } from '../../ports/source.ts';
import type { FileError, FileRecord, FileStatus, HumanDecision } from '../../ports/state.ts';

/**
 * Document shape of `${prefix}_files`. The contract result is kept as a JSON string: it avoids Firestore's
 * map-depth and undefined-value rules and reads back exactly as written.
 */
export interface FileDoc {
  fileId: string;
  name: string;
  md5: string | null;
  status: FileStatus;
  attempts: number;
  lastError: FileError | null;
  folder: TargetFolder | null;
  resultJson: string | null;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  createdAt: string;
  updatedAt: string;
  /** A person's decision on the review screen; absent in documents written before. */
  decision?: HumanDecision | null;
}

/** Firestore documents are limited to 1 MiB; leave room for the other fields and index entries. */
export const MAX_RESULT_JSON_BYTES = 900_000;
export const RESULT_TRUNCATED_ISSUE = 'state_result_lines_dropped';

/**
 * Serialises a result for the state document. A result too large for a document (thousands of line items)
 * keeps everything but its lines and says so in validation.issues; the warehouse still holds every line.
 */
export function resultToJson(result: InvoiceResult): string {
  const json = JSON.stringify(result);
  if (Buffer.byteLength(json, 'utf8') <= MAX_RESULT_JSON_BYTES || !result.invoice) return json;
  const trimmed: InvoiceResult = {
    ...result,
    invoice: { ...result.invoice, lines: [] },
    validation: { ...result.validation, issues: [...result.validation.issues, RESULT_TRUNCATED_ISSUE] },
  };
  return JSON.stringify(trimmed);
}

export function fileToDoc(record: FileRecord): FileDoc {
  return {
    fileId: record.fileId,
    name: record.name,
    md5: record.md5,
    status: record.status,
    attempts: record.attempts,
    lastError: record.lastError === null ? null : { ...record.lastError },
    folder: record.folder,
    resultJson: record.result === null ? null : resultToJson(record.result),
    leaseOwner: record.leaseOwner,
    leaseExpiresAt: record.leaseExpiresAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    decision: record.decision ? { ...record.decision } : null,
  };
}

export function fileFromDoc(doc: FileDoc): FileRecord {
  return {
    fileId: doc.fileId,
    name: doc.name,
    md5: doc.md5 ?? null,
    status: doc.status,
    attempts: doc.attempts,
    lastError: doc.lastError ?? null,
    folder: doc.folder ?? null,
    result: doc.resultJson ? (JSON.parse(doc.resultJson) as InvoiceResult) : null,
    leaseOwner: doc.leaseOwner ?? null,
    leaseExpiresAt: doc.leaseExpiresAt ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    decision: doc.decision ?? null,
  };
}
