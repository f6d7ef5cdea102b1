import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { WatchChannel } from '../../ports/source.ts';
import type { FileQuery, FileRecord, HumanLabel, StateStore } from '../../ports/state.ts';
import { decideClaim } from './claim-policy.ts';
import {
  type ChannelRow,
  channelFromRow,
  type FileRow,
  fileFromRow,
  fileToRow,
  type LabelRow,
  labelFromRow,
} from './sqlite-rows.ts';
import { migrate } from './sqlite-schema.ts';
import { normaliseSince } from './timestamps.ts';

export interface SqliteStateStoreOptions {
  /** A file path (its folder is created), or ':memory:' for tests. */
  path: string;
  /** Epoch-milliseconds clock; injectable so lease expiry can be tested without sleeping. */
  now?: () => number;
  /** How long a write waits for another process's lock before failing. */
  busyTimeoutMs?: number;
}

const PAGE_TOKEN_KEY = 'page_token';

/**
 * The embedded StateStore: one SQLite file (WAL, so the dashboard can read while the processor writes).
 * Every read-decide-write runs in a BEGIN IMMEDIATE transaction, which makes claims and compare-and-set
 * atomic across connections and processes sharing the file, not only within this process.
 */
export function createSqliteStateStore(options: SqliteStateStoreOptions): StateStore {
  const now = options.now ?? Date.now;
  if (options.path !== ':memory:') mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL survives process crashes; only an OS crash can drop the last commits, which the sweep redoes.
  db.pragma('synchronous = NORMAL');
  migrate(db);

  const selectFile = db.prepare<[string], FileRow>('SELECT * FROM state_files WHERE file_id = ?');
  const upsertFile = db.prepare<[FileRow]>(
    `INSERT INTO state_files (file_id, name, md5, status, attempts, last_error, folder, result, lease_owner,
       lease_expires_at, created_at, updated_at, decision)
     VALUES (@file_id, @name, @md5, @status, @attempts, @last_error, @folder, @result, @lease_owner,
       @lease_expires_at, @created_at, @updated_at, @decision)
     ON CONFLICT (file_id) DO UPDATE SET name = excluded.name, md5 = excluded.md5, status = excluded.status,
       attempts = excluded.attempts, last_error = excluded.last_error, folder = excluded.folder,
       result = excluded.result, lease_owner = excluded.lease_owner, lease_expires_at = excluded.lease_expires_at,
       updated_at = excluded.updated_at, decision = excluded.decision`,
  );
  const completeStmt = db.prepare<[string, string | null, string, string, string, string]>(
    `UPDATE state_files SET status = ?, folder = ?, result = ?, last_error = NULL, lease_owner = NULL,
       lease_expires_at = NULL, updated_at = ?
     WHERE file_id = ? AND status = 'processing' AND lease_owner = ?`,
  );
  const failStmt = db.prepare<[string, string, string, string]>(
    `UPDATE state_files SET status = 'failed', last_error = ?, lease_owner = NULL, lease_expires_at = NULL,
       updated_at = ?
     WHERE file_id = ? AND status = 'processing' AND lease_owner = ?`,
  );
  const renewStmt = db.prepare<[number, string, string]>(
    `UPDATE state_files SET lease_expires_at = ?
     WHERE file_id = ? AND status = 'processing' AND lease_owner = ?`,
  );
  const setFolderStmt = db.prepare<[string | null, string, string]>(
    'UPDATE state_files SET folder = ?, updated_at = ? WHERE file_id = ?',
  );
  const decideStmt = db.prepare<[string, string | null, string, string, string]>(
    `UPDATE state_files SET status = ?, folder = ?, decision = ?, last_error = NULL, lease_owner = NULL,
       lease_expires_at = NULL, updated_at = ?
     WHERE file_id = ?`,
  );
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM state_meta WHERE key = ?');
  const putMeta = db.prepare<[string, string]>(
    'INSERT INTO state_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const acquireStmt = db.prepare<[{ name: string; owner: string; expiresAt: number; now: number }]>(
    `INSERT INTO state_leases (name, owner, expires_at) VALUES (@name, @owner, @expiresAt)
     ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
     WHERE state_leases.owner = excluded.owner OR state_leases.expires_at <= @now`,
  );
  const deleteMeta = db.prepare<[string]>('DELETE FROM state_meta WHERE key = ?');
  const releaseStmt = db.prepare<[string, string]>('DELETE FROM state_leases WHERE name = ? AND owner = ?');
  const saveChannelStmt = db.prepare<[ChannelRow]>(
    `INSERT INTO state_channels (id, resource_id, token, address, expiration)
     VALUES (@id, @resource_id, @token, @address, @expiration)
     ON CONFLICT (id) DO UPDATE SET resource_id = excluded.resource_id, token = excluded.token,
       address = excluded.address, expiration = excluded.expiration`,
  );
  const listChannelsStmt = db.prepare<[], ChannelRow>('SELECT * FROM state_channels ORDER BY expiration, id');
  const deleteChannelStmt = db.prepare<[string]>('DELETE FROM state_channels WHERE id = ?');
  const saveLabelStmt = db.prepare<[LabelRow]>(
    `INSERT INTO state_human_labels (file_id, class, previous_class, at)
     VALUES (@file_id, @class, @previous_class, @at)
     ON CONFLICT (file_id) DO UPDATE SET class = excluded.class, previous_class = excluded.previous_class,
       at = excluded.at`,
  );
  const listLabelsStmt = db.prepare<[], LabelRow>('SELECT * FROM state_human_labels ORDER BY at, file_id');

  const claim = db.transaction((request: Parameters<StateStore['claimFile']>[0]): FileRecord | null => {
    const row = selectFile.get(request.fileId);
    const decision = decideClaim(row ? fileFromRow(row) : null, request, now());
    if (decision.kind === 'refuse') return null;
    upsertFile.run(fileToRow(decision.record));
    return decision.kind === 'claim' ? decision.record : null;
  });

  const compareAndSetToken = db.transaction((expected: string | null, next: string): boolean => {
    const current = getMeta.get(PAGE_TOKEN_KEY)?.value ?? null;
    if (current !== expected) return false;
    putMeta.run(PAGE_TOKEN_KEY, next);
    return true;
  });

  const iso = () => new Date(now()).toISOString();

  return {
    async claimFile(request) {
      return claim.immediate(request);
    },
    async completeFile(fileId, owner, outcome) {
      const info = completeStmt.run(
        outcome.status,
        outcome.folder,
        JSON.stringify(outcome.result),
        iso(),
        fileId,
        owner,
      );
      return info.changes === 1;
    },
    async failFile(fileId, owner, error) {
      const lastError = JSON.stringify({
        code: error.code,
        message: error.message,
        retryable: error.retryable,
      });
      return failStmt.run(lastError, iso(), fileId, owner).changes === 1;
    },
    async renewFileLease(fileId, owner, leaseMs) {
      return renewStmt.run(now() + leaseMs, fileId, owner).changes === 1;
    },
    async setFolder(fileId, folder) {
      setFolderStmt.run(folder, iso(), fileId);
    },
    async recordDecision(fileId, decision) {
      const { status, folder, action, by, at } = decision;
      return decideStmt.run(status, folder, JSON.stringify({ action, by, at }), iso(), fileId).changes === 1;
    },
    async getFile(fileId) {
      const row = selectFile.get(fileId);
      return row ? fileFromRow(row) : null;
    },
    async listFiles(query: FileQuery = {}) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (query.limit !== undefined && query.limit < 1) return [];
      if (query.statuses) {
        if (query.statuses.length === 0) return [];
        where.push(`status IN (${query.statuses.map(() => '?').join(', ')})`);
        params.push(...query.statuses);
      }
      if (query.since !== undefined) {
        where.push('updated_at >= ?');
        params.push(normaliseSince(query.since));
      }
      let sql = 'SELECT * FROM state_files';
      if (where.length > 0) sql += ` WHERE ${where.join(' AND ')}`;
      sql += ' ORDER BY updated_at DESC, file_id DESC';
      if (query.limit !== undefined) {
        sql += ' LIMIT ?';
        params.push(Math.trunc(query.limit));
      }
      return db
        .prepare<(string | number)[], FileRow>(sql)
        .all(...params)
        .map(fileFromRow);
    },

    async getPageToken() {
      return getMeta.get(PAGE_TOKEN_KEY)?.value ?? null;
    },
    async getCursor(name) {
      return getMeta.get(`cursor:${name}`)?.value ?? null;
    },
    async setCursor(name, value) {
      if (value === null) deleteMeta.run(`cursor:${name}`);
      else putMeta.run(`cursor:${name}`, value);
    },
    async setPageToken(expected, next) {
      return compareAndSetToken.immediate(expected, next);
    },

    async acquireLease(name, owner, ttlMs) {
      const at = now();
      return acquireStmt.run({ name, owner, expiresAt: at + ttlMs, now: at }).changes === 1;
    },
    async releaseLease(name, owner) {
      releaseStmt.run(name, owner);
    },

    async saveChannel(channel: WatchChannel) {
      saveChannelStmt.run({
        id: channel.id,
        resource_id: channel.resourceId,
        token: channel.token,
        address: channel.address,
        expiration: channel.expiration,
      });
    },
    async listChannels() {
      return listChannelsStmt.all().map(channelFromRow);
    },
    async deleteChannel(id) {
      deleteChannelStmt.run(id);
    },

    async recordHumanLabel(label: HumanLabel) {
      saveLabelStmt.run({
        file_id: label.fileId,
        class: label.class,
        previous_class: label.previousClass,
        at: label.at,
      });
    },
    async listHumanLabels() {
      return listLabelsStmt.all().map(labelFromRow);
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
