// Every page kind through the sync, with hand-built articles (see helpers/json-docs.ts) in a real embedded
// space: general pages with embedded notes, redirects, links between pages, path identity and the menu.

import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { Block, Inline } from '@contentful/rich-text-types'
import test from 'ava'
import { embeddedImage } from '../../src/markdown/rich-text.ts'
import type { Article } from '../../src/model/article.ts'
import type { EntryRecord } from '../../src/model/contentful-types.ts'
import { runSync, type SyncOptions } from '../../src/sync/run-sync.ts'
import { article, doc, image } from './helpers/articles.ts'
import { jsonParse, writeJsonDocs } from './helpers/json-docs.ts'
import { modelSpace, tempDir } from './helpers/space.ts'
import { readSpace, snapshot, spaceProblems } from './helpers/space-check.ts'

const text = (value: string) => ({ nodeType: 'text', value, marks: [], data: {} })
const hyperlink = (uri: string, label: string) =>
  ({ nodeType: 'hyperlink', data: { uri }, content: [text(label)] }) as unknown as Inline
const para = (...content: unknown[]) => ({ nodeType: 'paragraph', data: {}, content }) as never
const notePlaceholder = (n: number) =>
  ({
    nodeType: 'embedded-entry-block',
    data: { target: { sys: { type: 'Link', linkType: 'Entry', id: `kb-note-${n}` } } },
    content: [],
  }) as unknown as Block

function page(slug: string, overrides: Partial<Article> = {}): Article {
  return article(slug, {
    kind: 'other',
    symptom: null,
    cause: null,
    errorCodes: [],
    resolutions: [],
    notes: [],
    ...overrides,
  })
}

function redirect(slug: string, to: string): Article {
  return page(slug, { kind: 'redirect', title: '', body: null, redirectTo: to })
}

/** A docs root with the articles at the given paths below it (JSON, read back by jsonParse). */
function writeAt(root: string, files: Record<string, Article>): void {
  writeJsonDocs(root, [])
  for (const [rel, a] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), JSON.stringify(a))
  }
}

async function setup(t: { teardown: (fn: () => void) => void }, files: Record<string, Article>) {
  const { dir, cleanup } = tempDir()
  const source = join(dir, 'docs')
  writeAt(source, files)
  const backend = await modelSpace(join(dir, 'space'))
  t.teardown(() => {
    void backend.close()
    cleanup()
  })
  const sync = (extra: Partial<SyncOptions> = {}) =>
    runSync(backend, { source: relative(process.cwd(), source), parse: jsonParse, ...extra })
  return { dir, source, backend, sync }
}

const field = (e: EntryRecord | undefined, id: string) => e?.fields[id]?.['en-US']
const byId = (entries: EntryRecord[], id: string) => entries.find((e) => e.sys.id === id)

function sample() {
  return {
    'guide/Install-Guide.md': page('install-guide', {
      title: 'Install the widget',
      images: [image('assets/sync-status.png')],
      notes: [
        { kind: 'warning', title: 'Admins only', body: doc('Ask your admin first.') },
        { kind: 'note', title: 'Can I skip this?', body: doc('No.'), collapsible: true },
      ],
      body: doc(
        'Download the installer.',
        notePlaceholder(0),
        embeddedImage(0),
        para(text('Then read '), hyperlink('../../help/Widget-Stuck/#clear_the_cache', 'the fix'), text('.')),
        notePlaceholder(1),
      ),
    }),
    'help/Widget-Stuck.md': article('widget-stuck', {
      symptom: doc('The widget stops.'),
      cause: {
        ...doc(),
        content: [para(text('See '), hyperlink('../../guide/Install-Guide.md', 'install'))],
      },
      body: {
        ...doc(),
        content: [para(hyperlink('../Old-Name/', 'moved page'), hyperlink('../Nowhere/', 'gone'))],
      },
      links: [
        { href: '../../guide/Install-Guide.md', line: 4, column: 9 },
        { href: '../Old-Name/', line: 12, column: 1 },
        { href: '../Nowhere/', line: 12, column: 30 },
      ],
      related: [{ title: 'Install', href: '../../guide/Install-Guide/' }],
    }),
    'help/Old-Name.md': redirect('old-name', '../../guide/Install-Guide/'),
    'help/Gone-Too.md': redirect('gone-too', '../Never-Written/'),
  }
}

test('a general page lands with its notes embedded, its images as assets and links to other pages', async (t) => {
  const { backend, sync } = await setup(t, sample())
  const report = await sync()
  t.deepEqual(report.failed, [])
  t.deepEqual([report.articles.created, report.pages.created, report.redirects.created], [1, 1, 2])
  const { entries } = await readSpace(backend)
  const guide = byId(entries, 'page.guide.install-guide')
  t.is(field(guide, 'path'), '/guide/Install-Guide/')
  t.is(field(guide, 'slug'), 'guide/install-guide')
  t.is(field(guide, 'sourcePath'), 'guide/Install-Guide.md', 'relative to the docs root')
  const body = field(guide, 'body') as {
    content: { nodeType: string; data: { target?: { sys: { id: string } } } }[]
  }
  t.deepEqual(
    body.content.map((n) => [n.nodeType, n.data.target?.sys.id.replace(/^img-.*/, 'img')]),
    [
      ['paragraph', undefined],
      ['embedded-entry-block', 'page.guide.install-guide.n1'],
      ['embedded-asset-block', 'img'],
      ['paragraph', undefined],
      ['embedded-entry-block', 'page.guide.install-guide.n2'],
    ],
  )
  t.is(field(byId(entries, 'page.guide.install-guide.n2'), 'collapsible'), true)
  t.is(field(byId(entries, 'page.guide.install-guide.n1'), 'collapsible'), undefined)
  // The link with an anchor: an entry hyperlink, its anchor beside it.
  const link = (body.content[3] as unknown as { content: { nodeType: string; data: unknown }[] }).content[1]
  t.deepEqual(link, {
    nodeType: 'entry-hyperlink',
    data: { target: { sys: { type: 'Link', linkType: 'Entry', id: 'help.widget-stuck' } } },
    content: [text('the fix')],
  } as never)
  t.deepEqual(field(guide, 'linkAnchors'), [
    { entry: 'help.widget-stuck', text: 'the fix', anchor: 'clear_the_cache' },
  ])
  t.deepEqual(
    spaceProblems({ entries, assets: [] }).filter((p) => !p.includes('missing img-')),
    [],
  )
})

test('links: a .md link and a link to a redirect resolve; a link to nothing is a warning with its place', async (t) => {
  const { backend, sync } = await setup(t, sample())
  const report = await sync()
  const { entries } = await readSpace(backend)
  const widget = byId(entries, 'help.widget-stuck')
  const cause = JSON.stringify(field(widget, 'cause'))
  t.regex(
    cause,
    /"entry-hyperlink".*"page\.guide\.install-guide"/,
    'Install-Guide.md, resolved against the file',
  )
  const body = field(widget, 'body') as { content: { content: { nodeType: string; data: unknown }[] }[] }
  const [toRedirect, toNothing] = body.content[0]?.content ?? []
  t.deepEqual(
    toRedirect?.data,
    { target: { sys: { type: 'Link', linkType: 'Entry', id: 'page.guide.install-guide' } } },
    'a link to a redirect stub goes to its target',
  )
  t.deepEqual([toNothing?.nodeType, toNothing?.data], ['hyperlink', { uri: '../Nowhere/' }])
  const unresolved = report.diagnostics.filter((d) => d.ruleId === 'unresolved-link')
  t.deepEqual(
    unresolved.map((d) => [d.file.split('/').slice(-2).join('/'), d.line, d.column, d.severity]),
    [['help/Widget-Stuck.md', 12, 30, 'warning']],
  )
  t.regex(unresolved[0]?.message ?? '', /\.\.\/Nowhere\/ leads to \/help\/Nowhere\//)
  t.deepEqual(field(widget, 'relatedArticles'), [
    { sys: { type: 'Link', linkType: 'Entry', id: 'page.guide.install-guide' } },
  ])
  t.deepEqual(report.links, { resolved: 4, unresolved: 1 })
})

test('redirects: an entry link to a target in the space, else the path only and a warning naming it', async (t) => {
  const { backend, sync } = await setup(t, sample())
  const report = await sync()
  const { entries } = await readSpace(backend)
  const old = byId(entries, 'redirect.help.old-name')
  t.is(field(old, 'from'), '/help/Old-Name/')
  t.is(field(old, 'targetPath'), '/guide/Install-Guide/')
  t.deepEqual(field(old, 'target'), {
    sys: { type: 'Link', linkType: 'Entry', id: 'page.guide.install-guide' },
  })
  const gone = byId(entries, 'redirect.help.gone-too')
  t.is(field(gone, 'targetPath'), '/help/Never-Written/')
  t.is(field(gone, 'target'), undefined)
  const warning = report.diagnostics.find((d) => d.ruleId === 'redirect-target-missing')
  t.regex(warning?.message ?? '', /\.\.\/Never-Written\/ \(\/help\/Never-Written\/\)/)
  t.true(warning?.file.endsWith('help/Gone-Too.md'))
  const second = await sync()
  t.is(second.writes, 0)
  t.deepEqual(second.changes, [])
})

test('same-named files in different folders both land, under ids from their paths', async (t) => {
  const { backend, sync } = await setup(t, {
    'alpha/Release-Notes.md': page('release-notes', { title: 'Alpha notes' }),
    'beta/Release-Notes.md': page('release-notes', { title: 'Beta notes' }),
    'alpha/index.md': page('index', { title: 'Alpha' }),
    'index.md': page('index', { title: 'Home' }),
  })
  const report = await sync()
  t.deepEqual(report.failed, [])
  t.is(report.pages.created, 4)
  const { entries } = await readSpace(backend)
  t.deepEqual(entries.map((e) => [e.sys.id, field(e, 'path'), field(e, 'title')]).sort(), [
    ['page.alpha', '/alpha/', 'Alpha'],
    ['page.alpha.release-notes', '/alpha/Release-Notes/', 'Alpha notes'],
    ['page.beta.release-notes', '/beta/Release-Notes/', 'Beta notes'],
    ['page.index', '/', 'Home'],
  ])
})

test('two files that would be one page are reported, not silently merged', async (t) => {
  const { sync } = await setup(t, {
    'alpha/Guide.md': page('x', { title: 'One' }),
    'alpha/Guide/index.md': page('y', { title: 'Two' }),
  })
  const report = await sync()
  t.is(report.pages.created, 1)
  t.is(report.pages.failed, 1)
  t.regex(
    report.failed[0]?.message ?? '',
    /slug "alpha\/guide" \(\/alpha\/Guide\/\) is already used by .*alpha\/Guide(\.md|\/index\.md)$/,
  )
})

test('an article synced before path identity keeps its ids: adopted once, then a no-op', async (t) => {
  const files = { 'help/Widget-Stuck.md': article('widget-stuck') }
  const { source, backend, sync } = await setup(t, files)
  // What the sync wrote before: ids and slug from the file name, sourcePath relative to the working folder.
  const legacy = (path: string, text: string, options: { docsRoot?: string }) => {
    const a = jsonParse(path, text, options)
    return { ...a, slug: 'widget-stuck', sourcePath: path }
  }
  const before = await sync({ parse: legacy as never })
  t.is(before.articles.created, 1)
  t.truthy(byId((await readSpace(backend)).entries, 'widget-stuck'))

  const after = await sync()
  t.deepEqual(after.failed, [])
  t.deepEqual(after.orphans, [])
  const { entries } = await readSpace(backend)
  t.deepEqual(entries.map((e) => e.sys.id).sort(), [
    'widget-stuck',
    'widget-stuck.n1',
    'widget-stuck.r1',
    'widget-stuck.r1.s1',
    'widget-stuck.r1.s2',
  ])
  const widget = byId(entries, 'widget-stuck')
  t.is(field(widget, 'slug'), 'help/widget-stuck')
  t.is(field(widget, 'path'), '/help/Widget-Stuck/')
  t.is(field(widget, 'sourcePath'), 'help/Widget-Stuck.md')
  t.is((await sync()).writes, 0)
  // A new space gets the path id.
  const fresh = await modelSpace(join(source, '..', 'fresh'))
  t.teardown(() => fresh.close())
  await runSync(fresh, { source: relative(process.cwd(), source), parse: jsonParse })
  t.truthy(byId((await readSpace(fresh)).entries, 'help.widget-stuck'))
})

test('the menu comes from mkdocs.yml nav: sections in order, entries resolved, a missing file reported', async (t) => {
  const { source, backend, sync } = await setup(t, sample())
  writeFileSync(
    join(source, 'mkdocs.yml'),
    [
      'site_name: Widget <b>Help</b>',
      'extra:',
      '  x: !!python/name:os.getcwd',
      'nav:',
      '  - guide/Install-Guide.md',
      '  - <b>Help</b> &#8211; fixes:',
      '    - Widget stuck: help/Widget-Stuck.md',
      '    - Old name: help/Old-Name.md',
      '    - Not written yet: help/Later.md',
      '  - Website: https://example.com/',
      '',
    ].join('\n'),
  )
  const report = await sync()
  t.is(report.menu.created, 1)
  t.is(report.menu.items, 6)
  t.is(report.menu.missing, 1)
  const missing = report.diagnostics.find((d) => d.ruleId === 'nav-file-missing')
  t.deepEqual([missing?.file.endsWith('mkdocs.yml'), missing?.line, missing?.column], [true, 9, 24])
  const { entries } = await readSpace(backend)
  const menu = byId(entries, 'navigation-menu')
  t.is(field(menu, 'title'), 'Widget <b>Help</b>', 'site_name as written')
  const leaf = (title: string, path: string, entry: string | null) => ({
    title,
    path,
    entry,
    url: null,
    children: [],
  })
  t.deepEqual(field(menu, 'items'), [
    leaf('Install the widget', '/guide/Install-Guide/', 'page.guide.install-guide'),
    {
      title: 'Help – fixes',
      path: null,
      entry: null,
      url: null,
      children: [
        leaf('Widget stuck', '/help/Widget-Stuck/', 'help.widget-stuck'),
        leaf('Old name', '/help/Old-Name/', 'page.guide.install-guide'),
        leaf('Not written yet', '/help/Later/', null),
      ],
    },
    { title: 'Website', path: null, entry: null, url: 'https://example.com/', children: [] },
  ])
  t.deepEqual(
    (field(menu, 'pages') as { sys: { id: string } }[]).map((l) => l.sys.id),
    ['page.guide.install-guide', 'help.widget-stuck'],
  )
  const space = await readSpace(backend)
  t.deepEqual(spaceProblems(space), [])
  const second = await sync()
  t.is(second.writes, 0)
  t.deepEqual(snapshot(await readSpace(backend)), snapshot(space))
})

test('an image on another site that cannot be fetched becomes a link to it, with a warning; no asset is left', async (t) => {
  // `.invalid` never resolves (RFC 6761): the fetch fails as it does offline.
  const src = 'https://images.example.invalid/icons/badge.png'
  const { backend, sync } = await setup(t, {
    'guide/Badges.md': page('badges', {
      images: [{ src, path: null, alt: 'Badge', width: null }],
      body: doc('Look for this badge:', embeddedImage(0)),
    }),
  })
  const report = await sync()
  t.deepEqual(report.failed, [])
  t.is(report.pages.created, 1)
  const warning = report.diagnostics.find((d) => d.ruleId === 'sync-image-missing')
  t.regex(warning?.message ?? '', /images\.example\.invalid\/icons\/badge\.png cannot be fetched/)
  const space = await readSpace(backend)
  t.deepEqual(space.assets, [])
  const body = field(byId(space.entries, 'page.guide.badges'), 'body') as { content: unknown[] }
  t.deepEqual(body.content[1], {
    nodeType: 'paragraph',
    data: {},
    content: [{ nodeType: 'hyperlink', data: { uri: src }, content: [text('Badge')] }],
  })
  t.deepEqual(spaceProblems(space), [])
  t.is((await sync()).writes, 0)
})
