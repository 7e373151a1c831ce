// Tags, as Contentful's Tags API keeps them: an id, a name unique in the environment, and a visibility
// (`private`: Management API only; `public`: delivered too) fixed when the tag is created. Every write bumps
// `version`; deleting a tag takes it off every entry and asset that carried it.
import { ConflictError, NotFoundError } from '../port.ts'
import { expectVersion } from './content-type-store.ts'
import { invalid } from './entity-store.ts'
import { isoNow, type SpaceDb } from './space-db.ts'
import { ID_PATTERN } from './validate-model.ts'

export type TagVisibility = 'private' | 'public'

export interface TagRecord {
  id: string
  name: string
  visibility: TagVisibility
  version: number
  createdAt: string
  updatedAt: string
}

interface TagRow {
  id: string
  name: string
  visibility: TagVisibility
  version: number
  created_at: string
  updated_at: string
}

const toRecord = (r: TagRow): TagRecord => ({
  id: r.id,
  name: r.name,
  visibility: r.visibility,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export class TagStore {
  constructor(private readonly s: SpaceDb) {}

  find(id: string): TagRecord | null {
    const row = this.s.sql('SELECT * FROM tags WHERE id = ?').get(id) as TagRow | undefined
    return row ? toRecord(row) : null
  }

  get(id: string): TagRecord {
    const tag = this.find(id)
    if (!tag) throw new NotFoundError(`tag "${id}" does not exist`)
    return tag
  }

  list(): TagRecord[] {
    return (this.s.sql('SELECT * FROM tags ORDER BY created_at, id').all() as TagRow[]).map(toRecord)
  }

  /** Creates (no version) or renames (current version) a tag; the visibility is kept from creation. */
  put(id: string, name: unknown, visibility: TagVisibility, version?: number): TagRecord {
    return this.s.write(() => {
      if (typeof name !== 'string' || name.trim() === '' || name.length > 64) {
        throw invalid(`tag "${id}" cannot be written`, [
          { path: ['name'], name: 'size', message: 'name must be 1 to 64 characters' },
        ])
      }
      const taken = this.s.sql('SELECT id FROM tags WHERE name = ? AND id != ?').get(name, id) as
        | { id: string }
        | undefined
      if (taken) {
        throw invalid(`tag "${id}" cannot be written`, [
          { path: ['name'], name: 'taken', message: `the name "${name}" is used by tag "${taken.id}"` },
        ])
      }
      const row = this.find(id)
      const now = isoNow(this.s)
      if (!row) {
        if (version !== undefined) throw new NotFoundError(`tag "${id}" does not exist`)
        if (!ID_PATTERN.test(id))
          throw invalid('bad tag id', [{ path: ['sys', 'id'], name: 'format', message: id }])
        this.s
          .sql(
            'INSERT INTO tags (id, name, visibility, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
          )
          .run(id, name, visibility, now, now)
      } else {
        if (version === undefined) throw new ConflictError(`tag "${id}" already exists`, id)
        expectVersion('tag', id, row.version, version)
        this.s
          .sql('UPDATE tags SET name = ?, version = version + 1, updated_at = ? WHERE id = ?')
          .run(name, now, id)
      }
      return this.get(id)
    })
  }

  /** Deletes a tag and takes it off every entity, drafts and published snapshots alike. */
  delete(id: string, version?: number): void {
    this.s.write(() => {
      const row = this.get(id)
      expectVersion('tag', id, row.version, version)
      for (const table of ['entries', 'assets']) {
        for (const column of ['metadata', 'published_metadata']) {
          this.s
            .sql(
              `UPDATE ${table} SET ${column} = json_set(${column}, '$.tags', (
                 SELECT json_group_array(json(t.value)) FROM json_each(${column}, '$.tags') t
                 WHERE json_extract(t.value, '$.sys.id') != ?))
               WHERE ${column} IS NOT NULL AND EXISTS (
                 SELECT 1 FROM json_each(${column}, '$.tags') t WHERE json_extract(t.value, '$.sys.id') = ?)`,
            )
            .run(id, id)
        }
      }
      this.s.sql('DELETE FROM tags WHERE id = ?').run(id)
    })
  }
}
