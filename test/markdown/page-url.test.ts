// Where a page lives: its MkDocs URL, its slug, its heading anchors and its links (our own fixtures).
import test from 'ava'
import { legacySlug, pageSlug, pageUrlPath } from '../../src/markdown/page-url.ts'
import { parseArticleSource } from '../../src/markdown/parse-article.ts'
import { tocAnchor } from '../../src/markdown/toc-anchor.ts'

test('a page is served where MkDocs served it: directory URLs, index pages at their folder', (t) => {
  t.is(pageUrlPath('ri/fast/articles/Sync-Error.md'), '/ri/fast/articles/Sync-Error/')
  t.is(pageUrlPath('articles/index.md'), '/articles/')
  t.is(pageUrlPath('index.md'), '/')
  t.is(pageUrlPath('guides\\Setup.md'), '/guides/Setup/')
})

test('slugs come from the whole path, so same-named files in two folders differ', (t) => {
  t.is(pageSlug('a/Release-Notes.md'), 'a/release-notes')
  t.is(pageSlug('b/Release-Notes.md'), 'b/release-notes')
  t.is(pageSlug('articles/index.md'), 'articles')
  t.is(pageSlug('index.md'), 'index')
  t.is(pageSlug('x/Items,-Private-Items-(and-More).md'), 'x/items-private-items-and-more')
  t.is(legacySlug('a/Release-Notes.md'), 'release-notes')
})

test('heading anchors follow Python-Markdown toc with separator "_", duplicates numbered', (t) => {
  const seen = new Set<string>()
  t.is(tocAnchor('2. Logging on to the Console', seen), '2_logging_on_to_the_console')
  t.is(tocAnchor('Étape — finale!', seen), 'etape_finale')
  t.is(tocAnchor('2. Logging on to the Console', seen), '2_logging_on_to_the_console_1')
  t.is(tocAnchor('2. Logging on to the Console', seen), '2_logging_on_to_the_console_2')
  t.is(tocAnchor('???', seen), '_1')
})

test('the article knows its place and every link with its line and column', (t) => {
  const md = [
    '# Export notes',
    '',
    'See [the setup](../Setup/#step_2) first.',
    '',
    '<p>Or <a class="x" href="Other.md">the other page</a>.</p>',
    '',
  ].join('\n')
  const { article } = parseArticleSource('/kb/docs/guides/Export.md', md, { docsRoot: '/kb/docs' })
  t.is(article.sourcePath, 'guides/Export.md')
  t.is(article.path, '/guides/Export/')
  t.is(article.slug, 'guides/export')
  t.deepEqual(article.links, [
    { href: '../Setup/#step_2', line: 3, column: 5 },
    { href: 'Other.md', line: 5, column: 7 },
  ])
})
