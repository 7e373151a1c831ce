// The embedded space's tables. One database file holds one environment; `user_version` guards the layout so
// a file written by a future layout is refused instead of misread.
import type Database from 'better-sqlite3'
import { UNIQUE_DDL } from './unique-index.ts'

export const SCHEMA_VERSION = 2

const DDL = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS content_types (
  id TEXT PRIMARY KEY,
  draft TEXT NOT NULL,
  active TEXT,
  version INTEGER NOT NULL,
  published_version INTEGER,
  published_counter INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  first_published_at TEXT
);
CREATE TABLE IF NOT EXISTS editor_interfaces (
  content_type_id TEXT PRIMARY KEY REFERENCES content_types(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entries (
  id TEXT PRIMARY KEY,
  content_type_id TEXT NOT NULL REFERENCES content_types(id),
  fields TEXT NOT NULL,
  version INTEGER NOT NULL,
  published_version INTEGER,
  archived_version INTEGER,
  published_counter INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  first_published_at TEXT,
  archived_at TEXT,
  -- What the Delivery face serves: the fields as they were when last published.
  published_fields TEXT
);
CREATE INDEX IF NOT EXISTS entries_by_type ON entries (content_type_id, created_at, id);
CREATE INDEX IF NOT EXISTS entries_by_created ON entries (created_at, id);
CREATE TABLE IF NOT EXISTS assets (
  id TEXT PRIMARY KEY,
  fields TEXT NOT NULL,
  version INTEGER NOT NULL,
  published_version INTEGER,
  archived_version INTEGER,
  published_counter INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  first_published_at TEXT,
  archived_at TEXT,
  published_fields TEXT
);
CREATE INDEX IF NOT EXISTS assets_by_created ON assets (created_at, id);
CREATE TABLE IF NOT EXISTS uploads (
  id TEXT PRIMARY KEY,
  bytes BLOB NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
-- Processed asset files, addressed by the url path they are served from. A new file gets a new path, so a
-- published asset keeps serving its own bytes while its draft points at another file.
CREATE TABLE IF NOT EXISTS files (
  path TEXT PRIMARY KEY,
  asset_id TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ledger (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
);
-- At most one row: the migration lock.
CREATE TABLE IF NOT EXISTS lock (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  holder_id TEXT NOT NULL,
  description TEXT NOT NULL,
  acquired_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
`

/**
 * Creates the tables on a fresh file, upgrades an older layout (every statement is idempotent), and refuses
 * a file whose layout this code does not know. Returns the version the file had, for data upgrades.
 */
export function ensureSchema(db: Database.Database, file: string): number {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `${file}: written by a newer kb-cms (schema ${version}, this one knows ${SCHEMA_VERSION})`,
    )
  }
  if (version === SCHEMA_VERSION) return version
  db.transaction(() => {
    db.exec(DDL)
    db.exec(UNIQUE_DDL)
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
  }).immediate()
  return version
}
