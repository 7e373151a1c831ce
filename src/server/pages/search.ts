// Site search, as the MkDocs site had it, answered by the Delivery API: its full-text search (`query=`, per
// page type) finds the pages, and the site ranks them: pages whose title holds the searched words before pages
// that hold them only in their text. The ranking lives here, not in the engine, so the site decides how
// results read; a title is scored as the reader sees it (`{{ variables }}` resolved).
import {
  allOf,
  type EntriesQuery,
  PAGE_TYPES,
  type PageType,
  type SiteMap,
  type SitePage,
} from './site-map.ts'
import { substitute, type Variables } from './variables.ts'

export interface SearchResult {
  page: SitePage
  /** How many of the searched words start a word of the title (results with more come first). */
  titleWords: number
  /** Some searched word is in the title: these rank before matches in the text only. */
  inTitle: boolean
}

const WORD = /[\p{L}\p{N}]+/gu
const wordsOf = (text: string) => text.toLowerCase().match(WORD) ?? []

/** The searched words found in a title, by the full-text rule: a word of the title starts with it. */
function titleScore(title: string, terms: string[]): number {
  const words = wordsOf(title)
  return terms.filter((t) => words.some((w) => w.startsWith(t))).length
}

const ids = (items: Record<string, unknown>[]) => new Set(items.map((i) => (i.sys as { id: string }).id))

/** Ids of entries of `type` whose text holds every term, by the Delivery API's full-text search (`query=`). */
function fullTextIds(query: EntriesQuery, type: PageType, q: string): Set<string> {
  return ids(allOf(query, type, { query: q, select: 'sys.id', include: '0' }))
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/**
 * The published pages matching `q` (every word somewhere in the page, by the Delivery API's full-text search),
 * ranked by their titles: more of the words in the title first, an exact title before a longer one, then the
 * shorter title; pages that hold the words only in their text come last, alphabetically.
 */
export function searchSite(
  query: EntriesQuery,
  map: SiteMap,
  q: string,
  vars: Variables = {},
): SearchResult[] {
  const text = q.trim()
  if (text === '') return []
  const terms = [...new Set(wordsOf(text))]
  const results: SearchResult[] = []
  for (const type of PAGE_TYPES) {
    for (const id of fullTextIds(query, type, text)) {
      const page = map.byId.get(id)
      if (!page) continue
      const titleWords = titleScore(substitute(page.title, vars), terms)
      results.push({ page, titleWords, inTitle: titleWords > 0 })
    }
  }
  const exact = (r: SearchResult) => (r.page.title.trim().toLowerCase() === text.toLowerCase() ? 0 : 1)
  return results.sort(
    (a, b) =>
      b.titleWords - a.titleWords ||
      exact(a) - exact(b) ||
      (a.inTitle ? a.page.title.length - b.page.title.length : 0) ||
      collator.compare(a.page.title, b.page.title),
  )
}
