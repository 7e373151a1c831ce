// Which related links can be kept: a link points at an article of this run or at a live article already in the
// space (looked up in pages, once per slug). An article linking to one that comes later in the run waits for it.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ContentBackend } from '../backends/port.ts'
import type { Article } from '../model/article.ts'
import { DEFAULT_LOCALE } from '../model/contentful-types.ts'
import { articleId } from './ids.ts'
import { slugFromHref } from './related-slug.ts'
import { entriesByIds } from './space-reader.ts'

export class LinkTargets {
  /** Slug → whether a live article with it is in the space. */
  private readonly inSpace = new Map<string, boolean>()

  constructor(
    private readonly backend: ContentBackend,
    private readonly cwd: string,
    /** The slugs this run has admitted so far. */
    private readonly inRun: ReadonlyMap<string, unknown>,
  ) {}

  exists(slug: string): boolean {
    return this.inRun.has(slug) || this.inSpace.get(slug) === true
  }

  /** Whether one of the article's related links targets neither this run so far nor the space, but a file
   * the run reaches only at `laterFrom` or after (`fileIndex`: slug → the index of its file in the run). */
  waitsForLater(article: Article, fileIndex: ReadonlyMap<string, number>, laterFrom: number): boolean {
    return article.related.some((r) => {
      const slug = slugFromHref(r.href)
      if (slug === null || slug === article.slug || this.exists(slug)) return false
      return (fileIndex.get(slug) ?? -1) >= laterFrom
    })
  }

  /** Looks up in the space the targets of these articles' related links not known yet. */
  async lookUp(articles: Article[]): Promise<void> {
    const wanted = [...new Set(articles.flatMap((a) => a.related.map((r) => slugFromHref(r.href))))].filter(
      (s): s is string => s !== null && !this.inRun.has(s) && !this.inSpace.has(s),
    )
    if (wanted.length === 0) return
    const found = await entriesByIds(this.backend, wanted.map(articleId))
    for (const slug of wanted) {
      const entry = found.get(articleId(slug))
      // An article whose Markdown is gone is an orphan (archived by --prune): not a link target any more.
      const sourcePath = entry?.fields.sourcePath?.[DEFAULT_LOCALE]
      const sourceGone = typeof sourcePath === 'string' && !existsSync(resolve(this.cwd, sourcePath))
      this.inSpace.set(
        slug,
        entry !== undefined &&
          entry.sys.contentType.sys.id === 'troubleshootingArticle' &&
          entry.sys.archivedVersion === undefined &&
          !sourceGone,
      )
    }
  }
}
