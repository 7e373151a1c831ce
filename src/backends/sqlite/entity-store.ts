// Entries, assets and uploads with Contentful's version rules. Every write bumps `version`; publishing stores
// a snapshot of the fields (what the Delivery face serves) and sets `publishedVersion = version`, then
// `version + 1`; archived entities reject edits and publishing; published ones must be unpublished to be
// archived or deleted.
import { createHash, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import {
  type AssetFile,
  type AssetRecord,
  DEFAULT_LOCALE,
  type EntryRecord,
  type LocalizedFields,
} from '../../model/contentful-types.ts'
import { ConflictError, NotFoundError, type Page, ValidationError } from '../port.ts'
import { type ContentTypeStore, expectVersion } from './content-type-store.ts'
import { imageSize } from './image-size.ts'
import { isoNow, type SpaceDb } from './space-db.ts'
import { indexEntry, isTaken, unindexEntry, uniqueFieldIds } from './unique-index.ts'
import { validateEntry } from './validate-entry.ts'
import { ID_PATTERN } from './validate-model.ts'
import { summarize, type ValidationDetail } from './validation-detail.ts'

export const LOCALES = [DEFAULT_LOCALE]
export const MAX_LIMIT = 1000
const DEFAULT_LIMIT = 100

interface EntityRow {
  id: string
  content_type_id?: string
  fields: string
  version: number
  published_version: number | null
  archived_version: number | null
  published_counter: number
  created_at: string
  updated_at: string
  published_at: string | null
  first_published_at: string | null
  archived_at: string | null
  published_fields: string | null
}

/** Sys as stored, with the counters the Delivery face needs (`revision` = `publishedCounter`). */
export interface ExtraSys {
  publishedCounter: number
  firstPublishedAt?: string
  archivedAt?: string
}
export type EntryView = EntryRecord & { sys: EntryRecord['sys'] & ExtraSys }
export type AssetView = AssetRecord & { sys: AssetRecord['sys'] & ExtraSys }

export interface EntityQuery {
  ids?: string[]
  skip?: number
  limit?: number
  /** Only published entities, with their published fields (what the Delivery API serves). */
  published?: boolean
}

export interface EntryQueryOptions extends EntityQuery {
  contentTypeId?: string
  /**
   * Equality on fields in the default locale, as `fields.<id>=value` does: `{ slug: 'a' }`,
   * `{ 'ctaBanner.sys.id': 'x' }`; on an array field it matches when any item is equal. Needs `contentTypeId`.
   */
  fields?: Record<string, string | number | boolean>
}

function baseSys(r: EntityRow): ExtraSys & Omit<EntryRecord['sys'], 'type' | 'contentType'> {
  return {
    id: r.id,
    version: r.version,
    ...(r.published_version === null ? {} : { publishedVersion: r.published_version }),
    ...(r.archived_version === null ? {} : { archivedVersion: r.archived_version }),
    publishedCounter: r.published_counter,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.published_at === null ? {} : { publishedAt: r.published_at }),
    ...(r.first_published_at === null ? {} : { firstPublishedAt: r.first_published_at }),
    ...(r.archived_at === null ? {} : { archivedAt: r.archived_at }),
  }
}

function invalid(message: string, details: ValidationDetail[]): ValidationError {
  return new ValidationError(`${message}: ${summarize(details)}`, details)
}

const jsonPath = (...keys: string[]) => `$${keys.map((k) => `.${JSON.stringify(k)}`).join('')}`

abstract class EntityStore<R> {
  constructor(
    protected readonly s: SpaceDb,
    private readonly table: 'entries' | 'assets',
    protected readonly kind: 'Entry' | 'Asset',
  ) {}

  protected abstract toRecord(row: EntityRow, published: boolean): R
  /** Problems that stop the row's current fields from being published. */
  protected abstract publishProblems(row: EntityRow): ValidationDetail[]

  protected row(id: string): EntityRow | undefined {
    return this.s.sql(`SELECT * FROM ${this.table} WHERE id = ?`).get(id) as EntityRow | undefined
  }

  protected mustRow(id: string): EntityRow {
    const row = this.row(id)
    if (!row) throw new NotFoundError(`${this.kind.toLowerCase()} "${id}" does not exist`)
    return row
  }

  get(id: string): R {
    return this.toRecord(this.mustRow(id), false)
  }

  find(id: string): R | null {
    const row = this.row(id)
    return row ? this.toRecord(row, false) : null
  }

  /** The published snapshot, or null when the entity is not published. */
  findPublished(id: string): R | null {
    const row = this.row(id)
    return row && row.published_fields !== null ? this.toRecord(row, true) : null
  }

  protected what(id: string): string {
    return `${this.kind.toLowerCase()} "${id}"`
  }

  private refuseArchived(row: EntityRow, action: string): void {
    if (row.archived_version !== null) {
      throw invalid(`${this.what(row.id)} cannot be ${action}`, [
        { path: ['sys', 'archivedVersion'], name: 'archived', message: 'it is archived; unarchive it first' },
      ])
    }
  }

  private refusePublished(row: EntityRow, action: string): void {
    if (row.published_version !== null) {
      throw invalid(`${this.what(row.id)} cannot be ${action}`, [
        {
          path: ['sys', 'publishedVersion'],
          name: 'published',
          message: 'it is published; unpublish it first',
        },
      ])
    }
  }

  /** Checks an update may happen: the entity exists, the version is current, it is not archived. */
  protected checkWritable(row: EntityRow, version: number | undefined): void {
    if (version === undefined) throw new ConflictError(`${this.what(row.id)} already exists`, row.id)
    expectVersion(this.kind.toLowerCase(), row.id, row.version, version)
    this.refuseArchived(row, 'edited')
  }

  publish(id: string, version?: number): R {
    return this.s.write(() => {
      const row = this.mustRow(id)
      expectVersion(this.kind.toLowerCase(), id, row.version, version)
      this.refuseArchived(row, 'published')
      const problems = this.publishProblems(row)
      if (problems.length) throw invalid(`${this.what(id)} failed validation`, problems)
      const now = isoNow(this.s)
      this.s
        .sql(
          `UPDATE ${this.table} SET published_fields = fields, published_version = version, version = version + 1,
             published_counter = published_counter + 1, published_at = ?, updated_at = ?,
             first_published_at = COALESCE(first_published_at, ?) WHERE id = ?`,
        )
        .run(now, now, now, id)
      this.afterPublish(id)
      return this.get(id)
    })
  }

  unpublish(id: string, version?: number): R {
    return this.s.write(() => {
      const row = this.mustRow(id)
      expectVersion(this.kind.toLowerCase(), id, row.version, version)
      if (row.published_version === null) {
        throw invalid(`${this.what(id)} cannot be unpublished`, [
          { path: ['sys', 'publishedVersion'], name: 'notPublished', message: 'it is not published' },
        ])
      }
      this.s
        .sql(
          `UPDATE ${this.table} SET published_fields = NULL, published_version = NULL, published_at = NULL,
             version = version + 1, updated_at = ? WHERE id = ?`,
        )
        .run(isoNow(this.s), id)
      this.afterUnpublish(id)
      return this.get(id)
    })
  }

  archive(id: string, version?: number): R {
    return this.s.write(() => {
      const row = this.mustRow(id)
      expectVersion(this.kind.toLowerCase(), id, row.version, version)
      this.refusePublished(row, 'archived')
      this.refuseArchived(row, 'archived again')
      this.s
        .sql(
          `UPDATE ${this.table} SET archived_version = version, version = version + 1, archived_at = ?,
             updated_at = ? WHERE id = ?`,
        )
        .run(isoNow(this.s), isoNow(this.s), id)
      return this.get(id)
    })
  }

  unarchive(id: string, version?: number): R {
    return this.s.write(() => {
      const row = this.mustRow(id)
      expectVersion(this.kind.toLowerCase(), id, row.version, version)
      if (row.archived_version === null) {
        throw invalid(`${this.what(id)} cannot be unarchived`, [
          { path: ['sys', 'archivedVersion'], name: 'notArchived', message: 'it is not archived' },
        ])
      }
      this.s
        .sql(
          `UPDATE ${this.table} SET archived_version = NULL, archived_at = NULL, version = version + 1,
             updated_at = ? WHERE id = ?`,
        )
        .run(isoNow(this.s), id)
      return this.get(id)
    })
  }

  delete(id: string, version?: number): void {
    this.s.write(() => {
      const row = this.mustRow(id)
      expectVersion(this.kind.toLowerCase(), id, row.version, version)
      this.refusePublished(row, 'deleted')
      this.s.sql(`DELETE FROM ${this.table} WHERE id = ?`).run(id)
      this.afterDelete(id)
    })
  }

  protected afterDelete(_id: string): void {}
  protected afterPublish(_id: string): void {}
  protected afterUnpublish(_id: string): void {}

  /** One page, ordered by creation time then id (stable under concurrent inserts of later entities). */
  protected page(where: string[], params: unknown[], q: EntityQuery): Page<R> {
    const skip = q.skip ?? 0
    const limit = q.limit ?? DEFAULT_LIMIT
    if (!Number.isInteger(skip) || skip < 0)
      throw invalid('bad query', [bad('skip', 'a non-negative integer')])
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
      throw invalid('bad query', [bad('limit', `an integer from 0 to ${MAX_LIMIT}`)])
    }
    const all = [...where]
    const args = [...params]
    if (q.published) all.push('published_fields IS NOT NULL')
    if (q.ids) {
      all.push(`id IN (SELECT value FROM json_each(?))`)
      args.push(JSON.stringify(q.ids))
    }
    const clause = all.length ? `WHERE ${all.join(' AND ')}` : ''
    const { total } = this.s.sql(`SELECT count(*) AS total FROM ${this.table} ${clause}`).get(...args) as {
      total: number
    }
    const rows = this.s
      .sql(`SELECT * FROM ${this.table} ${clause} ORDER BY created_at, id LIMIT ? OFFSET ?`)
      .all(...args, limit, skip) as EntityRow[]
    return { items: rows.map((r) => this.toRecord(r, q.published === true)), total, skip, limit }
  }
}

const bad = (name: string, expected: string): ValidationDetail => ({
  path: ['query', name],
  name: 'range',
  message: `${name} must be ${expected}`,
})

/** Locale-keyed values, each locale one the space knows. */
function checkLocales(fields: unknown, known: (id: string) => boolean, prefix: string): ValidationDetail[] {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    return [{ path: ['fields'], name: 'type', message: 'fields must be an object' }]
  }
  const problems: ValidationDetail[] = []
  for (const [id, values] of Object.entries(fields)) {
    if (!known(id)) {
      problems.push({ path: ['fields', id], name: 'unknown', message: `no field "${id}" in ${prefix}` })
    } else if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      problems.push({ path: ['fields', id], name: 'type', message: 'expected an object keyed by locale' })
    } else {
      for (const locale of Object.keys(values)) {
        if (!LOCALES.includes(locale)) {
          problems.push({
            path: ['fields', id, locale],
            name: 'unknownLocale',
            message: `unknown locale "${locale}"`,
          })
        }
      }
    }
  }
  return problems
}

export interface EntryWrite {
  id: string
  /** Needed to create; when given on update it must match. */
  contentTypeId?: string
  fields: LocalizedFields
}

export class EntryStore extends EntityStore<EntryView> {
  constructor(
    s: SpaceDb,
    private readonly contentTypes: ContentTypeStore,
  ) {
    super(s, 'entries', 'Entry')
  }

  protected toRecord(r: EntityRow, published: boolean): EntryView {
    return {
      sys: {
        ...baseSys(r),
        type: 'Entry',
        contentType: { sys: { type: 'Link', linkType: 'ContentType', id: r.content_type_id as string } },
      },
      fields: JSON.parse(published ? (r.published_fields as string) : r.fields),
    }
  }

  /**
   * Creates (no `version`: a taken id is a ConflictError) or replaces the fields (stale `version`: a
   * ConflictError). Fields must belong to the active content type; values are checked on publish.
   */
  put(entry: EntryWrite, version?: number): EntryView {
    return this.s.write(() => {
      const { id } = entry
      const row = this.row(id)
      const ctId = row?.content_type_id ?? entry.contentTypeId
      if (row) {
        this.checkWritable(row, version)
        if (entry.contentTypeId !== undefined && entry.contentTypeId !== row.content_type_id) {
          throw invalid(`entry "${id}" cannot change content type`, [
            { path: ['sys', 'contentType'], name: 'in', message: `it is a ${row.content_type_id}` },
          ])
        }
      } else {
        if (version !== undefined) throw new NotFoundError(`entry "${id}" does not exist`)
        if (!ID_PATTERN.test(id))
          throw invalid('bad entry id', [{ path: ['sys', 'id'], name: 'format', message: id }])
      }
      if (ctId === undefined) {
        throw invalid(`entry "${id}" needs a content type`, [
          { path: ['sys', 'contentType'], name: 'required', message: 'content type is required to create' },
        ])
      }
      const ct = this.contentTypes.active(ctId)
      if (!ct) {
        throw invalid(`entry "${id}" cannot be written`, [
          {
            path: ['sys', 'contentType'],
            name: 'notResolvable',
            message: `content type "${ctId}" is not active`,
          },
        ])
      }
      const fieldIds = new Set(ct.fields.map((f) => f.id))
      const problems = checkLocales(entry.fields, (f) => fieldIds.has(f), `content type "${ctId}"`)
      if (problems.length) throw invalid(`entry "${id}" cannot be written`, problems)
      const now = isoNow(this.s)
      const fields = JSON.stringify(entry.fields)
      if (row) {
        this.s
          .sql('UPDATE entries SET fields = ?, version = version + 1, updated_at = ? WHERE id = ?')
          .run(fields, now, id)
      } else {
        this.s
          .sql(
            `INSERT INTO entries (id, content_type_id, fields, version, created_at, updated_at)
             VALUES (?, ?, ?, 1, ?, ?)`,
          )
          .run(id, ctId, fields, now, now)
      }
      return this.get(id)
    })
  }

  protected publishProblems(row: EntityRow): ValidationDetail[] {
    const ctId = row.content_type_id as string
    const ct = this.contentTypes.active(ctId)
    if (!ct) {
      return [
        {
          path: ['sys', 'contentType'],
          name: 'notResolvable',
          message: `content type "${ctId}" is not active`,
        },
      ]
    }
    const entryType = this.s.sql('SELECT content_type_id AS t FROM entries WHERE id = ?')
    const assetMime = this.s.sql('SELECT json_extract(fields, ?) AS m FROM assets WHERE id = ?')
    return validateEntry(ct, JSON.parse(row.fields), {
      locales: LOCALES,
      entryContentType: (id) => (entryType.get(id) as { t: string } | undefined)?.t,
      assetMimeType: (id) => {
        const r = assetMime.get(jsonPath('file', DEFAULT_LOCALE, 'contentType'), id) as
          | { m: string | null }
          | undefined
        return r === undefined ? undefined : (r.m ?? '')
      },
      isTaken: (fieldId, locale, value) => isTaken(this.s, ctId, fieldId, locale, value, row.id),
    })
  }

  protected override afterPublish(id: string): void {
    const row = this.mustRow(id)
    const ctId = row.content_type_id as string
    const ct = this.contentTypes.active(ctId)
    if (ct) indexEntry(this.s, ctId, id, JSON.parse(row.fields), uniqueFieldIds(ct))
  }

  protected override afterUnpublish(id: string): void {
    unindexEntry(this.s, id)
  }

  query(q: EntryQueryOptions = {}): Page<EntryView> {
    const where: string[] = []
    const params: unknown[] = []
    if (q.contentTypeId !== undefined) {
      where.push('content_type_id = ?')
      params.push(q.contentTypeId)
    }
    const filters = Object.entries(q.fields ?? {})
    if (filters.length) {
      if (q.contentTypeId === undefined) {
        throw invalid('bad query', [
          { path: ['query', 'content_type'], name: 'required', message: 'field filters need a content type' },
        ])
      }
      const ct =
        this.contentTypes.active(q.contentTypeId) ?? this.contentTypes.get(q.contentTypeId).contentType
      const column = q.published ? 'published_fields' : 'fields'
      for (const [key, raw] of filters) {
        const [fieldId = '', ...rest] = key.split('.')
        const field = ct.fields.find((f) => f.id === fieldId)
        if (!field) {
          throw invalid('bad query', [
            {
              path: ['query', `fields.${key}`],
              name: 'unknown',
              message: `no field "${fieldId}" in ${ct.id}`,
            },
          ])
        }
        const scalarType = field.type === 'Array' ? field.items?.type : field.type
        const value = coerce(rest.length ? 'Symbol' : scalarType, raw)
        const at = jsonPath(fieldId, DEFAULT_LOCALE)
        const inner = rest.length ? jsonPath(...rest) : '$'
        if (field.type === 'Array') {
          if (rest.length) {
            where.push(`EXISTS (SELECT 1 FROM json_each(${column}, ?) j WHERE json_extract(j.value, ?) = ?)`)
            params.push(at, inner, value)
          } else {
            where.push(`EXISTS (SELECT 1 FROM json_each(${column}, ?) j WHERE j.value = ?)`)
            params.push(at, value)
          }
        } else {
          where.push(`json_extract(${column}, ?) = ?`)
          params.push(rest.length ? `${at}${inner.slice(1)}` : at, value)
        }
      }
    }
    return this.page(where, params, q)
  }
}

/** Query strings arrive as text; compare them as the field's stored type. */
function coerce(type: string | undefined, value: string | number | boolean): string | number {
  if (type === 'Integer' || type === 'Number') return Number(value)
  if (type === 'Boolean') return value === true || value === 'true' ? 1 : 0
  return String(value)
}

export interface AssetWrite {
  id: string
  fields: AssetRecord['fields']
}

const REJECTED_TYPES = /^(text\/html|application\/(x-)?javascript|text\/javascript)\b/i

export class AssetStore extends EntityStore<AssetView> {
  constructor(
    s: SpaceDb,
    private readonly uploads: UploadStore,
    private readonly spaceId: string,
  ) {
    super(s, 'assets', 'Asset')
  }

  protected toRecord(r: EntityRow, published: boolean): AssetView {
    return {
      sys: { ...baseSys(r), type: 'Asset' },
      fields: JSON.parse(published ? (r.published_fields as string) : r.fields),
    }
  }

  /** Creates (no `version`) or replaces (current `version`) an asset's fields; the file is processed apart. */
  put(asset: AssetWrite, version?: number): AssetView {
    return this.s.write(() => {
      const { id } = asset
      const row = this.row(id)
      if (row) this.checkWritable(row, version)
      else {
        if (version !== undefined) throw new NotFoundError(`asset "${id}" does not exist`)
        if (!ID_PATTERN.test(id))
          throw invalid('bad asset id', [{ path: ['sys', 'id'], name: 'format', message: id }])
      }
      const problems = checkLocales(
        asset.fields,
        (f) => ['title', 'description', 'file'].includes(f),
        'assets',
      )
      for (const [locale, file] of Object.entries(asset.fields.file ?? {})) {
        if (typeof file?.fileName !== 'string' || typeof file?.contentType !== 'string') {
          problems.push({
            path: ['fields', 'file', locale],
            name: 'type',
            message: 'file needs fileName and contentType',
          })
        }
      }
      if (problems.length) throw invalid(`asset "${id}" cannot be written`, problems)
      const now = isoNow(this.s)
      const fields = JSON.stringify(asset.fields)
      if (row) {
        this.s
          .sql('UPDATE assets SET fields = ?, version = version + 1, updated_at = ? WHERE id = ?')
          .run(fields, now, id)
      } else {
        this.s
          .sql('INSERT INTO assets (id, fields, version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)')
          .run(id, fields, now, now)
      }
      return this.get(id)
    })
  }

  /**
   * Processes the file of one locale: takes the bytes from its upload (or fetches its `upload` url), stores
   * them under `/assets/<spaceId>/<assetId>/<sha256 prefix>/<fileName>`, and sets `url` and `details`.
   * Already processed files are left alone.
   */
  async process(id: string, version?: number, locale = DEFAULT_LOCALE): Promise<AssetView> {
    const before = this.mustRow(id)
    expectVersion('asset', id, before.version, version)
    const file = (JSON.parse(before.fields) as AssetRecord['fields']).file?.[locale]
    if (!file) {
      throw invalid(`asset "${id}" has no file to process`, [
        { path: ['fields', 'file', locale], name: 'required', message: 'no file in this locale' },
      ])
    }
    if (file.url && !file.upload && !file.uploadFrom) return this.get(id)
    if (REJECTED_TYPES.test(file.contentType)) {
      throw invalid(`asset "${id}" cannot be processed`, [
        {
          path: ['fields', 'file', locale, 'contentType'],
          name: 'in',
          message: `${file.contentType} is not allowed`,
        },
      ])
    }
    const bytes = await this.fileBytes(id, file)
    const hash = createHash('sha256').update(bytes).digest('hex')
    const url = `/assets/${this.spaceId}/${id}/${hash.slice(0, 16)}/${encodeURIComponent(file.fileName)}`
    const size = imageSize(bytes)
    const processed: AssetFile = {
      fileName: file.fileName,
      contentType: file.contentType,
      url,
      details: { size: bytes.byteLength, ...(size ? { image: size } : {}) },
    }
    return this.s.write(() => {
      // The fetch was asynchronous: another writer may have changed the asset meanwhile.
      const row = this.mustRow(id)
      expectVersion('asset', id, row.version, before.version)
      const fields = JSON.parse(row.fields) as AssetRecord['fields']
      fields.file = { ...fields.file, [locale]: processed }
      this.s
        .sql(
          'INSERT OR IGNORE INTO files (path, asset_id, content_type, bytes, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(url, id, file.contentType, bytes, isoNow(this.s))
      this.s
        .sql('UPDATE assets SET fields = ?, version = version + 1, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(fields), isoNow(this.s), id)
      return this.get(id)
    })
  }

  private async fileBytes(id: string, file: AssetFile): Promise<Buffer> {
    if (file.uploadFrom) return this.uploads.bytes(file.uploadFrom.sys.id)
    if (!file.upload) {
      throw invalid(`asset "${id}" cannot be processed`, [
        { path: ['fields', 'file'], name: 'required', message: 'the file has neither upload nor uploadFrom' },
      ])
    }
    const url = new URL(file.upload)
    if (url.protocol === 'file:') return readFile(fileURLToPath(url))
    const response = await fetch(url)
    if (!response.ok) {
      throw invalid(`asset "${id}" cannot be processed`, [
        {
          path: ['fields', 'file', 'upload'],
          name: 'notResolvable',
          message: `${file.upload}: ${response.status}`,
        },
      ])
    }
    return Buffer.from(await response.arrayBuffer())
  }

  protected publishProblems(row: EntityRow): ValidationDetail[] {
    const files = (JSON.parse(row.fields) as AssetRecord['fields']).file ?? {}
    const problems: ValidationDetail[] = []
    for (const locale of LOCALES) {
      if (!files[locale]?.url) {
        problems.push({
          path: ['fields', 'file', locale],
          name: 'required',
          message: 'a processed file is required',
        })
      }
    }
    return problems
  }

  protected override afterDelete(id: string): void {
    this.s.sql('DELETE FROM files WHERE asset_id = ?').run(id)
  }

  query(q: EntityQuery = {}): Page<AssetView> {
    return this.page([], [], q)
  }

  /** The bytes behind a processed file's url, for the HTTP face to serve. */
  file(path: string): { bytes: Buffer; contentType: string } | null {
    const row = this.s.sql('SELECT bytes, content_type FROM files WHERE path = ?').get(path) as
      | { bytes: Buffer; content_type: string }
      | undefined
    return row ? { bytes: row.bytes, contentType: row.content_type } : null
  }
}

export interface UploadView {
  sys: { id: string; type: 'Upload'; createdAt: string; expiresAt: string }
}

const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000

/** Uploaded bytes waiting to be processed into an asset; they expire after a day, as on Contentful. */
export class UploadStore {
  constructor(private readonly s: SpaceDb) {}

  create(bytes: Uint8Array): UploadView {
    return this.s.write(() => {
      const now = this.s.now()
      this.s.sql('DELETE FROM uploads WHERE expires_at <= ?').run(now.toISOString())
      const id = randomUUID().replaceAll('-', '')
      const expiresAt = new Date(now.getTime() + UPLOAD_TTL_MS).toISOString()
      this.s
        .sql('INSERT INTO uploads (id, bytes, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run(id, Buffer.from(bytes), now.toISOString(), expiresAt)
      return { sys: { id, type: 'Upload', createdAt: now.toISOString(), expiresAt } }
    })
  }

  get(id: string): UploadView {
    const row = this.s.sql('SELECT created_at, expires_at FROM uploads WHERE id = ?').get(id) as
      | { created_at: string; expires_at: string }
      | undefined
    if (!row) throw new NotFoundError(`upload "${id}" does not exist`)
    return { sys: { id, type: 'Upload', createdAt: row.created_at, expiresAt: row.expires_at } }
  }

  bytes(id: string): Buffer {
    const row = this.s.sql('SELECT bytes FROM uploads WHERE id = ?').get(id) as { bytes: Buffer } | undefined
    if (!row) throw new NotFoundError(`upload "${id}" does not exist`)
    return row.bytes
  }

  delete(id: string): void {
    this.s.write(() => this.s.sql('DELETE FROM uploads WHERE id = ?').run(id))
  }
}
