// Where every published page lives: URL path → page or troubleshooting article, redirect `from` → target URL,
// the menu, and the lookups that let old URLs reach their page (no trailing slash, `.md`, other letter case,
// the `/articles/<slug>` routes of earlier versions). Read through the Delivery engine, so the site sees what
// the Delivery API gives; built once per snapshot (a snapshot lives until the space changes).
import { DeliveryError } from '../delivery/errors.ts'
import type { DeliverySnapshot } from '../delivery/snapshot.ts'
import { isExternalHref, safeHref } from './html.ts'
import { SEARCH_PATH } from './layout.ts'
import type { MenuItem } from './menu.ts'

type Json = Record<string, unknown>

/** The content types that are pages of the site. */
export const PAGE_TYPES = ['page', 'troubleshootingArticle'] as const
export type PageType = (typeof PAGE_TYPES)[number]

export interface SitePage {
  id: string
  type: PageType
  /** The canonical URL path, `/a/B/`. */
  path: string
  title: string
  description?: string
}

export interface SiteMap {
  byPath: Map<string, SitePage>
  byId: Map<string, SitePage>
  /** Lower-cased path → pages, for old links written in another letter case. */
  byFoldedPath: Map<string, SitePage[]>
  /** The last path segment as earlier versions slugged it (`Sync-Token-Expired` → `sync-token-expired`). */
  byLegacySlug: Map<string, SitePage[]>
  /** A redirect's `from` (normalised) → where it points: a path on this site or an http(s) URL. */
  redirects: Map<string, string>
  /** The `navigationMenu` entry: the site's title and its nav tree. */
  menu: { title?: string; items: MenuItem[] }
  /** Every page, in path order (the index when there is no home page). */
  pages: SitePage[]
}

/** Runs one Delivery `/entries` query; the pages' only way to read content. */
export type EntriesQuery = (params: Record<string, string>) => Json

const maps = new WeakMap<DeliverySnapshot, SiteMap>()

export function siteMapOf(snapshot: DeliverySnapshot, query: EntriesQuery): SiteMap {
  let map = maps.get(snapshot)
  if (!map) {
    map = buildSiteMap(query)
    maps.set(snapshot, map)
  }
  return map
}

/** All items of a content type (paged), or none when the space does not have that type yet. */
export function allOf(query: EntriesQuery, contentType: string, params: Record<string, string>): Json[] {
  const out: Json[] = []
  try {
    for (let skip = 0; ; skip += 1000) {
      const body = query({ content_type: contentType, limit: '1000', skip: String(skip), ...params })
      const items = body.items as Json[]
      out.push(...items)
      if (items.length === 0 || out.length >= (body.total as number)) return out
    }
  } catch (err) {
    // A space migrated before the type existed: it simply has no such pages.
    if (err instanceof DeliveryError && /Unknown content type/.test(err.message)) return out
    throw err
  }
}

const kebab = (segment: string) =>
  segment
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/** A URL path as written (`/a/B`, `/a/B.md`, `a/B/index.md`, `/a/B/#x`) → the canonical form `/a/B/`. */
export function normalisePath(path: string): string {
  const bare = path.split(/[?#]/)[0] ?? ''
  const segments = bare.replace(/\\/g, '/').split('/').filter(Boolean)
  const last = segments.at(-1)
  if (last && /\.md$/i.test(last)) {
    const stem = last.replace(/\.md$/i, '')
    if (stem.toLowerCase() === 'index') segments.pop()
    else segments[segments.length - 1] = stem
  }
  return segments.length ? `/${segments.join('/')}/` : '/'
}

/** Where a redirect may send a reader: a path on this site, or a web address; nothing script-capable. */
function redirectLocation(target: string | undefined): string | undefined {
  const safe = safeHref(target)
  if (!safe) return undefined
  if (isExternalHref(safe)) return /^https?:\/\//i.test(safe) ? safe : undefined
  if (!safe.startsWith('/')) return undefined
  const hash = safe.includes('#') ? safe.slice(safe.indexOf('#')) : ''
  return normalisePath(safe) + hash
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function buildSiteMap(query: EntriesQuery): SiteMap {
  const pages: SitePage[] = []
  for (const type of PAGE_TYPES) {
    const items = allOf(query, type, {
      select: 'sys.id,fields.path,fields.slug,fields.title,fields.description',
      include: '0',
    })
    for (const item of items) {
      const f = item.fields as { path?: unknown; slug?: unknown; title?: unknown; description?: unknown }
      const id = (item.sys as { id: string }).id
      // Entries synced before pages had paths are served where earlier versions served them.
      const path =
        typeof f.path === 'string' && f.path.startsWith('/')
          ? normalisePath(f.path)
          : typeof f.slug === 'string'
            ? `/articles/${f.slug}/`
            : undefined
      if (!path) continue
      pages.push({
        id,
        type,
        path,
        title: typeof f.title === 'string' ? f.title : path,
        ...(typeof f.description === 'string' ? { description: f.description } : {}),
      })
    }
  }
  pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const byPath = new Map<string, SitePage>()
  const byId = new Map<string, SitePage>()
  const byFoldedPath = new Map<string, SitePage[]>()
  const byLegacySlug = new Map<string, SitePage[]>()
  for (const p of pages) {
    if (!byPath.has(p.path)) byPath.set(p.path, p)
    byId.set(p.id, p)
    push(byFoldedPath, p.path.toLowerCase(), p)
    const last = p.path.split('/').filter(Boolean).at(-1)
    if (last) push(byLegacySlug, kebab(last), p)
  }

  const redirects = new Map<string, string>()
  for (const item of allOf(query, 'redirect', { select: 'fields', include: '0' })) {
    const f = item.fields as { from?: unknown; target?: { sys?: { id?: string } }; targetPath?: unknown }
    if (typeof f.from !== 'string') continue
    // The linked entry's path wins (it follows the page when the page moves); else the path as written.
    const linked = f.target?.sys?.id ? byId.get(f.target.sys.id)?.path : undefined
    const location = linked ?? redirectLocation(typeof f.targetPath === 'string' ? f.targetPath : undefined)
    if (location) redirects.set(normalisePath(f.from), location)
  }

  const [menuEntry] = allOf(query, 'navigationMenu', { include: '0', limit: '1', order: 'sys.id' })
  const menuFields = (menuEntry?.fields ?? {}) as { title?: unknown; items?: unknown }
  return {
    byPath,
    byId,
    byFoldedPath,
    byLegacySlug,
    redirects,
    menu: {
      ...(typeof menuFields.title === 'string' ? { title: menuFields.title } : {}),
      items: Array.isArray(menuFields.items) ? (menuFields.items as MenuItem[]) : [],
    },
    pages,
  }
}

export type Route =
  | { kind: 'page'; page: SitePage }
  | { kind: 'moved'; location: string }
  | { kind: 'home' }
  | { kind: 'search' }
  | { kind: 'not-found' }

/**
 * What a request path is: a page at its canonical URL, a move (301) to one, the search page, the generated home
 * page (when no page has the path `/`), or nothing. `path` is the decoded pathname.
 */
export function route(map: SiteMap, path: string): Route {
  const canonical = normalisePath(path)
  const page = map.byPath.get(canonical)
  if (page) return path === canonical ? { kind: 'page', page } : { kind: 'moved', location: canonical }
  const redirect = map.redirects.get(canonical)
  if (redirect) return { kind: 'moved', location: redirect }
  if (canonical === SEARCH_PATH) return path === SEARCH_PATH ? { kind: 'search' } : moved(SEARCH_PATH)
  if (canonical === '/') return { kind: 'home' }
  // The article list of earlier versions, when no landing page took its place.
  if (canonical === '/articles/') return moved('/')
  const folded = map.byFoldedPath.get(canonical.toLowerCase())
  if (folded?.length === 1) return moved((folded[0] as SitePage).path)
  const redirectFolded = [...map.redirects].filter(([from]) => from.toLowerCase() === canonical.toLowerCase())
  if (redirectFolded.length === 1) return moved((redirectFolded[0] as [string, string])[1])
  // `/articles/<slug>`: the article route of earlier versions, by the slug it used (the file name).
  const legacy = /^\/articles\/([^/]+)\/$/.exec(canonical)
  if (legacy) {
    const candidates = map.byLegacySlug.get(kebab(legacy[1] as string)) ?? []
    // Earlier versions only served troubleshooting articles; among same-named ones the first path wins.
    const best = candidates.find((c) => c.type === 'troubleshootingArticle') ?? candidates[0]
    if (best) return moved(best.path)
  }
  return { kind: 'not-found' }
}

const moved = (location: string): Route => ({ kind: 'moved', location })
