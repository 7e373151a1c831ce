// Site search, as the MkDocs site had it, answered by the Delivery API: full-text `query=` per page type finds
// the pages, `fields.title[match]` tells which of them match by title, and title matches rank before body
// matches. The ranking lives here, not in the engine, so the site decides how results read.
import { DeliveryError } from '../delivery/errors.ts'
import {
  allOf,
  type EntriesQuery,
  PAGE_TYPES,
  type PageType,
  type SiteMap,
  type SitePage,
} from './site-map.ts'

export interface SearchResult {
  page: SitePage
  /** Every term is in the title (these come first). */
  inTitle: boolean
}

/**
 * Text fields a page's words live in, for a Delivery engine without `query=`: each term must be in one of them
 * (as `query=` requires every term somewhere in the entry).
 */
const TEXT_FIELDS: Record<PageType, string[]> = {
  page: ['title', 'description', 'body'],
  troubleshootingArticle: ['title', 'description', 'symptom', 'condition', 'cause', 'body'],
}

const ids = (items: Record<string, unknown>[]) => new Set(items.map((i) => (i.sys as { id: string }).id))

const unsupported = (err: unknown, what: RegExp) =>
  err instanceof DeliveryError && err.id === 'InvalidQuery' && what.test(err.message)

/** Ids of entries of `type` whose text holds every term: `query=`, or per-term field matches without it. */
function fullTextIds(query: EntriesQuery, type: PageType, q: string): Set<string> {
  try {
    return ids(allOf(query, type, { query: q, select: 'sys.id', include: '0' }))
  } catch (err) {
    if (!unsupported(err, /"query"/)) throw err
  }
  const terms = q.split(/\s+/).filter(Boolean)
  let found: Set<string> | undefined
  for (const term of terms) {
    const hits = new Set<string>()
    for (const field of TEXT_FIELDS[type]) {
      try {
        for (const id of ids(
          allOf(query, type, { [`fields.${field}[match]`]: term, select: 'sys.id', include: '0' }),
        ))
          hits.add(id)
      } catch (err) {
        // A space whose model predates the field: it holds no words there.
        if (!unsupported(err, /No field/)) throw err
      }
    }
    found = found ? new Set([...found].filter((id) => hits.has(id))) : hits
  }
  return found ?? new Set()
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** The published pages matching `q`: title matches first (the closest title first), then body matches by title. */
export function searchSite(query: EntriesQuery, map: SiteMap, q: string): SearchResult[] {
  const text = q.trim()
  if (text === '') return []
  const results: SearchResult[] = []
  for (const type of PAGE_TYPES) {
    const inTitle = ids(allOf(query, type, { 'fields.title[match]': text, select: 'sys.id', include: '0' }))
    const all = new Set([...inTitle, ...fullTextIds(query, type, text)])
    for (const id of all) {
      const page = map.byId.get(id)
      if (page) results.push({ page, inTitle: inTitle.has(id) })
    }
  }
  // An exact title beats a longer one that contains the words; ties read alphabetically.
  const exact = (r: SearchResult) => (r.page.title.trim().toLowerCase() === text.toLowerCase() ? 0 : 1)
  return results.sort(
    (a, b) =>
      Number(b.inTitle) - Number(a.inTitle) ||
      exact(a) - exact(b) ||
      (a.inTitle ? a.page.title.length - b.page.title.length : 0) ||
      collator.compare(a.page.title, b.page.title),
  )
}
