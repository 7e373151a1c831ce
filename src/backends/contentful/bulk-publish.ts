// Publishing through bulk actions: batches of at most 200 items, a few in flight, each polled until it
// succeeds or fails. A failed action may only mean a retried publish already landed, so what is actually
// published decides.
import type { AssetRecord, EntryRecord } from '../../model/contentful-types.ts'
import { mapLimit } from '../../sync/map-limit.ts'
import { type PublishItem, ValidationError } from '../port.ts'
import { type Connection, ContentfulApiError } from './client.ts'
import { envParams } from './entity-requests.ts'
import { byIds } from './paged-reads.ts'
import { type PollOptions, poll } from './poll.ts'
import { toAssetRecord, toEntryRecord } from './records.ts'

const BULK_MAX = 200
const BULK_IN_FLIGHT = 4

export async function publish(conn: Connection, items: PublishItem[], polling: PollOptions): Promise<void> {
  const batches: PublishItem[][] = []
  for (let i = 0; i < items.length; i += BULK_MAX) batches.push(items.slice(i, i + BULK_MAX))
  await mapLimit(batches, BULK_IN_FLIGHT, (batch) => bulkPublish(conn, batch, polling))
}

/** The part of a bulk action read here. */
interface BulkAction {
  sys: { id: string; status: string }
  error?: { details?: { errors?: unknown[] } }
}

async function bulkPublish(conn: Connection, items: PublishItem[], polling: PollOptions): Promise<void> {
  const payload = {
    entities: {
      sys: { type: 'Array' as const },
      items: items.map((i) => ({
        sys: { type: 'Link' as const, linkType: i.linkType, id: i.id, version: i.version },
      })),
    },
  }
  const created: BulkAction = await conn.call('POST bulk_actions/publish', (c) =>
    c.bulkAction.publish(envParams(conn), payload as never),
  )
  const finished = (a: BulkAction) => a.sys.status === 'succeeded' || a.sys.status === 'failed'
  const action: BulkAction = finished(created)
    ? created
    : await poll(
        () =>
          conn.call(`GET bulk_actions/actions/${created.sys.id}`, (c) =>
            c.bulkAction.get({ ...envParams(conn), bulkActionId: created.sys.id }),
          ),
        finished,
        polling,
        () =>
          new ContentfulApiError(
            `bulk publish ${created.sys.id} did not finish in time`,
            undefined,
            'Timeout',
          ),
      )
  if (action.sys.status === 'succeeded') return
  const pending = await unpublished(conn, items)
  if (pending.length === 0) return
  const errors = action.error?.details?.errors ?? []
  const named = pending.slice(0, 5).map((p) => `${p.linkType} ${p.id}`)
  throw new ValidationError(
    `bulk publish failed for ${pending.length} of ${items.length} items: ${named.join(', ')}${pending.length > 5 ? ', …' : ''}`,
    errors,
  )
}

/** The items whose pinned version is not the published one. */
async function unpublished(conn: Connection, items: PublishItem[]): Promise<PublishItem[]> {
  const published = new Map<string, number | undefined>()
  const kinds: [
    PublishItem['linkType'],
    'entries' | 'assets',
    (raw: unknown) => EntryRecord | AssetRecord,
  ][] = [
    ['Entry', 'entries', toEntryRecord],
    ['Asset', 'assets', toAssetRecord],
  ]
  for (const [linkType, kind, toRecord] of kinds) {
    const ids = items.filter((i) => i.linkType === linkType).map((i) => i.id)
    if (ids.length === 0) continue
    for (const r of (await byIds(conn, kind, ids, {}, toRecord)).items) {
      published.set(`${linkType}:${r.sys.id}`, r.sys.publishedVersion)
    }
  }
  return items.filter((i) => published.get(`${i.linkType}:${i.id}`) !== i.version)
}
