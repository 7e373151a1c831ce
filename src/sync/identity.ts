// Which id each page's entries get. A page's identity is its path below the docs root (ids.ts idBase). A
// troubleshooting article synced before that (id from its file name alone) keeps its id, by adoption: when the
// path id is not in the space but the legacy id is, written from the same file (its sourcePath ends with this
// file's docs-relative path), the sync goes on using the legacy id and its children's. A one-time re-key with no
// write of its own; new spaces get path ids. One read per chunk.

import type { ContentBackend } from '../backends/port.ts'
import { legacySlug } from '../markdown/page-url.ts'
import type { Article } from '../model/article.ts'
import { DEFAULT_LOCALE, type EntryRecord } from '../model/contentful-types.ts'
import { TOP_LEVEL } from './desired-state.ts'
import { entryId, idBase } from './ids.ts'
import { entriesByIds } from './space-reader.ts'

/**
 * The id base of every article of the chunk (by article), adopting legacy ids where the space has them, and the
 * page entries the space holds for them (their bases record the children's ids). One read per chunk.
 */
export async function settleIdentities(
  backend: ContentBackend,
  chunk: Article[],
): Promise<{ bases: Map<Article, string>; existing: Map<string, EntryRecord> }> {
  const bases = new Map<Article, string>()
  const legacy = new Map<Article, string>()
  for (const a of chunk) {
    const base = idBase(TOP_LEVEL[a.kind], a.slug)
    bases.set(a, base)
    if (a.kind !== 'troubleshooting' || a.sourcePath === null) continue
    const old = idBase('troubleshootingArticle', legacySlug(a.sourcePath))
    if (old !== '' && old !== base) legacy.set(a, old)
  }
  const existing = await entriesByIds(backend, [
    ...[...bases.values()].map(entryId),
    ...[...legacy.values()].map(entryId),
  ])
  for (const [a, old] of legacy) {
    if (existing.has(entryId(bases.get(a) as string))) continue
    const entry = existing.get(entryId(old))
    if (entry?.sys.contentType.sys.id !== 'troubleshootingArticle') continue
    const source = entry.fields.sourcePath?.[DEFAULT_LOCALE]
    if (typeof source === 'string' && sameFile(source, a.sourcePath as string)) bases.set(a, old)
  }
  return { bases, existing }
}

/** Whether a stored sourcePath (relative to the docs root, or to where an older run was started) names `rel`. */
function sameFile(stored: string, rel: string): boolean {
  const s = stored.replace(/\\/g, '/')
  return s === rel || s.endsWith(`/${rel}`)
}
