// Opens one environment's database file with the settings every store relies on.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { ensureSchema } from './schema.ts'

export interface SpaceDb {
  db: Database.Database
  file: string
  /** Runs `fn` in a write transaction taken up front, so concurrent writers queue instead of failing mid-way. */
  write<T>(fn: () => T): T
  /** The clock, injectable so tests can move time (lock expiry) without sleeping. */
  now(): Date
}

export interface OpenDbOptions {
  /** Refuse to create the file when it does not exist (opening an environment that was never created). */
  mustExist?: boolean
  busyTimeoutMs?: number
  now?: () => Date
}

export function openSpaceDb(file: string, options: OpenDbOptions = {}): SpaceDb {
  if (!options.mustExist) mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file, { fileMustExist: options.mustExist ?? false })
  try {
    // Another process (a second `migrate`, the HTTP face) may hold the write lock: wait for it, boundedly.
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    ensureSchema(db, file)
  } catch (e) {
    db.close()
    throw e
  }
  const now = options.now ?? (() => new Date())
  return {
    db,
    file,
    now,
    write: <T>(fn: () => T): T => {
      // Nested calls join the outer transaction (better-sqlite3 turns them into savepoints).
      return db.inTransaction ? db.transaction(fn)() : db.transaction(fn).immediate()
    },
  }
}

/** Timestamps as Contentful writes them: ISO 8601, UTC, milliseconds. */
export function isoNow(sdb: SpaceDb): string {
  return sdb.now().toISOString()
}
