// `npm run migrate` / `npm run sync` as a user runs them: a temp space, stdout and stderr; in-process, except
// the sync that kills itself, which has to be a real process.
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { openBackend } from '../../src/backends/open-backend.ts'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { runMigrateCommand } from '../../src/cli/migrate-command.ts'
import { slugFromFileName } from '../../src/sync/related-slug.ts'
import { runSyncCommand } from '../../src/sync/sync-command.ts'
import { corpusDir, corpusTest } from '../helpers/corpus.ts'
import { inProcess, type Run, runScriptSync } from '../helpers/run-command.ts'
import { tempDir } from './helpers/space.ts'
import { readSpace, spaceProblems } from './helpers/space-check.ts'

const root = join(import.meta.dirname, '..', '..')

const env = { ...process.env, CONTENTFUL_SPACE_ID: '', CONTENTFUL_MANAGEMENT_TOKEN: '' }

/** The command in this process, from the repository's root (see test/helpers/run-command.ts). */
function run(script: 'migrate' | 'sync', args: string[]): Promise<Run> {
  return inProcess(
    (io) =>
      script === 'migrate'
        ? runMigrateCommand(args, { ...io, env })
        : runSyncCommand(args, { ...io, env }, openBackend),
    { cwd: root },
  )
}

interface MigrateJson {
  applied: unknown[]
  sync: {
    writes: number
    articles: { created: number; unchanged: number }
    failed: unknown[]
    assets: { missingImages: number }
  }
}

test('npm run migrate applies the model and syncs content/; the second run writes nothing', async (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const space = join(dir, 'space')
  const first = await run('migrate', ['--space', space, '--json'])
  t.is(first.code, 0, first.stderr)
  const report = JSON.parse(first.stdout) as MigrateJson
  t.true(report.applied.length > 0)
  t.true(report.sync.articles.created > 0)
  t.deepEqual(report.sync.failed, [])
  t.true(report.sync.writes > 0)

  const second = JSON.parse((await run('migrate', ['--space', space, '--json'])).stdout) as MigrateJson
  t.is(second.sync.writes, 0)
  t.is(second.sync.articles.unchanged, report.sync.articles.created)

  const backend = SqliteBackend.open({ space })
  t.teardown(() => backend.close())
  t.deepEqual(spaceProblems(await readSpace(backend)), [])
})

test('npm run sync prints a summary table, and the changeset on --dry-run', async (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const space = join(dir, 'space')
  t.is((await run('migrate', ['--space', space, '--no-sync'])).code, 0)
  const plan = await run('sync', ['--space', space, '--dry-run'])
  t.is(plan.code, 0, plan.stderr)
  t.regex(
    plan.stdout,
    /^create\s+troubleshootingArticle\s+sync-token-expired\s+content\/articles\/Sync-Token-Expired\.md$/m,
  )
  t.regex(plan.stdout, /dry run, nothing written/)
  const backend = SqliteBackend.open({ space })
  t.is((await readSpace(backend)).entries.length, 0)
  await backend.close()

  const real = await run('sync', ['--space', space])
  t.is(real.code, 0, real.stderr)
  t.regex(real.stdout, /created\s+updated\s+unchanged\s+conflicts\s+orphans\s+skipped\s+failed/)
  t.regex(real.stdout, /^articles\s+[1-9]\d*\s+0\s+0\s+0\s+0\s+\d+\s+0$/m)
  t.regex(real.stdout, /^writes: [1-9]\d*$/m)
  // What was skipped is named, with why, under the table.
  t.regex(real.stdout, /^skipped, redirect stubs \(1\): content\/articles\/Sync-Error-Troubleshooting\.md$/m)
  t.regex(
    real.stdout,
    /^skipped, not troubleshooting articles .*\(1\): content\/articles\/How-to-Export-Notes-to-PDF\.md$/m,
  )
  t.regex((await run('sync', ['--space', space])).stdout, /^writes: 0$/m)
})

test('a sync killed while holding the lock does not block the next one', async (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const space = join(dir, 'space')
  t.is((await run('migrate', ['--space', space, '--no-sync'])).code, 0)
  const killed = runScriptSync('sync', ['--space', space], {
    env: { ...env, KB_CMS_SYNC_KILL_AFTER_WRITES: '20' },
  })
  t.is(killed.signal, 'SIGKILL')
  const next = await run('sync', ['--space', space, '--json'])
  t.is(next.code, 0, next.stderr)
  // Taken over at once (its holder is gone), not waited out: a wait says so on stderr.
  t.notRegex(next.stderr, /waiting for/, "took the dead holder's lock over instead of waiting it out")
  t.true((JSON.parse(next.stdout) as { writes: number }).writes > 0)
  t.regex((await run('sync', ['--space', space])).stdout, /^writes: 0$/m)
})

test('bad options are usage errors naming the option', async (t) => {
  const missing = await run('sync', [
    '--space',
    join(tmpdir(), 'kb-sync-never-created'),
    '--source',
    'no-such-folder',
  ])
  t.is(missing.code, 2)
  t.regex(missing.stderr, /--source does not exist: no-such-folder/)
  const url = await run('sync', ['--source', 'content', '--asset-base-url', 'ftp://x'])
  t.is(url.code, 2)
  t.regex(url.stderr, /--asset-base-url must be an http\(s\) URL/)
})

corpusTest(test)(
  'the development corpus syncs: every troubleshooting article in the space, a no-op re-run',
  async (t) => {
    const { dir, cleanup } = tempDir()
    t.teardown(cleanup)
    const space = join(dir, 'space')
    const args = ['--space', space, '--source', join(corpusDir, 'docs'), '--json']
    const first = await run('migrate', args)
    t.is(first.code, 0, first.stderr)
    const report = JSON.parse(first.stdout) as MigrateJson
    t.true(report.sync.assets.missingImages > 0, 'the corpus ships no images')
    t.regex(first.stderr, /\.md:\d+:\d+ {2}warning {2}image not found: .+ {2}sync-image-missing/)

    const expected = readFileSync(join(corpusDir, 'dev-set.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .filter(([, kind]) => kind === 'troubleshooting')
      .map(([path]) => slugFromFileName((path ?? '').split('/').at(-1) ?? ''))
    const backend = SqliteBackend.open({ space })
    t.teardown(() => backend.close())
    const contents = await readSpace(backend)
    const slugs = contents.entries
      .filter((e) => e.sys.contentType.sys.id === 'troubleshootingArticle')
      .map((e) => e.fields.slug?.['en-US'])
    for (const slug of expected) t.true(slugs.includes(slug), `${slug} is in the space`)
    t.deepEqual(spaceProblems(contents), [])

    const second = JSON.parse((await run('migrate', args)).stdout) as MigrateJson
    t.is(second.sync.writes, 0)
  },
)
