// The parser against a set written without reading it (test/fixtures/blind-kb), scored by our scorer
// (src/scoring/, method in docs/scoring.md).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'
import { VFile } from 'vfile'
import { parseArticle } from '../../src/markdown/parse-article.ts'
import { formatScores, loadGold, METRICS, scoreAll } from '../../src/scoring/score-articles.ts'

const root = join(import.meta.dirname, '..', 'fixtures', 'blind-kb')
const docs = join(root, 'docs')

// Some pages are still misread (test/fixtures/blind-kb/README.md names them): kind stays below 1.00 until they are,
// and a change that costs any other page its kind fails this test.
test('the blind set scores overall >= 0.95, kind >= 0.96 and title 1.00', (t) => {
  const files = (readdirSync(docs, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort()
  const preds = files.map((name) => {
    const path = join(docs, name)
    return parseArticle(new VFile({ path, value: readFileSync(path, 'utf8') }), { docsRoot: docs })
  })
  const result = scoreAll(loadGold(join(root, 'gold')), preds)
  const last = formatScores(result).at(-1) ?? ''
  t.log(last)
  t.deepEqual(result.warnings, [])
  t.deepEqual(Object.keys(result.means), [...METRICS], last)
  t.true(result.overall >= 0.95, last)
  t.true((result.means.kind ?? 0) >= 0.96, last)
  t.is(result.means.title, 1)
})
