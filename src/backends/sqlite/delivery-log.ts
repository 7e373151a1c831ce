// The ordered log of what the Delivery face published and unpublished (written by the entity stores in the
// same transaction as the change). The Sync API's deltas are read from it; a position in it is what a sync
// token holds, so tokens stay valid across server restarts.
import type { SpaceDb } from './space-db.ts'

export interface DeliveryChange {
  seq: number
  entityType: 'Entry' | 'Asset'
  entityId: string
  contentTypeId: string | null
  change: 'publish' | 'unpublish'
  at: string
}

export class DeliveryLog {
  constructor(private readonly s: SpaceDb) {}

  /** The position of the latest change, 0 for none. */
  head(): number {
    const row = this.s.sql('SELECT max(seq) AS seq FROM delivery_changes').get() as { seq: number | null }
    return row.seq ?? 0
  }

  /** Changes after a position, oldest first, at most `limit`. */
  after(seq: number, limit: number): DeliveryChange[] {
    const rows = this.s
      .sql(
        `SELECT seq, entity_type, entity_id, content_type_id, change, at FROM delivery_changes
         WHERE seq > ? ORDER BY seq LIMIT ?`,
      )
      .all(seq, limit) as {
      seq: number
      entity_type: 'Entry' | 'Asset'
      entity_id: string
      content_type_id: string | null
      change: 'publish' | 'unpublish'
      at: string
    }[]
    return rows.map((r) => ({
      seq: r.seq,
      entityType: r.entity_type,
      entityId: r.entity_id,
      contentTypeId: r.content_type_id,
      change: r.change,
      at: r.at,
    }))
  }
}
