// The article page in headless Chromium (Debian's, which .ci/run installs): what a reader sees, and that hostile
// content cannot run script. Screenshots go to test-output/browser/ (git-ignored). No DOM types here: page
// functions cast the elements they read.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { type BrowserContext, chromium } from 'playwright-core'
import type { EntryInput } from '../../src/backends/port.ts'
import type { RunningServer } from '../../src/server/server.ts'
import { repoRoot, seededSpace, serve } from '../server/delivery-fixture.ts'
import { ARTICLE_PATH, GUIDE_PATH, publishSite } from '../server/site-fixture.ts'

const CHROMIUM = '/usr/bin/chromium'
const outDir = join(repoRoot, 'test-output', 'browser')
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium)
  console.warn(`browser tests skipped: ${CHROMIUM} not found (.ci/run installs Debian's chromium)`)
const browserTest = hasChromium ? test.serial : test.serial.skip

let space: Awaited<ReturnType<typeof seededSpace>>
let server: RunningServer
/** A small site written through the backend (test/server/site-fixture.ts): pages, menu, redirects. */
let siteSpace: Awaited<ReturnType<typeof seededSpace>>
let site: RunningServer
let browser: BrowserContext
let profile: string

test.before(async () => {
  if (!hasChromium) return
  space = await seededSpace(join(repoRoot, 'content'))
  server = await serve(space.dir)
  siteSpace = await seededSpace()
  await publishSite(siteSpace.backend)
  site = await serve(siteSpace.dir)
  profile = mkdtempSync(join(tmpdir(), 'kb-cms-chromium-'))
  // A persistent context is how Playwright takes a fresh --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 1000, height: 800 },
  })
  mkdirSync(outDir, { recursive: true })
})

const en = (value: unknown) => ({ 'en-US': value })
const text = (value: string) => ({ nodeType: 'text', value, marks: [], data: {} })
const link = (uri: string, label: string) => ({
  nodeType: 'hyperlink',
  data: { uri },
  content: [text(label)],
})
const doc = (...content: unknown[]) => ({ nodeType: 'document', data: {}, content })
const para = (...content: unknown[]) => ({ nodeType: 'paragraph', data: {}, content })
/** Every payload sets the same marker or opens a dialog if it ever runs. */
const RUN = 'window.__pwned=1;alert(1)'

/** An article whose every field tries to run script, published through the port as the sync would. */
async function publishHostileArticle() {
  const { backend } = space
  const hostileDoc = doc(
    para(text(`<script>${RUN}</script><img src=x onerror="${RUN}">`)),
    para(
      link(`javascript:${RUN}`, 'js link'),
      link(`JaVaScRiPt:${RUN}`, 'mixed case'),
      link(`java\tscript:${RUN}`, 'tab'),
      link(`data:text/html,<script>${RUN}</script>`, 'data url'),
      link('https://example.com/" onmouseover="alert(1)', 'quote breakout'),
    ),
  )
  const entries: EntryInput[] = [
    {
      id: 'hostile.n1',
      contentTypeId: 'note',
      fields: { kind: en('warning'), title: en(`<img src=x onerror="${RUN}">`), body: en(hostileDoc) },
    },
    {
      id: 'hostile.cta',
      contentTypeId: 'ctaBanner',
      fields: {
        internalName: en('hostile'),
        variant: en('x" onclick="alert(1)'),
        text: en(`"><script>${RUN}</script>`),
        url: en('https://example.com/?q="><script>alert(1)</script>'),
      },
    },
    {
      id: 'hostile',
      contentTypeId: 'troubleshootingArticle',
      fields: {
        title: en(`<script>${RUN}</script> Hostile`),
        slug: en('hostile-article'),
        description: en(`<img src=x onerror="${RUN}">`),
        appliesTo: en(['<svg onload=alert(1)>']),
        errorCodes: en(['"><img src=x onerror=alert(1)>']),
        symptom: en(hostileDoc),
        cause: en(hostileDoc),
        notes: en([{ sys: { type: 'Link', linkType: 'Entry', id: 'hostile.n1' } }]),
        ctaBanner: en({ sys: { type: 'Link', linkType: 'Entry', id: 'hostile.cta' } }),
        relatedLinks: en([{ title: `<b onmouseover="${RUN}">x</b>`, href: `javascript:${RUN}` }]),
      },
    },
  ]
  const items = []
  for (const e of entries) {
    const written = await backend.putEntry(e)
    items.push({ linkType: 'Entry' as const, id: written.sys.id, version: written.sys.version })
  }
  await backend.publish(items)
}

test.after.always(async () => {
  await browser?.close()
  await server?.close()
  await space?.cleanup()
  await site?.close()
  await siteSpace?.cleanup()
  if (profile) rmSync(profile, { recursive: true, force: true })
})

/** Steps and banner of an article as the Delivery data holds them, to compare with what the page shows. */
function expected(slug: string) {
  const { entries } = space.backend.space
  const article = entries.query({
    contentTypeId: 'troubleshootingArticle',
    fields: { slug: `articles/${slug}` },
    published: true,
  }).items[0]
  if (!article) throw new Error(`no article ${slug}`)
  const field = <T>(e: { fields: Record<string, Record<string, unknown>> }, id: string) =>
    e.fields[id]?.['en-US'] as T
  const ids = (links: { sys: { id: string } }[] | undefined) => (links ?? []).map((l) => l.sys.id)
  const steps = ids(field(article, 'resolutions')).flatMap((id) => ids(field(entries.get(id), 'steps')))
  const bannerId = field<{ sys: { id: string } }>(article, 'ctaBanner')?.sys.id
  const banner = bannerId ? entries.get(bannerId) : undefined
  const images = steps.flatMap((id) => ids(field(entries.get(id), 'images')))
  return { steps: steps.length, images: images.length, bannerUrl: banner && field<string>(banner, 'url') }
}

browserTest('an article page shows every step, its screenshots and the banner link', async (t) => {
  const slug = 'attachments-fail-to-upload'
  const want = expected(slug)
  t.true(want.steps > 0, 'the sample article has steps')
  const page = await browser.newPage()
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))
  const response = await page.goto(`http://${server.hostPort}/articles/${slug}`)
  t.is(response?.status(), 200)

  await t.notThrowsAsync(page.locator('h1').waitFor())
  t.is(await page.locator('h1').textContent(), 'Attachments Fail to Upload in Acme Notes with Error AN-204')
  const steps = page.locator('ol.steps > li.step')
  t.is(await steps.count(), want.steps)
  for (const step of await steps.all()) t.true(await step.isVisible())

  const screenshots = page.locator('.step figure.screenshot img')
  t.is(await screenshots.count(), want.images)
  t.true(want.images > 0, 'the sample article has step screenshots')
  const loaded = await screenshots.evaluateAll((imgs) =>
    imgs.map((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0),
  )
  t.deepEqual(
    loaded,
    loaded.map(() => true),
    'every screenshot loaded from /assets/',
  )

  const banner = page.locator('aside.cta a.cta-button')
  t.true(await banner.isVisible())
  t.is(await banner.textContent(), 'Try Acme for free', '{{ company_name }} resolved from content/mkdocs.yml')
  t.is(await banner.getAttribute('href'), want.bannerUrl ?? null)
  t.true(
    await page
      .locator('aside.cta img')
      .evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0),
  )

  t.deepEqual(problems, [], 'no console errors (CSP violations would show here)')
  await page.screenshot({ path: join(outDir, `${slug}.png`), fullPage: true })
  await page.close()
})

type El = { getAttribute(n: string): string | null; getBoundingClientRect(): { top: number; bottom: number } }

browserTest(
  'through the menu: a general page and a troubleshooting article, the current page marked, headings, a table, a screenshot, an in-page anchor',
  async (t) => {
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    page.on('pageerror', (e) => problems.push(e.message))
    const base = `http://${site.hostPort}`
    t.is((await page.goto(`${base}/`))?.status(), 200)
    t.is(await page.locator('.site-header .site-name').textContent(), 'Fixture Site')
    const menu = page.locator('nav.site-nav')
    t.true(await menu.isVisible())
    t.is(
      await menu.locator('a[aria-current="page"]').count(),
      0,
      'the generated home page is not in the menu',
    )

    // Through the menu to the general page: open its section, follow the link.
    t.false(await menu.locator('a', { hasText: 'Setting up' }).isVisible(), 'sections start closed')
    await menu.locator('summary', { hasText: 'Guides' }).click()
    await menu.locator('a', { hasText: 'Setting up' }).click()
    await page.waitForURL(`${base}${GUIDE_PATH}`)
    const current = page.locator('nav.site-nav a[aria-current="page"]')
    t.is(await current.count(), 1)
    t.is(await current.textContent(), 'Setting up')
    t.true(await current.isVisible(), 'the section of the current page is open')

    // The body: headings with MkDocs' anchors, a table, a screenshot that loaded.
    t.is(await page.locator('main h1').textContent(), 'Setting up Acme Notes')
    const headings = await page
      .locator('main .page-body :is(h2, h3)')
      .evaluateAll((hs) =>
        hs.map((h) => [
          (h as unknown as El).getAttribute('id'),
          (h as unknown as { textContent: string }).textContent,
        ]),
      )
    t.deepEqual(headings, [
      ['1_install_acme_notes', '1. Install Acme Notes'],
      ['options', 'Options'],
      ['1_install_acme_notes_1', '1. Install Acme Notes'],
    ])
    const table = page.locator('main table')
    t.true(await table.isVisible())
    t.deepEqual(await table.locator('th').allTextContents(), ['Option', 'Effect'])
    t.deepEqual(await table.locator('td').allTextContents(), ['--quiet', 'Prints nothing'])
    const shot = page.locator('main figure.screenshot img')
    t.true(await shot.isVisible())
    t.true(await shot.evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0))
    await page.screenshot({ path: join(outDir, 'general-page.png'), fullPage: true })

    // The in-page anchor link lands on its heading.
    await page.setViewportSize({ width: 1000, height: 300 })
    await page.locator('main a[href="#options"]').click()
    await page.waitForURL(`${base}${GUIDE_PATH}#options`)
    const target = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document
      const el = d.querySelector(':target') as El | null
      const box = el?.getBoundingClientRect()
      return el && box && { id: el.getAttribute('id'), top: box.top, bottom: box.bottom }
    })
    t.is(target?.id, 'options', 'the anchor names the heading')
    t.true(
      (target?.bottom ?? -1) > 0 && (target?.top ?? 999) < 300 && Math.abs(target?.top ?? 999) < 5,
      `the heading is scrolled to the top of the view (top ${target?.top})`,
    )
    await page.setViewportSize({ width: 1000, height: 800 })

    // Through the menu to the troubleshooting article, in its structured layout.
    await page.locator('nav.site-nav summary', { hasText: 'Troubleshooting' }).click()
    await page.locator('nav.site-nav a', { hasText: 'Sync stops' }).click()
    await page.waitForURL(`${base}${ARTICLE_PATH}`)
    t.is(await page.locator('main h1').textContent(), 'Sync stops after an update')
    t.true(await page.locator('main section.symptom').isVisible())
    t.is(await page.locator('nav.site-nav a[aria-current="page"]').textContent(), 'Sync stops')
    t.false(
      await page.locator('nav.site-nav a', { hasText: 'Setting up' }).isVisible(),
      'the section of the page left behind is closed again',
    )
    await page.screenshot({ path: join(outDir, 'article-through-menu.png'), fullPage: true })
    t.deepEqual(problems, [], 'no console errors (CSP violations would show here)')
    await page.close()
  },
)

browserTest(
  'the synced content/ site: home, menu, a landing page table, an anchor into another page, a redirect',
  async (t) => {
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    const base = `http://${server.hostPort}`
    await page.goto(`${base}/`)
    t.is(
      await page.locator('.site-header .site-name').textContent(),
      'Acme Notes Knowledge Base',
      'site_name',
    )
    t.is(await page.locator('nav.site-nav a[aria-current="page"]').textContent(), 'Home')
    t.deepEqual(await page.locator('main .page-body h2').allTextContents(), ['Where to start'])

    // A link written with an anchor into another page lands on that page's heading.
    await page.locator('main a', { hasText: 'sharing with people outside your team' }).click()
    await page.waitForURL(`${base}/articles/How-to-Share-a-Notebook/#share_with_people_outside_your_team`)
    t.is(
      await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document
        return (d.querySelector(':target') as El | null)?.getAttribute('id')
      }),
      'share_with_people_outside_your_team',
    )
    t.is(await page.locator('nav.site-nav a[aria-current="page"]').textContent(), 'Share a notebook')

    // The landing page from the menu: its table links to the articles.
    await page.locator('nav.site-nav a', { hasText: 'Articles' }).click()
    await page.waitForURL(`${base}/articles/`)
    t.deepEqual(await page.locator('main table th').allTextContents(), ['Problem', 'Article'])
    await page.locator('main table a', { hasText: 'SYNC_TOKEN_EXPIRED error' }).click()
    await page.waitForURL(`${base}/articles/Sync-Token-Expired/`)
    t.true(
      await page.locator('main section.resolutions').isVisible(),
      'a troubleshooting article in its layout',
    )
    t.true(await page.locator('nav.site-nav a[aria-current="page"]').first().isVisible())

    // The how-to from the menu: a general page with its table.
    await page.locator('nav.site-nav summary', { hasText: 'How-to' }).click()
    await page.locator('nav.site-nav a', { hasText: 'Export notes to PDF' }).click()
    await page.waitForURL(`${base}/articles/How-to-Export-Notes-to-PDF/`)
    t.true(await page.locator('main table').isVisible())
    await page.screenshot({ path: join(outDir, 'content-how-to.png'), fullPage: true })

    // The redirect stub's URL moves to its target.
    await page.goto(`${base}/articles/Sync-Error-Troubleshooting/`)
    t.is(new URL(page.url()).pathname, '/articles/Sync-Token-Expired/')
    t.deepEqual(problems, [])
    await page.close()
  },
)

browserTest('the search page finds pages without script: title matches first', async (t) => {
  const page = await browser.newPage()
  await page.goto(`http://${site.hostPort}/`)
  await page.locator('.site-header input[name="q"]').fill('sync')
  await page.locator('.site-header button[type="submit"]').click()
  await page.waitForURL(/\/search\/\?q=sync$/)
  const results = page.locator('ol.search-results > li')
  t.true((await results.count()) > 1)
  const classes = await results.evaluateAll((lis) =>
    lis.map((l) => (l as unknown as El).getAttribute('class')),
  )
  const firstBody = classes.indexOf('match-body')
  t.true(classes[0] === 'match-title', 'a title match comes first')
  if (firstBody >= 0)
    t.false(classes.slice(firstBody).includes('match-title'), 'no title match after a body match')
  await results.first().locator('a').click()
  t.true(await page.locator('main h1').isVisible())
  await page.close()
})

browserTest(
  'hostile content renders as text: nothing runs, no script, handler or javascript: link reaches the page',
  async (t) => {
    await publishHostileArticle()
    const page = await browser.newPage()
    const fired: string[] = []
    page.on('dialog', async (d) => {
      fired.push(`dialog: ${d.message()}`)
      await d.dismiss()
    })
    page.on('pageerror', (e) => fired.push(`pageerror: ${e.message}`))
    const response = await page.goto(`http://${server.hostPort}/articles/hostile-article`)
    t.is(response?.status(), 200)
    t.regex(response?.headers()['content-security-policy'] ?? '', /script-src 'none'/)
    // Hover and click everything that could carry a handler, then give timers a moment.
    for (const el of await page.locator('a, b, img, svg, aside').all())
      await el.hover({ force: true, timeout: 1000 }).catch(() => {})
    await page.waitForTimeout(200)

    t.deepEqual(fired, [], 'no dialog, no error')
    t.is(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned), undefined)
    const dom = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } })
        .document
      const all = Array.from(d.querySelectorAll('*')) as {
        tagName: string
        getAttributeNames(): string[]
        getAttribute(n: string): string | null
      }[]
      return {
        scripts: all.filter((e) => e.tagName === 'SCRIPT').length,
        handlers: all.flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))),
        hrefs: all.map((e) => e.getAttribute('href')).filter((h): h is string => h !== null),
        classes: all.map((e) => e.getAttribute('class') ?? ''),
      }
    })
    t.is(dom.scripts, 0)
    t.deepEqual(dom.handlers, [])
    t.deepEqual(
      dom.hrefs.filter((h) => !/^(\/|https:)/.test(h)),
      [],
      'only same-site and https links survive',
    )
    t.false(dom.classes.some((c) => c.includes('"') || c.includes('onclick')))
    // The payloads are shown as the text they are, not dropped.
    const heading = await page.locator('h1').textContent()
    t.is(heading, `<script>${RUN}</script> Hostile`)
    t.true((await page.locator('.admonition-title').textContent())?.includes('onerror'))
    await page.screenshot({ path: join(outDir, 'hostile-article.png'), fullPage: true })
    await page.close()
  },
)
