// A docs root whose "Markdown" files hold hand-built Articles as JSON, with a parser that reads them back: it
// drives the whole sync (files, images, space) without depending on the Markdown parser's progress.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pageSlug, pageUrlPath } from '../../../src/markdown/page-url.ts'
import type { Article } from '../../../src/model/article.ts'

export const projectAssets = join(import.meta.dirname, '..', '..', '..', 'content', 'assets')

/** The article as stored, placed where its file is, as the parser places a page: path, slug and sourcePath
 * derive from the file's path below the docs root. */
export function jsonParse(path: string, text: string, options: { docsRoot?: string } = {}): Article {
  const parsed = JSON.parse(text) as Article
  const rel = relative(options.docsRoot ?? '.', path)
    .split('\\')
    .join('/')
  return { ...parsed, source: path, sourcePath: rel, path: pageUrlPath(rel), slug: pageSlug(rel) }
}

/** Writes each article to `<root>/articles/<slug>.md` and copies the project's sample PNGs to `<root>/assets`. */
export function writeJsonDocs(root: string, articles: Article[]): string[] {
  mkdirSync(join(root, 'articles'), { recursive: true })
  mkdirSync(join(root, 'assets'), { recursive: true })
  for (const name of readdirSync(projectAssets))
    copyFileSync(join(projectAssets, name), join(root, 'assets', name))
  return articles.map((a) => {
    const file = join(root, 'articles', `${a.slug}.md`)
    writeFileSync(file, JSON.stringify(a))
    return file
  })
}

export const sampleImages = () => readdirSync(projectAssets).filter((n) => n.endsWith('.png'))
