// Writes that are safe to retry. The scheduler retries a write whose response was lost, and the first attempt
// may have landed: the retry then meets a 409. Each write here settles that 409 by reading the entity back and
// accepting it when it already holds exactly what was written, one version on.
import type { AssetRecord, EntryRecord } from '../../model/contentful-types.ts'
import { ConflictError, type EntryInput } from '../port.ts'
import type { Connection } from './client.ts'
import { getAsset, getEntry, versioned } from './entity-requests.ts'
import { canonical, toEntryRecord } from './records.ts'

/** Rethrows `err` unless it is a 409 and what the space holds shows the write landed; then returns that. */
export async function landedAfterConflict<T>(
  err: unknown,
  readBack: () => Promise<T | undefined>,
  landed: (current: T) => boolean,
): Promise<T> {
  if (!(err instanceof ConflictError)) throw err
  const current = await readBack()
  if (current === undefined || !landed(current)) throw err
  return current
}

/** The write landed: one version on from `version` (0 for a create), with exactly these fields. */
export function holds(fields: unknown, version: number | undefined) {
  return (current: { sys: { version: number }; fields: unknown }) =>
    current.sys.version === (version ?? 0) + 1 && canonical(current.fields) === canonical(fields)
}

/** Creates the entry (no `version`) or updates it from `version`. */
export function putEntry(conn: Connection, entry: EntryInput, version?: number): Promise<EntryRecord> {
  const { id, contentTypeId, fields } = entry
  return conn
    .call(
      `PUT entries/${id}`,
      (c) =>
        version === undefined
          ? c.entry.createWithId({ entryId: id, contentTypeId }, { fields } as never)
          : c.entry.update({ entryId: id }, {
              sys: { id, version, contentType: { sys: { id: contentTypeId } } },
              fields,
            } as never),
      id,
    )
    .then(toEntryRecord)
    .catch((err) => landedAfterConflict(err, () => getEntry(conn, id), holds(fields, version)))
}

export type StateChange = { linkType: 'Entry' | 'Asset'; id: string; version: number }

/** `DELETE …/published`: landed if the entity is no longer published, one version on. */
export function unpublish(conn: Connection, item: StateChange): Promise<void> {
  return changeState(
    conn,
    item,
    'DELETE',
    'published',
    (current) => current.sys.publishedVersion === undefined && current.sys.version === item.version + 1,
  )
}

/** `PUT …/archived`: landed if the entity is archived. */
export function archive(conn: Connection, item: StateChange): Promise<void> {
  return changeState(conn, item, 'PUT', 'archived', (current) => current.sys.archivedVersion !== undefined)
}

async function changeState(
  conn: Connection,
  item: StateChange,
  method: 'PUT' | 'DELETE',
  state: 'published' | 'archived',
  landed: (current: EntryRecord | AssetRecord) => boolean,
): Promise<void> {
  const path = item.linkType === 'Entry' ? 'entries' : 'assets'
  const readBack = () => (item.linkType === 'Entry' ? getEntry(conn, item.id) : getAsset(conn, item.id))
  try {
    await versioned(conn, method, `${path}/${item.id}/${state}`, item.version, item.id)
  } catch (err) {
    await landedAfterConflict(err, readBack, landed)
  }
}
