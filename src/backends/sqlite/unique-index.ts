// The values of `unique` fields among published entries, kept in a table so that checking one publish is an
// index lookup instead of a scan of every published entry's JSON (bulk publishing N entries stays linear).
// Rebuilt from the published entries whenever a content type is activated, since that may add or drop a
// `unique` validation or rename or delete a field.
import type { ContentType, LocalizedFields } from '../../model/contentful-types.ts'
import type { SpaceDb } from './space-db.ts'

export const UNIQUE_DDL = `
CREATE TABLE IF NOT EXISTS unique_values (
  content_type_id TEXT NOT NULL,
  field_id TEXT NOT NULL,
  locale TEXT NOT NULL,
  -- JSON-encoded, so 1 and "1" stay different values.
  value TEXT NOT NULL,
  entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  PRIMARY KEY (content_type_id, field_id, locale, value, entry_id)
);
CREATE INDEX IF NOT EXISTS unique_values_by_entry ON unique_values (entry_id);
`

export function uniqueFieldIds(ct: ContentType): string[] {
  return ct.fields
    .filter((f) => f.type !== 'Array' && f.validations?.some((v) => v.unique === true))
    .map((f) => f.id)
}

/** Records the entry's published values of the unique fields (replacing what it had). */
export function indexEntry(
  s: SpaceDb,
  ctId: string,
  entryId: string,
  fields: LocalizedFields,
  ids: string[],
): void {
  unindexEntry(s, entryId)
  const insert = s.sql(
    'INSERT OR IGNORE INTO unique_values (content_type_id, field_id, locale, value, entry_id) VALUES (?, ?, ?, ?, ?)',
  )
  for (const fieldId of ids) {
    for (const [locale, value] of Object.entries(fields[fieldId] ?? {})) {
      if (value !== null && value !== undefined)
        insert.run(ctId, fieldId, locale, JSON.stringify(value), entryId)
    }
  }
}

export function unindexEntry(s: SpaceDb, entryId: string): void {
  s.sql('DELETE FROM unique_values WHERE entry_id = ?').run(entryId)
}

export function rebuildUniqueIndex(s: SpaceDb, ct: ContentType): void {
  s.sql('DELETE FROM unique_values WHERE content_type_id = ?').run(ct.id)
  const ids = uniqueFieldIds(ct)
  if (ids.length === 0) return
  const rows = s
    .sql(
      'SELECT id, published_fields FROM entries WHERE content_type_id = ? AND published_fields IS NOT NULL',
    )
    .all(ct.id) as { id: string; published_fields: string }[]
  for (const row of rows) indexEntry(s, ct.id, row.id, JSON.parse(row.published_fields), ids)
}

/** Whether a published entry other than `exceptId` holds the value. */
export function isTaken(
  s: SpaceDb,
  ctId: string,
  fieldId: string,
  locale: string,
  value: unknown,
  exceptId: string,
): boolean {
  return (
    s
      .sql(
        `SELECT 1 FROM unique_values WHERE content_type_id = ? AND field_id = ? AND locale = ? AND value = ?
           AND entry_id != ? LIMIT 1`,
      )
      .get(ctId, fieldId, locale, JSON.stringify(value), exceptId) !== undefined
  )
}
