// The migration lock and ledger as entries of kb-cms's internal content types (see internal-types.ts). The
// types are created on first need: a write that fails because they are missing creates them and tries again.
import { DEFAULT_LOCALE, type EntryRecord } from '../../model/contentful-types.ts'
import {
  ConflictError,
  type LedgerRow,
  type LockHolder,
  type LockResult,
  NotFoundError,
  ValidationError,
} from '../port.ts'
import { type Connection, ContentfulApiError } from './client.ts'
import { saveContentType } from './content-type-writes.ts'
import { getEntry, versioned } from './entity-requests.ts'
import { putEntry } from './idempotent-writes.ts'
import { INTERNAL_TYPES, LEDGER_TYPE, LOCK_ENTRY_ID, LOCK_TYPE } from './internal-types.ts'
import type { PagedReads } from './paged-reads.ts'

export class LockAndLedger {
  private internalTypesReady = false
  private internalTypesCreation: Promise<void> | undefined

  constructor(
    private readonly conn: Connection,
    private readonly reads: PagedReads,
  ) {}

  async acquireLock(holder: LockHolder): Promise<LockResult> {
    const lock = { id: LOCK_ENTRY_ID, contentTypeId: LOCK_TYPE, fields: lockFields(holder) }
    for (let round = 0; round < 3; round++) {
      try {
        await putEntry(this.conn, lock)
        return { acquired: true }
      } catch (err) {
        if (await this.missingInternalTypes(err)) continue
        if (!(err instanceof ConflictError)) throw err
      }
      const current = await getEntry(this.conn, LOCK_ENTRY_ID)
      if (!current) continue
      const held = lockHolder(current)
      const ours = held?.id === holder.id
      if (ours && held?.expiresAt === holder.expiresAt) return { acquired: true }
      if (!ours && held && Date.parse(held.expiresAt) > Date.now()) return { acquired: false, holder: held }
      // Ours (a refresh) or expired (a killed run): rewrite it, conditional on the version we saw, so that of
      // two runs taking over at once only one wins.
      try {
        await putEntry(this.conn, lock, current.sys.version)
        return { acquired: true }
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err
      }
    }
    const held = lockHolder(await getEntry(this.conn, LOCK_ENTRY_ID))
    if (held) return { acquired: false, holder: held }
    throw new ConflictError('the lock entry keeps changing; try again', LOCK_ENTRY_ID)
  }

  async releaseLock(holderId: string): Promise<void> {
    const current = await getEntry(this.conn, LOCK_ENTRY_ID)
    if (!current || lockHolder(current)?.id !== holderId) return
    try {
      await versioned(this.conn, 'DELETE', `entries/${LOCK_ENTRY_ID}`, current.sys.version, LOCK_ENTRY_ID)
    } catch (err) {
      // Gone already (a retried delete that landed): released.
      if (!(err instanceof NotFoundError)) throw err
    }
  }

  async readLedger(): Promise<LedgerRow[]> {
    const rows: LedgerRow[] = []
    try {
      for await (const entry of this.reads.allEntries({ contentTypeId: LEDGER_TYPE })) {
        const f = entry.fields
        rows.push({
          name: f.name?.[DEFAULT_LOCALE] as string,
          checksum: f.checksum?.[DEFAULT_LOCALE] as string,
          appliedAt: f.appliedAt?.[DEFAULT_LOCALE] as string,
        })
      }
    } catch (err) {
      // No ledger content type yet: nothing was ever applied here.
      if (isUnknownContentType(err)) return []
      throw err
    }
    return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  }

  async recordLedger(row: LedgerRow): Promise<void> {
    const id = ledgerId(row.name)
    const fields = {
      name: { [DEFAULT_LOCALE]: row.name },
      checksum: { [DEFAULT_LOCALE]: row.checksum },
      appliedAt: { [DEFAULT_LOCALE]: row.appliedAt },
    }
    for (let round = 0; round < 2; round++) {
      try {
        await putEntry(this.conn, { id, contentTypeId: LEDGER_TYPE, fields })
        return
      } catch (err) {
        if (await this.missingInternalTypes(err)) continue
        if (!(err instanceof ConflictError)) throw err
        const current = await getEntry(this.conn, id)
        if (current?.fields.checksum?.[DEFAULT_LOCALE] === row.checksum) return
        throw new ConflictError(`migration ${row.name} is already recorded by another run`, row.name)
      }
    }
  }

  /** When a write failed because the internal types are missing, creates them and says to try again. */
  private async missingInternalTypes(err: unknown): Promise<boolean> {
    if (this.internalTypesReady || !isUnknownContentType(err)) return false
    // Concurrent callers share one creation.
    this.internalTypesCreation ??= (async () => {
      for (const ct of INTERNAL_TYPES) await saveContentType(this.conn, ct)
    })()
    try {
      await this.internalTypesCreation
    } finally {
      this.internalTypesCreation = undefined
    }
    this.internalTypesReady = true
    return true
  }
}

/** The ledger entry's id is the migration's name, made fit for ids (`[a-zA-Z0-9-_.]{1,64}`) if need be. */
function ledgerId(name: string): string {
  return name.replace(/[^a-zA-Z0-9-_.]/g, '_').slice(0, 64)
}

function lockFields(holder: LockHolder) {
  return { holderId: { [DEFAULT_LOCALE]: holder.id }, holder: { [DEFAULT_LOCALE]: holder } }
}

function lockHolder(entry: EntryRecord | undefined) {
  return entry?.fields.holder?.[DEFAULT_LOCALE] as LockHolder | undefined
}

function isUnknownContentType(err: unknown): boolean {
  const fromApi = err instanceof ContentfulApiError && (err.status === 400 || err.status === 422)
  return (
    (err instanceof ValidationError || err instanceof NotFoundError || fromApi) &&
    /content ?type/i.test((err as Error).message)
  )
}
