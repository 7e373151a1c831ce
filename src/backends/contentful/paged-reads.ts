// Listing entries and assets: pages of up to 1000, shrunk for the rest of the run once responses near
// Contentful's 7 MB cap (past it the API answers 400 "Response size too big"), and reads by id in chunks.
import type { AssetRecord, EntryRecord } from '../../model/contentful-types.ts'
import type { EntryQuery, Page } from '../port.ts'
import { type Connection, ContentfulApiError } from './client.ts'
import { MAX_PAGE } from './entity-requests.ts'
import { toAssetRecord, toEntryRecord } from './records.ts'

/** Responses are capped at 7 MB; pages are shrunk to stay well under it. */
const RESPONSE_BUDGET = 5 * 1024 * 1024
/** Ids per `sys.id[in]` query: keeps URLs far below any proxy's limit. */
const IDS_PER_QUERY = 100

type Kind = 'entries' | 'assets'
interface RawPage {
  items: unknown[]
  total: number
}

export class PagedReads {
  /** The largest page asked for; lowered when a response comes near the cap, for every later read. */
  private pageLimit = MAX_PAGE

  constructor(private readonly conn: Connection) {}

  entries(query: EntryQuery): Promise<Page<EntryRecord>> {
    const filter: Record<string, string> = query.contentTypeId ? { content_type: query.contentTypeId } : {}
    if (query.ids) return byIds(this.conn, 'entries', query.ids, filter, toEntryRecord)
    return this.page('entries', query, filter, toEntryRecord)
  }

  assets(query: { ids?: string[]; skip?: number; limit?: number }): Promise<Page<AssetRecord>> {
    if (query.ids) return byIds(this.conn, 'assets', query.ids, {}, toAssetRecord)
    return this.page('assets', query, {}, toAssetRecord)
  }

  async *allEntries(query: EntryQuery): AsyncGenerator<EntryRecord> {
    let skip = 0
    for (;;) {
      const page = await this.entries({ ...query, skip, limit: MAX_PAGE })
      yield* page.items
      skip += page.items.length
      if (page.items.length === 0 || skip >= page.total) return
    }
  }

  private async page<T>(
    kind: Kind,
    query: { skip?: number; limit?: number },
    filter: Record<string, string>,
    toRecord: (raw: unknown) => T,
  ): Promise<Page<T>> {
    const skip = query.skip ?? 0
    let limit = Math.min(query.limit ?? 100, this.pageLimit)
    for (;;) {
      try {
        const page = await getMany(this.conn, kind, { skip, limit, order: 'sys.createdAt,sys.id', ...filter })
        const bytes = Buffer.byteLength(JSON.stringify(page.items))
        if (page.items.length > 0 && bytes > RESPONSE_BUDGET / 2) {
          const perItem = bytes / page.items.length
          this.pageLimit = Math.max(1, Math.floor(RESPONSE_BUDGET / 2 / perItem))
        }
        return { items: page.items.map(toRecord), total: page.total, skip, limit }
      } catch (err) {
        // Past the cap: halve and ask again.
        if (
          err instanceof ContentfulApiError &&
          err.status === 400 &&
          /size/i.test(err.message) &&
          limit > 1
        ) {
          limit = Math.max(1, Math.floor(limit / 2))
          this.pageLimit = limit
          continue
        }
        throw err
      }
    }
  }
}

/** The entities with these ids (those that exist), in chunks of `IDS_PER_QUERY`. */
export async function byIds<T>(
  conn: Connection,
  kind: Kind,
  ids: string[],
  filter: Record<string, string>,
  toRecord: (raw: unknown) => T,
): Promise<Page<T>> {
  const items: T[] = []
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + IDS_PER_QUERY)
    const page = await getMany(conn, kind, { 'sys.id[in]': chunk.join(','), limit: chunk.length, ...filter })
    items.push(...page.items.map(toRecord))
  }
  return { items, total: items.length, skip: 0, limit: items.length }
}

function getMany(conn: Connection, kind: Kind, query: Record<string, unknown>): Promise<RawPage> {
  return conn.call<RawPage>(`GET ${kind}`, (c) =>
    kind === 'entries' ? c.entry.getMany({ query }) : c.asset.getMany({ query }),
  )
}
