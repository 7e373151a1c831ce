// The sync against the real embedded space, driven by hand-built articles (see helpers/json-docs.ts).
import { rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import test from 'ava'
import { embeddedImage } from '../../src/markdown/rich-text.ts'
import { runSync, type SyncOptions } from '../../src/sync/run-sync.ts'
import { printReport } from '../../src/sync/sync-command.ts'
import { article, doc, image } from './helpers/articles.ts'
import { jsonParse, writeJsonDocs } from './helpers/json-docs.ts'
import { modelSpace, tempDir } from './helpers/space.ts'
import { readSpace, snapshot, spaceProblems } from './helpers/space-check.ts'

const cta = {
  variant: 'banner-1',
  text: 'Try the widget',
  href: 'https://example.com/try?utm_source=kb&utm_medium=banner&utm_campaign=trial',
  image: image('assets/banner-1.png'),
}

function sampleArticles() {
  return [
    article('widget-stuck', {
      images: [image('assets/sync-status.png')],
      related: [
        { title: 'Gear noise', href: '../Gear-Noise/' },
        { title: 'Not in the space', href: '../Nowhere/' },
      ],
      cta,
    }),
    article('gear-noise', {
      images: [image('assets/sync-status.png')],
      resolutions: [
        {
          title: 'Oil it',
          cause: null,
          intro: null,
          steps: [{ instruction: doc('Add oil.', embeddedImage(0)), images: [] }],
        },
        {
          title: 'Workaround: earplugs',
          cause: null,
          intro: null,
          steps: [{ instruction: doc('Wear them.'), images: [] }],
        },
      ],
      cta,
    }),
    article('lamp-dark', { notes: [], cta: null }),
  ]
}

async function setup(t: { teardown: (fn: () => void) => void }, articles = sampleArticles()) {
  const { dir, cleanup } = tempDir()
  const source = join(dir, 'docs')
  const files = writeJsonDocs(source, articles)
  const backend = await modelSpace(join(dir, 'space'))
  t.teardown(() => {
    void backend.close()
    cleanup()
  })
  const sync = (extra: Partial<SyncOptions> = {}) =>
    runSync(backend, { source: relative(process.cwd(), source), parse: jsonParse, ...extra })
  return { dir, source, files, backend, sync }
}

test('first sync creates and publishes everything; the second writes nothing', async (t) => {
  const { backend, sync } = await setup(t)
  const first = await sync()
  t.deepEqual(first.failed, [])
  t.is(first.articles.created, 3)
  t.deepEqual(first.entries.resolutionStep, { created: 6, updated: 0, unchanged: 0, conflicts: 0, failed: 0 })
  t.is(first.entries.ctaBanner.created, 1, 'one banner shared by two articles')
  t.is(first.assets.uploaded, 2, 'the screenshot used by two articles is one asset, plus the banner image')
  t.true(first.writes > 0)
  const space = await readSpace(backend)
  t.deepEqual(spaceProblems(space), [])
  const widget = space.entries.find((e) => e.sys.id === 'articles.widget-stuck')
  t.deepEqual(widget?.fields.relatedArticles?.['en-US'], [
    { sys: { type: 'Link', linkType: 'Entry', id: 'articles.gear-noise' } },
  ])
  t.is((widget?.fields.relatedLinks?.['en-US'] as unknown[] | undefined)?.length, 2)
  const oil = space.entries.find((e) => e.sys.id === 'articles.gear-noise.r1')
  t.is(oil?.fields.kind?.['en-US'], 'primary')
  t.is(space.entries.find((e) => e.sys.id === 'articles.gear-noise.r2')?.fields.kind?.['en-US'], 'workaround')

  const second = await sync()
  t.is(second.writes, 0)
  t.is(second.articles.unchanged, 3)
  t.is(second.assets.reused, 2)
  t.deepEqual(second.changes, [])
  t.deepEqual(snapshot(await readSpace(backend)), snapshot(space))
})

test('a changed article rewrites only the entries that changed', async (t) => {
  const { files, backend, sync } = await setup(t)
  await sync()
  const changed = article('lamp-dark', { notes: [], cta: null, description: 'Now with a new description' })
  writeFileSync(files[2] as string, JSON.stringify(changed))
  const report = await sync()
  t.is(report.articles.updated, 1)
  t.is(report.articles.unchanged, 2)
  t.deepEqual(
    report.changes.map((c) => [c.action, c.id]),
    [['update', 'articles.lamp-dark']],
  )
  t.is(report.writes, 2, 'one update and one publish')
  const lamp = (await readSpace(backend)).entries.find((e) => e.sys.id === 'articles.lamp-dark')
  t.is(lamp?.fields.description?.['en-US'], 'Now with a new description')
})

test("an editor's change survives the next sync as a conflict; --force replaces it", async (t) => {
  const { backend, sync } = await setup(t)
  await sync()
  const [step] = (await backend.getEntries({ ids: ['articles.widget-stuck.r1.s1'] })).items
  if (!step) return t.fail()
  const edited = { ...step.fields, instruction: { 'en-US': doc('Edited by an editor.') } }
  await backend.putEntry(
    { id: step.sys.id, contentTypeId: 'resolutionStep', fields: edited },
    step.sys.version,
  )

  const second = await sync()
  t.deepEqual(
    second.conflicts.map((c) => [c.id, c.file]),
    [
      [
        'articles.widget-stuck.r1.s1',
        relative(process.cwd(), join(second.source, 'articles', 'widget-stuck.md')),
      ],
    ],
  )
  t.is(second.writes, 0)
  const kept = (await backend.getEntries({ ids: ['articles.widget-stuck.r1.s1'] })).items[0]
  t.deepEqual(kept?.fields.instruction, edited.instruction)

  const forced = await sync({ force: true })
  t.deepEqual(forced.conflicts, [])
  t.is(forced.entries.resolutionStep.updated, 1)
  const replaced = (await backend.getEntries({ ids: ['articles.widget-stuck.r1.s1'] })).items[0]
  t.notDeepEqual(replaced?.fields.instruction, edited.instruction)
  t.deepEqual(spaceProblems(await readSpace(backend)), [])
  t.is((await sync()).writes, 0)
})

test('orphans are reported; --prune archives the article and its children', async (t) => {
  const { files, backend, sync } = await setup(t)
  await sync()
  rmSync(files[1] as string)
  const report = await sync()
  t.deepEqual(
    report.orphans.map((o) => [o.id, o.pruned]),
    [['articles.gear-noise', false]],
  )
  t.is(report.articles.orphans, 1)
  const pruned = await sync({ prune: true })
  t.deepEqual(
    pruned.orphans.map((o) => o.id).sort(),
    [
      'articles.gear-noise',
      'articles.gear-noise.r1',
      'articles.gear-noise.r1.s1',
      'articles.gear-noise.r2',
      'articles.gear-noise.r2.s1',
      'articles.gear-noise.n1',
    ].sort(),
  )
  const space = await readSpace(backend)
  const archived = space.entries.filter((e) => e.sys.archivedVersion !== undefined).map((e) => e.sys.id)
  t.is(archived.length, 6)
  t.deepEqual((await sync()).orphans, [])
})

test('a missing image is reported with its place; the article is synced without it', async (t) => {
  const a = article('widget-stuck', { images: [image('assets/not-there.png', '../assets/not-there.png')] })
  const { backend, sync } = await setup(t, [a])
  const report = await sync()
  t.is(report.assets.missingImages, 1)
  t.is(report.articles.created, 1)
  const [d] = report.diagnostics
  t.is(d?.ruleId, 'sync-image-missing')
  t.regex(d?.message ?? '', /not-there\.png/)
  t.is(d?.line, 1, 'located in the source text')
  t.deepEqual(spaceProblems(await readSpace(backend)), [])
})

test('a dry run lists the changeset and writes nothing', async (t) => {
  const { backend, sync } = await setup(t)
  const plan = await sync({ dryRun: true })
  t.is(plan.writes, 0)
  t.true(plan.changes.some((c) => c.action === 'create' && c.id === 'articles.widget-stuck'))
  t.true(plan.changes.some((c) => c.action === 'upload'))
  t.is((await readSpace(backend)).entries.length, 0)
})

test('--asset-base-url creates assets from URLs the space fetches', async (t) => {
  const { source, backend, sync } = await setup(t, [
    article('widget-stuck', { images: [image('assets/sync-status.png')] }),
  ])
  // The embedded space fetches the URL as Contentful would; a file: URL keeps the test offline.
  const base = `${pathToFileURL(source).href}/`
  const report = await sync({ assetBaseUrl: base })
  t.deepEqual(report.failed, [])
  const space = await readSpace(backend)
  const [asset] = space.assets
  t.regex(asset?.sys.id ?? '', /^img-[0-9a-f]{40}$/, 'keyed by the bytes when the file is also on disk')
  t.truthy(asset?.fields.file?.['en-US']?.url, 'processed from the URL')
  t.deepEqual(spaceProblems(space), [])
  t.is((await sync({ assetBaseUrl: base })).writes, 0)
})

test('one broken article among many: the others land, the broken one is reported with file, line and column', async (t) => {
  const broken = article('broken-one', {
    diagnostics: [
      { ruleId: 'parse-failed', severity: 'fatal', message: 'cannot make sense of this', line: 7, column: 3 },
    ],
  })
  const { dir, backend, sync } = await setup(t, [...sampleArticles(), broken])
  // And a file the parser throws on: contained, reported, not fatal to the run.
  writeFileSync(join(dir, 'docs', 'articles', 'garbage.md'), '{ not json')
  const report = await sync()
  t.is(report.articles.created, 3)
  t.is(report.articles.failed, 1, 'the broken article')
  t.is(report.pages.failed, 1, 'a file that cannot be read has no kind: it counts as a general page')
  const file = relative(process.cwd(), join(dir, 'docs', 'articles', 'broken-one.md'))
  t.deepEqual(
    report.failed.find((f) => f.file === file),
    { file, id: null, message: `${file}:7:3: cannot make sense of this` },
  )
  t.regex(
    report.failed.find((f) => f.file.endsWith('garbage.md'))?.message ?? '',
    /cannot read or parse this file/,
  )
  const stderr: string[] = []
  printReport(
    report,
    { source: '' },
    { stdout: { write: () => true }, stderr: { write: (s: string) => stderr.push(s) } },
  )
  t.true(stderr.includes(`${file}:7:3  fatal  cannot make sense of this  parse-failed\n`))
  const space = await readSpace(backend)
  t.false(space.entries.some((e) => e.sys.id.startsWith('articles.broken-one')))
  t.deepEqual(spaceProblems(space), [])
})

test('a related article later in the run (another chunk) is linked and published', async (t) => {
  const first = article('a-first', { related: [{ title: 'last', href: '../z-last/' }] })
  const last = article('z-last', { related: [{ title: 'first', href: '../a-first/' }] })
  const { backend, sync } = await setup(t, [first, last])
  const report = await sync({ chunkSize: 1 })
  t.deepEqual(report.failed, [])
  const space = await readSpace(backend)
  t.deepEqual(spaceProblems(space), [])
  const a = space.entries.find((e) => e.sys.id === 'articles.a-first')
  t.deepEqual(a?.fields.relatedArticles?.['en-US'], [
    { sys: { type: 'Link', linkType: 'Entry', id: 'articles.z-last' } },
  ])
  t.is((await sync({ chunkSize: 1 })).writes, 0)
})

test('a resolution removed from the Markdown leaves orphans that --prune archives', async (t) => {
  const { files, backend, sync } = await setup(t)
  await sync()
  const gear = sampleArticles()[1]
  if (!gear) return t.fail()
  writeFileSync(files[1] as string, JSON.stringify({ ...gear, resolutions: gear.resolutions.slice(0, 1) }))
  const report = await sync()
  t.deepEqual(report.orphans.map((o) => o.id).sort(), ['articles.gear-noise.r2', 'articles.gear-noise.r2.s1'])
  t.false(report.orphans.some((o) => o.pruned))
  const pruned = await sync({ prune: true })
  t.true(pruned.orphans.every((o) => o.pruned))
  const space = await readSpace(backend)
  const live = space.entries.filter((e) => e.sys.archivedVersion === undefined)
  t.false(live.some((e) => e.sys.id.startsWith('articles.gear-noise.r2')))
  t.deepEqual(spaceProblems({ ...space, entries: live }), [])
  t.deepEqual((await sync()).orphans, [])
})
