// Deterministic entity ids: a re-run derives the same ids and so finds what the previous run made.
// Contentful ids match ^[a-zA-Z0-9-_.]{1,64}$.
import { sha256Hex } from '../model/canonical-json.ts'

const MAX_ID = 64
const HASH_LEN = 8

/**
 * The id base of a page of the knowledge base: its slug (its place below the docs root) with `/` → `.`, and a
 * prefix for each kind but troubleshooting articles (whose ids predate the other kinds): `ri.fast.articles.x`,
 * `page.ri.fast.articles.x`, `redirect.ri.fast.articles.x`. A legacy slug (the file name alone) has no `/`.
 */
export type EntryKind = 'troubleshootingArticle' | 'page' | 'redirect'

const PREFIX: Record<EntryKind, string> = { troubleshootingArticle: '', page: 'page.', redirect: 'redirect.' }

export function idBase(kind: EntryKind, slug: string): string {
  return PREFIX[kind] + slug.replace(/\//g, '.')
}

/** The id of an article's entry: its slug, shortened with a hash suffix when too long. */
export function articleId(slug: string): string {
  return fitId(idBase('troubleshootingArticle', slug), '')
}

/** The id of a page's, a redirect's or an article's entry from its id base (see idBase). */
export function entryId(base: string): string {
  return fitId(base, '')
}

/** A child of a page or an article (resolution, step, note): the id base plus a suffix such as `.r2.s3`. */
export function childId(base: string, suffix: string): string {
  return fitId(base, suffix)
}

/** The one navigation menu of the space. */
export const NAVIGATION_MENU_ID = 'navigation-menu'

export const resolutionSuffix = (r: number) => `.r${r}`
export const stepSuffix = (r: number, s: number) => `.r${r}.s${s}`
export const noteSuffix = (n: number) => `.n${n}`

/** Assets are keyed by the sha256 of their bytes, so one screenshot used by ten articles is one asset. */
export function assetIdFromBytes(bytes: Uint8Array): string {
  return `img-${sha256Hex(bytes).slice(0, 40)}`
}

/** An asset known only by its public URL (its bytes are not on disk): keyed by the URL instead. */
export function assetIdFromUrl(url: string): string {
  return `url-${sha256Hex(url).slice(0, 40)}`
}

export function ctaBannerId(hash: string): string {
  return `cta-${hash.slice(0, 40)}`
}

function fitId(base: string, suffix: string): string {
  const clean = base.replace(/[^a-zA-Z0-9\-_.]+/g, '-') || 'untitled'
  if (clean.length + suffix.length <= MAX_ID && clean === base) return clean + suffix
  // Too long (or had to be cleaned): keep a readable prefix and disambiguate with a hash of the original.
  const room = MAX_ID - suffix.length - HASH_LEN - 1
  return `${clean.slice(0, room).replace(/[-_.]+$/, '')}-${sha256Hex(base).slice(0, HASH_LEN)}${suffix}`
}
