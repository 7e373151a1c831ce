// ContentBackend over the Contentful Management API (plain contentful-management client). Every call goes
// through the connection's scheduler, one HTTP request per call, so retries are exact; every write is safe
// to retry (see idempotent-writes.ts). This class only routes the port's calls to the modules that make them.
import type { AssetRecord, EntryRecord } from '../../model/contentful-types.ts'
import type {
  AssetInput,
  ContentBackend,
  EntryInput,
  EntryQuery,
  LedgerRow,
  LockHolder,
  LockResult,
  ModelSnapshot,
  ModelWrite,
  Page,
  PublishItem,
} from '../port.ts'
import { checkManagementAccess } from './access-check.ts'
import { putAsset } from './asset-upload.ts'
import { publish } from './bulk-publish.ts'
import type { Connection } from './client.ts'
import { deleteContentType, saveContentType } from './content-type-writes.ts'
import { saveEditorInterface } from './editor-interface-writes.ts'
import { archive, putEntry, type StateChange, unpublish } from './idempotent-writes.ts'
import { checkLinks } from './link-check.ts'
import { LockAndLedger } from './lock-and-ledger.ts'
import { PagedReads } from './paged-reads.ts'
import type { PollOptions } from './poll.ts'
import { readModel } from './read-model.ts'

export interface ContentfulBackendOptions {
  /** Polling of asset processing and bulk actions: first wait, doubling up to ~2 s, for at most this long. */
  pollTimeoutMs?: number
  pollFirstWaitMs?: number
}

export class ContentfulBackend implements ContentBackend {
  private readonly reads: PagedReads
  private readonly bookkeeping: LockAndLedger
  private readonly polling: PollOptions

  constructor(
    readonly conn: Connection,
    readonly description: string,
    options: ContentfulBackendOptions = {},
  ) {
    this.reads = new PagedReads(conn)
    this.bookkeeping = new LockAndLedger(conn, this.reads)
    this.polling = { timeoutMs: options.pollTimeoutMs ?? 60_000, firstWaitMs: options.pollFirstWaitMs ?? 150 }
  }

  /** Fails with one ConfigError naming the variable unless the token may use the Management API. */
  checkAccess(): Promise<void> {
    return checkManagementAccess(this.conn)
  }

  acquireLock(holder: LockHolder): Promise<LockResult> {
    return this.bookkeeping.acquireLock(holder)
  }

  releaseLock(holderId: string): Promise<void> {
    return this.bookkeeping.releaseLock(holderId)
  }

  readLedger(): Promise<LedgerRow[]> {
    return this.bookkeeping.readLedger()
  }

  readModel(): Promise<ModelSnapshot> {
    return readModel(this.conn)
  }

  async applyMigration(writes: ModelWrite[], row: LedgerRow): Promise<void> {
    await checkLinks(this.conn, writes)
    for (const write of writes) {
      if (write.type === 'saveContentType') await saveContentType(this.conn, write.contentType)
      else if (write.type === 'deleteContentType') await deleteContentType(this.conn, write.id)
      else if (write.type === 'saveEditorInterface') {
        await saveEditorInterface(this.conn, write.contentTypeId, write.editorInterface)
      } else await putEntry(this.conn, write.entry, write.version)
    }
    await this.bookkeeping.recordLedger(row)
  }

  getEntries(query: EntryQuery): Promise<Page<EntryRecord>> {
    return this.reads.entries(query)
  }

  getAssets(query: { ids?: string[]; skip?: number; limit?: number }): Promise<Page<AssetRecord>> {
    return this.reads.assets(query)
  }

  putEntry(entry: EntryInput, version?: number): Promise<EntryRecord> {
    return putEntry(this.conn, entry, version)
  }

  putAsset(asset: AssetInput, version?: number): Promise<AssetRecord> {
    return putAsset(this.conn, asset, version, this.polling)
  }

  publish(items: PublishItem[]): Promise<void> {
    return publish(this.conn, items, this.polling)
  }

  unpublish(item: StateChange): Promise<void> {
    return unpublish(this.conn, item)
  }

  archive(item: StateChange): Promise<void> {
    return archive(this.conn, item)
  }

  async close(): Promise<void> {
    this.conn.close()
  }
}
