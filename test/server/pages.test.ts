// Article pages, index, stylesheet and asset files over HTTP, and the renderer's safety rules on their own.
import { join } from 'node:path'
import test from 'ava'
import { safeHref } from '../../src/server/pages/html.ts'
import { configurePages } from '../../src/server/pages/index.ts'
import { resolveResponse } from '../../src/server/pages/resolve-links.ts'
import { substitute, substituteDocument } from '../../src/server/pages/variables.ts'
import type { RunningServer } from '../../src/server/server.ts'
import { repoRoot, seededSpace, serve } from './delivery-fixture.ts'

let space: Awaited<ReturnType<typeof seededSpace>>
let server: RunningServer

test.before(async () => {
  space = await seededSpace(join(repoRoot, 'content'))
  server = await serve(space.dir)
})
test.after.always(async () => {
  configurePages({})
  await server?.close()
  await space?.cleanup()
})

const get = (path: string, init?: RequestInit) => fetch(`http://${server.hostPort}${path}`, init)

test.serial(
  'an article page is HTML with a strict CSP, every step, resolved variables and same-origin images',
  async (t) => {
    const response = await get('/articles/attachments-fail-to-upload')
    t.is(response.status, 200)
    t.is(response.headers.get('content-type'), 'text/html; charset=utf-8')
    const csp = response.headers.get('content-security-policy') ?? ''
    for (const rule of ["default-src 'self'", "script-src 'none'", "img-src 'self'", "style-src 'self'"]) {
      t.true(csp.includes(rule), rule)
    }
    t.is(response.headers.get('x-content-type-options'), 'nosniff')
    const html = await response.text()
    t.false(html.includes('<script'), 'no script of our own either')
    t.false(html.includes('{{'), 'variables resolved from content/mkdocs.yml')
    t.true(html.includes('Acme Notes'))
    t.is(html.match(/<li class="step"/g)?.length, 7)
    const images = [...html.matchAll(/<img[^>]* src="([^"]+)"/g)].map((m) => m[1] as string)
    t.true(images.length >= 3)
    for (const src of images) {
      t.true(src.startsWith('/assets/'), src)
      t.is((await get(src)).status, 200, src)
    }
  },
)

test.serial('configured variables replace the defaults; unknown names stay visible', async (t) => {
  configurePages({ variables: { product_name: 'Other Product' } })
  try {
    const html = await (await get('/articles/attachments-fail-to-upload')).text()
    t.true(html.includes('Attachments Fail to Upload in Other Product'))
    t.true(html.includes('{{ company_name }}'), 'not configured: left verbatim')
  } finally {
    configurePages({})
  }
})

test('related articles link to their pages, and a written link to the same article is not repeated', async (t) => {
  const html = await (await get('/articles/notes-not-syncing')).text()
  const related = /<nav class="related"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
  const items = related.match(/<li>/g)?.length ?? 0
  const links = [...related.matchAll(/href="(\/[^"]+\/)"/g)].map((m) => m[1] as string)
  t.true(links.length > 0)
  t.is(new Set(links).size, links.length)
  t.is(items, links.length, 'every related item of this article is a linked article')
  for (const link of links) t.is((await get(link)).status, 200, link)
})

test('the home page answers, and every published article answers at its URL', async (t) => {
  t.is((await get('/', { redirect: 'manual' })).status, 200)
  const published = space.backend.space.entries.query({
    contentTypeId: 'troubleshootingArticle',
    published: true,
  })
  t.true(published.total > 0)
  for (const entry of published.items) {
    const path = entry.fields.path?.['en-US'] as string | undefined
    const url = path ?? `/articles/${entry.fields.slug?.['en-US']}/`
    const page = await get(encodeURI(url), { redirect: 'manual' })
    t.is(page.status, 200, url)
    t.true((await page.text()).includes('<article class="article">'), url)
  }
})

test("earlier versions' /articles/<slug> URLs move (301) to the page; /articles to its landing page", async (t) => {
  const old = await get('/articles/attachments-fail-to-upload', { redirect: 'manual' })
  t.is(old.status, 301)
  const location = old.headers.get('location') ?? ''
  t.regex(location, /^\/.*\/$/i)
  t.regex(location.toLowerCase(), /attachments-fail-to-upload\/$/)
  t.is((await get(location, { redirect: 'manual' })).status, 200)
  const list = await get('/articles', { redirect: 'manual' })
  t.is(list.status, 301)
  t.is(list.headers.get('location'), '/articles/', "content/articles/index.md took the old list's place")
  t.is((await get('/articles/', { redirect: 'manual' })).status, 200)
})

test('unknown URLs are a real 404 page under the same CSP, with the search form', async (t) => {
  for (const path of ['/articles/no-such-article', '/nothing-here', '/a/b/c/']) {
    const missing = await get(path)
    t.is(missing.status, 404, path)
    t.is(missing.headers.get('content-type'), 'text/html; charset=utf-8')
    t.regex(missing.headers.get('content-security-policy') ?? '', /script-src 'none'/)
    const body = await missing.text()
    t.regex(body, /<h1>Page not found<\/h1>/)
    t.regex(body, /<form class="search" action="\/search\/" method="get"/)
  }
  const hostileSlug = await get('/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E')
  t.is(hostileSlug.status, 404)
  const hostile = await hostileSlug.text()
  t.false(hostile.includes('<script>'))
  t.true(hostile.includes('&lt;script&gt;'), 'the path is shown as text')
  const malformed = (await get('/%E0%A4%A')).status
  t.true(malformed === 400 || malformed === 404, `a malformed escape is refused, not a crash (${malformed})`)
})

test('the stylesheet is served from the same process', async (t) => {
  const css = await get('/site.css')
  t.is(css.status, 200)
  t.is(css.headers.get('content-type'), 'text/css; charset=utf-8')
  t.regex(await css.text(), /\.steps/)
  t.is((await get('/favicon.ico')).status, 204)
})

test.serial('asset files are served only while their asset is published', async (t) => {
  const { backend } = space
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
  const asset = await backend.putAsset({
    id: 'pages-test-asset',
    title: 'draft',
    fileName: 'draft.png',
    contentType: 'image/png',
    source: { bytes },
  })
  const url = asset.fields.file?.['en-US']?.url as string
  t.regex(url, /^\/assets\//)
  t.is((await get(url)).status, 404, 'a draft asset is not public')
  await backend.publish([{ linkType: 'Asset', id: asset.sys.id, version: asset.sys.version }])
  const served = await get(url)
  t.is(served.status, 200)
  t.is(served.headers.get('content-type'), 'image/png')
  t.regex(served.headers.get('content-security-policy') ?? '', /sandbox/)
  t.deepEqual(new Uint8Array(await served.arrayBuffer()), bytes)
  const head = await get(url, { method: 'HEAD' })
  t.is(head.status, 200)
  t.is(head.headers.get('content-length'), String(bytes.length))
})

test('safeHref keeps web, mail and site links and drops script-capable schemes', (t) => {
  for (const ok of [
    'https://example.com/a?b=1',
    'http://x.test',
    'mailto:a@b.c',
    '/articles/x',
    '../Other/',
    '#top',
  ]) {
    t.is(safeHref(ok), ok)
  }
  for (const bad of [
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:x',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
  ]) {
    t.is(safeHref(bad), undefined, bad)
  }
  t.is(safeHref(42), undefined)
})

test('variables: known names resolve in text and rich text, unknown ones stay', (t) => {
  t.is(
    substitute('Try {{ company_name }} and {{unknown}}', { company_name: 'Acme' }),
    'Try Acme and {{unknown}}',
  )
  t.is(substitute('{{ __proto__ }}', {}), '{{ __proto__ }}')
  const doc = {
    nodeType: 'document',
    data: {},
    content: [
      {
        nodeType: 'paragraph',
        data: {},
        content: [{ nodeType: 'text', value: '{{ a }}', marks: [], data: {} }],
      },
    ],
  }
  const out = substituteDocument(doc as never, { a: 'b' }) as unknown as typeof doc
  t.is(out.content[0]?.content[0]?.value, 'b')
  t.is(doc.content[0]?.content[0]?.value, '{{ a }}', 'the input is not changed')
})

test('link resolution drops unresolvable links and shares entities across cycles', (t) => {
  const link = (id: string) => ({ sys: { type: 'Link', linkType: 'Entry', id } })
  const [a] = resolveResponse<{
    fields: { next: { fields: { back: unknown } }; list: unknown[]; gone?: unknown }
  }>({
    items: [
      {
        sys: { id: 'a' },
        fields: { next: link('b'), list: [link('b'), link('missing')], gone: link('missing') },
      },
    ],
    includes: { Entry: [{ sys: { id: 'b' }, fields: { back: link('a') } }] },
  })
  t.is(a?.fields.list.length, 1)
  t.false('gone' in (a?.fields ?? {}))
  t.is(a?.fields.next.fields.back, a, 'the cycle points back at the same object')
})

test('search: a form and a results page, title matches ranked before body matches, answered from Delivery', async (t) => {
  const empty = await get('/search/')
  t.is(empty.status, 200)
  const form = await empty.text()
  t.regex(form, /<form class="search" action="\/search\/" method="get" role="search">/)
  t.false(form.includes('<script'))
  t.regex(empty.headers.get('content-security-policy') ?? '', /form-action 'self'/)

  const response = await get('/search/?q=sync')
  t.is(response.status, 200)
  const html = await response.text()
  const results = [...html.matchAll(/<li class="match-(title|body)"><a href="([^"]+)">([^<]*)<\/a>/g)].map(
    (m) => ({ where: m[1], href: m[2] as string, title: m[3] as string }),
  )
  t.true(results.length >= 2, 'both sync articles')
  const where = results.map((r) => r.where)
  t.is(where[0], 'title')
  t.deepEqual(
    where,
    [...where].sort((a, b) => (a === b ? 0 : a === 'title' ? -1 : 1)),
    'title matches first',
  )
  for (const r of results) {
    if (r.where === 'title') t.regex(r.title, /sync/i)
    t.is((await get(r.href, { redirect: 'manual' })).status, 200, r.href)
  }
  t.regex(html, new RegExp(`${results.length} pages match <strong>sync</strong>`))

  const none = await (await get('/search/?q=%3Cscript%3Ezzzz')).text()
  t.regex(none, /No page matches <strong>&lt;script&gt;zzzz<\/strong>/)
  t.regex(none, /value="&lt;script&gt;zzzz"/, 'the box shows what was searched, as text')
  t.is((await get('/search?q=sync', { redirect: 'manual' })).status, 301)
})
