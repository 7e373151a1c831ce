// `npm run migrate` / `npm run sync` as a user runs them: a temp space, stdout and stderr; in-process, except
// the sync that kills itself, which has to be a real process.
import { readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { openBackend } from '../../src/backends/open-backend.ts'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { runMigrateCommand } from '../../src/cli/migrate-command.ts'
import { pageSlug, pageUrlPath } from '../../src/markdown/page-url.ts'
import { runSyncCommand } from '../../src/sync/sync-command.ts'
import { corpusDir, corpusTest } from '../helpers/corpus.ts'
import { corpusMigrateArgs, corpusSpaceCopy } from '../helpers/corpus-space.ts'
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
    pages: { created: number }
    redirects: { created: number }
    menu: { created: number; items: number; missing: number }
    links: { resolved: number; unresolved: number }
    skipped: unknown[]
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
  const contents = await readSpace(backend)
  t.deepEqual(spaceProblems(contents), [])
  // Every page of content/ lands at its MkDocs URL: articles, the how-tos, the landing pages, the redirects.
  const files = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.split('\\').join('/'))
  const paths = new Map(
    contents.entries.map((e) => [
      e.fields[e.sys.contentType.sys.id === 'redirect' ? 'from' : 'path']?.['en-US'],
      e.sys.contentType.sys.id,
    ]),
  )
  for (const f of files) t.truthy(paths.get(pageUrlPath(f)), `${f} at ${pageUrlPath(f)}`)
  t.is(paths.get('/'), 'page', 'the home page')
  t.is(paths.get('/articles/'), 'page', 'the section landing page')
  t.is(paths.get('/articles/How-to-Share-a-Notebook/'), 'page')
  t.is(paths.get('/articles/Sharing-Notebooks/'), 'redirect')
  t.is(report.sync.articles.created + report.sync.pages.created + report.sync.redirects.created, files.length)
  t.deepEqual(report.sync.skipped, [])
  t.deepEqual(report.sync.links.unresolved, 0, 'our own pages link only to pages that exist')
  t.true(report.sync.links.resolved > 10)
  t.deepEqual([report.sync.menu.created, report.sync.menu.missing], [1, 0])
  const menu = contents.entries.find((e) => e.sys.id === 'navigation-menu')
  t.is(menu?.fields.title?.['en-US'], 'Acme Notes Knowledge Base')
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
    /^create\s+troubleshootingArticle\s+articles\.sync-token-expired\s+content\/articles\/Sync-Token-Expired\.md$/m,
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
  // Every page kind lands now: nothing of content/ is skipped, so the table names no skipped file.
  t.notRegex(real.stdout, /^skipped/m)
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
  'the development corpus syncs: all 336 files land at their MkDocs paths, with the menu; a no-op re-run',
  async (t) => {
    // The first run is the shared corpus space's build (test/helpers/corpus-space.ts: the very command below,
    // once for every test that reads the corpus space), the re-run is this test's own, on its own copy.
    // Two runs over 336 pages: more than the suite's default on a busy machine.
    t.timeout(10 * 60_000)
    const first = await corpusSpaceCopy(t)
    const { space } = first
    const args = corpusMigrateArgs(space)
    t.is(first.code, 0, first.stderr)
    const report = JSON.parse(first.stdout) as MigrateJson
    t.true(report.sync.assets.missingImages > 0, 'the corpus ships no images')
    t.regex(first.stderr, /\.md:\d+:\d+ {2}warning {2}image not found: .+ {2}sync-image-missing/)

    const rows = readFileSync(join(corpusDir, 'dev-set.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split('\t') as [string, string])
    t.is(rows.length, 336)
    t.deepEqual(report.sync.skipped, [])
    t.deepEqual(report.sync.failed, [])
    t.is(
      report.sync.articles.created + report.sync.pages.created + report.sync.redirects.created,
      rows.length,
      'every file lands',
    )
    const count = (k: string) => rows.filter(([, kind]) => kind === k).length
    t.deepEqual(
      [report.sync.articles.created, report.sync.pages.created, report.sync.redirects.created],
      [count('troubleshooting'), count('other'), count('redirect')],
    )
    t.is(report.sync.menu.created, 1)

    const backend = SqliteBackend.open({ space })
    t.teardown(() => backend.close())
    const contents = await readSpace(backend)
    const byPath = new Map<string, { type: string; slug: unknown }>()
    for (const e of contents.entries) {
      const type = e.sys.contentType.sys.id
      const path = e.fields[type === 'redirect' ? 'from' : 'path']?.['en-US']
      if (typeof path === 'string') byPath.set(path, { type, slug: e.fields.slug?.['en-US'] })
    }
    const typeOf = { troubleshooting: 'troubleshootingArticle', other: 'page', redirect: 'redirect' }
    for (const [file, kind] of rows) {
      const landed = byPath.get(pageUrlPath(file))
      t.truthy(landed, `${file} is in the space at ${pageUrlPath(file)}`)
      t.is(landed?.type, typeOf[kind as keyof typeof typeOf], `${file} lands as its kind`)
      if (landed && landed.type !== 'redirect') t.is(landed.slug, pageSlug(file), file)
    }
    // Same-named files in different folders both land (today's five pairs, e.g. Release-Notes.md).
    const names = rows.map(([file]) => file.split('/').at(-1))
    t.true(names.length > new Set(names).size, 'the corpus has same-named files')
    // Three redirect stubs point at pages kept back from the corpus: named, not fatal.
    const missingTargets = first.stderr.match(/redirect target \S+ \(\S+\) is neither/g) ?? []
    t.is(missingTargets.length, 3, first.stderr)
    const menu = contents.entries.find((e) => e.sys.id === 'navigation-menu')
    const siteName = /^site_name:\s*(.+)$/m.exec(readFileSync(join(corpusDir, 'mkdocs.yml'), 'utf8'))?.[1]
    t.is(menu?.fields.title?.['en-US'], siteName?.trim(), 'the menu is titled by site_name')
    t.true(report.sync.menu.items > 100)
    t.regex(
      first.stderr,
      /mkdocs\.yml:\d+:\d+ {2}warning {2}nav entry .* not in the docs root.* {2}nav-file-missing/,
    )
    t.deepEqual(spaceProblems(contents), [])

    const second = JSON.parse((await run('migrate', args)).stdout) as MigrateJson
    t.is(second.sync.writes, 0)
  },
)
