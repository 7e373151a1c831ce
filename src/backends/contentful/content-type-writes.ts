// A migration's content type writes: save (create or update, then activate) and delete (deactivate, then
// delete). Each reads the type first and goes from what is there, so a write whose response was lost is
// settled by the next round instead of failing the migration.
import type { ContentType } from '../../model/contentful-types.ts'
import { ConflictError, NotFoundError } from '../port.ts'
import type { Connection } from './client.ts'
import { getContentType, versioned } from './entity-requests.ts'
import { canonical, toContentType } from './records.ts'

const ROUNDS = 4

export async function saveContentType(conn: Connection, wanted: ContentType): Promise<void> {
  const id = wanted.id
  const body = {
    name: wanted.name,
    description: wanted.description ?? '',
    displayField: wanted.displayField,
    fields: wanted.fields,
  }
  for (let round = 0; round < ROUNDS; round++) {
    const current = await getContentType(conn, id)
    const unchanged = current && canonical(toContentType(current)) === canonical(normalise(wanted))
    const active = current?.sys.publishedVersion !== undefined
    if (unchanged && active && current.sys.version === current.sys.publishedVersion + 1) return // saved, active
    try {
      const version: number = unchanged
        ? current.sys.version
        : (
            await conn.call(
              `PUT content_types/${id}`,
              (c) =>
                current
                  ? c.contentType.update({ contentTypeId: id }, { ...body, sys: current.sys } as never)
                  : c.contentType.createWithId({ contentTypeId: id }, body as never),
              id,
            )
          ).sys.version
      await versioned(conn, 'PUT', `content_types/${id}/published`, version, id)
      return
    } catch (err) {
      // A write that landed before its response was lost: re-read and go again from what is there.
      if (err instanceof ConflictError) continue
      throw err
    }
  }
  throw new ConflictError(`content type ${id} keeps changing under the migration`, id)
}

export async function deleteContentType(conn: Connection, id: string): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    const current = await getContentType(conn, id)
    if (!current) return
    try {
      if (current.sys.publishedVersion === undefined) {
        await versioned(conn, 'DELETE', `content_types/${id}`, undefined, id)
        return
      }
      // Deactivated: the next round deletes it.
      await versioned(conn, 'DELETE', `content_types/${id}/published`, current.sys.version, id)
    } catch (err) {
      if (err instanceof ConflictError || err instanceof NotFoundError) continue
      throw err
    }
  }
}

/** What the API echoes back for a content type we sent: defaults filled the same way. */
function normalise(ct: ContentType): ContentType {
  return toContentType({ ...ct, sys: { id: ct.id }, description: ct.description ?? '' })
}
