// ContentBackend over the Contentful Management API (plain contentful-management client). Every call goes
// through the connection's scheduler (one HTTP request per call, so retries are exact). A retried write may
// have landed the first time; each write therefore settles a 409 by reading the entity back and accepting it
// when it already holds what was written.
import type { AssetRecord, ContentType, EntryRecord } from '../../model/contentful-types.ts'
import { DEFAULT_LOCALE } from '../../model/contentful-types.ts'
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
import { type Connection, ContentfulApiError } from './client.ts'
import { INTERNAL_TYPES, isInternalType, LEDGER_TYPE, LOCK_ENTRY_ID, LOCK_TYPE } from './internal-types.ts'
import { mergeEditorInterface } from './merge-editor-interface.ts'
import {
  canonical,
  toAssetRecord,
  toContentType,
  toContentTypeRecord,
  toEditorInterface,
  toEditorInterfaceRecord,
  toEntryRecord,
} from './records.ts'

/** Contentful's maximum page size. */
const MAX_PAGE = 1000
/** Responses are capped at 7 MB; pages are shrunk to stay well under it. */
const RESPONSE_BUDGET = 5 * 1024 * 1024
/** Ids per `sys.id[in]` query: keeps URLs far below any proxy's limit. */
const IDS_PER_QUERY = 100
const BULK_MAX = 200
const BULK_IN_FLIGHT = 4

export interface ContentfulBackendOptions {
  /** Polling of asset processing and bulk actions: first wait, doubling up to ~2 s, for at most this long. */
  pollTimeoutMs?: number
  pollFirstWaitMs?: number
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export class ContentfulBackend implements ContentBackend {
  readonly description: string
  private pageLimit = MAX_PAGE
  private internalTypesReady = false
  private internalTypesCreation: Promise<void> | undefined
  private readonly pollTimeoutMs: number
  private readonly pollFirstWaitMs: number

  constructor(
    readonly conn: Connection,
    description: string,
    options: ContentfulBackendOptions = {},
  ) {
    this.description = description
    this.pollTimeoutMs = options.pollTimeoutMs ?? 60_000
    this.pollFirstWaitMs = options.pollFirstWaitMs ?? 150
  }

  // --- lock and ledger: entries of internal content types ---------------------------------------------------

  async acquireLock(holder: LockHolder): Promise<LockResult> {
    for (let round = 0; round < 3; round++) {
      try {
        await this.createEntry({ id: LOCK_ENTRY_ID, contentTypeId: LOCK_TYPE, fields: lockFields(holder) })
        return { acquired: true }
      } catch (err) {
        if (await this.missingInternalTypes(err)) continue
        if (!(err instanceof ConflictError)) throw err
      }
      const current = await this.getEntry(LOCK_ENTRY_ID)
      if (!current) continue
      const held = current.fields.holder?.[DEFAULT_LOCALE] as LockHolder | undefined
      const ours = held?.id === holder.id
      if (ours && held?.expiresAt === holder.expiresAt) return { acquired: true }
      if (!ours && held && Date.parse(held.expiresAt) > Date.now()) return { acquired: false, holder: held }
      // Ours (a refresh) or expired (a killed run): rewrite it, conditional on the version we saw, so that of
      // two runs taking over at once only one wins.
      try {
        await this.updateEntry(
          { id: LOCK_ENTRY_ID, contentTypeId: LOCK_TYPE, fields: lockFields(holder) },
          current.sys.version,
        )
        return { acquired: true }
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err
      }
    }
    const current = await this.getEntry(LOCK_ENTRY_ID)
    const held = current?.fields.holder?.[DEFAULT_LOCALE] as LockHolder | undefined
    if (held) return { acquired: false, holder: held }
    throw new ConflictError('the lock entry keeps changing; try again', LOCK_ENTRY_ID)
  }

  async releaseLock(holderId: string): Promise<void> {
    const current = await this.getEntry(LOCK_ENTRY_ID)
    if (!current) return
    const held = current.fields.holder?.[DEFAULT_LOCALE] as LockHolder | undefined
    if (held?.id !== holderId) return
    try {
      await this.conn.call(
        `DELETE entries/${LOCK_ENTRY_ID}`,
        (c) =>
          c.raw.delete(`${this.envPath()}/entries/${LOCK_ENTRY_ID}`, {
            headers: { 'X-Contentful-Version': current.sys.version },
          }),
        LOCK_ENTRY_ID,
      )
    } catch (err) {
      // Gone already (a retried delete that landed): released.
      if (!(err instanceof NotFoundError)) throw err
    }
  }

  async readLedger(): Promise<LedgerRow[]> {
    const rows: LedgerRow[] = []
    try {
      for await (const entry of this.allEntries({ contentTypeId: LEDGER_TYPE })) {
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

  async readModel(): Promise<ModelSnapshot> {
    const [drafts, actives, editorInterfaces] = await Promise.all([
      this.conn.call('GET content_types', (c) => c.contentType.getMany({ query: { limit: MAX_PAGE } })),
      this.conn.call('GET public/content_types', (c) =>
        c.raw.get(
          `/spaces/${this.conn.config.spaceId}/environments/${this.conn.config.environment}/public/content_types`,
          {
            params: { limit: MAX_PAGE },
          },
        ),
      ),
      this.conn.call('GET editor_interfaces', (c) => c.editorInterface.getMany({})),
    ])
    const activeById = new Map(
      ((actives as { items: { sys: { id: string } }[] }).items ?? []).map((a) => [a.sys.id, a]),
    )
    return {
      contentTypes: drafts.items
        .filter((d) => !isInternalType(d.sys.id))
        .map((d) => toContentTypeRecord(d, activeById.get(d.sys.id))),
      editorInterfaces: editorInterfaces.items
        .filter((ei) => !isInternalType(ei.sys.contentType.sys.id))
        .map(toEditorInterfaceRecord),
    }
  }

  async applyMigration(writes: ModelWrite[], row: LedgerRow): Promise<void> {
    await this.checkLinks(writes)
    for (const write of writes) {
      if (write.type === 'saveContentType') await this.saveContentType(write.contentType)
      else if (write.type === 'deleteContentType') await this.deleteContentType(write.id)
      else if (write.type === 'saveEditorInterface') {
        await this.saveEditorInterface(write.contentTypeId, write.editorInterface)
      } else await this.putEntry(write.entry, write.version)
    }
    await this.recordLedger(row)
  }

  // --- content -------------------------------------------------------------------------------------------

  async getEntries(query: EntryQuery): Promise<Page<EntryRecord>> {
    if (query.ids) return this.entriesByIds(query)
    const skip = query.skip ?? 0
    const limit = Math.min(query.limit ?? 100, this.pageLimit)
    const q: Record<string, unknown> = { skip, limit, order: 'sys.createdAt,sys.id' }
    if (query.contentTypeId) q.content_type = query.contentTypeId
    const page = await this.sizedPage(limit, (l) =>
      this.conn.call('GET entries', (c) => c.entry.getMany({ query: { ...q, limit: l } })),
    )
    return { items: page.items.map(toEntryRecord), total: page.total, skip, limit: page.limit }
  }

  async getAssets(query: { ids?: string[]; skip?: number; limit?: number }): Promise<Page<AssetRecord>> {
    if (query.ids) {
      const items: AssetRecord[] = []
      for (const ids of chunk(query.ids, IDS_PER_QUERY)) {
        const page = await this.conn.call('GET assets', (c) =>
          c.asset.getMany({ query: { 'sys.id[in]': ids.join(','), limit: ids.length } }),
        )
        items.push(...page.items.map(toAssetRecord))
      }
      return { items, total: items.length, skip: 0, limit: items.length }
    }
    const skip = query.skip ?? 0
    const limit = Math.min(query.limit ?? 100, this.pageLimit)
    const page = await this.sizedPage(limit, (l) =>
      this.conn.call('GET assets', (c) =>
        c.asset.getMany({ query: { skip, limit: l, order: 'sys.createdAt,sys.id' } }),
      ),
    )
    return { items: page.items.map(toAssetRecord), total: page.total, skip, limit: page.limit }
  }

  async putEntry(entry: EntryInput, version?: number): Promise<EntryRecord> {
    return version === undefined ? this.createEntry(entry) : this.updateEntry(entry, version)
  }

  async putAsset(asset: AssetInput, version?: number): Promise<AssetRecord> {
    const file: Record<string, unknown> = { fileName: asset.fileName, contentType: asset.contentType }
    if ('url' in asset.source) file.upload = asset.source.url
    else {
      const bytes = asset.source.bytes
      const upload = await this.conn.call(`POST uploads (${asset.id})`, (c) =>
        c.upload.create(
          {},
          {
            file: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
          },
        ),
      )
      file.uploadFrom = { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } }
    }
    const fields: Record<string, Record<string, unknown>> = {
      title: { [DEFAULT_LOCALE]: asset.title },
      file: { [DEFAULT_LOCALE]: file },
    }
    if (asset.description !== undefined) fields.description = { [DEFAULT_LOCALE]: asset.description }

    let saved: AssetRecord
    try {
      saved =
        version === undefined
          ? toAssetRecord(
              await this.conn.call(
                `PUT assets/${asset.id}`,
                (c) => c.asset.createWithId({ assetId: asset.id }, { fields } as never),
                asset.id,
              ),
            )
          : toAssetRecord(
              await this.conn.call(
                `PUT assets/${asset.id}`,
                (c) =>
                  c.asset.update({ assetId: asset.id }, { sys: { id: asset.id, version }, fields } as never),
                asset.id,
              ),
            )
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      const current = await this.getAsset(asset.id)
      // A retried create or update that landed holds exactly our fields (the upload id is unique to this call),
      // one version on.
      const landed =
        current &&
        current.sys.version === (version ?? 0) + 1 &&
        canonical(current.fields) === canonical(fields)
      if (!landed) throw err
      saved = current
    }
    if (!saved.fields.file?.[DEFAULT_LOCALE]?.url) await this.processAsset(saved)
    return this.pollAsset(asset.id)
  }

  async publish(items: PublishItem[]): Promise<void> {
    const batches = chunk(items, BULK_MAX)
    let next = 0
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++] as PublishItem[]
        await this.bulkPublish(batch)
      }
    }
    await Promise.all(Array.from({ length: Math.min(BULK_IN_FLIGHT, batches.length) }, worker))
  }

  async unpublish(item: { linkType: 'Entry' | 'Asset'; id: string; version: number }): Promise<void> {
    const path = item.linkType === 'Entry' ? 'entries' : 'assets'
    try {
      await this.conn.call(
        `DELETE ${path}/${item.id}/published`,
        (c) =>
          c.raw.delete(`${this.envPath()}/${path}/${item.id}/published`, {
            headers: { 'X-Contentful-Version': item.version },
          }),
        item.id,
      )
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      const current = item.linkType === 'Entry' ? await this.getEntry(item.id) : await this.getAsset(item.id)
      // Landed the first time: no longer published, one version on.
      if (!current || current.sys.publishedVersion !== undefined || current.sys.version !== item.version + 1)
        throw err
    }
  }

  async archive(item: { linkType: 'Entry' | 'Asset'; id: string; version: number }): Promise<void> {
    const path = item.linkType === 'Entry' ? 'entries' : 'assets'
    try {
      await this.conn.call(
        `PUT ${path}/${item.id}/archived`,
        (c) =>
          c.raw.put(`${this.envPath()}/${path}/${item.id}/archived`, null, {
            headers: { 'X-Contentful-Version': item.version },
          }),
        item.id,
      )
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      const current = item.linkType === 'Entry' ? await this.getEntry(item.id) : await this.getAsset(item.id)
      if (!current || current.sys.archivedVersion === undefined) throw err
    }
  }

  async close(): Promise<void> {
    this.conn.close()
  }

  // --- internals ----------------------------------------------------------------------------------------

  private envParams() {
    return { spaceId: this.conn.config.spaceId, environmentId: this.conn.config.environment }
  }

  private envPath(): string {
    return `/spaces/${this.conn.config.spaceId}/environments/${this.conn.config.environment}`
  }

  private async getEntry(id: string): Promise<EntryRecord | undefined> {
    try {
      return toEntryRecord(await this.conn.call(`GET entries/${id}`, (c) => c.entry.get({ entryId: id }), id))
    } catch (err) {
      if (err instanceof NotFoundError) return undefined
      throw err
    }
  }

  private async getAsset(id: string): Promise<AssetRecord | undefined> {
    try {
      return toAssetRecord(await this.conn.call(`GET assets/${id}`, (c) => c.asset.get({ assetId: id }), id))
    } catch (err) {
      if (err instanceof NotFoundError) return undefined
      throw err
    }
  }

  private async createEntry(entry: EntryInput): Promise<EntryRecord> {
    try {
      const raw = await this.conn.call(
        `PUT entries/${entry.id}`,
        (c) =>
          c.entry.createWithId({ entryId: entry.id, contentTypeId: entry.contentTypeId }, {
            fields: entry.fields,
          } as never),
        entry.id,
      )
      return toEntryRecord(raw)
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      // Ours if a lost response hid our own create: version 1 with exactly our fields.
      const current = await this.getEntry(entry.id)
      if (current && current.sys.version === 1 && canonical(current.fields) === canonical(entry.fields))
        return current
      throw err
    }
  }

  private async updateEntry(entry: EntryInput, version: number): Promise<EntryRecord> {
    try {
      const raw = await this.conn.call(
        `PUT entries/${entry.id}`,
        (c) =>
          c.entry.update({ entryId: entry.id }, {
            sys: { id: entry.id, version, contentType: { sys: { id: entry.contentTypeId } } },
            fields: entry.fields,
          } as never),
        entry.id,
      )
      return toEntryRecord(raw)
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      const current = await this.getEntry(entry.id)
      if (
        current &&
        current.sys.version === version + 1 &&
        canonical(current.fields) === canonical(entry.fields)
      ) {
        return current
      }
      throw err
    }
  }

  private async *allEntries(query: EntryQuery): AsyncGenerator<EntryRecord> {
    let skip = 0
    for (;;) {
      const page = await this.getEntries({ ...query, skip, limit: MAX_PAGE })
      yield* page.items
      skip += page.items.length
      if (page.items.length === 0 || skip >= page.total) return
    }
  }

  private async entriesByIds(query: EntryQuery): Promise<Page<EntryRecord>> {
    const items: EntryRecord[] = []
    for (const ids of chunk(query.ids ?? [], IDS_PER_QUERY)) {
      const q: Record<string, unknown> = { 'sys.id[in]': ids.join(','), limit: ids.length }
      if (query.contentTypeId) q.content_type = query.contentTypeId
      const page = await this.conn.call('GET entries', (c) => c.entry.getMany({ query: q }))
      items.push(...page.items.map(toEntryRecord))
    }
    return { items, total: items.length, skip: 0, limit: items.length }
  }

  /** Fetches one page; shrinks the page size for later calls when responses near the 7 MB cap. */
  private async sizedPage<T extends { items: unknown[]; total: number }>(
    limit: number,
    fetch: (limit: number) => Promise<T>,
  ): Promise<T & { limit: number }> {
    let l = limit
    for (;;) {
      try {
        const page = await fetch(l)
        const bytes = Buffer.byteLength(JSON.stringify(page.items))
        if (page.items.length > 0 && bytes > RESPONSE_BUDGET / 2) {
          const perItem = bytes / page.items.length
          this.pageLimit = Math.max(1, Math.floor(RESPONSE_BUDGET / 2 / perItem))
        }
        return { ...page, limit: l }
      } catch (err) {
        // Contentful answers 400 "Response size too big" past 7 MB: halve and ask again.
        if (err instanceof ContentfulApiError && err.status === 400 && /size/i.test(err.message) && l > 1) {
          l = Math.max(1, Math.floor(l / 2))
          this.pageLimit = l
          continue
        }
        throw err
      }
    }
  }

  private async saveContentType(wanted: ContentType): Promise<void> {
    for (let round = 0; round < 4; round++) {
      const current = await this.getContentType(wanted.id)
      const body = {
        name: wanted.name,
        description: wanted.description ?? '',
        displayField: wanted.displayField,
        fields: wanted.fields,
      }
      try {
        let version: number
        if (!current) {
          const raw = await this.conn.call(
            `PUT content_types/${wanted.id}`,
            (c) => c.contentType.createWithId({ contentTypeId: wanted.id }, body as never),
            wanted.id,
          )
          version = raw.sys.version
        } else if (canonical(toContentType(current)) !== canonical(normalise(wanted))) {
          const raw = await this.conn.call(
            `PUT content_types/${wanted.id}`,
            (c) => c.contentType.update({ contentTypeId: wanted.id }, { ...body, sys: current.sys } as never),
            wanted.id,
          )
          version = raw.sys.version
        } else if (
          current.sys.publishedVersion !== undefined &&
          current.sys.version === current.sys.publishedVersion + 1
        ) {
          return // already saved and active
        } else version = current.sys.version
        await this.conn.call(
          `PUT content_types/${wanted.id}/published`,
          (c) =>
            c.raw.put(`${this.envPath()}/content_types/${wanted.id}/published`, null, {
              headers: { 'X-Contentful-Version': version },
            }),
          wanted.id,
        )
        return
      } catch (err) {
        // A write that landed before its response was lost: re-read and go again from what is there.
        if (err instanceof ConflictError) continue
        throw err
      }
    }
    throw new ConflictError(`content type ${wanted.id} keeps changing under the migration`, wanted.id)
  }

  private async deleteContentType(id: string): Promise<void> {
    for (let round = 0; round < 4; round++) {
      const current = await this.getContentType(id)
      if (!current) return
      try {
        if (current.sys.publishedVersion !== undefined) {
          await this.conn.call(
            `DELETE content_types/${id}/published`,
            (c) =>
              c.raw.delete(`${this.envPath()}/content_types/${id}/published`, {
                headers: { 'X-Contentful-Version': current.sys.version },
              }),
            id,
          )
          continue
        }
        await this.conn.call(
          `DELETE content_types/${id}`,
          (c) => c.raw.delete(`${this.envPath()}/content_types/${id}`, {}),
          id,
        )
        return
      } catch (err) {
        if (err instanceof ConflictError || err instanceof NotFoundError) continue
        throw err
      }
    }
  }

  private async saveEditorInterface(
    contentTypeId: string,
    wanted: Parameters<typeof mergeEditorInterface>[1],
  ) {
    for (let round = 0; round < 4; round++) {
      let current: Awaited<ReturnType<Connection['client']['editorInterface']['get']>> | undefined
      try {
        current = await this.conn.call(
          `GET content_types/${contentTypeId}/editor_interface`,
          (c) => c.editorInterface.get({ contentTypeId }),
          contentTypeId,
        )
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err
      }
      const before = current ? toEditorInterface(current) : undefined
      const merged = mergeEditorInterface(before, wanted)
      if (before && canonical(before) === canonical(merged)) return
      try {
        await this.conn.call(
          `PUT content_types/${contentTypeId}/editor_interface`,
          (c) =>
            c.editorInterface.update({ contentTypeId }, {
              ...merged,
              sys: { ...(current?.sys ?? {}), version: current?.sys.version ?? 0 },
            } as never),
          contentTypeId,
        )
        return
      } catch (err) {
        if (err instanceof ConflictError) continue
        throw err
      }
    }
    throw new ConflictError(`editor interface of ${contentTypeId} keeps changing`, contentTypeId)
  }

  // biome-ignore lint/suspicious/noExplicitAny: raw API payload
  private async getContentType(id: string): Promise<any | undefined> {
    try {
      return await this.conn.call(
        `GET content_types/${id}`,
        (c) => c.contentType.get({ contentTypeId: id }),
        id,
      )
    } catch (err) {
      if (err instanceof NotFoundError) return undefined
      throw err
    }
  }

  private async recordLedger(row: LedgerRow): Promise<void> {
    const fields = {
      name: { [DEFAULT_LOCALE]: row.name },
      checksum: { [DEFAULT_LOCALE]: row.checksum },
      appliedAt: { [DEFAULT_LOCALE]: row.appliedAt },
    }
    for (let round = 0; round < 2; round++) {
      try {
        await this.createEntry({ id: ledgerId(row.name), contentTypeId: LEDGER_TYPE, fields })
        return
      } catch (err) {
        if (await this.missingInternalTypes(err)) continue
        if (err instanceof ConflictError) {
          const current = await this.getEntry(ledgerId(row.name))
          if (current?.fields.checksum?.[DEFAULT_LOCALE] === row.checksum) return
          throw new ConflictError(`migration ${row.name} is already recorded by another run`, row.name)
        }
        throw err
      }
    }
  }

  /** When a write failed because the internal types are missing, creates them and says to try again. */
  private async missingInternalTypes(err: unknown): Promise<boolean> {
    if (this.internalTypesReady || !isUnknownContentType(err)) return false
    // Concurrent callers share one creation.
    this.internalTypesCreation ??= (async () => {
      for (const ct of INTERNAL_TYPES) await this.saveContentType(ct)
    })()
    try {
      await this.internalTypesCreation
    } finally {
      this.internalTypesCreation = undefined
    }
    this.internalTypesReady = true
    return true
  }

  /**
   * Link validations must name content types that exist once the migration is done. Contentful accepts a
   * dangling name at activation (types that link to each other are created one after the other), so the
   * check is made here, before anything is written.
   */
  private async checkLinks(writes: ModelWrite[]): Promise<void> {
    const saved = writes.flatMap((w) => (w.type === 'saveContentType' ? [w.contentType] : []))
    const named = new Set(saved.flatMap((ct) => ct.fields.flatMap(linkedTypes)))
    if (named.size === 0) return
    const existing = new Set(saved.map((ct) => ct.id))
    for (const w of writes) if (w.type === 'deleteContentType') existing.delete(w.id)
    const missing = [...named].filter((id) => !existing.has(id))
    if (missing.length === 0) return
    const live = await this.conn.call('GET content_types', (c) =>
      c.contentType.getMany({ query: { limit: MAX_PAGE } }),
    )
    const deleted = new Set(writes.flatMap((w) => (w.type === 'deleteContentType' ? [w.id] : [])))
    const unknown = missing.filter((id) => deleted.has(id) || !live.items.some((ct) => ct.sys.id === id))
    if (unknown.length) {
      throw new ValidationError(
        `link validations name content types that do not exist: ${unknown.join(', ')}`,
        unknown.map((id) => ({
          name: 'linkContentType',
          value: id,
          details: `content type "${id}" does not exist`,
        })),
      )
    }
  }

  private async processAsset(asset: AssetRecord): Promise<void> {
    try {
      await this.conn.call(
        `PUT assets/${asset.sys.id}/files/${DEFAULT_LOCALE}/process`,
        (c) =>
          c.raw.put(`${this.envPath()}/assets/${asset.sys.id}/files/${DEFAULT_LOCALE}/process`, null, {
            headers: { 'X-Contentful-Version': asset.sys.version },
          }),
        asset.sys.id,
      )
    } catch (err) {
      // Processing already started (a retried call that landed): polling tells the rest.
      if (!(err instanceof ConflictError)) throw err
    }
  }

  private async pollAsset(id: string): Promise<AssetRecord> {
    const deadline = Date.now() + this.pollTimeoutMs
    let wait = this.pollFirstWaitMs
    for (;;) {
      await sleep(wait)
      const current = await this.getAsset(id)
      if (current?.fields.file?.[DEFAULT_LOCALE]?.url) return current
      if (Date.now() + wait > deadline) {
        throw new ContentfulApiError(
          `asset ${id}: file not processed within ${Math.round(this.pollTimeoutMs / 1000)} s`,
          undefined,
          'ProcessingTimeout',
        )
      }
      wait = Math.min(wait * 2, 2000)
    }
  }

  private async bulkPublish(items: PublishItem[]): Promise<void> {
    const payload = {
      entities: {
        sys: { type: 'Array' as const },
        items: items.map((i) => ({
          sys: { type: 'Link' as const, linkType: i.linkType, id: i.id, version: i.version },
        })),
      },
    }
    const created = await this.conn.call('POST bulk_actions/publish', (c) =>
      c.bulkAction.publish(this.envParams(), payload as never),
    )
    // biome-ignore lint/suspicious/noExplicitAny: bulk action payload
    let action: any = created
    const deadline = Date.now() + this.pollTimeoutMs
    let wait = this.pollFirstWaitMs
    while (action.sys.status !== 'succeeded' && action.sys.status !== 'failed') {
      if (Date.now() > deadline) {
        throw new ContentfulApiError(
          `bulk publish ${created.sys.id} did not finish in time`,
          undefined,
          'Timeout',
        )
      }
      await sleep(wait)
      wait = Math.min(wait * 2, 2000)
      action = await this.conn.call(`GET bulk_actions/actions/${created.sys.id}`, (c) =>
        c.bulkAction.get({ ...this.envParams(), bulkActionId: created.sys.id }),
      )
    }
    if (action.sys.status === 'succeeded') return
    // A failed action may only mean a retried publish already landed: check what is actually published.
    const pending = await this.unpublished(items)
    if (pending.length === 0) return
    const errors = (action.error?.details?.errors ?? []) as unknown[]
    throw new ValidationError(
      `bulk publish failed for ${pending.length} of ${items.length} items: ${pending
        .slice(0, 5)
        .map((p) => `${p.linkType} ${p.id}`)
        .join(', ')}${pending.length > 5 ? ', …' : ''}`,
      errors,
    )
  }

  private async unpublished(items: PublishItem[]): Promise<PublishItem[]> {
    const entries = items.filter((i) => i.linkType === 'Entry')
    const assets = items.filter((i) => i.linkType === 'Asset')
    const published = new Map<string, number | undefined>()
    if (entries.length) {
      for (const e of (await this.getEntries({ ids: entries.map((i) => i.id) })).items) {
        published.set(`Entry:${e.sys.id}`, e.sys.publishedVersion)
      }
    }
    if (assets.length) {
      for (const a of (await this.getAssets({ ids: assets.map((i) => i.id) })).items) {
        published.set(`Asset:${a.sys.id}`, a.sys.publishedVersion)
      }
    }
    return items.filter((i) => published.get(`${i.linkType}:${i.id}`) !== i.version)
  }
}

function lockFields(holder: LockHolder) {
  return { holderId: { [DEFAULT_LOCALE]: holder.id }, holder: { [DEFAULT_LOCALE]: holder } }
}

/** The ledger entry's id is the migration's name, made fit for ids (`[a-zA-Z0-9-_.]{1,64}`) if need be. */
export function ledgerId(name: string): string {
  return name.replace(/[^a-zA-Z0-9-_.]/g, '_').slice(0, 64)
}

function isUnknownContentType(err: unknown): boolean {
  if (err instanceof ValidationError || err instanceof NotFoundError)
    return /content ?type/i.test(err.message)
  return (
    err instanceof ContentfulApiError &&
    (err.status === 400 || err.status === 422) &&
    /content ?type/i.test(err.message)
  )
}

/** What the API echoes back for a content type we sent: defaults filled the same way. */
function normalise(ct: ContentType): ContentType {
  return toContentType({ ...ct, sys: { id: ct.id }, description: ct.description ?? '' })
}

function linkedTypes(field: ContentType['fields'][number]): string[] {
  const validations = [...(field.validations ?? []), ...(field.items?.validations ?? [])]
  return validations.flatMap((v) => (Array.isArray(v.linkContentType) ? (v.linkContentType as string[]) : []))
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
