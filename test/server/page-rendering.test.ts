// The site's pure parts on their own: URL normalisation and routing, relative links, the menu, and what Rich
// Text becomes (MkDocs heading anchors, code blocks, notes, link safety shared with examples/).
import type { Document } from '@contentful/rich-text-types'
import test from 'ava'
import { isExternalHref, linkHtml, trusted } from '../../src/server/pages/html.ts'
import { resolveRelative } from '../../src/server/pages/local-links.ts'
import { menuHtml } from '../../src/server/pages/menu.ts'
import { richText } from '../../src/server/pages/rich-text.ts'
import { searchSite } from '../../src/server/pages/search.ts'
import { normalisePath, route, type SiteMap, type SitePage } from '../../src/server/pages/site-map.ts'

const text = (value: string, marks: string[] = []) => ({
  nodeType: 'text',
  value,
  marks: marks.map((type) => ({ type })),
  data: {},
})
const node = (nodeType: string, content: unknown[], data: object = {}) => ({ nodeType, data, content })
const doc = (...content: unknown[]) => node('document', content) as unknown as Document

test('old spellings of a URL normalise to the MkDocs URL', (t) => {
  t.is(normalisePath('/a/B'), '/a/B/')
  t.is(normalisePath('/a/B/'), '/a/B/')
  t.is(normalisePath('/a/B.md'), '/a/B/')
  t.is(normalisePath('/a/index.md'), '/a/')
  t.is(normalisePath('/index.md'), '/')
  t.is(normalisePath('/'), '/')
  t.is(normalisePath('/a//B/#x'), '/a/B/')
})

const page = (path: string, id = path, type: SitePage['type'] = 'page'): SitePage => ({
  id,
  type,
  path,
  title: id,
})

function mapOf(pages: SitePage[], redirects: [string, string][] = []): SiteMap {
  const group = (key: (p: SitePage) => string) => {
    const m = new Map<string, SitePage[]>()
    for (const p of pages) m.set(key(p), [...(m.get(key(p)) ?? []), p])
    return m
  }
  return {
    byPath: new Map(pages.map((p) => [p.path, p])),
    byId: new Map(pages.map((p) => [p.id, p])),
    byFoldedPath: group((p) => p.path.toLowerCase()),
    byLegacySlug: group((p) => (p.path.split('/').filter(Boolean).at(-1) ?? '').toLowerCase()),
    redirects: new Map(redirects),
    menu: { items: [] },
    pages,
  }
}

test('routing: the canonical URL is the page, other spellings and redirects move, the rest is not found', (t) => {
  const x = page('/ri/fast/articles/Sync-Token-Expired/', 'a', 'troubleshootingArticle')
  const map = mapOf(
    [x, page('/'), page('/articles/')],
    [['/old/place/', '/ri/fast/articles/Sync-Token-Expired/']],
  )
  t.deepEqual(route(map, '/ri/fast/articles/Sync-Token-Expired/'), { kind: 'page', page: x })
  for (const old of [
    '/ri/fast/articles/Sync-Token-Expired',
    '/ri/fast/articles/Sync-Token-Expired.md',
    '/ri/fast/articles/sync-token-expired/',
    '/articles/sync-token-expired',
    '/old/place',
    '/old/place/',
  ])
    t.deepEqual(route(map, old), { kind: 'moved', location: x.path }, old)
  t.is(route(map, '/').kind, 'page')
  t.is(route(map, '/articles/').kind, 'page')
  t.is(route(map, '/search/').kind, 'search')
  t.deepEqual(route(map, '/search'), { kind: 'moved', location: '/search/' })
  t.is(route(map, '/nothing/here/').kind, 'not-found')
  t.is(route(mapOf([]), '/').kind, 'home', 'no page at / gets the generated list')
  t.deepEqual(route(mapOf([]), '/articles/'), { kind: 'moved', location: '/' })
})

test('relative links resolve as MkDocs resolves them: .md against the file, others against the page URL', (t) => {
  const place = { path: '/ri/fast/articles/X/', sourcePath: 'ri/fast/articles/X.md' }
  t.is(resolveRelative('Other.md', place), '/ri/fast/articles/Other/')
  t.is(resolveRelative('Other.md#a_b', place), '/ri/fast/articles/Other/#a_b')
  t.is(resolveRelative('../Other/', place), '/ri/fast/articles/Other/')
  t.is(resolveRelative('../Other/#x', place), '/ri/fast/articles/Other/#x')
  t.is(resolveRelative('../../setup/index.md', place), '/ri/setup/')
  const landing = { path: '/ri/fast/', sourcePath: 'ri/fast/index.md' }
  t.is(resolveRelative('articles/Y.md', landing), '/ri/fast/articles/Y/')
  for (const none of ['#here', 'https://example.com/', '//other.example/x', 'mailto:a@b.c', '/abs/'])
    t.is(resolveRelative(none, place), undefined, none)
})

test('links: other hosts, protocol-relative ones too, are external; script-capable schemes are dropped', (t) => {
  for (const ext of [
    'https://example.com/',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example',
    'mailto:a@b.c',
  ])
    t.true(isExternalHref(ext), ext)
  for (const local of ['/a/', '../b/', '#c', 'd.md', '?q=1']) t.false(isExternalHref(local), local)
  t.is(
    linkHtml('//evil.example/x', trusted('x')).value,
    '<a href="//evil.example/x" rel="noopener noreferrer">x</a>',
  )
  t.is(linkHtml('javascript:alert(1)', trusted('x')).value, '<span class="dropped-link">x</span>')
  t.is(linkHtml('/a/', trusted('x')).value, '<a href="/a/">x</a>')
})

test('rich text: headings get MkDocs anchors, code paragraphs become blocks, notes become boxes or disclosures', (t) => {
  const anchors = new Set(['title'])
  const note = (collapsible: boolean) => ({
    sys: { id: `n${collapsible}`, type: 'Entry', contentType: { sys: { id: 'note' } } },
    fields: {
      kind: 'warning',
      title: 'Mind {{ x }}',
      collapsible,
      body: doc(node('paragraph', [text('inside')])),
    },
  })
  const html = richText(
    doc(
      node('heading-2', [text('2. Logging on to '), text('{{ x }}', ['bold'])]),
      node('heading-2', [text('2. Logging on to X')]),
      node('heading-3', [text('Title')]),
      node('paragraph', [text('npm install\n', ['code']), text('npm test', ['code'])]),
      node('paragraph', [text('one', ['code'])]),
      node('embedded-entry-block', [], { target: note(false) }),
      node('embedded-entry-block', [], { target: note(true) }),
      node('table', [
        node('table-row', [node('table-header-cell', [node('paragraph', [text('A')])])]),
        node('table-row', [node('table-cell', [node('paragraph', [text('<b>1</b>')])])]),
      ]),
      node('paragraph', [
        node('hyperlink', [text('bad')], { uri: 'javascript:alert(1)' }),
        node('hyperlink', [text('far')], { uri: '//evil.example/' }),
      ]),
    ),
    { vars: { x: 'X' }, anchors },
  ).value
  t.true(html.includes('<h2 id="2_logging_on_to_x">2. Logging on to <b>X</b></h2>'))
  t.true(html.includes('<h2 id="2_logging_on_to_x_1">'), 'a repeated heading gets _1')
  t.true(html.includes('<h3 id="title_1">'), 'the title took "title" first')
  t.true(html.includes('<pre><code>npm install\nnpm test</code></pre>'))
  t.true(html.includes('<p><code>one</code></p>'), 'one inline code line stays inline')
  t.true(
    html.includes(
      '<aside class="admonition admonition-warning" role="note"><p class="admonition-title">Mind X</p><p>inside</p></aside>',
    ),
  )
  t.true(
    html.includes(
      '<details class="admonition admonition-warning"><summary class="admonition-title">Mind X</summary><p>inside</p></details>',
    ),
  )
  t.true(html.includes('<th><p>A</p></th>'))
  t.true(html.includes('&lt;b&gt;1&lt;/b&gt;'))
  t.true(html.includes('<span class="dropped-link">bad</span>'))
  t.true(html.includes('<a href="//evil.example/" rel="noopener noreferrer">far</a>'))
  t.false(html.includes('javascript:'))
})

test('the menu marks the current page and opens only the sections on the way to it', (t) => {
  const items = [
    { title: 'Home', path: '/', entry: 'home', url: null, children: [] },
    {
      title: 'Troubleshooting',
      path: null,
      children: [
        { title: 'Sync {{ x }}', path: '/old/', entry: 'sync' },
        { title: 'Gone', path: null, entry: 'missing' },
      ],
    },
    { title: 'Guides', path: null, children: [{ title: 'Export', path: '/guides/Export/', entry: null }] },
    { title: 'Vendor', url: 'https://example.com/', children: [] },
    { title: 'Bad', url: 'javascript:alert(1)' },
  ]
  const paths: Record<string, string> = { home: '/', sync: '/ri/Sync/' }
  const html = menuHtml(items, { vars: { x: 'X' }, current: '/ri/Sync/', pathOf: (id) => paths[id] }).value
  t.true(
    html.includes('<a href="/ri/Sync/" class="current" aria-current="page">Sync X</a>'),
    'the entry wins over the written path',
  )
  t.is(html.match(/aria-current/g)?.length, 1)
  t.true(html.includes('<li class="nav-section active"><details open><summary>Troubleshooting</summary>'))
  t.true(html.includes('<li class="nav-section"><details><summary>Guides</summary>'))
  t.true(html.includes('<span>Gone</span>'))
  t.true(html.includes('<a href="https://example.com/" rel="noopener noreferrer">Vendor</a>'))
  t.false(html.includes('javascript:'))
})

test('search ranks by the searched words in the title, then text-only matches alphabetically', (t) => {
  const pages = [
    { ...page('/a/', 'a'), title: 'Zebra notes' },
    { ...page('/b/', 'b'), title: 'Outlook sync errors' },
    { ...page('/c/', 'c'), title: 'Outlook add-in' },
    { ...page('/d/', 'd'), title: 'About {{ product }}' },
    { ...page('/e/', 'e'), title: 'Outlook Sync' },
    { ...page('/f/', 'f'), title: 'Another page' },
  ]
  const asked: Record<string, string>[] = []
  // The Delivery API's full-text answer: every page but f holds both words somewhere.
  const query = (params: Record<string, string>) => {
    asked.push(params)
    const items =
      params.content_type === 'page' ? ['a', 'b', 'c', 'd', 'e'].map((id) => ({ sys: { id } })) : []
    return { items, total: items.length }
  }
  const order = searchSite(query, mapOf(pages), ' outlook  SYNC ', { product: 'Synchroniser' }).map((r) => [
    r.page.id,
    r.titleWords,
  ])
  t.deepEqual(order, [
    ['e', 2],
    ['b', 2],
    ['c', 1],
    ['d', 1],
    ['a', 0],
  ])
  t.true(
    asked.every((p) => p.query === 'outlook  SYNC'),
    'the words go to the Delivery API as typed',
  )
  t.deepEqual(searchSite(query, mapOf(pages), '   '), [])
})
