import type Database from 'better-sqlite3';

/** Schema of the embedded state database; `user_version` records which migrations ran. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE state_files (
     file_id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     md5 TEXT,
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     last_error TEXT,
     folder TEXT,
     result TEXT,
     lease_owner TEXT,
     lease_expires_at INTEGER,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX state_files_updated ON state_files (updated_at);
   CREATE INDEX state_files_status_updated ON state_files (status, updated_at);
   CREATE TABLE state_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE state_leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
   CREATE TABLE state_channels (
     id TEXT PRIMARY KEY,
     resource_id TEXT NOT NULL,
     token TEXT NOT NULL,
     address TEXT NOT NULL,
     expiration INTEGER NOT NULL
   );
   CREATE TABLE state_human_labels (
     file_id TEXT PRIMARY KEY,
     class INTEGER NOT NULL,
     previous_class INTEGER,
     at TEXT NOT NULL
   );`,
  // A person's decision on the review screen (JSON: action, by, at).
  'ALTER TABLE state_files ADD COLUMN decision TEXT;',
];

export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `state database schema version ${current} is newer than this program (${MIGRATIONS.length})`,
      );
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }
  }).immediate();
}
