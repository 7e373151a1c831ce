// The parser over the development corpus, read at run time from ../shared/corpus (never copied here):
// kinds per dev-set.tsv, the scorer's thresholds, valid rich text, and nothing visible lost.
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { validateRichTextDocument } from '@contentful/rich-text-types'
import test from 'ava'
import { parseArticleSource } from '../../src/markdown/parse-article.ts'
import type { Article } from '../../src/model/article.ts'
import { corpusDir, corpusDocs, corpusSkipNotice, corpusTest, hasCorpus } from '../helpers/corpus.ts'
import { registryProblems } from '../helpers/registry-problems.ts'
import { articleWords, richTextFields, visibleWords } from './visible-words.ts'

function mdFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...mdFiles(p))
    else if (name.endsWith('.md')) out.push(p)
  }
  return out.sort()
}

corpusSkipNotice()

// A file of ava's needs one test of its own; this one holds on every clone, with the corpus or without.
test('corpus tests are registered exactly when ../shared/corpus exists', (t) => {
  t.is(corpusTest(test) === test, existsSync(corpusDocs))
})

const files = hasCorpus ? mdFiles(corpusDocs) : []
const parsed = new Map<string, Article>()
function parsedArticle(file: string): Article {
  let a = parsed.get(file)
  if (!a) {
    a = parseArticleSource(file, readFileSync(file, 'utf8')).article
    parsed.set(file, a)
  }
  return a
}

corpusTest(test)('every diagnostic on the corpus is registered, with the registry’s severity', (t) => {
  t.deepEqual(registryProblems(files.map(parsedArticle)), [])
})

corpusTest(test)('every dev-set file gets the kind dev-set.tsv expects', (t) => {
  const rows = readFileSync(join(corpusDir, 'dev-set.tsv'), 'utf8').trim().split('\n').slice(1)
  t.is(rows.length, files.length, 'dev-set.tsv lists every corpus file')
  for (const row of rows) {
    const [path, kind] = row.split('\t')
    t.is(parsedArticle(join(corpusDocs, path as string)).kind, kind as Article['kind'], path)
  }
})

corpusTest(test)(
  'the scorer reports overall >= 0.95, kind and title 1.00, and 1.00 everywhere on the seed',
  (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-score-'))
    const pred = join(dir, 'pred.json')
    writeFileSync(pred, JSON.stringify(files.map(parsedArticle)))
    // The scorer runs only when called by its real path (it compares its own URL with argv[1]).
    const scorer = realpathSync(join(corpusDir, '..', 'tools', 'score-articles.mjs'))
    const out = execFileSync(process.execPath, [scorer, '--gold', join(corpusDir, 'gold'), '--pred', pred], {
      encoding: 'utf8',
    })
    const last = out.trim().split('\n').pop() ?? ''
    const score = Object.fromEntries([...last.matchAll(/(\w+)=([0-9.]+)/g)].map((m) => [m[1], Number(m[2])]))
    t.log(last)
    t.true((score.overall ?? 0) >= 0.95, last)
    t.is(score.kind, 1)
    t.is(score.title, 1)
    const seed = out.split('\n').find((l) => l.startsWith('Salesforce-OAuth-Error.md'))
    t.truthy(seed)
    const cells = (seed as string).trim().split(/\s+/).slice(2)
    t.true(cells.length >= 13)
    for (const c of cells) t.is(c, '1.00', seed)
  },
)

corpusTest(test)('every rich text field of every corpus article is valid Contentful rich text', (t) => {
  for (const file of files) {
    const a = parsedArticle(file)
    for (const [name, doc] of richTextFields(a)) {
      t.deepEqual(validateRichTextDocument(doc), [], `${relative(corpusDocs, file)} ${name}`)
    }
  }
})

corpusTest(test)('nothing visible is lost: every word a reader sees appears in some article field', (t) => {
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const a = parsedArticle(file)
    const have = articleWords(a)
    const missing = [...visibleWords(text)].filter((w) => !have.has(w))
    t.deepEqual(missing, [], relative(corpusDocs, file))
  }
})

corpusTest(test)('no corpus file makes the parser report a fatal problem', (t) => {
  for (const file of files) {
    const fatal = parsedArticle(file).diagnostics.filter((d) => d.severity === 'fatal')
    t.deepEqual(fatal, [], relative(corpusDocs, file))
  }
})
