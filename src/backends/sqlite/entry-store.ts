// Entries: written against the active content type, validated on publish, queried by content type, ids and
// field values.
import { DEFAULT_LOCALE, type LocalizedFields } from '../../model/contentful-types.ts'
import { NotFoundError, type Page } from '../port.ts'
import type { ContentTypeStore } from './content-type-store.ts'
import {
  baseSys,
  checkLocales,
  type EntityRow,
  EntityStore,
  type EntryQueryOptions,
  type EntryView,
  invalid,
  jsonPath,
  metadataOf,
} from './entity-store.ts'
import { type LocaleStore, requiredLocales } from './locale-store.ts'
import { isoNow, type SpaceDb } from './space-db.ts'
import { indexEntry, isTaken, unindexEntry, uniqueFieldIds } from './unique-index.ts'
import { validateEntry } from './validate-entry.ts'
import { ID_PATTERN } from './validate-model.ts'
import type { ValidationDetail } from './validation-detail.ts'

export interface EntryWrite {
  id: string
  /** Needed to create; when given on update it must match. */
  contentTypeId?: string
  fields: LocalizedFields
  /** `{tags: [links]}`; left as it was when undefined. */
  metadata?: unknown
}

export class EntryStore extends EntityStore<EntryView> {
  constructor(
    s: SpaceDb,
    private readonly contentTypes: ContentTypeStore,
    private readonly locales: LocaleStore,
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
      metadata: metadataOf(r, published),
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
      const problems = checkLocales(
        entry.fields,
        (f) => fieldIds.has(f),
        `content type "${ctId}"`,
        this.locales.codes(),
      )
      const metadata = this.metadataColumn(row, entry.metadata)
      problems.push(...metadata.problems)
      if (problems.length) throw invalid(`entry "${id}" cannot be written`, problems)
      const now = isoNow(this.s)
      const fields = JSON.stringify(entry.fields)
      if (row) {
        this.s
          .sql(
            'UPDATE entries SET fields = ?, metadata = ?, version = version + 1, updated_at = ? WHERE id = ?',
          )
          .run(fields, metadata.value, now, id)
      } else {
        this.s
          .sql(
            `INSERT INTO entries (id, content_type_id, fields, metadata, version, created_at, updated_at)
             VALUES (?, ?, ?, ?, 1, ?, ?)`,
          )
          .run(id, ctId, fields, metadata.value, now, now)
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
      locales: requiredLocales(this.locales.list()),
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
