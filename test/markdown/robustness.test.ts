// Bad input and safety: whatever bytes arrive, the parser returns a contract-shaped Article (or one fatal
// diagnostic), never throws, never lets executable content into Rich Text, and takes time linear in size.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'
import fc from 'fast-check'
import { parseArticleSource } from '../../src/markdown/parse-article.ts'
import { articleProblems } from '../fixtures/pathological/check-article.ts'
import { finished, startScript } from '../helpers/run-command.ts'

const path = 'docs/ri/fast/articles/Fuzzed-Article.md'
// FUZZ_RUNS=5000 for a deeper search than the suite's quick default.
const runs = (quick: number) => ({
  numRuns: Number(process.env.FUZZ_RUNS ?? quick),
  includeErrorInReport: true,
})
const options = { docsRoot: 'docs' }

/** The property every input must satisfy; returns false with the problems logged, for fast-check to shrink. */
function parsesSafely(text: string, variables?: Record<string, string>): boolean {
  const { article } = parseArticleSource(path, text, variables ? { ...options, variables } : options)
  const problems = articleProblems(article)
  if (article.source !== path) problems.push(`source is ${JSON.stringify(article.source)}`)
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return true
}

// Building blocks written after the patterns the knowledge base uses (PATTERNS.md), in our own words, plus the
// hostile markup a page must never pass on.
const patternFragments = [
  '---\ndescription: How to fix the widget\n---',
  '--- \ndescription:\n\n---',
  '---\ntitle: [broken\n---',
  '# Widget {{ product_name }} stops *syncing*  ',
  '## Solution 1: reconnect',
  '### Method 2',
  '*2 min read*',
  '<p style="font-size:15px"><i>3 min read</i></font></p>',
  '<!--*1 min read*  -->',
  '&nbsp;',
  '&nbsp;&nbsp;&nbsp;&nbsp;**1.5.** Sub step',
  '<br>**2.** Click **Save**.',
  '**1\\.** Open the *Settings* tab.',
  '**2.** Press `Ctrl+S`.',
  '<b>3.</b> Choose <i>Accounts</i>.',
  '1. First\n2. Second\n4. Fourth',
  '- plain item\n    - nested item',
  'Line one  \nLine two\\\nLine three',
  'The essence of the issue:',
  'When the user signs in, the following error appears:',
  'Cause:',
  'To resolve the issue, do the following:',
  'If that does not help, try the next method.',
  'Error code: ERR_WIDGET_TOKEN_42',
  '!!! warning "Important"\n    Keep a backup.',
  '!!!note\n    A note body.',
  '??? info "Details"\n    Hidden text.',
  '<details><summary>Screenshot</summary><img src="..\\..\\assets\\images\\shot.png" style="width:35%"></details>',
  '![Settings dialog](../assets/images/settings.png)',
  '<img src="../../assets/images/float.png" style="float:right; width:40%" alt="float">',
  'Click the <img src="../../assets/icons/gear.png" width="16"> icon.',
  '<i>For users of the Email Sidebar on:</i><br><br><div class="container" style="display:inline"><img src="https://example.com/logos/Exchange1.svg"></div>',
  '| Symptom | Fix |\n| --- | --- |\n| Widget is grey | Restart |',
  '```powershell\nGet-Widget | Restart-Widget\n```',
  '---',
  '**Related articles:**\n\n- [Other article](../Other-Article/)\n- [Another](../Another/#anchor)',
  '<div class="banner-3"><a href="https://example.com/trial?utm_source=kb&utm_medium=banner&utm_campaign=t"><img src="../../assets/cta.png">Try {{ company_name }} for free</a></div>',
  '<style>.x { color: red }</style>',
  '<div class="sharethis-inline-share-buttons"></div>',
  '{{ short_name }} and {{short_company_name}} and {{ not closed',
  '<script>document.location.href="../Target/";</script>',
  '<div><b>unclosed <i>tags <table><tr><td>',
  '\\*not emphasis\\* and &amp; and &#160; and &bogus;',
]

const hostileFragments = [
  '<script>alert(1)</script>',
  '<SCRIPT src="https://evil.example/x.js"></SCRIPT>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href=" JaVaScRiPt:alert(1)">click</a>',
  '<a href="java&#x09;script:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](<javascript:alert(1)>)',
  '<javascript:alert(1)>',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '![x](javascript:alert(1))',
  '<img src="x.png" onerror="alert(1)">',
  '<svg onload="alert(1)"><circle/></svg>',
  '<iframe src="https://evil.example/"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">b</button></form>',
  '<div onclick="alert(1)" onmouseover=alert(2)>hover</div>',
  '<img src="../../../../../../../etc/passwd">',
  '![up](../../../../../../outside.png)',
  '![abs](/etc/shadow.png)',
  '<img src="..\\..\\..\\..\\..\\..\\outside.png">',
]

const wrappers = ['', '    ', '> ', '- ', '1. ', '**', '<div>', '!!! note\n    ', '| ']

const fragment = fc.oneof(
  { arbitrary: fc.constantFrom(...patternFragments), weight: 6 },
  { arbitrary: fc.constantFrom(...hostileFragments), weight: 3 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
)
const markdownDocument = fc
  .array(fc.tuple(fc.constantFrom(...wrappers), fragment, fc.constantFrom('\n', '\n\n', ' ', '')), {
    maxLength: 30,
  })
  .map((parts) => parts.map(([wrap, text, separator]) => wrap + text + separator).join(''))

test('any string parses to a valid, safe Article without throwing', (t) => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => parsesSafely(text)),
    runs(300),
  )
  t.pass()
})

test('arbitrary bytes read as UTF-8 parse to a valid, safe Article', (t) => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) =>
      parsesSafely(Buffer.from(bytes).toString('utf8')),
    ),
    runs(200),
  )
  t.pass()
})

test('documents mixing the knowledge-base patterns with hostile markup stay valid and safe', (t) => {
  fc.assert(
    fc.property(markdownDocument, (text) => parsesSafely(text)),
    runs(400),
  )
  t.pass()
})

test('variable values are text: markup inside a value never becomes executable', (t) => {
  const value = fc.constantFrom(
    'Widget',
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    '<img src=x onerror=alert(1)>',
    '**bold** & <b>tags</b>',
  )
  const variables = fc.record({ product_name: value, company_name: value, short_name: value })
  fc.assert(
    fc.property(markdownDocument, variables, (text, vars) => parsesSafely(text, vars)),
    runs(200),
  )
  t.pass()
})

test('executable markup in every context is dropped with a diagnostic, its hidden payload nowhere', (t) => {
  // The payload sits where a browser never shows it (script body, handler, URL), so it must not surface as text.
  const hostile = [
    '<script>kbcmsHidden()</script>',
    '<SCRIPT type="text/javascript">kbcmsHidden()</SCRIPT>',
    '<a href="javascript:kbcmsHidden()">click</a>',
    '<a href=" JAVASCRIPT:kbcmsHidden()">click</a>',
    '<a href="data:text/html,kbcmsHidden()">click</a>',
    '<img src="x.png" onerror="kbcmsHidden()">',
    '<img src="javascript:kbcmsHidden()">',
    '<div onclick="kbcmsHidden()">hover</div>',
    '<b onmouseover="kbcmsHidden()">bold</b>',
    '<iframe src="javascript:kbcmsHidden()"></iframe>',
    '<svg onload="kbcmsHidden()"></svg>',
  ]
  const contexts: [string, (h: string) => string][] = [
    ['own block', (h) => `# T\n\n${h}\n\nAfter.\n`],
    ['mid-sentence', (h) => `# T\n\nBefore ${h} after.\n`],
    ['list item', (h) => `# T\n\n1. Step ${h}\n2. Next\n`],
    [
      'bold-numbered step',
      (h) => `# T\n\nThe widget fails.\n\nTo fix it:\n\n**1\\.** Open ${h}<br>\n**2\\.** Close.\n`,
    ],
    ['table cell', (h) => `# T\n\n| a | b |\n| --- | --- |\n| ${h} | x |\n`],
    ['admonition', (h) => `# T\n\n!!! warning "Important"\n    ${h}\n`],
    ['details', (h) => `# T\n\n<details><summary>More</summary>${h}</details>\n`],
    ['blockquote', (h) => `# T\n\n> ${h}\n`],
  ]
  for (const h of hostile)
    for (const [where, place] of contexts) {
      const { article } = parseArticleSource(path, place(h), options)
      const { diagnostics, ...content } = article
      const label = `${h} as ${where}`
      t.false(JSON.stringify(content).includes('kbcmsHidden'), label)
      t.true(diagnostics.length > 0, `${label}: dropped without a diagnostic`)
      t.deepEqual(articleProblems(article), [], label)
    }
})

test('the safety check itself catches what it guards against', (t) => {
  // A check that cannot fail proves nothing: feed it hand-made articles with each kind of defect.
  const { article } = parseArticleSource(path, '# Title\n', options)
  const doc = (content: unknown[]) => ({ nodeType: 'document', data: {}, content }) as never
  const paragraph = (content: unknown[]) => ({ nodeType: 'paragraph', data: {}, content })
  const text = (value: string) => ({ nodeType: 'text', value, marks: [], data: {} })
  const link = (uri: string) => ({ nodeType: 'hyperlink', data: { uri }, content: [text('x')] })

  t.deepEqual(
    articleProblems({ ...article, body: doc([paragraph([text('<script>alert(1)</script>')])]) }),
    [],
  )
  t.regex(
    articleProblems({ ...article, body: doc([paragraph([link('java\tscript:alert(1)')])]) }).join(),
    /href/,
  )
  t.regex(
    articleProblems({ ...article, symptom: doc([paragraph([link('DATA:text/html,x')])]) }).join(),
    /href/,
  )
  t.regex(articleProblems({ ...article, cause: doc([text('loose text')]) }).join(), /invalid rich text/)
  t.regex(
    articleProblems({ ...article, images: [{ src: 'x', path: '../x.png', alt: '', width: null }] }).join(),
    /not inside the docs root/,
  )
  const fatal = {
    ruleId: 'parse-failed' as const,
    severity: 'fatal' as const,
    message: 'm',
    line: 1,
    column: 1,
  }
  t.regex(articleProblems({ ...article, diagnostics: [fatal, fatal] }).join(), /2 fatal/)
})

// Pathological inputs run in a child process with a time limit: a hang or a crash fails the test instead of
// stalling ava. Sizes are chosen so each family costs a second or two; the same text at n and at 4n shows
// whether time per character grows. The families share one child (one process start, not fourteen), which
// prints each family's result as it finishes.
interface CaseResult {
  name: string
  results: { size: number; chars: number; cpuMs: number; diagnostics: number; problems: string[] }[]
  baselineMs: number[] | null
}

const script = join(import.meta.dirname, '..', 'fixtures', 'pathological', 'run-case.ts')

/** CPU milliseconds (user + system) a process has used so far, where /proc tells it (Linux). */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    // utime and stime, the 14th and 15th fields of the line, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return undefined
  }
}

/**
 * Starts one child for `cases` (name → sizes); each family's promise settles when its line arrives. The child is
 * killed when a family takes more than `timeoutMs` since the previous family's line: CPU time where the system
 * tells it (/proc), so that a busy shared machine, which slows the wall clock, cannot fail the test; and wall
 * time four times that in any case.
 */
function runCases(
  cases: [string, number[]][],
  timeoutMs: number,
  repeats = 2,
): Map<string, Promise<CaseResult>> {
  const child = startScript(
    script,
    cases.map(([name, sizes]) => `${name}=${sizes.join(',')}`),
    { env: { PATHOLOGICAL_REPEATS: String(repeats) } },
  )
  const limit = setTimeout(() => child.kill('SIGKILL'), 4 * timeoutMs)
  let cpuAtLine = 0
  const watch = setInterval(() => {
    const used = cpuMsOf(child.pid)
    if (used !== undefined && used - cpuAtLine > timeoutMs) child.kill('SIGKILL')
  }, 500)
  const waiting = new Map(
    cases.map(([name]) => {
      let settle: { resolve(r: CaseResult): void; reject(e: Error): void } | undefined
      const promise = new Promise<CaseResult>((resolve, reject) => {
        settle = { resolve, reject }
      })
      promise.catch(() => {}) // a family whose test never awaits it (a --match run) must not crash the worker
      return [name, { promise, settle: settle as NonNullable<typeof settle> }]
    }),
  )
  let buffer = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk
    limit.refresh()
    cpuAtLine = cpuMsOf(child.pid) ?? 0
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const result = JSON.parse(buffer.slice(0, end)) as CaseResult
      buffer = buffer.slice(end + 1)
      waiting.get(result.name)?.settle.resolve(result)
      waiting.delete(result.name)
    }
  })
  finished(child).then(({ code, signal, stderr }) => {
    clearTimeout(limit)
    clearInterval(watch)
    // Whatever had no line when the child ended: the family it was on, and every one after it.
    for (const [name, { settle }] of waiting)
      settle.reject(
        signal === 'SIGKILL'
          ? new Error(`${name}: no result within ${timeoutMs / 1000} s (a hang?)`)
          : new Error(`${name}: the parse process failed (exit ${code}):\n${stderr.slice(-2000)}`),
      )
  })
  return new Map([...waiting].map(([name, { promise }]) => [name, promise]))
}

// Time per character at 4n over time per character at n: 1 when linear, 4 when quadratic.
const growth = (ms: number[], chars: number[]) =>
  (ms[1] ?? 0) / (chars[1] ?? 1) / Math.max((ms[0] ?? 0) / (chars[0] ?? 1), Number.EPSILON)
// Generous: a linear parser on a busy machine stays well under it, a quadratic one lands near 4.
const maxGrowth = 3
// Below this, at 4n, timings are mostly noise and nothing slow can be hiding.
const measurableMs = 40

const families: [string, number][] = [
  ['invalid-front-matter', 25_000],
  ['unclosed-html', 25_000],
  ['binary', 25_000],
  ['nested-lists', 5_000], // at 4n: 10,000 lists, each nested in the one before
  ['nested-ordered-lists', 6_000],
  ['indented-lists', 30_000], // 300 levels, at 4n 1200 (1.4 MB): remark alone is cubic in the depth
  ['deep-blockquotes', 5_000], // at 4n: 10,000 levels
  ['huge-table', 20_000],
  ['wide-table', 12_000],
  ['long-line', 25_000],
  ['emphasis-line', 25_000],
  ['bracket-line', 12_000],
  ['backtick-line', 25_000],
  ['html-attributes', 25_000],
  ['entity-line', 25_000],
  // A whole article (sections of steps, images, prose) at 100 K and 400 K characters; 10 M is `npm run bench -- big`.
  ['big-file', 100_000],
]

// Started when the first family's test runs (not at import, so a --match run of other tests starts nothing).
let familyRuns: Map<string, Promise<CaseResult>> | undefined
const familyRun = (name: string) => {
  // One timed parse per size, not the fastest of two: growth is CPU time per character, which load hardly
  // moves, and the ratios seen (≤ 0.9) sit far below the limit of 3; the second parse doubled the CPU.
  familyRuns ??= runCases(
    families.map(([f, n]) => [f, [n, 4 * n]]),
    90_000,
    1,
  )
  return familyRuns.get(name) as Promise<CaseResult>
}

for (const [name] of families) {
  test.serial(`pathological ${name}: returns within the bound, valid, time linear in size`, async (t) => {
    t.timeout(4 * 90_000 + 30_000) // beyond the child's own limits, so the child's limit is the one that reports
    const { results, baselineMs } = await familyRun(name)
    for (const r of results) t.deepEqual(r.problems, [], `${r.chars} characters`)
    const ms = results.map((r) => r.cpuMs)
    const chars = results.map((r) => r.chars)
    const ours = growth(ms, chars)
    t.log(
      `${chars.join(' → ')} characters: ${ms.map((m) => m.toFixed(0)).join(' → ')} ms CPU, growth ${ours.toFixed(2)}`,
    )
    if ((ms[1] ?? 0) < measurableMs) return
    if (baselineMs === null) {
      t.true(ours <= maxGrowth, `time per character grew ${ours.toFixed(2)}×`)
      return
    }
    // remark itself grows on this input: what we must not do is add growth of our own on top of it.
    const theirs = growth(baselineMs, chars)
    t.log(
      `bare remark-parse + gfm: ${baselineMs.map((m) => m.toFixed(0)).join(' → ')} ms, growth ${theirs.toFixed(2)}`,
    )
    t.true(
      ours <= maxGrowth || ours <= theirs * 1.5,
      `time per character grew ${ours.toFixed(2)}× (bare remark ${theirs.toFixed(2)}×)`,
    )
  })
}
