// Reads what the space holds in pages: by ids (one request per 100 ids, never one per entry) or a whole
// content type page by page.
import type { ContentBackend } from '../backends/port.ts'
import type { AssetRecord, EntryRecord } from '../model/contentful-types.ts'

const IDS_PER_REQUEST = 100
// Small pages: the orphan scan reads whole entries (rich text included) and keeps only ids, so the page size is
// what bounds its memory.
const PAGE = 100

export function entriesByIds(backend: ContentBackend, ids: string[]): Promise<Map<string, EntryRecord>> {
  return byIds(ids, (query) => backend.getEntries(query))
}

export function assetsByIds(backend: ContentBackend, ids: string[]): Promise<Map<string, AssetRecord>> {
  return byIds(ids, (query) => backend.getAssets(query))
}

async function byIds<T extends { sys: { id: string } }>(
  ids: string[],
  getPage: (query: { ids: string[]; skip: number; limit: number }) => Promise<{ items: T[]; total: number }>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
    const batch = unique.slice(i, i + IDS_PER_REQUEST)
    for (let skip = 0; ; ) {
      const page = await getPage({ ids: batch, skip, limit: IDS_PER_REQUEST })
      for (const item of page.items) found.set(item.sys.id, item)
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
