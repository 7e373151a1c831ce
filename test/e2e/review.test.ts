// `parse --review` in headless Chromium (Debian's, which .ci/run installs): the report a writer opens shows each
// page beside its fields, the least sure page first, low-confidence fields marked, and hostile page text as text.
// It loads nothing but itself. A screenshot goes to test-output/review/ (git-ignored). Pages are our own text.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import test from 'ava'
import { type BrowserContext, chromium } from 'playwright-core'
import { type CommandIo, runParseCommand } from '../../src/cli/parse-command.ts'
import { inProcess } from '../helpers/run-command.ts'

const CHROMIUM = '/usr/bin/chromium'
const repoRoot = join(import.meta.dirname, '..', '..')
const outDir = join(repoRoot, 'test-output', 'review')
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium)
  console.warn(`review browser test skipped: ${CHROMIUM} not found (.ci/run installs Debian's chromium)`)
const browserTest = hasChromium ? test.serial : test.serial.skip

const RUN = 'window.__pwned=1'
const PAGES: Record<string, string> = {
  'Exports-Stop.md': [
    '# Exports stop at 10,000 rows',
    '',
    'When you export a large report, the file stops at row 10,000 and the last rows are missing.',
    '',
    'This happens because the export service cuts every file at 10,000 rows.',
    '',
    '## How to fix it',
    '',
    '1. Open the report.',
    '2. Export each month on its own.',
    '',
  ].join('\n'),
  'Sync-Is-Slow.md': [
    '# Sync is slow',
    '',
    'The app takes a minute to open.',
    '',
    'This is caused by a full cache.',
    '',
    '1. Clear the cache.',
    '',
  ].join('\n'),
  'Hostile.md': [
    `# Reports fail <script>${RUN}</script>`,
    '',
    `<img src="x" onerror="${RUN}"> The export fails with an error "></td><script>${RUN}</script>.`,
    '',
    `[click](javascript:${RUN}) and <a href="https://example.com/">out</a>`,
    '',
  ].join('\n'),
}

let browser: BrowserContext
let profile: string
let dir: string

test.before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-cms-review-'))
  for (const [name, text] of Object.entries(PAGES)) writeFileSync(join(dir, name), text)
  if (!hasChromium) return
  profile = mkdtempSync(join(tmpdir(), 'kb-cms-chromium-'))
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 1300, height: 900 },
  })
  mkdirSync(outDir, { recursive: true })
})

test.after.always(async () => {
  await browser?.close()
  if (profile) rmSync(profile, { recursive: true, force: true })
  if (dir) rmSync(dir, { recursive: true, force: true })
})

async function review(): Promise<string> {
  const out = join(dir, 'review')
  const run = await inProcess((io) => runParseCommand(['--review', out, dir], io as unknown as CommandIo), {
    cwd: repoRoot,
  })
  if (run.code !== 0) throw new Error(run.stderr)
  return join(out, 'index.html')
}

test.serial('--review writes one self-contained page with every source line escaped', async (t) => {
  const html = readFileSync(await review(), 'utf8')
  t.false(html.includes(`<script>${RUN}`), 'no page text becomes markup')
  t.true(html.includes(`&lt;script&gt;${RUN}&lt;/script&gt;`))
  t.false(/<(script|link|img|iframe)\b/i.test(html), 'nothing to run and nothing to fetch')
  t.regex(html, /Content-Security-Policy" content="default-src 'none'/)
})

browserTest(
  'the review in Chromium: worst first, low fields marked, hostile text shown as text',
  async (t) => {
    const url = pathToFileURL(await review()).href
    const page = await browser.newPage()
    const requests: string[] = []
    const problems: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`)
      void d.dismiss()
    })
    await page.goto(url)
    await page.locator('section.page').first().waitFor()

    const order = await page
      .locator('section.page')
      .evaluateAll((els) =>
        els.map((e) => (e as unknown as { dataset: { source: string } }).dataset.source.split('/').pop()),
      )
    t.deepEqual(order.slice(0, 1), ['Sync-Is-Slow.md'], 'the guessed symptom makes it the least sure page')
    t.is(order.at(-1), 'Exports-Stop.md', 'the page read from cues comes last')

    const guessed = page.locator('section.page').first().locator('.field[data-field="symptom"]')
    t.is(await guessed.getAttribute('class'), 'field low')
    t.true(await guessed.isVisible())
    const background = await guessed.evaluate((e) => {
      const g = globalThis as unknown as { getComputedStyle(el: unknown): { backgroundColor: string } }
      return g.getComputedStyle(e).backgroundColor
    })
    t.is(background, 'rgb(255, 241, 224)', 'a low-confidence field is highlighted')
    t.regex((await guessed.textContent()) ?? '', /fallback 0\.3.*The app takes a minute to open\./s)

    const hostile = page.locator('section.page[data-source$="Hostile.md"]')
    t.regex((await hostile.locator('.source').textContent()) ?? '', /<script>window\.__pwned=1<\/script>/)
    t.is(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), undefined)
    t.is(await hostile.locator('.source script, .fields script, img, a[href^="javascript"]').count(), 0)
    t.deepEqual(problems, [])
    t.deepEqual(requests, [url], 'the report loads nothing but itself')
    await page.screenshot({ path: join(outDir, 'review.png'), fullPage: true })
    await page.close()
  },
)
