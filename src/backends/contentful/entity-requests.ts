// Single requests on the connection's environment, shared by the adapter's parts: reading one entity back
// (absent is `undefined`, not an error) and the versioned PUT/DELETE calls the plain client sends raw, so that
// each is exactly one HTTP request and a retry repeats exactly that request.
import type { AssetRecord, EntryRecord } from '../../model/contentful-types.ts'
import { NotFoundError } from '../port.ts'
import type { Connection } from './client.ts'
import { toAssetRecord, toEntryRecord } from './records.ts'

/** Contentful's maximum page size. */
export const MAX_PAGE = 1000

export function envParams(conn: Connection) {
  return { spaceId: conn.config.spaceId, environmentId: conn.config.environment }
}

export function envPath(conn: Connection): string {
  return `/spaces/${conn.config.spaceId}/environments/${conn.config.environment}`
}

/** `PUT` or `DELETE` on `path` below the environment, carrying `X-Contentful-Version` when one is given. */
export function versioned(
  conn: Connection,
  method: 'PUT' | 'DELETE',
  path: string,
  version: number | undefined,
  entityId: string,
): Promise<unknown> {
  const url = `${envPath(conn)}/${path}`
  const config = version === undefined ? {} : { headers: { 'X-Contentful-Version': version } }
  return conn.call(
    `${method} ${path}`,
    (c) => (method === 'PUT' ? c.raw.put(url, null, config) : c.raw.delete(url, config)),
    entityId,
  )
}

/** The value, or `undefined` when the server answered 404. */
export async function orAbsent<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request
  } catch (err) {
    if (err instanceof NotFoundError) return undefined
    throw err
  }
}

export function getEntry(conn: Connection, id: string): Promise<EntryRecord | undefined> {
  return orAbsent(conn.call(`GET entries/${id}`, (c) => c.entry.get({ entryId: id }), id).then(toEntryRecord))
}

export function getAsset(conn: Connection, id: string): Promise<AssetRecord | undefined> {
  return orAbsent(conn.call(`GET assets/${id}`, (c) => c.asset.get({ assetId: id }), id).then(toAssetRecord))
}

/** The raw payload: its `sys` goes back unchanged on an update. */
// biome-ignore lint/suspicious/noExplicitAny: raw API payload
export function getContentType(conn: Connection, id: string): Promise<any | undefined> {
  return orAbsent(conn.call(`GET content_types/${id}`, (c) => c.contentType.get({ contentTypeId: id }), id))
}

/** Every content type, drafts included, in one page. */
export function listContentTypes(conn: Connection) {
  return conn.call('GET content_types', (c) => c.contentType.getMany({ query: { limit: MAX_PAGE } }))
}
