// The sync against the real embedded space, driven by hand-built articles (see helpers/json-docs.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import test from 'ava'
import noteType from '../../content-types/note.ts'
import { embeddedImage } from '../../src/markdown/rich-text.ts'
import { toContentType } from '../../src/model/define-content-type.ts'
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

/** The sample articles with the widget's first step reworded in the Markdown. */
function withFirstStep(text: string) {
  const articles = sampleArticles()
  const widget = articles[0]
  const first = widget?.resolutions[0]?.steps[0]
  if (first) first.instruction = doc(text)
  return articles
}

test("an editor's change is kept; the same field changed in the Markdown too is a conflict; --force replaces it", async (t) => {
  const { source, backend, sync } = await setup(t)
  await sync()
  const id = 'articles.widget-stuck.r1.s1'
  const [step] = (await backend.getEntries({ ids: [id] })).items
  if (!step) return t.fail()
  const edited = { ...step.fields, instruction: { 'en-US': doc('Edited by an editor.') } }
  await backend.putEntry({ id, contentTypeId: 'resolutionStep', fields: edited }, step.sys.version)

  const second = await sync()
  t.deepEqual(second.conflicts, [])
  t.deepEqual(
    second.kept.map((k) => [k.id, k.fields]),
    [[id, ['instruction']]],
  )
  t.is(second.writes, 0, 'a no-op sync after an edit writes nothing')
  const file = relative(process.cwd(), join(second.source, 'articles', 'widget-stuck.md'))

  writeJsonDocs(source, withFirstStep('Open the main menu.'))
  const third = await sync()
  t.deepEqual(
    third.conflicts.map((c) => [c.id, c.fields, c.file]),
    [[id, ['instruction'], file]],
  )
  const kept = (await backend.getEntries({ ids: [id] })).items[0]
  t.deepEqual(kept?.fields.instruction, edited.instruction, 'the CMS value stays')

  const forced = await sync({ force: true })
  t.deepEqual(forced.conflicts, [])
  t.is(forced.entries.resolutionStep.updated, 1)
  const replaced = (await backend.getEntries({ ids: [id] })).items[0]
  t.deepEqual(replaced?.fields.instruction, { 'en-US': doc('Open the main menu.') })
  t.deepEqual(spaceProblems(await readSpace(backend)), [])
  t.is((await sync()).writes, 0)
})

test('an editor fixes the title while the Markdown changes a step and the symptom: all three land', async (t) => {
  const { source, backend, sync } = await setup(t)
  await sync()
  const [widget] = (await backend.getEntries({ ids: ['articles.widget-stuck'] })).items
  if (!widget) return t.fail()
  const fields = { ...widget.fields, title: { 'en-US': 'Widget is stuck (edited)' } }
  await backend.putEntry(
    { id: widget.sys.id, contentTypeId: 'troubleshootingArticle', fields },
    widget.sys.version,
  )
  await backend.publish([{ linkType: 'Entry', id: widget.sys.id, version: widget.sys.version + 1 }])

  const articles = withFirstStep('Open the main menu.')
  const changed = articles[0]
  if (changed) changed.symptom = doc('The widget stops and hums.')
  writeJsonDocs(source, articles)
  const report = await sync()
  t.deepEqual(report.conflicts, [])
  t.deepEqual(
    report.kept.map((k) => [k.id, k.fields]),
    [['articles.widget-stuck', ['title']]],
  )
  const space = await readSpace(backend)
  const entry = (id: string) => space.entries.find((e) => e.sys.id === id)
  t.is(entry('articles.widget-stuck')?.fields.title?.['en-US'], 'Widget is stuck (edited)')
  t.deepEqual(entry('articles.widget-stuck')?.fields.symptom?.['en-US'], doc('The widget stops and hums.'))
  t.deepEqual(entry('articles.widget-stuck.r1.s1')?.fields.instruction?.['en-US'], doc('Open the main menu.'))
  t.deepEqual(spaceProblems(space), [], 'every entry published at its latest version')
})

test('a step inserted before the others leaves their ids, and an edit made on one, where they were', async (t) => {
  const { source, backend, sync } = await setup(t)
  await sync()
  const second = 'articles.widget-stuck.r1.s2'
  const [step] = (await backend.getEntries({ ids: [second] })).items
  if (!step) return t.fail()
  const edited = { ...step.fields, instruction: { 'en-US': doc('Click restart, as an editor put it.') } }
  await backend.putEntry({ id: second, contentTypeId: 'resolutionStep', fields: edited }, step.sys.version)

  const articles = sampleArticles()
  articles[0]?.resolutions[0]?.steps.unshift({ instruction: doc('Save your work.'), images: [] })
  writeJsonDocs(source, articles)
  const report = await sync()
  t.deepEqual(report.conflicts, [])
  const [resolution] = (await backend.getEntries({ ids: ['articles.widget-stuck.r1'] })).items
  const links = (resolution?.fields.steps?.['en-US'] ?? []) as { sys: { id: string } }[]
  const stepIds = links.map((l) => l.sys.id)
  t.deepEqual(stepIds.slice(1), ['articles.widget-stuck.r1.s1', second], 'the old steps keep their ids')
  t.false(stepIds[0]?.endsWith('.s1'), `the new step gets a new id (${stepIds[0]})`)
  const kept = (await backend.getEntries({ ids: [second] })).items[0]
  t.deepEqual(kept?.fields.instruction, edited.instruction, 'the edit stays on the step it was made on')
  t.is((await sync()).writes, 0)
})

test('fields the sync does not produce (a migration’s, an editor’s) survive every sync', async (t) => {
  const { source, backend, sync } = await setup(t)
  await sync()
  // What a migration does: a field the sync does not know, then values in it.
  const note = toContentType(noteType)
  note.fields.push({ id: 'extra', name: 'Extra', type: 'Symbol', localized: false, required: false })
  await backend.applyMigration([{ type: 'saveContentType', contentType: note }], {
    name: '0001-extra',
    checksum: 'x',
    appliedAt: new Date().toISOString(),
  })
  const { items } = await backend.getEntries({ contentTypeId: 'note' })
  for (const note of items)
    await backend.putEntry(
      { id: note.sys.id, contentTypeId: 'note', fields: { ...note.fields, extra: { 'en-US': 'kept' } } },
      note.sys.version,
    )
  writeJsonDocs(source, withFirstStep('Open the main menu.'))
  await sync()
  await sync({ force: true })
  const after = await backend.getEntries({ contentTypeId: 'note' })
  t.true(after.items.length > 0)
  t.true(after.items.every((n) => n.fields.extra?.['en-US'] === 'kept'))
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

test('a re-sync parses only the pages whose file, variables or images changed since they landed', async (t) => {
  const { files, source, sync } = await setup(t)
  const parsed: string[] = []
  const counting: SyncOptions['parse'] = (path, text, options) => {
    parsed.push(path.split('/').at(-1) ?? path)
    return jsonParse(path, text, options)
  }
  await sync({ parse: counting })
  t.is(parsed.length, 3)

  parsed.length = 0
  const noop = await sync({ parse: counting })
  t.deepEqual(parsed, [], 'nothing changed: nothing parsed')
  t.is(noop.unparsed, 3)
  t.is(noop.writes, 0)
  t.is(noop.articles.unchanged, 3)
  t.is(noop.entries.resolutionStep.unchanged, 6, 'children count as unchanged too')

  writeFileSync(
    files[2] as string,
    JSON.stringify(article('lamp-dark', { notes: [], cta: null, description: 'New' })),
  )
  parsed.length = 0
  const one = await sync({ parse: counting })
  t.deepEqual(parsed, ['lamp-dark.md'])
  t.is(one.articles.updated, 1)

  // The screenshot two articles show changes its bytes: both are read again, the third is not.
  writeFileSync(
    join(source, 'assets', 'sync-status.png'),
    Buffer.from(readFileSync(join(source, 'assets', 'banner-1.png'))),
  )
  parsed.length = 0
  await sync({ parse: counting })
  t.deepEqual(parsed.sort(), ['gear-noise.md', 'widget-stuck.md'])

  parsed.length = 0
  await sync({ parse: counting, variables: { product: 'Acme' } })
  t.is(parsed.length, 3, 'other variables: every page is read again')
})

test("someone's unpublished draft gets the Markdown's change beside it and stays unpublished", async (t) => {
  const { source, backend, sync } = await setup(t)
  await sync()
  const id = 'articles.widget-stuck.r1.s1'
  const [step] = (await backend.getEntries({ ids: [id] })).items
  if (!step) return t.fail()
  const draft = { ...step.fields, name: { 'en-US': 'A label an editor is still working on' } }
  await backend.putEntry({ id, contentTypeId: 'resolutionStep', fields: draft }, step.sys.version)

  writeJsonDocs(source, withFirstStep('Open the main menu.'))
  const report = await sync()
  t.deepEqual(report.failed, [])
  t.deepEqual(
    report.diagnostics.filter((d) => d.ruleId === 'sync-draft-left').map((d) => d.message),
    [
      `resolutionStep ${id} has unpublished changes made in the CMS; kb-cms wrote its fields and left it unpublished`,
    ],
  )
  const [after] = (await backend.getEntries({ ids: [id] })).items
  t.deepEqual(after?.fields.instruction, { 'en-US': doc('Open the main menu.') })
  t.is(after?.fields.name?.['en-US'], 'A label an editor is still working on')
  t.is(after?.sys.publishedVersion, step.sys.publishedVersion, 'the published version is still the old one')
})

test('--prune leaves an orphan an editor changed, and prunes nothing after a run that failed', async (t) => {
  const { files, backend, sync } = await setup(t)
  await sync()
  const [gear] = (await backend.getEntries({ ids: ['articles.gear-noise'] })).items
  if (!gear) return t.fail()
  const fields = { ...gear.fields, description: { 'en-US': 'Kept alive by an editor' } }
  await backend.putEntry(
    { id: gear.sys.id, contentTypeId: 'troubleshootingArticle', fields },
    gear.sys.version,
  )
  rmSync(files[1] as string)
  const pruned = await sync({ prune: true })
  const orphan = pruned.orphans.find((o) => o.id === 'articles.gear-noise')
  t.false(orphan?.pruned)
  t.regex(orphan?.kept ?? '', /changed in the CMS \(description\)/)
  t.is((await backend.getEntries({ ids: ['articles.gear-noise'] })).items[0]?.sys.archivedVersion, undefined)

  // A file that fails: the run prunes nothing, whatever is gone.
  rmSync(files[2] as string)
  writeFileSync(files[0] as string, '{ not json')
  const failed = await sync({ prune: true })
  t.true(failed.failed.length > 0)
  const lamp = failed.orphans.find((o) => o.id === 'articles.lamp-dark')
  t.is(lamp?.kept, 'the run failed, so nothing is archived')
  t.is((await backend.getEntries({ ids: ['articles.lamp-dark'] })).items[0]?.sys.archivedVersion, undefined)
})

test('a new kb-cms version re-reads every page but rewrites none whose entries come out the same', async (t) => {
  const { backend, sync } = await setup(t)
  await sync()
  // The entries as an older kb-cms stamped them: another code fingerprint.
  for (const e of (await backend.getEntries({ contentTypeId: 'troubleshootingArticle' })).items) {
    const base = e.fields.syncBase?.['en-US'] as { source: { code: string } }
    base.source.code = 'an-older-kb-cms'
    const saved = await backend.putEntry(
      { id: e.sys.id, contentTypeId: 'troubleshootingArticle', fields: e.fields },
      e.sys.version,
    )
    await backend.publish([{ linkType: 'Entry', id: e.sys.id, version: saved.sys.version }])
  }
  const report = await sync()
  t.is(report.unparsed, 0, 'every page parsed again')
  t.is(report.writes, 0, 'and none written for a stamp alone')
})
