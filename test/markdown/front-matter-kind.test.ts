// Authors settle the kind in front matter; it wins over the classifier and the diagnostics say so.
import test from 'ava'
import { parseArticleSource } from '../../src/markdown/parse-article.ts'

const issue = [
  '# Export fails with an error',
  '',
  'The export fails with the error "Cannot write file".',
  '',
  'This happens because the target folder is read-only.',
  '',
  '**1.** Open **Settings**.',
  '',
  '**2.** Choose another folder.',
  '',
].join('\n')

test('without a marker the classifier decides', (t) => {
  t.is(parseArticleSource('Export.md', issue).article.kind, 'troubleshooting')
})

test('front matter `kb-cms: { kind: other }` wins, reported as info', (t) => {
  const { article } = parseArticleSource('Export.md', `---\nkb-cms:\n  kind: other\n---\n${issue}`)
  t.is(article.kind, 'other')
  const d = article.diagnostics.find((x) => x.ruleId === 'kind-from-front-matter')
  t.is(d?.severity, 'info')
})

test('an unknown kind is a warning and the classifier decides', (t) => {
  const { article } = parseArticleSource('Export.md', `---\nkb-cms: { kind: howto }\n---\n${issue}`)
  t.is(article.kind, 'troubleshooting')
  t.is(article.diagnostics.find((x) => x.ruleId === 'invalid-front-matter-kind')?.severity, 'warning')
})
