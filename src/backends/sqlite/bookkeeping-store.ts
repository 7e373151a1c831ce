// The migration lock and ledger of one environment.
import { ConflictError, type LedgerRow, type LockHolder, type LockResult } from '../port.ts'
import type { SpaceDb } from './space-db.ts'

interface LockRow {
  holder_id: string
  description: string
  acquired_at: string
  expires_at: string
}

const toHolder = (r: LockRow): LockHolder => ({
  id: r.holder_id,
  description: r.description,
  acquiredAt: r.acquired_at,
  expiresAt: r.expires_at,
})

export class LockStore {
  constructor(private readonly s: SpaceDb) {}

  /**
   * Takes the lock when it is free, expired, or already the caller's (a refresh). One write transaction
   * decides, so two processes racing for it cannot both win.
   */
  acquire(holder: LockHolder): LockResult {
    return this.s.write(() => {
      const current = this.read()
      const expired = current && Date.parse(current.expiresAt) <= this.s.now().getTime()
      if (current && !expired && current.id !== holder.id) return { acquired: false, holder: current }
      this.s
        .sql(
          `INSERT INTO lock (singleton, holder_id, description, acquired_at, expires_at) VALUES (1, ?, ?, ?, ?)
           ON CONFLICT (singleton) DO UPDATE SET holder_id = excluded.holder_id,
             description = excluded.description, acquired_at = excluded.acquired_at,
             expires_at = excluded.expires_at`,
        )
        .run(holder.id, holder.description, holder.acquiredAt, holder.expiresAt)
      return { acquired: true }
    })
  }

  /** Releases the lock only when `holderId` holds it: a run whose lock was taken over frees nothing. */
  release(holderId: string): void {
    this.s.write(() => this.s.sql('DELETE FROM lock WHERE holder_id = ?').run(holderId))
  }

  read(): LockHolder | null {
    const row = this.s.sql('SELECT * FROM lock WHERE singleton = 1').get() as LockRow | undefined
    return row ? toHolder(row) : null
  }

  /** Used by clone: a copied environment starts unlocked. */
  clear(): void {
    this.s.write(() => this.s.sql('DELETE FROM lock').run())
  }
}

export class LedgerStore {
  constructor(private readonly s: SpaceDb) {}

  /** Applied migrations in the order they were applied. */
  read(): LedgerRow[] {
    const rows = this.s.sql('SELECT name, checksum, applied_at FROM ledger ORDER BY seq').all() as {
      name: string
      checksum: string
      applied_at: string
    }[]
    return rows.map((r) => ({ name: r.name, checksum: r.checksum, appliedAt: r.applied_at }))
  }

  /** Records one applied migration; a name recorded twice means another run got there first. */
  record(row: LedgerRow): void {
    this.s.write(() => {
      const existing = this.s.sql('SELECT 1 FROM ledger WHERE name = ?').get(row.name)
      if (existing)
        throw new ConflictError(`migration "${row.name}" is already recorded in the ledger`, row.name)
      this.s
        .sql('INSERT INTO ledger (name, checksum, applied_at) VALUES (?, ?, ?)')
        .run(row.name, row.checksum, row.appliedAt)
    })
  }
}
