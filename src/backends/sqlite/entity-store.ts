// What entries and assets share, with Contentful's version rules. Every write bumps `version`; publishing
// stores a snapshot of the fields (what the Delivery face serves) and sets `publishedVersion = version`, then
// `version + 1`; archived entities reject edits and publishing; published ones must be unpublished to be
// archived or deleted.
import { type AssetRecord, DEFAULT_LOCALE, type EntryRecord } from '../../model/contentful-types.ts'
import { ConflictError, NotFoundError, type Page, ValidationError } from '../port.ts'
import { expectVersion } from './content-type-store.ts'
import { isoNow, type SpaceDb } from './space-db.ts'
import { summarize, type ValidationDetail } from './validation-detail.ts'

export const LOCALES = [DEFAULT_LOCALE]
export const MAX_LIMIT = 1000
export const DEFAULT_LIMIT = 100

export interface EntityRow {
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
  metadata: string | null
  published_metadata: string | null
}

export interface TagLink {
  sys: { type: 'Link'; linkType: 'Tag'; id: string }
}

/** An entity's `metadata`: the tags it carries. */
export interface Metadata {
  tags: TagLink[]
}

/** Sys as stored, with the counters the Delivery face needs (`revision` = `publishedCounter`). */
export interface ExtraSys {
  publishedCounter: number
  firstPublishedAt?: string
  archivedAt?: string
}
export type EntryView = EntryRecord & { sys: EntryRecord['sys'] & ExtraSys; metadata: Metadata }
export type AssetView = AssetRecord & { sys: AssetRecord['sys'] & ExtraSys; metadata: Metadata }

/** The stored metadata of a row (its draft, or what was published), `{tags: []}` when it has none. */
export function metadataOf(r: EntityRow, published: boolean): Metadata {
  const raw = published ? r.published_metadata : r.metadata
  return raw ? (JSON.parse(raw) as Metadata) : { tags: [] }
}

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

export function baseSys(r: EntityRow): ExtraSys & Omit<EntryRecord['sys'], 'type' | 'contentType'> {
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

export function invalid(message: string, details: ValidationDetail[]): ValidationError {
  return new ValidationError(`${message}: ${summarize(details)}`, details)
}

export const jsonPath = (...keys: string[]) => `$${keys.map((k) => `.${JSON.stringify(k)}`).join('')}`

export abstract class EntityStore<R> {
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
             first_published_at = COALESCE(first_published_at, ?), published_metadata = metadata WHERE id = ?`,
        )
        .run(now, now, now, id)
      this.recordChange(row, 'publish', now)
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
             published_metadata = NULL, version = version + 1, updated_at = ? WHERE id = ?`,
        )
        .run(isoNow(this.s), id)
      this.recordChange(row, 'unpublish', isoNow(this.s))
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

  /** Appends to the log the Sync API reads its deltas from. */
  private recordChange(row: EntityRow, change: 'publish' | 'unpublish', at: string): void {
    this.s
      .sql(
        'INSERT INTO delivery_changes (entity_type, entity_id, content_type_id, change, at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(this.kind, row.id, row.content_type_id ?? null, change, at)
  }

  /**
   * The metadata column a write stores: the given metadata, checked (every tag link names a tag of this
   * environment), or what the entity had when the body carried none.
   */
  protected metadataColumn(
    row: EntityRow | undefined,
    given: unknown,
  ): { value: string | null; problems: ValidationDetail[] } {
    if (given === undefined) return { value: row?.metadata ?? null, problems: [] }
    const tags = (given as { tags?: unknown } | null)?.tags
    if (given === null || typeof given !== 'object' || (tags !== undefined && !Array.isArray(tags))) {
      return {
        value: null,
        problems: [{ path: ['metadata'], name: 'type', message: 'metadata must be {"tags": [links]}' }],
      }
    }
    const problems: ValidationDetail[] = []
    const links: TagLink[] = []
    const exists = this.s.sql('SELECT 1 FROM tags WHERE id = ?')
    for (const [i, link] of ((tags ?? []) as unknown[]).entries()) {
      const sys = (link as { sys?: { type?: unknown; linkType?: unknown; id?: unknown } } | null)?.sys
      if (sys?.type !== 'Link' || sys.linkType !== 'Tag' || typeof sys.id !== 'string') {
        problems.push({
          path: ['metadata', 'tags', String(i)],
          name: 'type',
          message: 'expected a link to a Tag',
        })
      } else if (!exists.get(sys.id)) {
        problems.push({
          path: ['metadata', 'tags', String(i)],
          name: 'notResolvable',
          message: `tag "${sys.id}" does not exist`,
        })
      } else if (!links.some((l) => l.sys.id === sys.id)) {
        links.push({ sys: { type: 'Link', linkType: 'Tag', id: sys.id } })
      }
    }
    return { value: JSON.stringify({ tags: links }), problems }
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
export function checkLocales(
  fields: unknown,
  known: (id: string) => boolean,
  prefix: string,
  locales: string[] = LOCALES,
): ValidationDetail[] {
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
        if (!locales.includes(locale)) {
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
