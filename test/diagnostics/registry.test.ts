// The diagnostics registry is the one list: every message the parser emits on our pages is in it with its
// severity, no code reports around it, and the README's table says the same.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'
import { VFile } from 'vfile'
import { DIAGNOSTICS, type DiagnosticId } from '../../src/diagnostics/registry.ts'
import { parseArticle } from '../../src/markdown/parse-article.ts'
import type { Article } from '../../src/model/article.ts'
import { registryProblems } from '../helpers/registry-problems.ts'

const repo = join(import.meta.dirname, '..', '..')

function parseTree(dir: string, docsRoot?: string): Article[] {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort()
  return files.map((name) => {
    const path = join(dir, name)
    return parseArticle(new VFile({ path, value: readFileSync(path, 'utf8') }), docsRoot ? { docsRoot } : {})
  })
}

test('every diagnostic on content/ and the blind set is registered, with the registry’s severity', (t) => {
  const blind = join(repo, 'test', 'fixtures', 'blind-kb', 'docs')
  const articles = [...parseTree(join(repo, 'content')), ...parseTree(blind, blind)]
  t.true(
    articles.some((a) => a.diagnostics.length > 0),
    'the pages do report something',
  )
  t.deepEqual(registryProblems(articles), [])
})

test('a message outside the registry, or with another severity, is caught', (t) => {
  const article = parseArticle(new VFile({ path: 'x.md', value: '# T\n\ntext\n' }))
  const bad: Article = {
    ...article,
    diagnostics: [
      { ruleId: 'no-such-rule' as DiagnosticId, severity: 'info', message: 'm', line: 1, column: 1 },
      { ruleId: 'symptom-guessed', severity: 'warning', message: 'm', line: 2, column: 1 },
    ],
  }
  t.deepEqual(registryProblems([bad]), [
    'x.md:1:1: no-such-rule is not in the registry (m)',
    'x.md:2:1: symptom-guessed is warning, the registry says info',
  ])
})

test('symptom-guessed is reported as info, as documented', (t) => {
  const value =
    '# Sync is slow\n\nThe app takes a minute to open.\n\nThis is caused by a full cache.\n\n1. Clear the cache.\n'
  const a = parseArticle(new VFile({ path: 'x.md', value }))
  const guessed = a.diagnostics.find((d) => d.ruleId === 'symptom-guessed')
  t.is(guessed?.severity, 'info')
})

test('no code reports around the registry: only report() calls vfile’s message()', (t) => {
  const files = (readdirSync(join(repo, 'src'), { recursive: true }) as string[]).filter((f) =>
    f.endsWith('.ts'),
  )
  const offenders = files.filter(
    (f) =>
      f !== join('diagnostics', 'registry.ts') &&
      /\.message\(/.test(readFileSync(join(repo, 'src', f), 'utf8')),
  )
  t.deepEqual(offenders, [])
})

test('the README’s table lists exactly the registry’s ids, with the same severities', (t) => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8')
  const header = readme.indexOf('| diagnostic | severity |')
  t.true(header >= 0, 'the README has the diagnostics table')
  const rows = readme
    .slice(header)
    .split('\n')
    .slice(2)
    .filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('|')))
  const documented = Object.fromEntries(
    rows.map((row) => {
      const [id, severity] = row
        .split('|')
        .slice(1, 3)
        .map((c) => c.trim().replace(/`/g, ''))
      return [id, severity]
    }),
  )
  const registered = Object.fromEntries(Object.entries(DIAGNOSTICS).map(([id, r]) => [id, r.severity]))
  t.deepEqual(documented, registered)
})
