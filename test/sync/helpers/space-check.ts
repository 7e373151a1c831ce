// What the tests assert about a space after a sync: every entity, every link resolved, everything published.
import type { SqliteBackend } from '../../../src/backends/sqlite/sqlite-backend.ts'
import type { AssetRecord, EntryRecord } from '../../../src/model/contentful-types.ts'
import { isPublishedCurrent } from '../../../src/model/sync-base.ts'

export interface SpaceContents {
  entries: EntryRecord[]
  assets: AssetRecord[]
}

export async function readSpace(backend: SqliteBackend): Promise<SpaceContents> {
  const entries: EntryRecord[] = []
  for (let skip = 0; ; ) {
    const page = await backend.getEntries({ skip, limit: 1000 })
    entries.push(...page.items)
    skip += page.items.length
    if (page.items.length === 0 || skip >= page.total) break
  }
  const assets: AssetRecord[] = []
  for (let skip = 0; ; ) {
    const page = await backend.getAssets({ skip, limit: 1000 })
    assets.push(...page.items)
    skip += page.items.length
    if (page.items.length === 0 || skip >= page.total) break
  }
  return { entries, assets }
}

/** Every link anywhere in a value (link fields and rich-text embedded targets). */
export function linksIn(value: unknown, out: { linkType: string; id: string }[] = []) {
  if (Array.isArray(value)) for (const v of value) linksIn(v, out)
  else if (value && typeof value === 'object') {
    const sys = (value as { sys?: { type?: string; linkType?: string; id?: string } }).sys
    if (sys?.type === 'Link' && sys.linkType && sys.id) out.push({ linkType: sys.linkType, id: sys.id })
    for (const v of Object.values(value)) linksIn(v, out)
  }
  return out
}

/** Problems with a space: dangling links, unpublished or archived entities, duplicate article slugs. */
export function spaceProblems({ entries, assets }: SpaceContents): string[] {
  const problems: string[] = []
  const entryIds = new Set(entries.filter((e) => e.sys.archivedVersion === undefined).map((e) => e.sys.id))
  const assetIds = new Set(assets.map((a) => a.sys.id))
  const slugs = new Map<string, string>()
  for (const e of entries) {
    if (!isPublishedCurrent(e.sys)) problems.push(`entry ${e.sys.id} is not published at its current version`)
    for (const l of linksIn(e.fields))
      if (!(l.linkType === 'Entry' ? entryIds : assetIds).has(l.id))
        problems.push(`${e.sys.id} → missing ${l.id}`)
    if (e.sys.contentType.sys.id === 'troubleshootingArticle') {
      const slug = String(e.fields.slug?.['en-US'])
      const other = slugs.get(slug)
      if (other) problems.push(`slug ${slug} on both ${other} and ${e.sys.id}`)
      slugs.set(slug, e.sys.id)
    }
  }
  for (const a of assets) if (!isPublishedCurrent(a.sys)) problems.push(`asset ${a.sys.id} is not published`)
  return problems
}

/** A comparable picture of the space: id → content type and fields (versions left out). */
export function snapshot({ entries, assets }: SpaceContents): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const e of entries) out[e.sys.id] = { type: e.sys.contentType.sys.id, fields: e.fields }
  for (const a of assets) out[a.sys.id] = { type: 'Asset', title: a.fields.title }
  return out
}
