// A full disk or a read-only embedded space: every failure names the database file and what to do, the run
// reports failure and lists no orphans, and once the disk has room again a re-run completes the space.
import { chmodSync, cpSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'
import type { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { runSync } from '../../src/sync/run-sync.ts'
import { runScript } from '../helpers/run-command.ts'
import { modelSpace, tempDir } from './helpers/space.ts'

const content = join(import.meta.dirname, '..', '..', 'content')

/** The backend's own SQLite connection: SQLite's per-connection limits stand in for a full or read-only disk. */
function connectionOf(backend: SqliteBackend): { pragma(source: string, options?: object): unknown } {
  return (backend.space as unknown as { s: { db: { pragma(source: string, options?: object): unknown } } }).s
    .db
}

async function setup(t: { teardown(fn: () => unknown): void }) {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const docs = join(dir, 'docs')
  cpSync(content, docs, { recursive: true })
  const spaceDir = join(dir, 'space')
  const backend = await modelSpace(spaceDir)
  t.teardown(() => backend.close())
  return { dir, docs, spaceDir, backend, db: connectionOf(backend), file: backend.space.file }
}

test('a full disk: each failure names the database file; with room again the re-run completes the space', async (t) => {
  const { docs, backend, db, file } = await setup(t)
  // The database may not grow by a single page: SQLite answers SQLITE_FULL, as on a full disk.
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`)
  const full = await runSync(backend, { source: docs })
  t.true(full.failed.length > 0)
  for (const f of full.failed) t.true(f.message.includes(`${file}: the disk is full`), f.message)
  // No live article, page or redirect is called an orphan (its file is right there).
  t.deepEqual(
    full.orphans.filter((o) => o.sourcePath !== null),
    [],
  )

  db.pragma('max_page_count = 1073741823')
  const again = await runSync(backend, { source: docs })
  // Assets whose upload the full disk cut short are uploaded again, not reused unprocessed.
  t.deepEqual(
    again.failed.map((f) => f.message),
    [],
  )
  t.deepEqual(again.orphans, [])
  const third = await runSync(backend, { source: docs })
  t.is(third.writes, 0)
})

// The steps of an article whose own write failed were written first and are linked from nothing yet: after a
// failed run the orphan scan leaves children alone (orphans.ts).
test('a run stopped by a full disk lists no orphans', async (t) => {
  const { docs, backend, db } = await setup(t)
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`)
  const full = await runSync(backend, { source: docs })
  t.true(full.failed.length > 0)
  t.deepEqual(
    full.orphans.map((o) => `${o.type} ${o.id}`),
    [],
  )
})

test('a space that cannot be written: each failure names the database file, no orphans', async (t) => {
  const { docs, backend, db, file } = await setup(t)
  await runSync(backend, { source: docs })
  cpSync(join(content, 'articles', 'Notes-Not-Syncing.md'), join(docs, 'articles', 'Notes-Not-Syncing-2.md'))
  db.pragma('query_only = ON') // every write now fails with SQLITE_READONLY
  const report = await runSync(backend, { source: docs })
  t.true(report.failed.length > 0)
  for (const f of report.failed) t.regex(f.message, /the space cannot be written/)
  for (const f of report.failed) t.true(f.message.includes(file), f.message)
  t.deepEqual(report.orphans, [])
})

// root writes any file whatever its mode, so under root the sync runs as the unprivileged `nobody`.
const nobody = process.getuid?.() === 0 ? 65534 : undefined
test('npm run sync on a read-only space folder: one line naming the file, exit 1', async (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const docs = join(dir, 'docs')
  cpSync(content, docs, { recursive: true })
  mkdirSync(join(dir, 'space'))
  await (await modelSpace(join(dir, 'space'))).close()
  chmodSync(dir, 0o755)
  chmodSync(join(dir, 'space', 'master.sqlite'), 0o444)
  chmodSync(join(dir, 'space'), 0o555)
  const run = await runScript('sync', ['--space', join(dir, 'space'), '--source', docs], {
    cwd: dir,
    ...(nobody === undefined ? {} : { uid: nobody }),
  })
  t.is(run.code, 1, run.stderr)
  const lines = run.stderr.trim().split('\n')
  t.is(lines.length, 1, run.stderr)
  t.regex(lines[0] ?? '', /^sync: .*master\.sqlite: the space cannot be written/)
})
