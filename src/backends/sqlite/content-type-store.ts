// Content types (a draft and an active definition each) and their editor interfaces, with Contentful's
// version rules: every write bumps `version`; activation sets `publishedVersion = version`, then `version + 1`.
import type {
  ContentType,
  ContentTypeRecord,
  Control,
  EditorInterface,
  EditorInterfaceRecord,
} from '../../model/contentful-types.ts'
import { ConflictError, NotFoundError, ValidationError } from '../port.ts'
import { isoNow, type SpaceDb } from './space-db.ts'
import { rebuildUniqueIndex } from './unique-index.ts'
import { checkActivation, checkContentType, linkedContentTypes } from './validate-model.ts'
import { summarize, type ValidationDetail } from './validation-detail.ts'

interface ContentTypeRow {
  id: string
  draft: string
  active: string | null
  version: number
  published_version: number | null
  published_counter: number
  created_at: string
  updated_at: string
  published_at: string | null
  first_published_at: string | null
}

interface EditorInterfaceRow {
  content_type_id: string
  body: string
  version: number
  created_at: string
  updated_at: string
}

export type ContentTypeView = ContentTypeRecord & {
  sys: ContentTypeRecord['sys'] & { publishedCounter: number; firstPublishedAt?: string }
}

function toRecord(r: ContentTypeRow): ContentTypeView {
  return {
    sys: {
      id: r.id,
      type: 'ContentType',
      version: r.version,
      ...(r.published_version === null ? {} : { publishedVersion: r.published_version }),
      publishedCounter: r.published_counter,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      ...(r.published_at === null ? {} : { publishedAt: r.published_at }),
      ...(r.first_published_at === null ? {} : { firstPublishedAt: r.first_published_at }),
    },
    contentType: JSON.parse(r.draft),
    active: r.active === null ? null : JSON.parse(r.active),
  }
}

function toEditorInterface(r: EditorInterfaceRow): EditorInterfaceRecord {
  return {
    sys: {
      id: 'default',
      type: 'EditorInterface',
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      contentType: { sys: { id: r.content_type_id } },
    },
    editorInterface: JSON.parse(r.body),
  }
}

function invalid(what: string, details: ValidationDetail[]): ValidationError {
  return new ValidationError(`${what}: ${summarize(details)}`, details)
}

/** Checks an expected version against the stored one, as `X-Contentful-Version` does. */
export function expectVersion(kind: string, id: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new ConflictError(
      `${kind} "${id}": version ${expected} is stale, the current version is ${current}`,
      id,
    )
  }
}

export class ContentTypeStore {
  constructor(private readonly s: SpaceDb) {}

  private row(id: string): ContentTypeRow | undefined {
    return this.s.sql('SELECT * FROM content_types WHERE id = ?').get(id) as ContentTypeRow | undefined
  }

  private mustRow(id: string): ContentTypeRow {
    const row = this.row(id)
    if (!row) throw new NotFoundError(`content type "${id}" does not exist`)
    return row
  }

  get(id: string): ContentTypeView {
    return toRecord(this.mustRow(id))
  }

  find(id: string): ContentTypeView | null {
    const row = this.row(id)
    return row ? toRecord(row) : null
  }

  /** The active definition, what entries are written and validated against; null when not activated. */
  active(id: string): ContentType | null {
    const row = this.s.sql('SELECT active FROM content_types WHERE id = ?').get(id) as
      | { active: string | null }
      | undefined
    return row?.active ? JSON.parse(row.active) : null
  }

  list(): ContentTypeView[] {
    const rows = this.s.sql('SELECT * FROM content_types ORDER BY created_at, id').all() as ContentTypeRow[]
    return rows.map(toRecord)
  }

  /**
   * Saves the draft. Without `version` it creates and fails when the id exists; with one it updates and fails
   * when the version is stale (HTTP 409 either way).
   */
  put(contentType: ContentType, version?: number): ContentTypeView {
    return this.s.write(() => {
      const id = contentType.id
      const draft: ContentType = { ...contentType }
      const problems = checkContentType(draft)
      if (problems.length) throw invalid(`content type "${id}" is invalid`, problems)
      const now = isoNow(this.s)
      const row = this.row(id)
      if (!row) {
        if (version !== undefined) throw new NotFoundError(`content type "${id}" does not exist`)
        this.s
          .sql(
            'INSERT INTO content_types (id, draft, version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)',
          )
          .run(id, JSON.stringify(draft), now, now)
      } else {
        if (version === undefined) throw new ConflictError(`content type "${id}" already exists`, id)
        expectVersion('content type', id, row.version, version)
        this.s
          .sql('UPDATE content_types SET draft = ?, version = version + 1, updated_at = ? WHERE id = ?')
          .run(JSON.stringify(draft), now, id)
      }
      return this.get(id)
    })
  }

  /**
   * Activates the draft: checks what may change against the active definition and (unless deferred to the
   * end of a migration, where content types may link to each other) that linked content types exist. Deleted
   * fields leave the definition and the entries; the editor interface follows the fields.
   */
  activate(id: string, version: number | undefined, options: { checkLinks?: boolean } = {}): ContentTypeView {
    return this.s.write(() => {
      const row = this.mustRow(id)
      expectVersion('content type', id, row.version, version)
      const draft: ContentType = JSON.parse(row.draft)
      const active: ContentType | null = row.active ? JSON.parse(row.active) : null
      const problems = checkActivation(draft, active)
      if (options.checkLinks !== false) problems.push(...this.checkLinks(draft))
      if (problems.length) throw invalid(`content type "${id}" cannot be activated`, problems)

      const kept = draft.fields.filter((f) => !f.deleted)
      const gone = (active?.fields ?? []).filter((f) => !kept.some((k) => k.id === f.id)).map((f) => f.id)
      for (const fieldId of gone) this.dropEntryField(id, fieldId)
      // A field sent with `newId` is renamed now; entries keep their values under the new id.
      const renames = new Map<string, string>()
      for (const f of kept) if (f.newId && f.newId !== f.id) renames.set(f.id, f.newId)
      for (const [from, to] of renames) this.renameEntryField(id, from, to)
      const next: ContentType = {
        ...draft,
        displayField: renames.get(draft.displayField) ?? draft.displayField,
        fields: kept.map(({ newId, ...f }) => (newId ? { ...f, id: newId } : f)),
      }

      const now = isoNow(this.s)
      this.s
        .sql(
          `UPDATE content_types SET draft = ?, active = ?, published_version = version, version = version + 1,
             published_counter = published_counter + 1, updated_at = ?, published_at = ?,
             first_published_at = COALESCE(first_published_at, ?) WHERE id = ?`,
        )
        .run(JSON.stringify(next), JSON.stringify(next), now, now, now, id)
      this.syncEditorInterface(id, next, renames)
      rebuildUniqueIndex(this.s, next)
      return this.get(id)
    })
  }

  /** Link validations naming content types that do not exist (checked at activation). */
  checkLinks(ct: ContentType): ValidationDetail[] {
    const exists = this.s.sql('SELECT 1 FROM content_types WHERE id = ?')
    return linkedContentTypes(ct)
      .filter((target) => target !== ct.id && !exists.get(target))
      .map((target) => ({
        path: ['fields'],
        name: 'linkContentType',
        message: `links to content type "${target}", which does not exist`,
        value: target,
      }))
  }

  deactivate(id: string, version?: number): ContentTypeView {
    return this.s.write(() => {
      const row = this.mustRow(id)
      expectVersion('content type', id, row.version, version)
      this.refuseWithEntries(id, 'deactivated')
      this.s
        .sql(
          `UPDATE content_types SET active = NULL, published_version = NULL, published_at = NULL,
             version = version + 1, updated_at = ? WHERE id = ?`,
        )
        .run(isoNow(this.s), id)
      return this.get(id)
    })
  }

  /** Deletes a deactivated content type without entries, and its editor interface. */
  delete(id: string): void {
    this.s.write(() => {
      const row = this.mustRow(id)
      if (row.active !== null) {
        throw invalid(`content type "${id}" cannot be deleted`, [
          { path: ['sys', 'id'], name: 'active', message: 'deactivate it first' },
        ])
      }
      this.refuseWithEntries(id, 'deleted')
      this.s.sql('DELETE FROM content_types WHERE id = ?').run(id)
    })
  }

  private refuseWithEntries(id: string, what: string): void {
    const { n } = this.s.sql('SELECT count(*) AS n FROM entries WHERE content_type_id = ?').get(id) as {
      n: number
    }
    if (n > 0) {
      throw invalid(`content type "${id}" cannot be ${what}`, [
        {
          path: ['sys', 'id'],
          name: 'hasEntries',
          message: `it still has ${n} entr${n === 1 ? 'y' : 'ies'}`,
        },
      ])
    }
  }

  private renameEntryField(contentTypeId: string, from: string, to: string): void {
    const [a, b] = [`$.${JSON.stringify(from)}`, `$.${JSON.stringify(to)}`]
    for (const column of ['fields', 'published_fields']) {
      this.s
        .sql(
          `UPDATE entries SET ${column} = json_remove(json_set(${column}, ?, json(json_extract(${column}, ?))), ?)
           WHERE content_type_id = ? AND json_type(${column}, ?) IS NOT NULL`,
        )
        .run(b, a, a, contentTypeId, a)
    }
  }

  private dropEntryField(contentTypeId: string, fieldId: string): void {
    const path = `$.${JSON.stringify(fieldId)}`
    this.s
      .sql(
        `UPDATE entries SET fields = json_remove(fields, ?),
           published_fields = CASE WHEN published_fields IS NULL THEN NULL ELSE json_remove(published_fields, ?) END
         WHERE content_type_id = ?`,
      )
      .run(path, path, contentTypeId)
  }

  // Editor interfaces: one per content type, created at its first activation.

  getEditorInterface(contentTypeId: string): EditorInterfaceRecord {
    const row = this.s.sql('SELECT * FROM editor_interfaces WHERE content_type_id = ?').get(contentTypeId) as
      | EditorInterfaceRow
      | undefined
    if (!row)
      throw new NotFoundError(`content type "${contentTypeId}" has no editor interface (never activated)`)
    return toEditorInterface(row)
  }

  listEditorInterfaces(): EditorInterfaceRecord[] {
    const rows = this.s
      .sql(
        `SELECT e.* FROM editor_interfaces e JOIN content_types c ON c.id = e.content_type_id
         ORDER BY c.created_at, c.id`,
      )
      .all() as EditorInterfaceRow[]
    return rows.map(toEditorInterface)
  }

  /** Replaces the editor interface (a PUT: whatever is not sent is gone) at the expected version. */
  putEditorInterface(
    contentTypeId: string,
    body: EditorInterface,
    version: number | undefined,
  ): EditorInterfaceRecord {
    return this.s.write(() => {
      const current = this.getEditorInterface(contentTypeId)
      expectVersion('editor interface of', contentTypeId, current.sys.version, version)
      const fields = new Set(
        (this.active(contentTypeId) ?? this.get(contentTypeId).contentType).fields.map((f) => f.id),
      )
      const problems: ValidationDetail[] = []
      if (!Array.isArray(body.controls)) {
        problems.push({ path: ['controls'], name: 'type', message: 'controls must be an array' })
      } else {
        body.controls.forEach((c, i) => {
          if (!fields.has(c?.fieldId)) {
            problems.push({
              path: ['controls', i, 'fieldId'],
              name: 'notResolvable',
              message: `no field "${c?.fieldId}" in content type "${contentTypeId}"`,
            })
          }
        })
      }
      if (problems.length) throw invalid(`editor interface of "${contentTypeId}" is invalid`, problems)
      this.s
        .sql(
          'UPDATE editor_interfaces SET body = ?, version = version + 1, updated_at = ? WHERE content_type_id = ?',
        )
        .run(JSON.stringify(body), isoNow(this.s), contentTypeId)
      return this.getEditorInterface(contentTypeId)
    })
  }

  /** Keeps one control per field, in field order, as Contentful does when a content type is activated. */
  private syncEditorInterface(contentTypeId: string, ct: ContentType, renames: Map<string, string>): void {
    const now = isoNow(this.s)
    const row = this.s.sql('SELECT * FROM editor_interfaces WHERE content_type_id = ?').get(contentTypeId) as
      | EditorInterfaceRow
      | undefined
    const body: EditorInterface = row ? JSON.parse(row.body) : { controls: [] }
    const byField = new Map<string, Control>(
      (body.controls ?? []).map((c) => {
        const fieldId = renames.get(c.fieldId) ?? c.fieldId
        return [fieldId, { ...c, fieldId }]
      }),
    )
    const controls = ct.fields.map((f) => byField.get(f.id) ?? { fieldId: f.id })
    if (row && JSON.stringify(controls) === JSON.stringify(body.controls)) return
    const next = JSON.stringify({ ...body, controls })
    if (row) {
      this.s
        .sql(
          'UPDATE editor_interfaces SET body = ?, version = version + 1, updated_at = ? WHERE content_type_id = ?',
        )
        .run(next, now, contentTypeId)
    } else {
      this.s
        .sql(
          `INSERT INTO editor_interfaces (content_type_id, body, version, created_at, updated_at)
           VALUES (?, ?, 1, ?, ?)`,
        )
        .run(contentTypeId, next, now, now)
    }
  }
}
