// The ContentBackend port: the only way the migration runner and the sync touch a space.
// Adapters: sqlite/ (the embedded default) and contentful/ (contentful-management over HTTP).
// One contract suite (test/backends/contract.ts) runs against every adapter.
import type {
  AssetRecord,
  ContentType,
  ContentTypeRecord,
  EditorInterface,
  EditorInterfaceRecord,
  EntryRecord,
  LocalizedFields,
} from '../model/contentful-types.ts'

/** What the live space holds of the model: the snapshot a migration is planned against. */
export interface ModelSnapshot {
  contentTypes: ContentTypeRecord[]
  editorInterfaces: EditorInterfaceRecord[]
}

/**
 * One write to the model. A field deletion is two `saveContentType` writes (omit, then delete), each of which
 * saves the draft and activates it, as Contentful requires.
 */
export type ModelWrite =
  | { type: 'saveContentType'; contentType: ContentType }
  | { type: 'deleteContentType'; id: string }
  | { type: 'saveEditorInterface'; contentTypeId: string; editorInterface: EditorInterface }
  | { type: 'putEntry'; entry: EntryInput; version?: number }

export interface LedgerRow {
  name: string
  checksum: string
  appliedAt: string
}

export interface LockHolder {
  /** Unique per run. */
  id: string
  /** Human-readable: user@host pid N, command. */
  description: string
  acquiredAt: string
  expiresAt: string
}

export type LockResult = { acquired: true } | { acquired: false; holder: LockHolder }

export interface EntryInput {
  id: string
  contentTypeId: string
  fields: LocalizedFields
}

export interface AssetInput {
  id: string
  title: string
  description?: string
  fileName: string
  contentType: string
  /** Either the bytes to upload or a public URL for the CMS to fetch. */
  source: { bytes: Uint8Array } | { url: string }
}

export interface Page<T> {
  items: T[]
  total: number
  skip: number
  limit: number
}

export interface EntryQuery {
  contentTypeId?: string
  ids?: string[]
  skip?: number
  limit?: number
}

export interface PublishItem {
  linkType: 'Entry' | 'Asset'
  id: string
  version: number
}

export interface ContentBackend {
  /** e.g. `embedded:.cms (master)` or `contentful:abc123 (master)`; never contains a secret. */
  readonly description: string

  // Migration bookkeeping.
  acquireLock(holder: LockHolder): Promise<LockResult>
  releaseLock(holderId: string): Promise<void>
  readLedger(): Promise<LedgerRow[]>
  readModel(): Promise<ModelSnapshot>
  /**
   * Applies the writes in order and then records the ledger row. The embedded space does both in one
   * transaction; a remote space relies on every write being idempotent so a re-run completes the job.
   */
  applyMigration(writes: ModelWrite[], row: LedgerRow): Promise<void>

  // Content.
  getEntries(query: EntryQuery): Promise<Page<EntryRecord>>
  getAssets(query: { ids?: string[]; skip?: number; limit?: number }): Promise<Page<AssetRecord>>
  /** Creates (no version: fails with a VersionMismatch-style ConflictError if it exists) or updates. */
  putEntry(entry: EntryInput, version?: number): Promise<EntryRecord>
  /** Creates or updates an asset and processes its file; resolves when the file has a url. */
  putAsset(asset: AssetInput, version?: number): Promise<AssetRecord>
  /** Publishes many entities at once (a bulk action on Contentful); each pins its version. */
  publish(items: PublishItem[]): Promise<void>
  unpublish(item: { linkType: 'Entry' | 'Asset'; id: string; version: number }): Promise<void>
  archive(item: { linkType: 'Entry' | 'Asset'; id: string; version: number }): Promise<void>

  close(): Promise<void>
}

/** The version a write expected is no longer current, or a create found the id taken (HTTP 409). */
export class ConflictError extends Error {
  override name = 'ConflictError'
  constructor(
    message: string,
    readonly id: string,
  ) {
    super(message)
  }
}

/** The space rejected a write as invalid against its model (HTTP 422). */
export class ValidationError extends Error {
  override name = 'ValidationError'
  constructor(
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message)
  }
}

/** A name or id the operation needs does not exist (HTTP 404). */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
}
