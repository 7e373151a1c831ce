// The embedded space's tables. One database file holds one environment; `user_version` guards the layout so
// a file written by a future layout is refused instead of misread.
import type Database from 'better-sqlite3'
import { UNIQUE_DDL } from './unique-index.ts'

export const SCHEMA_VERSION = 3

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
  published_fields TEXT,
  -- {"tags": [links]}; NULL: none. Published with the fields.
  metadata TEXT,
  published_metadata TEXT
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
  published_fields TEXT,
  metadata TEXT,
  published_metadata TEXT
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
-- Tags (Contentful's Tags API): a name unique in the environment, and a visibility fixed at creation.
CREATE TABLE IF NOT EXISTS tags (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  visibility TEXT NOT NULL CHECK (visibility IN ('private', 'public')),
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Locales beyond the built-in default (en-US). Empty: the environment has only the default, as a new one does.
CREATE TABLE IF NOT EXISTS locales (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  fallback_code TEXT,
  is_default INTEGER NOT NULL DEFAULT 0,
  optional INTEGER NOT NULL DEFAULT 0,
  delivery INTEGER NOT NULL DEFAULT 1,
  management INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- What the Delivery face has published, in order: the Sync API's deltas read it, and a sync token is a
-- position in it, so tokens outlive the server process.
CREATE TABLE IF NOT EXISTS delivery_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('Entry', 'Asset')),
  entity_id TEXT NOT NULL,
  content_type_id TEXT,
  change TEXT NOT NULL CHECK (change IN ('publish', 'unpublish')),
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS delivery_changes_by_entity ON delivery_changes (entity_id, seq);
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
    // Layouts before 3 had no metadata columns: CREATE TABLE IF NOT EXISTS would not add them.
    for (const table of ['entries', 'assets']) {
      const columns = db.pragma(`table_info(${table})`) as { name: string }[]
      if (columns.length === 0) continue
      for (const column of ['metadata', 'published_metadata']) {
        if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT`)
      }
    }
    db.exec(DDL)
    db.exec(UNIQUE_DDL)
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
  }).immediate()
  return version
}
