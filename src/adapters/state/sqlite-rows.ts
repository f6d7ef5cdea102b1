import type { ClassCode, InvoiceResult } from '../../contract/result.ts';
import type { TargetFolder, WatchChannel } from '../../ports/source.ts';
import type { FileError, FileRecord, FileStatus, HumanDecision, HumanLabel } from '../../ports/state.ts';

/** Row shapes of the SQLite state tables and their mapping to the port's records. */

export interface FileRow {
  file_id: string;
  name: string;
  md5: string | null;
  status: string;
  attempts: number;
  last_error: string | null;
  folder: string | null;
  result: string | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  created_at: string;
  updated_at: string;
  /** JSON of the person's decision, or null. */
  decision: string | null;
}

export interface ChannelRow {
  id: string;
  resource_id: string;
  token: string;
  address: string;
  expiration: number;
}

export interface LabelRow {
  file_id: string;
  class: number;
  previous_class: number | null;
  at: string;
}

export function fileFromRow(row: FileRow): FileRecord {
  return {
    fileId: row.file_id,
    name: row.name,
    md5: row.md5,
    status: row.status as FileStatus,
    attempts: row.attempts,
    lastError: row.last_error === null ? null : (JSON.parse(row.last_error) as FileError),
    folder: row.folder as TargetFolder | null,
    result: row.result === null ? null : (JSON.parse(row.result) as InvoiceResult),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    decision: row.decision ? (JSON.parse(row.decision) as HumanDecision) : null,
  };
}

export function fileToRow(record: FileRecord): FileRow {
  return {
    file_id: record.fileId,
    name: record.name,
    md5: record.md5,
    status: record.status,
    attempts: record.attempts,
    last_error: record.lastError === null ? null : JSON.stringify(record.lastError),
    folder: record.folder,
    result: record.result === null ? null : JSON.stringify(record.result),
    lease_owner: record.leaseOwner,
    lease_expires_at: record.leaseExpiresAt,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    decision: record.decision ? JSON.stringify(record.decision) : null,
  };
}

export function channelFromRow(row: ChannelRow): WatchChannel {
  return {
    id: row.id,
    resourceId: row.resource_id,
    token: row.token,
    address: row.address,
    expiration: row.expiration,
  };
}

export function labelFromRow(row: LabelRow): HumanLabel {
  return {
    fileId: row.file_id,
    class: row.class as ClassCode,
    previousClass: row.previous_class as ClassCode | null,
    at: row.at,
  };
}
