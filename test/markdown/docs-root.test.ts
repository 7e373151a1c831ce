// The default docs root (where image paths are resolved from), and our sample knowledge base parsing cleanly.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'
import { findDocsRoot } from '../../src/markdown/image-ref.ts'
import { parseArticleSource } from '../../src/markdown/parse-article.ts'
import { plainText } from '../../src/markdown/rich-text.ts'
import { tempFolder } from '../helpers/temp-folder.ts'

const PAGE = ['# Sprocket Error', '', '<p><img src="../../assets/sprocket.png"></p>', ''].join('\n')

/** A throwaway tree: { 'a/b.md': 'text' } → its root folder. */
function tree(files: Record<string, string>): string {
  const root = tempFolder('kb-docs-root-')
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true })
    writeFileSync(join(root, rel), text)
  }
  return root
}

function imagePath(file: string): { path: string | null; warnings: string[] } {
  const { article } = parseArticleSource(file, readFileSync(file, 'utf8'), {})
  return {
    path: article.images[0]?.path ?? null,
    warnings: article.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.ruleId ?? ''),
  }
}

test('a folder holding mkdocs.yml is the docs root when no ancestor is named docs', (t) => {
  const root = tree({ 'mkdocs.yml': 'site_name: x\n', 'articles/Sprocket.md': PAGE })
  t.is(findDocsRoot(join(root, 'articles/Sprocket.md')), root)
  t.deepEqual(imagePath(join(root, 'articles/Sprocket.md')), { path: 'assets/sprocket.png', warnings: [] })
})

test("mkdocs.yml's docs_dir is the docs root when it exists, quoted or commented", (t) => {
  const root = tree({
    'mkdocs.yml': "site_name: x\ndocs_dir: 'pages' # where the Markdown lives\nextra:\n  docs_dir: wrong\n",
    'pages/articles/Sprocket.md': PAGE,
  })
  t.is(findDocsRoot(join(root, 'pages/articles/Sprocket.md')), join(root, 'pages'))
  t.deepEqual(imagePath(join(root, 'pages/articles/Sprocket.md')), {
    path: 'assets/sprocket.png',
    warnings: [],
  })
})

test('a docs_dir that does not exist falls back to the folder of mkdocs.yml', (t) => {
  const root = tree({ 'mkdocs.yml': 'docs_dir: missing\n', 'articles/Sprocket.md': PAGE })
  t.is(findDocsRoot(join(root, 'articles/Sprocket.md')), root)
})

test('the nearest folder named docs wins over an mkdocs.yml above it; with neither, the file folder', (t) => {
  const root = tree({
    'mkdocs.yml': 'docs_dir: other\n',
    'docs/kb/articles/Sprocket.md': PAGE,
    'other/x.md': '',
  })
  t.is(findDocsRoot(join(root, 'docs/kb/articles/Sprocket.md')), join(root, 'docs'))
  const bare = tree({ 'notes/Sprocket.md': PAGE })
  t.is(findDocsRoot(join(bare, 'notes/Sprocket.md')), join(bare, 'notes'))
  t.is(findDocsRoot(join(bare, 'notes/Sprocket.md'), bare), bare) // an explicit root always wins
})

test('every article of the sample knowledge base in content/ parses with no warning or error', (t) => {
  const dir = join(import.meta.dirname, '../../content/articles')
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'))
  t.true(files.length >= 5)
  for (const f of files) {
    const file = join(dir, f)
    const { article } = parseArticleSource(file, readFileSync(file, 'utf8'), {})
    const problems = article.diagnostics.filter((d) => d.severity !== 'info')
    t.deepEqual(problems, [], f)
    for (const image of article.images) t.truthy(image.path, `${f}: ${image.src}`)
  }
})

/** A sample article of content/ as the parser reads it. */
function sample(name: string) {
  const file = join(import.meta.dirname, '../../content/articles', name)
  return parseArticleSource(file, readFileSync(file, 'utf8'), {}).article
}

test('a code in the text of a related-article link is not an error code of the page that links to it', (t) => {
  // Sync-Token-Expired links to "Attachments fail to upload with error AN-204"; Notes-Not-Syncing links to the
  // SYNC_TOKEN_EXPIRED article. Neither page shows those errors itself.
  t.deepEqual(sample('Sync-Token-Expired.md').errorCodes, ['SYNC_TOKEN_EXPIRED'])
  t.deepEqual(sample('Notes-Not-Syncing.md').errorCodes, [])
  // A code the page itself shows still counts.
  t.deepEqual(sample('Attachments-Fail-to-Upload.md').errorCodes, ['AN-204'])
})

test('a cause after a stripped label, or cut from a shared sentence, starts as a sentence starts', (t) => {
  t.regex(
    plainText(sample('Sync-Token-Expired.md').cause),
    /^The sign-in token that \{\{ short_name \}\} keeps/,
  )
  t.regex(plainText(sample('Notes-Not-Syncing.md').cause), /^That is most probably caused by/)
})

test('a framing sentence is set aside with a message, not left in the body after the notes', (t) => {
  const a = sample('Notes-Not-Syncing.md')
  t.is(a.body, null)
  t.false(JSON.stringify(a).includes('"value":"There are two reasons'))
  t.true(
    a.diagnostics.some(
      (d) =>
        d.ruleId === 'structure-dropped' && d.message.includes('There are two reasons why this may happen'),
    ),
  )
})

test('platform badges keep their names as written', (t) => {
  t.deepEqual(sample('Editor-Freezes-on-Large-Notes.md').appliesTo, ['macOS'])
  t.deepEqual(sample('Search-Returns-No-Results.md').appliesTo, ['Windows', 'macOS', 'Android'])
})
