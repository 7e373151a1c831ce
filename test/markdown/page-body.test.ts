// Pages that are not troubleshooting articles keep everything a reader sees, in order (our own fixtures).
import test from 'ava'
import { parseArticleSource } from '../../src/markdown/parse-article.ts'

const guide = [
  '# Exporting notes to PDF',
  '',
  '<p><i>2 min read</i></p>',
  '',
  'Notes can be exported one by one or as a folder.',
  '',
  '## Export one note',
  '',
  '**1.** Open the note.',
  '',
  '**2.** Choose **Export** ▸ **PDF**.',
  '',
  '!!! tip "Shortcut"',
  '    Press Ctrl+E instead.',
  '',
  '| Format | Pages |',
  '| --- | --- |',
  '| A4 | 1 |',
  '',
  '<details><summary>Which fonts are embedded?</summary>',
  '<p>All fonts that the note uses.</p>',
  '</details>',
  '',
  '<ol>',
  '<li>First choice</li>',
  'A remark between items',
  '<li>Second choice</li>',
  '</ol>',
  '',
].join('\n')

const types = (doc: unknown) => (doc as { content: { nodeType: string }[] }).content.map((b) => b.nodeType)

test('the body holds the whole page in order; notes and <details> are embedded note placeholders', (t) => {
  const a = parseArticleSource('Export.md', guide).article
  t.is(a.kind, 'other')
  t.deepEqual(a.resolutions, [])
  t.deepEqual(types(a.body), [
    'paragraph',
    'heading-2',
    'paragraph',
    'paragraph',
    'embedded-entry-block',
    'table',
    'embedded-entry-block',
    'ordered-list',
  ])
  t.deepEqual(
    a.notes.map((n) => [n.kind, n.title, n.collapsible ?? false]),
    [
      ['tip', 'Shortcut', false],
      ['note', 'Which fonts are embedded?', true],
    ],
  )
  const embeds = JSON.stringify(a.body).match(/kb-note-\d+/g)
  t.deepEqual(embeds, ['kb-note-0', 'kb-note-1'])
  t.true(JSON.stringify(a.body).includes('A remark between items'), 'text between <li>s is kept')
  t.is(a.readingTimeMinutes, 2)
})

test('<noscript> content is kept; text hidden in an unclosed <title> is reported, not lost quietly', (t) => {
  const a = parseArticleSource(
    'X.md',
    '# T\n\n<noscript>Turn on scripts</noscript>\n\n<title>Lost\n\nRest.\n',
  ).article
  t.true(JSON.stringify(a.body).includes('Turn on scripts'))
  const d = a.diagnostics.find((x) => x.ruleId === 'hidden-text-dropped')
  t.is(d?.severity, 'warning')
  t.is(d?.line, 5)
  t.regex(d?.message ?? '', /<title>.*Rest\./)
})
