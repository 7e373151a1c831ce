// `npm run migrate` / `npm run sync` as a user runs them: real processes, a temp space, stdout and stderr.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { slugFromFileName } from '../../src/sync/related-slug.ts'
import { corpusDir, corpusTest } from '../helpers/corpus.ts'
import { tempDir } from './helpers/space.ts'
import { readSpace, spaceProblems } from './helpers/space-check.ts'

const root = join(import.meta.dirname, '..', '..')

function run(script: 'migrate' | 'sync', args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    ['--import=tsx', join(root, 'scripts', `${script}.ts`), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CONTENTFUL_SPACE_ID: '', CONTENTFUL_MANAGEMENT_TOKEN: '', ...env },
    },
  )
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr }
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
  const first = run('migrate', ['--space', space, '--json'])
  t.is(first.code, 0, first.stderr)
  const report = JSON.parse(first.stdout) as MigrateJson
  t.true(report.applied.length > 0)
  t.true(report.sync.articles.created > 0)
  t.deepEqual(report.sync.failed, [])
  t.true(report.sync.writes > 0)

  const second = JSON.parse(run('migrate', ['--space', space, '--json']).stdout) as MigrateJson
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
  t.is(run('migrate', ['--space', space, '--no-sync']).code, 0)
  const plan = run('sync', ['--space', space, '--dry-run'])
  t.is(plan.code, 0, plan.stderr)
  t.regex(
    plan.stdout,
    /^create\s+troubleshootingArticle\s+sync-token-expired\s+content\/articles\/Sync-Token-Expired\.md$/m,
  )
  t.regex(plan.stdout, /dry run, nothing written/)
  const backend = SqliteBackend.open({ space })
  t.is((await readSpace(backend)).entries.length, 0)
  await backend.close()

  const real = run('sync', ['--space', space])
  t.is(real.code, 0, real.stderr)
  t.regex(real.stdout, /created\s+updated\s+unchanged\s+conflicts\s+orphans\s+skipped\s+failed/)
  t.regex(real.stdout, /^articles\s+[1-9]\d*\s+0\s+0\s+0\s+0\s+\d+\s+0$/m)
  t.regex(real.stdout, /^writes: [1-9]\d*$/m)
  t.regex(run('sync', ['--space', space]).stdout, /^writes: 0$/m)
})

test('a sync killed while holding the lock does not block the next one', (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const space = join(dir, 'space')
  t.is(run('migrate', ['--space', space, '--no-sync']).code, 0)
  const killed = run('sync', ['--space', space], { KB_CMS_SYNC_KILL_AFTER_WRITES: '20' })
  t.is(killed.signal, 'SIGKILL')
  const started = Date.now()
  const next = run('sync', ['--space', space, '--json'])
  t.is(next.code, 0, next.stderr)
  t.true(Date.now() - started < 25_000, "took the dead holder's lock over instead of waiting it out")
  t.true((JSON.parse(next.stdout) as { writes: number }).writes > 0)
  t.regex(run('sync', ['--space', space]).stdout, /^writes: 0$/m)
})

test('bad options are usage errors naming the option', (t) => {
  const missing = run('sync', [
    '--space',
    join(tmpdir(), 'kb-sync-never-created'),
    '--source',
    'no-such-folder',
  ])
  t.is(missing.code, 2)
  t.regex(missing.stderr, /--source does not exist: no-such-folder/)
  const url = run('sync', ['--source', 'content', '--asset-base-url', 'ftp://x'])
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
    const first = run('migrate', args)
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

    const second = JSON.parse(run('migrate', args).stdout) as MigrateJson
    t.is(second.sync.writes, 0)
  },
)
