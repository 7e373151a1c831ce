// examples/article-page.ts, the site's fetch-and-render code, against the local Delivery API: in process, and
// as the command its README shows.
import { join } from 'node:path'
import test from 'ava'
import { createClient } from 'contentful-management'
import { deliveryClient, fetchArticle, renderArticle } from '../../examples/article-page.ts'
import { fetchMenu, fetchPage, renderSitePage } from '../../examples/site-page.ts'
import { startLocalServer } from '../../src/server/management/local-server.ts'
import type { RunningServer } from '../../src/server/server.ts'
import { runScript } from '../helpers/run-command.ts'
import { DELIVERY_TOKEN, MANAGEMENT_TOKEN, repoRoot, seededSpace, serve } from './delivery-fixture.ts'
import { ARTICLE_PATH, GUIDE_PATH, publishSite } from './site-fixture.ts'

let space: Awaited<ReturnType<typeof seededSpace>>
let server: RunningServer

test.before(async () => {
  space = await seededSpace(join(repoRoot, 'content'))
  server = await serve(space.dir)
})
test.after.always(async () => {
  await server?.close()
  await space?.cleanup()
})

test('the example fetches an article by slug and renders its steps, screenshots and banner', async (t) => {
  const client = deliveryClient({ accessToken: DELIVERY_TOKEN, host: server.hostPort })
  const article = await fetchArticle(client, 'articles/attachments-fail-to-upload')
  if (!article) return t.fail('article not delivered')
  const html = renderArticle(article, 'http:')
  t.true(html.startsWith('<h1>Attachments Fail to Upload in {{ product_name }} with Error AN-204</h1>'))
  t.is(html.match(/<li class="step">/g)?.length, 7, 'every step of both resolutions')
  const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] as string)
  t.true(images.length >= 3, 'step screenshots and the banner image')
  for (const src of images) {
    t.true(src.startsWith(`http://${server.hostPort}/assets/`), src)
    t.is((await fetch(src)).status, 200)
  }
  t.regex(
    html,
    /<a href="https:\/\/example\.com\/sign-up\/\?utm_source=kb&amp;utm_medium=banner&amp;utm_campaign=trial">/,
  )
  t.is(await fetchArticle(client, 'no-such-article'), undefined)
})

test('the example runs as a command and prints the page', async (t) => {
  const example = join(repoRoot, 'examples', 'article-page.ts')
  const { stdout } = await runScript(example, ['articles/attachments-fail-to-upload', server.hostPort], {
    env: { KB_CMS_DELIVERY_TOKEN: DELIVERY_TOKEN },
  })
  t.regex(stdout, /^<h1>Attachments Fail to Upload/)
  const failed = await runScript(example, [], { env: { KB_CMS_DELIVERY_TOKEN: '' } })
  t.not(failed.code, 0)
  t.regex(failed.stderr, /usage: KB_CMS_DELIVERY_TOKEN/)
})

test("an editor's script link, published through the Management API, is not live in the example's page", async (t) => {
  const own = await seededSpace()
  const local = await startLocalServer({
    spaceDir: own.dir,
    managementToken: MANAGEMENT_TOKEN,
    deliveryToken: DELIVERY_TOKEN,
  })
  t.teardown(async () => {
    await local.close()
    await own.cleanup()
  })
  const cma = createClient(
    { accessToken: MANAGEMENT_TOKEN, host: local.hostPort, insecure: true, retryOnError: false },
    { type: 'plain', defaults: { spaceId: 'local', environmentId: 'master' } },
  )
  const text = (value: string) => ({ nodeType: 'text', value, marks: [], data: {} })
  const link = (uri: string, label: string) => ({
    nodeType: 'hyperlink',
    data: { uri },
    content: [text(label)],
  })
  const symptom = {
    nodeType: 'document',
    data: {},
    content: [
      {
        nodeType: 'paragraph',
        data: {},
        content: [
          link('javascript:alert(document.cookie)', 'script link'),
          link(' JaVaScRiPt:alert(1)', 'mixed case'),
          link('data:text/html,<script>alert(1)</script>', 'data link'),
          link('//evil.example/login', 'far host'),
          link('https://example.com/" onmouseover="alert(1)', 'quote breakout'),
          text('<img src=x onerror=alert(1)>'),
        ],
      },
    ],
  }
  const created = await cma.entry.createWithId(
    { contentTypeId: 'troubleshootingArticle', entryId: 'editor-hostile' },
    {
      fields: {
        title: { 'en-US': 'Editor <b>wrote</b> this' },
        slug: { 'en-US': 'editor-hostile' },
        symptom: { 'en-US': symptom },
      },
    } as never,
  )
  await cma.entry.publish({ entryId: 'editor-hostile' }, created)

  const article = await fetchArticle(
    deliveryClient({ accessToken: DELIVERY_TOKEN, host: local.hostPort }),
    'editor-hostile',
  )
  if (!article) return t.fail('the published article is not delivered')
  const html = renderArticle(article, 'http:')
  t.false(/javascript:|data:text/i.test(html), 'no script-capable link survives')
  for (const label of ['script link', 'mixed case', 'data link'])
    t.true(html.includes(`<span class="dropped-link">${label}</span>`), `${label}: kept as text`)
  t.true(html.includes('<a href="//evil.example/login" rel="noopener noreferrer">far host</a>'))
  t.true(
    html.includes('href="https://example.com/&quot; onmouseover=&quot;alert(1)"'),
    'the quote stays inside the value',
  )
  t.true(html.includes('&lt;img src=x onerror=alert(1)&gt;'))
  t.true(html.startsWith('<h1>Editor &lt;b&gt;wrote&lt;/b&gt; this</h1>'))
})

test('the site example reads the menu and a general page with the contentful client and renders them', async (t) => {
  const own = await seededSpace()
  await publishSite(own.backend)
  const local = await serve(own.dir)
  t.teardown(async () => {
    await local.close()
    await own.cleanup()
  })
  const client = deliveryClient({ accessToken: DELIVERY_TOKEN, host: local.hostPort })
  const menu = await fetchMenu(client)
  if (!menu) return t.fail('no menu delivered')
  t.is(menu.title, 'Fixture Site')
  t.deepEqual(
    [...menu.paths].sort(),
    [
      ['page.guides.other-guide', '/guides/Other-Guide/'],
      ['page.guides.setting-up', GUIDE_PATH],
      ['site.article', ARTICLE_PATH],
    ],
    'every page the menu names has its URL, through include',
  )

  const found = await fetchPage(client, GUIDE_PATH)
  if (found?.kind !== 'page') return t.fail('the guide is not delivered as a general page')
  const html = renderSitePage(found, menu, 'http:')
  t.true(html.startsWith('<header>Fixture Site</header>'))
  t.true(html.includes(`<a href="${GUIDE_PATH}" class="current" aria-current="page">Setting up</a>`))
  t.true(
    html.includes('<h2 id="1_install_product_name">1. Install {{ product_name }}</h2>'),
    'MkDocs anchors',
  )
  t.true(html.includes('<a href="#options">options</a>'))
  t.true(html.includes('<th><p>Option</p></th>'))
  t.true(
    html.includes(`<a href="${ARTICLE_PATH}#step_2">step two of the fix</a>`),
    'entry link with its anchor',
  )
  t.true(
    html.includes('<span class="dropped-link">script</span>'),
    'the same link safety as the built-in pages',
  )
  t.true(html.includes('<a href="//evil.example/x" rel="noopener noreferrer">elsewhere</a>'))
  t.true(
    html.includes(
      '<details class="admonition admonition-note"><summary class="admonition-title">Why a restart?</summary>',
    ),
  )
  const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] as string)
  t.is(images.length, 1)
  for (const src of images) {
    t.true(src.startsWith(`http://${local.hostPort}/assets/`), src)
    t.is((await fetch(src)).status, 200)
  }

  const article = await fetchPage(client, ARTICLE_PATH)
  t.is(article?.kind, 'article')
  if (article) {
    const page = renderSitePage(article, menu, 'http:')
    t.true(page.includes(`<a href="${ARTICLE_PATH}" class="current" aria-current="page">Sync stops</a>`))
    t.true(page.includes('<h1>Sync stops after an update</h1>'))
  }
  t.is(await fetchPage(client, '/no/such/page/'), undefined)

  const { stdout } = await runScript(
    join(repoRoot, 'examples', 'site-page.ts'),
    [GUIDE_PATH, local.hostPort],
    {
      env: { KB_CMS_DELIVERY_TOKEN: DELIVERY_TOKEN },
    },
  )
  t.regex(stdout, /^<header>Fixture Site<\/header>/)
  t.true(stdout.includes('<h1 id="setting_up_product_name">Setting up {{ product_name }}</h1>'))
})
