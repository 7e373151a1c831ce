// The ContentBackend port over the embedded space: a thin adapter. A migration's writes and its ledger row
// commit in one SQLite transaction, so a crash leaves either all of it or none of it.

import { relative } from 'node:path'
import type { AssetFile, ContentType } from '../../model/contentful-types.ts'
import { mergeEditorInterface } from '../../model/merge-editor-interface.ts'
import { isInternalType } from '../internal-type-ids.ts'
import {
  type AssetInput,
  ConflictError,
  type ContentBackend,
  type EntryInput,
  type EntryQuery,
  type LedgerRow,
  type LockHolder,
  type LockResult,
  type ModelSnapshot,
  type ModelWrite,
  NotFoundError,
  type Page,
  type PublishItem,
  ValidationError,
} from '../port.ts'
import { EmbeddedSpace, type OpenSpaceOptions } from './embedded-space.ts'
import type { AssetView, EntryView } from './entity-store.ts'
import { summarize } from './validation-detail.ts'

export class SqliteBackend implements ContentBackend {
  readonly description: string

  /** `label` names the environment in `description` when it differs from the file's (an alias). */
  constructor(
    readonly space: EmbeddedSpace,
    label?: string,
  ) {
    const rel = relative(process.cwd(), space.dir)
    const dir = rel === '' ? '.' : rel.startsWith('..') ? space.dir : rel
    this.description = `embedded:${dir} (${label ?? space.env})`
  }

  static open(options: OpenSpaceOptions = {}): SqliteBackend {
    return new SqliteBackend(EmbeddedSpace.open(options))
  }

  async acquireLock(holder: LockHolder): Promise<LockResult> {
    return this.space.lock.acquire(holder)
  }

  async releaseLock(holderId: string): Promise<void> {
    this.space.lock.release(holderId)
  }

  async readLedger(): Promise<LedgerRow[]> {
    return this.space.ledger.read()
  }

  async readModel(): Promise<ModelSnapshot> {
    // The Contentful adapter's ledger and lock types exist here when migrate ran through the local faces.
    return {
      contentTypes: this.space.contentTypes.list().filter((ct) => !isInternalType(ct.sys.id)),
      editorInterfaces: this.space.contentTypes
        .listEditorInterfaces()
        .filter((ei) => !isInternalType(ei.sys.contentType.sys.id)),
    }
  }

  async applyMigration(writes: ModelWrite[], row: LedgerRow): Promise<void> {
    this.space.transaction(() => {
      const saved = new Set<string>()
      writes.forEach((write, i) => {
        try {
          this.applyWrite(write)
        } catch (e) {
          throw withContext(e, `${row.name}: write ${i + 1} (${describe(write)})`)
        }
        if (write.type === 'saveContentType') saved.add(write.contentType.id)
      })
      // Links are checked once every content type of the migration exists, so two may link to each other.
      for (const id of saved) {
        const active = this.space.contentTypes.active(id)
        const problems = active ? this.space.contentTypes.checkLinks(active) : []
        if (problems.length) {
          throw new ValidationError(`${row.name}: content type "${id}": ${summarize(problems)}`, problems)
        }
      }
      this.space.ledger.record(row)
    })
  }

  private applyWrite(write: ModelWrite): void {
    const { contentTypes, entries } = this.space
    switch (write.type) {
      case 'saveContentType': {
        const ct = write.contentType
        const existing = contentTypes.find(ct.id)
        // Saving what is already active changes nothing, not even the version.
        if (
          existing?.active &&
          sameDefinition(existing.active, ct) &&
          sameDefinition(existing.contentType, ct)
        )
          return
        const draft = contentTypes.put(ct, existing?.sys.version)
        contentTypes.activate(ct.id, draft.sys.version, { checkLinks: false })
        return
      }
      case 'deleteContentType': {
        // Already gone is done: a re-run of a migration that got this far must not fail here.
        const existing = contentTypes.find(write.id)
        if (!existing) return
        if (existing.active) contentTypes.deactivate(write.id, existing.sys.version)
        contentTypes.delete(write.id)
        return
      }
      case 'saveEditorInterface': {
        const current = contentTypes.getEditorInterface(write.contentTypeId)
        const merged = mergeEditorInterface(current.editorInterface, write.editorInterface)
        if (JSON.stringify(merged) === JSON.stringify(current.editorInterface)) return
        contentTypes.putEditorInterface(write.contentTypeId, merged, current.sys.version)
        return
      }
      case 'putEntry':
        entries.put(write.entry, write.version)
        return
    }
  }

  async getEntries(query: EntryQuery): Promise<Page<EntryView>> {
    return this.space.entries.query(query)
  }

  async getAssets(query: { ids?: string[]; skip?: number; limit?: number }): Promise<Page<AssetView>> {
    return this.space.assets.query(query)
  }

  async putEntry(entry: EntryInput, version?: number): Promise<EntryView> {
    return this.space.entries.put(entry, version)
  }

  async putAsset(asset: AssetInput, version?: number): Promise<AssetView> {
    const { assets, uploads } = this.space
    const file: AssetFile = { fileName: asset.fileName, contentType: asset.contentType }
    if ('bytes' in asset.source) {
      const upload = uploads.create(asset.source.bytes)
      file.uploadFrom = { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } }
    } else {
      file.upload = asset.source.url
    }
    const locale = 'en-US'
    const saved = assets.put(
      {
        id: asset.id,
        fields: {
          title: { [locale]: asset.title },
          ...(asset.description === undefined ? {} : { description: { [locale]: asset.description } }),
          file: { [locale]: file },
        },
      },
      version,
    )
    try {
      return await assets.process(asset.id, saved.sys.version, locale)
    } finally {
      if (file.uploadFrom) uploads.delete(file.uploadFrom.sys.id)
    }
  }

  async publish(items: PublishItem[]): Promise<void> {
    this.space.publishAll(items)
  }

  async unpublish(item: { linkType: 'Entry' | 'Asset'; id: string; version: number }): Promise<void> {
    this.store(item.linkType).unpublish(item.id, item.version)
  }

  async archive(item: { linkType: 'Entry' | 'Asset'; id: string; version: number }): Promise<void> {
    this.store(item.linkType).archive(item.id, item.version)
  }

  private store(linkType: 'Entry' | 'Asset') {
    return linkType === 'Entry' ? this.space.entries : this.space.assets
  }

  async close(): Promise<void> {
    this.space.close()
  }
}

function sameDefinition(a: ContentType, b: ContentType): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** Key order does not make two definitions different. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    )
  }
  return value
}

function describe(write: ModelWrite): string {
  switch (write.type) {
    case 'saveContentType':
      return `saveContentType ${write.contentType.id}`
    case 'deleteContentType':
      return `deleteContentType ${write.id}`
    case 'saveEditorInterface':
      return `saveEditorInterface ${write.contentTypeId}`
    case 'putEntry':
      return `putEntry ${write.entry.id}`
  }
}

/** Prefixes the message with where it happened, keeping the error's class and details. */
function withContext(e: unknown, where: string): unknown {
  if (e instanceof ConflictError || e instanceof ValidationError || e instanceof NotFoundError) {
    e.message = `${where}: ${e.message}`
  }
  return e
}
