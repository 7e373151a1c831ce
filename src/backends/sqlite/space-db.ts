// Opens one environment's database file with the settings every store relies on.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { ensureSchema } from './schema.ts'
import { storageError } from './storage-error.ts'
import { rebuildUniqueIndex } from './unique-index.ts'

export interface SpaceDb {
  db: Database.Database
  file: string
  /** A prepared statement, cached: the stores run the same few statements many times. */
  sql(text: string): Database.Statement
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
  let db: Database.Database
  try {
    db = new Database(file, { fileMustExist: options.mustExist ?? false })
  } catch (e) {
    throw storageError(e, file)
  }
  const busyMs = options.busyTimeoutMs ?? 10_000
  let fromVersion: number
  try {
    // Another process (a second `migrate`, the HTTP face) may hold the write lock: wait for it, boundedly.
    db.pragma(`busy_timeout = ${busyMs}`)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    fromVersion = ensureSchema(db, file)
  } catch (e) {
    db.close()
    throw storageError(e, file)
  }
  const now = options.now ?? (() => new Date())
  const statements = new Map<string, Database.Statement>()
  const sdb: SpaceDb = {
    db,
    file,
    now,
    sql: (text) => {
      let statement = statements.get(text)
      if (!statement) {
        statement = db.prepare(text)
        statements.set(text, statement)
      }
      return statement
    },
    write: <T>(fn: () => T): T => {
      // Nested calls join the outer transaction (better-sqlite3 turns them into savepoints).
      if (db.inTransaction) return db.transaction(fn)()
      try {
        return db.transaction(fn).immediate()
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_BUSY') {
          throw new Error(
            `${file}: another process kept it locked for writing longer than ${busyMs / 1000} s`,
          )
        }
        throw storageError(e, file)
      }
    },
  }
  // Files from layout 1 had no unique index: fill it from what is published.
  if (fromVersion === 1) {
    sdb.write(() => {
      const actives = db.prepare('SELECT active FROM content_types WHERE active IS NOT NULL').all() as {
        active: string
      }[]
      for (const { active } of actives) rebuildUniqueIndex(sdb, JSON.parse(active))
    })
  }
  return sdb
}

/** Timestamps as Contentful writes them: ISO 8601, UTC, milliseconds. */
export function isoNow(sdb: SpaceDb): string {
  return sdb.now().toISOString()
}
