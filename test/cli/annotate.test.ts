// `parse --annotate` writes the markers of the parser's reading into the files: only whole inserted lines, the
// same reading afterwards, nothing new the second time; and once they are there, an author's edit of one marker
// moves the field. Pages here are our own text.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { type CommandIo, runParseCommand } from '../../src/cli/parse-command.ts'
import { annotateSource } from '../../src/markdown/annotate.ts'
import { parseArticleSource } from '../../src/markdown/parse-article.ts'
import { MARKERS } from '../../src/markdown/remark-author-markers.ts'
import { plainText } from '../../src/markdown/rich-text.ts'
import type { Article } from '../../src/model/article.ts'
import { inProcess } from '../helpers/run-command.ts'

const root = join(import.meta.dirname, '..', '..')
const cli = (args: string[]) =>
  inProcess((io) => runParseCommand(args, io as unknown as CommandIo), { cwd: root })
const words = (a: Article, field: 'symptom' | 'cause' | 'body') =>
  plainText(a[field]).replace(/\s+/g, ' ').trim()

const CAUSE = 'This happens because the export service cuts every file at 10,000 rows.'
const FACT = 'The export service was designed for monthly reports.'
const PAGE = [
  '# Exports stop at 10,000 rows',
  '',
  'When you export a large report, the file stops at row 10,000 and the last rows are missing.',
  '',
  CAUSE,
  '',
  FACT,
  '',
  '## How to fix it',
  '',
  '1. Open the report.',
  '2. Filter it to one month.',
  '3. Export each month on its own.',
  '',
].join('\n')

/** The inserted lines, when `after` is `before` with whole lines added and nothing else changed; else null. */
function insertedLines(before: string, after: string): string[] | null {
  const eol = before.includes('\r\n') ? '\r\n' : '\n'
  const a = before.split(eol)
  const b = after.split(eol)
  const inserted: string[] = []
  let i = 0
  for (const line of b) {
    if (i < a.length && line === a[i]) i++
    else inserted.push(line)
  }
  return i === a.length ? inserted : null
}

const MARKER_LINE = /^(<!-- kb-cms: [a-z-]+( "[^"]*")? -->|kb-cms: \{ kind: [a-z]+ \}|---)$/

function workspace(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-cms-annotate-'))
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

async function parseFile(path: string): Promise<Article> {
  const run = await cli(['--json', path])
  return (JSON.parse(run.stdout) as Article[])[0] as Article
}

test('--annotate inserts marker lines only, keeps the reading, and a second run changes nothing', async (t) => {
  const path = workspace('Exports-Stop.md', PAGE)
  const before = await parseFile(path)
  const first = await cli(['--annotate', path])
  t.is(first.code, 0)
  t.regex(first.stderr, /Exports-Stop\.md: \d+ markers written/)
  const annotated = readFileSync(path, 'utf8')
  const inserted = insertedLines(PAGE, annotated)
  t.truthy(inserted, 'every original line is kept, in order')
  t.true(
    (inserted ?? []).every((l) => MARKER_LINE.test(l)),
    (inserted ?? []).join('\n'),
  )
  t.true(annotated.includes(`<!-- kb-cms: cause -->\n${CAUSE}`))
  t.true(annotated.includes('<!-- kb-cms: resolution -->\n## How to fix it'))
  const after = await parseFile(path)
  for (const field of ['kind', 'title', 'symptom', 'condition', 'cause', 'resolutions', 'body'] as const)
    t.deepEqual(after[field], before[field], field)
  t.is(after.confidence.cause?.evidence, 'marker')

  const second = await cli(['--annotate', path])
  t.regex(second.stderr, /Exports-Stop\.md: 0 markers written/)
  t.is(readFileSync(path, 'utf8'), annotated, 'idempotent')
})

test('after --annotate, moving the `cause` marker to another paragraph moves the cause', async (t) => {
  const path = workspace('Exports-Stop.md', PAGE)
  await cli(['--annotate', path])
  const annotated = readFileSync(path, 'utf8')
  const moved = annotated
    .replace(`<!-- kb-cms: cause -->\n${CAUSE}`, CAUSE)
    .replace(`\n${FACT}`, `\n<!-- kb-cms: cause -->\n${FACT}`)
  t.not(moved, annotated)
  writeFileSync(path, moved)
  const a = await parseFile(path)
  t.is(words(a, 'cause'), FACT)
  t.true(words(a, 'body').includes(CAUSE), 'the old cause is kept, in body')
  t.is(a.resolutions[0]?.steps.length, 3)
})

test('CRLF line ends and a byte order mark are kept; only marker lines are added', (t) => {
  const crlf = `\uFEFF${PAGE.replace(/\n/g, '\r\n')}`
  const out = annotateSource('Exports-Stop.md', crlf).text
  t.true(out.startsWith('\uFEFF---\r\nkb-cms: { kind: troubleshooting }\r\n---\r\n'))
  // The byte order mark stays the file's first bytes; every line after it is as it was.
  const inserted = insertedLines(crlf.slice(1), out.slice(1))
  t.truthy(inserted)
  t.true((inserted ?? []).every((l) => MARKER_LINE.test(l)))
  t.is(annotateSource('Exports-Stop.md', out).text, out)
})

test('every page of content/: inserted lines only, the same reading, idempotent', (t) => {
  const dir = join(root, 'content')
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort()
  let written = 0
  for (const name of files) {
    const path = join(dir, name)
    const text = readFileSync(path, 'utf8')
    const once = annotateSource(path, text)
    written += once.written.length
    const inserted = insertedLines(text, once.text)
    t.truthy(inserted, name)
    t.true(
      (inserted ?? []).every((l) => MARKER_LINE.test(l)),
      name,
    )
    const a = parseArticleSource(path, text).article
    const b = parseArticleSource(path, once.text).article
    t.is(b.kind, a.kind, name)
    t.is(plainText(b.cause), plainText(a.cause), name)
    t.is(plainText(b.symptom), plainText(a.symptom), name)
    t.is(b.resolutions.length, a.resolutions.length, name)
    t.is(annotateSource(path, once.text).text, once.text, `${name}: idempotent`)
  }
  t.true(written > files.length, 'markers beyond the kind are written')
})

test('parse --help lists --annotate and --review and points at the contract, which documents them', async (t) => {
  const help = await cli(['--help'])
  t.is(help.code, 0)
  t.regex(help.stdout, /--annotate\s/)
  t.regex(help.stdout, /--review <dir>/)
  t.regex(help.stdout, /docs\/article-json\.md/)
  const contract = readFileSync(join(root, 'docs', 'article-json.md'), 'utf8')
  for (const heading of ['## Confidence', '## Author markers']) t.true(contract.includes(heading), heading)
  for (const marker of Object.keys(MARKERS))
    t.true(contract.includes(`kb-cms: ${marker}`) || contract.includes(`\`${marker}\``), marker)
})
