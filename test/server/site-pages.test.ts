// The site over real HTTP on a space written through the backend: a general page's body as a reader sees it,
// the menu, moves (301) for old spellings and redirect entries, the 404 page and search.
import test from 'ava'
import type { RunningServer } from '../../src/server/server.ts'
import { seededSpace, serve } from './delivery-fixture.ts'
import { ARTICLE_PATH, GUIDE_PATH, publishSite } from './site-fixture.ts'

let space: Awaited<ReturnType<typeof seededSpace>>
let server: RunningServer

test.before(async () => {
  space = await seededSpace()
  await publishSite(space.backend)
  server = await serve(space.dir)
})
test.after.always(async () => {
  await server?.close()
  await space?.cleanup()
})

const get = (path: string) => fetch(`http://${server.hostPort}${path}`, { redirect: 'manual' })

test('a general page renders its body: anchored headings, steps, a table, code, notes, a screenshot, links', async (t) => {
  const response = await get(GUIDE_PATH)
  t.is(response.status, 200)
  t.regex(response.headers.get('content-security-policy') ?? '', /script-src 'none'/)
  const html = await response.text()
  t.false(html.includes('<script'))
  t.true(
    html.includes('<h1 id="setting_up_acme_notes">Setting up Acme Notes</h1>'),
    'variables resolved, anchor from the text',
  )
  t.true(html.includes('<span class="reading-time">2 min read</span>'))
  t.true(html.includes('<span class="badge">Windows</span>'))
  t.true(html.includes('<h2 id="1_install_acme_notes">1. Install Acme Notes</h2>'))
  t.true(
    html.includes('<h2 id="1_install_acme_notes_1">'),
    'a repeated heading is numbered as MkDocs numbers it',
  )
  t.true(html.includes('<h3 id="options">Options</h3>'))
  t.true(html.includes('<a href="#options">options</a>'), 'the in-page link names a heading id on the page')
  t.regex(html, /<ol><li><p>Download the installer\.<\/p><\/li><li><p>Run it\.<\/p><\/li><\/ol>/)
  t.regex(
    html,
    /<table><tr><th><p>Option<\/p><\/th><th><p>Effect<\/p><\/th><\/tr><tr><td><p>--quiet<\/p><\/td>/,
  )
  t.true(html.includes('<pre><code>acme install --quiet\nacme start</code></pre>'))
  t.true(
    html.includes(
      '<aside class="admonition admonition-warning" role="note"><p class="admonition-title">Close Acme Notes first</p><p>It locks its files.</p></aside>',
    ),
  )
  t.true(
    html.includes(
      '<details class="admonition admonition-note"><summary class="admonition-title">Why a restart?</summary>',
    ),
  )
  const img = /<figure class="screenshot"><img src="(\/assets\/[^"]+)" alt="The setup dialog"/.exec(html)
  t.truthy(img)
  t.is((await get(img?.[1] as string)).status, 200)
  t.true(
    html.includes(`<a href="${ARTICLE_PATH}#step_2">step two of the fix</a>`),
    'entry link + the anchor kept in linkAnchors',
  )
  t.true(
    html.includes('<a href="/guides/Other-Guide/">the other guide</a>'),
    'a .md link resolves against the file',
  )
  t.true(
    html.includes('<a href="/guides/Setting-Up/">a moved page</a>'),
    'a link to a redirect lands on its target',
  )
  t.true(
    html.includes('<a href="/Later/#part_2">a page not published yet</a>'),
    'a .md link to a page not here gets the URL MkDocs gave it',
  )
  t.true(html.includes('<span class="dropped-link">script</span>'))
  t.true(html.includes('<a href="//evil.example/x" rel="noopener noreferrer">elsewhere</a>'))
  t.regex(
    html,
    new RegExp(`<nav class="related"[\\s\\S]*<a href="${ARTICLE_PATH}">Sync stops after an update</a>`),
  )
})

test('every page shows the menu with the current page marked and the site name in the header', async (t) => {
  const guide = await (await get(GUIDE_PATH)).text()
  t.true(guide.includes('<a class="site-name" href="/">Fixture Site</a>'))
  t.true(guide.includes(`<a href="${GUIDE_PATH}" class="current" aria-current="page">Setting up</a>`))
  t.is(guide.match(/aria-current/g)?.length, 1)
  t.true(guide.includes('<li class="nav-section active"><details open><summary>Guides</summary>'))
  t.true(guide.includes('<li class="nav-section"><details><summary>Troubleshooting</summary>'))
  t.true(guide.includes('<a href="https://example.com/" rel="noopener noreferrer">Vendor site</a>'))
  const article = await (await get(ARTICLE_PATH)).text()
  t.true(article.includes(`<a href="${ARTICLE_PATH}" class="current" aria-current="page">Sync stops</a>`))
  t.true(
    article.includes('<section class="symptom"><h2>Symptom</h2>'),
    'a troubleshooting article keeps its layout',
  )
  t.true(article.includes('<li class="nav-section active"><details open><summary>Troubleshooting</summary>'))
})

test('old spellings of a page URL and redirect entries answer 301 to the page', async (t) => {
  for (const old of [
    '/guides/Setting-Up',
    '/guides/Setting-Up.md',
    '/guides/setting-up/',
    '/old/Setting-Up/',
    '/old/Setting-Up',
    '/old/Setting-Up.md',
  ]) {
    const r = await get(old)
    t.is(r.status, 301, old)
    t.is(r.headers.get('location'), GUIDE_PATH, old)
  }
  const gone = await get('/old/Gone/')
  t.is(gone.status, 301)
  t.is(gone.headers.get('location'), '/kept/back/Page/', 'the target as written, though it is not here')
  t.is((await get('/kept/back/Page/')).status, 404)
  const head = await fetch(`http://${server.hostPort}/old/Setting-Up/`, {
    method: 'HEAD',
    redirect: 'manual',
  })
  t.is(head.status, 301)
})

test('without a page at /, the home page lists every page at its URL', async (t) => {
  const html = await (await get('/')).text()
  const hrefs = [...html.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]).sort()
  t.deepEqual(hrefs, ['/guides/Other-Guide/', GUIDE_PATH, ARTICLE_PATH].sort())
})

test('unknown URLs are a 404 page with the menu', async (t) => {
  const r = await get('/guides/Nothing/')
  t.is(r.status, 404)
  const html = await r.text()
  t.regex(html, /<h1>Page not found<\/h1>/)
  t.true(html.includes('<nav class="site-nav"'))
  t.false(html.includes('aria-current'))
})

test('search ranks title matches before body matches and links to each page', async (t) => {
  const html = await (await get('/search/?q=install')).text()
  const hits = [...html.matchAll(/<li class="match-(title|body)"><a href="([^"]+)">/g)].map((m) => [
    m[1],
    m[2],
  ])
  t.deepEqual(hits, [['body', GUIDE_PATH]], 'the guide holds the word only in its body')
  const both = await (await get('/search/?q=sync')).text()
  const order = [...both.matchAll(/<li class="match-(title|body)"><a href="([^"]+)">/g)].map((m) => [
    m[1],
    m[2],
  ])
  t.deepEqual(order, [
    ['title', ARTICLE_PATH],
    ['body', GUIDE_PATH],
  ])
})
