// An in-memory ContentBackend for the sync's unit tests: versions, publish, archive and the create-if-absent
// conflict behave as Contentful's do. The tests that count run against the real embedded space as well.
import {
  type AssetInput,
  ConflictError,
  type ContentBackend,
  type EntryInput,
  type EntryQuery,
  NotFoundError,
  type Page,
  type PublishItem,
} from '../../../src/backends/port.ts'
import type { AssetRecord, EntryRecord } from '../../../src/model/contentful-types.ts'

export class MemoryBackend implements ContentBackend {
  readonly description = 'memory'
  readonly entries = new Map<string, EntryRecord>()
  readonly assets = new Map<string, AssetRecord>()
  requests = 0

  async acquireLock() {
    return { acquired: true } as const
  }
  async releaseLock() {}
  async readLedger() {
    return []
  }
  async readModel() {
    return { contentTypes: [], editorInterfaces: [] }
  }
  async applyMigration() {}
  async close() {}

  async getEntries(query: EntryQuery): Promise<Page<EntryRecord>> {
    this.requests++
    let items = [...this.entries.values()]
    if (query.contentTypeId) items = items.filter((e) => e.sys.contentType.sys.id === query.contentTypeId)
    if (query.ids) items = items.filter((e) => query.ids?.includes(e.sys.id))
    const skip = query.skip ?? 0
    const limit = query.limit ?? 100
    return { items: structuredClone(items.slice(skip, skip + limit)), total: items.length, skip, limit }
  }

  async getAssets(query: { ids?: string[]; skip?: number; limit?: number }): Promise<Page<AssetRecord>> {
    this.requests++
    let items = [...this.assets.values()]
    if (query.ids) items = items.filter((a) => query.ids?.includes(a.sys.id))
    const skip = query.skip ?? 0
    const limit = query.limit ?? 100
    return { items: structuredClone(items.slice(skip, skip + limit)), total: items.length, skip, limit }
  }

  async putEntry(entry: EntryInput, version?: number): Promise<EntryRecord> {
    this.requests++
    const now = new Date().toISOString()
    const existing = this.entries.get(entry.id)
    if (existing === undefined && version !== undefined) throw new NotFoundError(`no entry ${entry.id}`)
    if (existing !== undefined && existing.sys.version !== version)
      throw new ConflictError(`version mismatch on ${entry.id}`, entry.id)
    const record: EntryRecord = existing
      ? {
          sys: { ...existing.sys, version: existing.sys.version + 1, updatedAt: now },
          fields: structuredClone(entry.fields),
        }
      : {
          sys: {
            id: entry.id,
            type: 'Entry',
            version: 1,
            createdAt: now,
            updatedAt: now,
            contentType: { sys: { type: 'Link', linkType: 'ContentType', id: entry.contentTypeId } },
          },
          fields: structuredClone(entry.fields),
        }
    this.entries.set(entry.id, record)
    return structuredClone(record)
  }

  async putAsset(asset: AssetInput, version?: number): Promise<AssetRecord> {
    this.requests++
    const now = new Date().toISOString()
    const existing = this.assets.get(asset.id)
    if (existing !== undefined && existing.sys.version !== version)
      throw new ConflictError(`version mismatch on ${asset.id}`, asset.id)
    const record: AssetRecord = {
      sys: {
        id: asset.id,
        type: 'Asset',
        version: (existing?.sys.version ?? 0) + 2,
        createdAt: now,
        updatedAt: now,
      },
      fields: {
        title: { 'en-US': asset.title },
        file: {
          'en-US': { fileName: asset.fileName, contentType: asset.contentType, url: `//assets/${asset.id}` },
        },
      },
    }
    this.assets.set(asset.id, record)
    return structuredClone(record)
  }

  async publish(items: PublishItem[]): Promise<void> {
    this.requests++
    for (const item of items) {
      const record = item.linkType === 'Entry' ? this.entries.get(item.id) : this.assets.get(item.id)
      if (!record) throw new NotFoundError(`no ${item.linkType} ${item.id}`)
      if (record.sys.version !== item.version)
        throw new ConflictError(`version mismatch on ${item.id}`, item.id)
    }
    for (const item of items) {
      const record = (item.linkType === 'Entry' ? this.entries.get(item.id) : this.assets.get(item.id)) as
        | EntryRecord
        | AssetRecord
      record.sys.publishedVersion = record.sys.version
      record.sys.version++
    }
  }

  async unpublish(item: { linkType: 'Entry' | 'Asset'; id: string; version: number }): Promise<void> {
    this.requests++
    const record = item.linkType === 'Entry' ? this.entries.get(item.id) : this.assets.get(item.id)
    if (!record) throw new NotFoundError(item.id)
    if (record.sys.version !== item.version) throw new ConflictError('version mismatch', item.id)
    delete record.sys.publishedVersion
    record.sys.version++
  }

  async archive(item: { linkType: 'Entry' | 'Asset'; id: string; version: number }): Promise<void> {
    this.requests++
    const record = item.linkType === 'Entry' ? this.entries.get(item.id) : this.assets.get(item.id)
    if (!record) throw new NotFoundError(item.id)
    if (record.sys.version !== item.version) throw new ConflictError('version mismatch', item.id)
    record.sys.archivedVersion = record.sys.version
    record.sys.version++
  }
}
