// Author markers (`<!-- kb-cms: cause -->` and front matter `kb-cms:` keys) pin what the parser would guess, and
// always win; a marker that kb-cms does not know or that stands where it cannot apply is a warning with its place.
// Each test is one marker on a small page of our own.
import test from 'ava'
import { parseArticleSource } from '../../src/markdown/parse-article.ts'
import { plainText } from '../../src/markdown/rich-text.ts'
import type { Article, RichText } from '../../src/model/article.ts'

const parse = (text: string) => parseArticleSource('docs/Export-Fails.md', text).article
const words = (doc: RichText | null) => plainText(doc).replace(/\s+/g, ' ').trim()
const ids = (a: Article) => a.diagnostics.map((d) => d.ruleId)
const diag = (a: Article, id: string) => a.diagnostics.filter((d) => d.ruleId === id)

const page = (...parts: string[]) => `${parts.join('\n\n')}\n`
const TITLE = '# Reports fail to export'
const SYMPTOM = 'When you export a report, the export fails with the error "Export timed out".'
const CAUSE = 'This happens because the report holds more rows than the export limit.'
const STEPS = '1. Open the report.\n2. Apply a date filter.\n3. Export again.'
const FIX = `## How to fix it\n\n${STEPS}`

test('without markers the parser reads the page, and the confidence says how', (t) => {
  const a = parse(page(TITLE, SYMPTOM, CAUSE, FIX))
  t.is(a.kind, 'troubleshooting')
  t.is(words(a.cause), CAUSE)
  t.deepEqual(a.confidence.cause, { evidence: 'explicit', score: 0.9 })
  t.deepEqual(a.confidence.symptom, { evidence: 'explicit', score: 0.9 })
  t.is(a.confidence.condition, null)
})

test('symptom: a paragraph with no cue becomes the symptom', (t) => {
  const plain = 'Nothing arrives in the mailbox after the export.'
  const a = parse(page(TITLE, SYMPTOM, '<!-- kb-cms: symptom -->', plain, CAUSE, FIX))
  t.is(words(a.symptom), plain)
  t.true(words(a.body).includes('Export timed out'), 'the parser’s own symptom is kept in body')
  t.deepEqual(a.confidence.symptom, { evidence: 'marker', score: 1 })
  t.true(ids(a).includes('marker-applied'))
})

test('cause: the marked paragraph is the cause, the parser’s guess goes to body', (t) => {
  const fact = 'The export service keeps only the last 10,000 rows.'
  const a = parse(page(TITLE, SYMPTOM, CAUSE, '<!-- kb-cms: cause -->', fact, FIX))
  t.is(words(a.cause), fact)
  t.true(words(a.body).includes('more rows than the export limit'))
  t.is(a.confidence.cause?.evidence, 'marker')
})

test('condition: a marked section is the condition, its heading is a label', (t) => {
  const a = parse(
    page(
      TITLE,
      SYMPTOM,
      CAUSE,
      '<!-- kb-cms: condition -->\n## Where it happens',
      'Only in the web app.',
      FIX,
    ),
  )
  t.is(words(a.condition), 'Only in the web app.')
  t.false(words(a.body).includes('Where it happens'))
  t.is(a.resolutions.length, 1, 'the next section is still read as the fix')
})

test('resolution "Title": a resolution starts at the marker, titled by it', (t) => {
  const a = parse(
    page(TITLE, SYMPTOM, CAUSE, '<!-- kb-cms: resolution "Export a smaller report" -->', 'Try this:', STEPS),
  )
  t.is(a.resolutions.length, 1)
  t.is(a.resolutions[0]?.title, 'Export a smaller report')
  t.is(a.resolutions[0]?.steps.length, 3)
  t.is(words(a.resolutions[0]?.intro ?? null), 'Try this:')
  t.deepEqual(a.confidence.resolutions, { evidence: 'marker', score: 1 })
})

test('resolution before a heading: the heading titles it; the marked ones are exactly the resolutions', (t) => {
  const a = parse(
    page(
      TITLE,
      SYMPTOM,
      CAUSE,
      '<!-- kb-cms: resolution -->\n## Use the desktop app',
      'The desktop app has no row limit.',
      '## How to fix it in the browser',
      STEPS,
    ),
  )
  t.deepEqual(
    a.resolutions.map((r) => r.title),
    ['Use the desktop app'],
  )
  t.true(words(a.body).includes('Apply a date filter.'), 'the unmarked group is kept in body')
})

test('cause inside a resolution: that resolution’s cause, not the article’s', (t) => {
  const a = parse(
    page(
      TITLE,
      SYMPTOM,
      CAUSE,
      '<!-- kb-cms: resolution -->\n## Large reports',
      '<!-- kb-cms: cause -->',
      'Reports over the limit are cut.',
      STEPS,
    ),
  )
  t.is(words(a.resolutions[0]?.cause ?? null), 'Reports over the limit are cut.')
  t.is(words(a.cause), CAUSE)
})

test('step: inside a resolution, each marker starts one step', (t) => {
  const a = parse(
    page(
      TITLE,
      SYMPTOM,
      CAUSE,
      '<!-- kb-cms: resolution "Split the export" -->',
      'Do it in parts.',
      '<!-- kb-cms: step -->',
      'Export January to June.',
      'Wait for the first file.',
      '<!-- kb-cms: step -->',
      'Export July to December.',
    ),
  )
  const r = a.resolutions[0]
  t.is(words(r?.intro ?? null), 'Do it in parts.')
  t.deepEqual(
    r?.steps.map((s) => words(s.instruction)),
    ['Export January to June. Wait for the first file.', 'Export July to December.'],
  )
})

test('not-a-resolution: a section the parser would read as a fix goes to body', (t) => {
  const a = parse(
    page(TITLE, SYMPTOM, CAUSE, FIX, '<!-- kb-cms: not-a-resolution -->\n## Steps we tried', STEPS),
  )
  t.is(a.resolutions.length, 1)
  t.true(words(a.body).includes('Steps we tried'))
})

test('body: a paragraph the parser would read as the cause is body text', (t) => {
  const a = parse(page(TITLE, SYMPTOM, '<!-- kb-cms: body -->', CAUSE, FIX))
  t.is(a.cause, null)
  t.is(words(a.body), CAUSE)
})

test('end: closes the resolution above; what follows is read as usual', (t) => {
  const a = parse(
    page(
      TITLE,
      SYMPTOM,
      CAUSE,
      '<!-- kb-cms: resolution -->',
      STEPS,
      '<!-- kb-cms: end -->',
      'Thanks for reading.',
    ),
  )
  t.is(a.resolutions[0]?.steps.length, 3)
  t.false(words(a.resolutions[0]?.steps[2]?.instruction ?? null).includes('Thanks'))
  t.true(words(a.body).includes('Thanks for reading.'))
})

test('front matter `kb-cms: { cause: none }`: no cause; its text is kept in body', (t) => {
  const a = parse(`---\nkb-cms: { cause: none }\n---\n${page(TITLE, SYMPTOM, CAUSE, FIX)}`)
  t.is(a.cause, null)
  t.true(words(a.body).includes('more rows than the export limit'))
  t.deepEqual(a.confidence.cause, { evidence: 'marker', score: 1 })
})

test('front matter `kb-cms: { kind }` gives the kind a marker’s confidence', (t) => {
  const a = parse(`---\nkb-cms: { kind: other }\n---\n${page(TITLE, SYMPTOM, CAUSE, FIX)}`)
  t.is(a.kind, 'other')
  t.deepEqual(a.confidence.kind, { evidence: 'marker', score: 1 })
})

test('an unknown marker is a warning at its line and column, and changes nothing', (t) => {
  const a = parse(page(TITLE, SYMPTOM, '<!-- kb-cms: reason -->', CAUSE, FIX))
  const [d] = diag(a, 'marker-unknown')
  t.is(d?.severity, 'warning')
  t.is(d?.line, 5)
  t.is(d?.column, 1)
  t.regex(d?.message ?? '', /`reason`.*known: symptom, condition, cause/)
  t.is(words(a.cause), CAUSE)
})

test('an unknown front matter key is a warning at its line and column', (t) => {
  const a = parse(
    `---\ntitle: x\nkb-cms:\n  kind: troubleshooting\n  reason: none\n---\n${page(TITLE, SYMPTOM)}`,
  )
  const [d] = diag(a, 'marker-unknown')
  t.is(d?.line, 5)
  t.is(d?.column, 3)
})

test('a marker inside a list, after the last block, before the title or a step outside a resolution is misplaced', (t) => {
  const a = parse(
    page(
      '<!-- kb-cms: symptom -->',
      TITLE,
      SYMPTOM,
      '<!-- kb-cms: step -->',
      CAUSE,
      `- first\n  <!-- kb-cms: cause -->\n- second`,
      FIX,
      '<!-- kb-cms: cause -->',
    ),
  )
  const misplaced = diag(a, 'marker-misplaced')
  t.deepEqual(
    misplaced.map((d) => [d.line, d.column, d.severity]).sort((x, y) => Number(x[0]) - Number(y[0])),
    [
      [1, 1, 'warning'],
      [7, 1, 'warning'],
      [12, 3, 'warning'],
      [21, 1, 'warning'],
    ],
  )
  // A misplaced marker pins nothing: the page reads as it does without them.
  const without = parse(
    page(TITLE, SYMPTOM, '<!-- -->', CAUSE, `- first\n  <!-- -->\n- second`, FIX, '<!-- -->'),
  )
  for (const field of ['kind', 'symptom', 'cause', 'condition', 'resolutions', 'body'] as const)
    t.deepEqual(a[field], without[field], field)
})

test('markers on a page that is not an issue are misplaced, and the page is read whole', (t) => {
  const a = parse(page('# Using reports', '<!-- kb-cms: cause -->', 'Reports are lists of rows.'))
  t.is(a.kind, 'other')
  t.true(words(a.body).includes('Reports are lists of rows.'))
  t.is(diag(a, 'marker-misplaced').length, 1)
})

test('markers are invisible: no field or body holds their text', (t) => {
  const a = parse(page(TITLE, SYMPTOM, '<!-- kb-cms: cause -->', CAUSE, '<!-- kb-cms: resolution -->', FIX))
  t.false(JSON.stringify(a).includes('kb-cms:'))
})
