// Reads what the space holds in pages: by ids (one request per 100 ids, never one per entry) or a whole
// content type page by page.
import type { ContentBackend, Page } from '../backends/port.ts'
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
  getPage: (query: { ids: string[]; skip: number; limit: number }) => Promise<Page<T>>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
    const ids = unique.slice(i, i + IDS_PER_REQUEST)
    for await (const item of paged((skip) => getPage({ ids, skip, limit: IDS_PER_REQUEST })))
      found.set(item.sys.id, item)
  }
  return found
}

/** Every entry of a content type, one page at a time (the caller keeps only what it needs of each). */
export function entriesOfType(backend: ContentBackend, contentTypeId: string): AsyncGenerator<EntryRecord> {
  return paged((skip) => backend.getEntries({ contentTypeId, skip, limit: PAGE }))
}

/** Items page by page, until a page comes back empty or the total is reached. */
async function* paged<T>(getPage: (skip: number) => Promise<Page<T>>): AsyncGenerator<T> {
  for (let skip = 0; ; ) {
    const page = await getPage(skip)
    yield* page.items
    skip += page.items.length
    if (page.items.length === 0 || skip >= page.total) return
  }
}
