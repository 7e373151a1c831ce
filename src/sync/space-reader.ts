// Reads what the space holds in pages: by ids (one request per 100 ids, never one per entry) or a whole
// content type page by page.
import type { ContentBackend } from '../backends/port.ts'
import type { AssetRecord, EntryRecord } from '../model/contentful-types.ts'

const IDS_PER_REQUEST = 100
// Small pages: the orphan scan reads whole entries (rich text included) and keeps only ids, so the page size is
// what bounds its memory.
const PAGE = 100

export async function entriesByIds(
  backend: ContentBackend,
  ids: string[],
): Promise<Map<string, EntryRecord>> {
  const found = new Map<string, EntryRecord>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
    const batch = unique.slice(i, i + IDS_PER_REQUEST)
    for (let skip = 0; ; ) {
      const page = await backend.getEntries({ ids: batch, skip, limit: IDS_PER_REQUEST })
      for (const entry of page.items) found.set(entry.sys.id, entry)
      skip += page.items.length
      if (page.items.length === 0 || skip >= page.total) break
    }
  }
  return found
}

export async function assetsByIds(backend: ContentBackend, ids: string[]): Promise<Map<string, AssetRecord>> {
  const found = new Map<string, AssetRecord>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
    const batch = unique.slice(i, i + IDS_PER_REQUEST)
    for (let skip = 0; ; ) {
      const page = await backend.getAssets({ ids: batch, skip, limit: IDS_PER_REQUEST })
      for (const asset of page.items) found.set(asset.sys.id, asset)
      skip += page.items.length
      if (page.items.length === 0 || skip >= page.total) break
    }
  }
  return found
}

/** Every entry of a content type, one page at a time (the caller keeps only what it needs of each). */
export async function* entriesOfType(
  backend: ContentBackend,
  contentTypeId: string,
): AsyncGenerator<EntryRecord> {
  for (let skip = 0; ; ) {
    const page = await backend.getEntries({ contentTypeId, skip, limit: PAGE })
    yield* page.items
    skip += page.items.length
    if (page.items.length === 0 || skip >= page.total) return
  }
}
