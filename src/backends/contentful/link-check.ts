// Link validations must name content types that exist once the migration is done. Contentful accepts a
// dangling name at activation (types that link to each other are created one after the other), so the check
// is made here, before anything is written.
import type { ContentType } from '../../model/contentful-types.ts'
import { type ModelWrite, ValidationError } from '../port.ts'
import type { Connection } from './client.ts'
import { listContentTypes } from './entity-requests.ts'

export async function checkLinks(conn: Connection, writes: ModelWrite[]): Promise<void> {
  const saved = writes.flatMap((w) => (w.type === 'saveContentType' ? [w.contentType] : []))
  const named = new Set(saved.flatMap((ct) => ct.fields.flatMap(linkedTypes)))
  if (named.size === 0) return
  const deleted = new Set(writes.flatMap((w) => (w.type === 'deleteContentType' ? [w.id] : [])))
  const existing = new Set(saved.map((ct) => ct.id).filter((id) => !deleted.has(id)))
  const missing = [...named].filter((id) => !existing.has(id))
  if (missing.length === 0) return
  const live = await listContentTypes(conn)
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

function linkedTypes(field: ContentType['fields'][number]): string[] {
  const validations = [...(field.validations ?? []), ...(field.items?.validations ?? [])]
  return validations.flatMap((v) => (Array.isArray(v.linkContentType) ? (v.linkContentType as string[]) : []))
}
