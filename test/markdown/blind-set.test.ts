// The parser against a set written without reading it (test/fixtures/blind-kb), scored by the shared scorer.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { VFile } from 'vfile'
import { parseArticle } from '../../src/markdown/parse-article.ts'
import { corpusDir } from '../helpers/corpus.ts'

const root = join(import.meta.dirname, '..', 'fixtures', 'blind-kb')
const docs = join(root, 'docs')
const scorerPath = join(corpusDir, '..', 'tools', 'score-articles.mjs')
const run = existsSync(scorerPath) ? test : test.skip
if (!existsSync(scorerPath))
  console.warn('blind-set test skipped: ../shared/tools/score-articles.mjs not found')

// Some pages are still misread (test/fixtures/blind-kb/README.md names them): kind stays below 1.00 until they are,
// and a change that costs any other page its kind fails this test.
run('the blind set scores overall >= 0.95, kind >= 0.96 and title 1.00', (t) => {
  const files = (readdirSync(docs, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort()
  const preds = files.map((name) => {
    const path = join(docs, name)
    return parseArticle(new VFile({ path, value: readFileSync(path, 'utf8') }), { docsRoot: docs })
  })
  const pred = join(mkdtempSync(join(tmpdir(), 'kb-blind-')), 'pred.json')
  writeFileSync(pred, JSON.stringify(preds))
  // The scorer runs only when called by its real path (it compares its own URL with argv[1]).
  const out = execFileSync(
    process.execPath,
    [realpathSync(scorerPath), '--gold', join(root, 'gold'), '--pred', pred],
    {
      encoding: 'utf8',
    },
  )
  const last = out.trim().split('\n').pop() ?? ''
  const score = Object.fromEntries([...last.matchAll(/(\w+)=([0-9.]+)/g)].map((m) => [m[1], Number(m[2])]))
  t.log(last)
  t.is(Object.keys(score).length, 14, last)
  t.true((score.overall ?? 0) >= 0.95, last)
  t.true((score.kind ?? 0) >= 0.96, last)
  t.is(score.title, 1)
})
