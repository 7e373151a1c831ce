// The sync command's own logic in process: look-before-lock, --prune of orphans, printed output.
import { cpSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import test from 'ava'
import { loadVariables } from '../../src/markdown/load-variables.ts'
import { acquireMigrationLock } from '../../src/migrate/lock.ts'
import { runSync } from '../../src/sync/run-sync.ts'
import { syncWithLock } from '../../src/sync/sync-command.ts'
import { modelSpace, tempDir } from './helpers/space.ts'
import { readSpace, spaceProblems } from './helpers/space-check.ts'

const content = join(import.meta.dirname, '..', '..', 'content')
const quiet = { stdout: { write: () => true }, stderr: { write: () => true } }

test('--prune archives an orphan even when nothing else changed', async (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const docs = join(dir, 'docs')
  cpSync(content, docs, { recursive: true })
  const backend = await modelSpace(join(dir, 'space'))
  t.teardown(() => backend.close())
  const source = relative(process.cwd(), docs)

  const first = await syncWithLock(backend, { source }, quiet)
  t.deepEqual(first.failed, [])
  const noop = await syncWithLock(backend, { source }, quiet)
  t.is(noop.writes, 0)

  rmSync(join(docs, 'articles', 'Sync-Token-Expired.md'))
  const reported = await syncWithLock(backend, { source }, quiet)
  t.deepEqual(
    reported.orphans.map((o) => [o.id, o.pruned]),
    [['articles.sync-token-expired', false]],
  )
  const pruned = await syncWithLock(backend, { source, prune: true }, quiet)
  t.true(pruned.orphans.some((o) => o.id === 'articles.sync-token-expired' && o.pruned))
  t.true(pruned.writes > 0)
  const space = await readSpace(backend)
  const article = space.entries.find((e) => e.sys.id === 'articles.sync-token-expired')
  t.not(article?.sys.archivedVersion, undefined)
  t.deepEqual(
    spaceProblems({ ...space, entries: space.entries.filter((e) => e.sys.archivedVersion === undefined) }),
    [],
  )
  t.deepEqual((await syncWithLock(backend, { source, prune: true }, quiet)).orphans, [])
})

test('the lock is taken only by a run that writes: a no-op or a dry run only reads', async (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const backend = await modelSpace(join(dir, 'space'))
  t.teardown(() => backend.close())
  let locks = 0
  const acquire = backend.acquireLock.bind(backend)
  backend.acquireLock = (holder) => {
    locks++
    return acquire(holder)
  }
  const source = relative(process.cwd(), content)
  await syncWithLock(backend, { source, dryRun: true }, quiet)
  t.is(locks, 0)
  await syncWithLock(backend, { source }, quiet)
  t.is(locks, 1)
  const noop = await syncWithLock(backend, { source }, quiet)
  t.is(noop.writes, 0)
  t.is(locks, 1)
  // Released: a migration can take it at once.
  t.true(
    (
      await backend.acquireLock({
        id: 'next',
        description: 'test',
        acquiredAt: '',
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      })
    ).acquired,
  )
})

test('a sync that waited for the lock reads the space again before it writes: no stale versions, no false failures', async (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const docs = join(dir, 'docs')
  cpSync(content, docs, { recursive: true })
  const backend = await modelSpace(join(dir, 'space'))
  t.teardown(() => backend.close())
  const source = relative(process.cwd(), docs)

  // Another run holds the space; ours plans, and waits at its first write.
  const other = await acquireMigrationLock(backend, { command: 'another sync' })
  let stderr = ''
  let waiting: () => void = () => undefined
  const waited = new Promise<void>((resolve) => {
    waiting = resolve
  })
  const io = {
    stdout: { write: () => true },
    stderr: {
      write: (s: string) => {
        stderr += s
        if (s.includes('waiting for')) waiting()
        return true
      },
    },
  }
  const ours = syncWithLock(backend, { source }, io)
  await waited
  // Meanwhile the other run writes everything ours planned to create, then lets go.
  const variables = loadVariables(join(docs, 'mkdocs.yml'))
  const theirs = await runSync(backend, { source, variables })
  t.true(theirs.writes > 0)
  await other.release()

  const report = await ours
  t.deepEqual(report.failed, [])
  t.deepEqual(report.conflicts, [])
  t.is(report.writes, 0, 'read again: everything it wanted is there')
  t.regex(stderr, /reading it again/)
  t.deepEqual(spaceProblems(await readSpace(backend)), [])
})
