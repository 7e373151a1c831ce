// A docs root whose "Markdown" files hold hand-built Articles as JSON, with a parser that reads them back: it
// drives the whole sync (files, images, space) without depending on the Markdown parser's progress.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Article } from '../../../src/model/article.ts'

export const projectAssets = join(import.meta.dirname, '..', '..', '..', 'content', 'assets')

export function jsonParse(path: string, text: string): Article {
  const parsed = JSON.parse(text) as Article
  return { ...parsed, source: path }
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
