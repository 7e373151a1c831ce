// Entries: listing (by content type, ids and `fields.*` filters, under the response cap), reading, creating
// or updating with PUT (the content type from X-Contentful-Content-Type or the body), deleting, and their
// published and archived states.

import type { RequestContext } from '../types.ts'
import { listEntries } from './entity-query.ts'
import {
  header,
  ID,
  jsonBody,
  newId,
  noContent,
  type Route,
  versionHeader,
  where,
  writeVersion,
} from './route.ts'
import { entryJson } from './shapes.ts'
import { stateRoutes } from './state-routes.ts'

export const entryRoutes: Route[] = [
  ['GET', /^\/entries$/, (ctx) => listEntries(ctx)],
  ['GET', /^\/public\/entries$/, (ctx) => listEntries(ctx, true)],
  [
    'GET',
    new RegExp(`^/entries/${ID}$`),
    (ctx, [, id = '']) => ctx.json(200, entryJson(ctx.space.entries.get(id), where(ctx))),
  ],
  [
    'POST',
    /^\/entries$/,
    async (ctx) => {
      const entry = writeEntry(ctx, newId(), await jsonBody(ctx), false)
      ctx.json(201, entryJson(entry, where(ctx)))
    },
  ],
  [
    'PUT',
    new RegExp(`^/entries/${ID}$`),
    async (ctx, [, id = '']) => {
      const body = await jsonBody(ctx)
      const existed = ctx.space.entries.find(id) !== null
      ctx.json(existed ? 200 : 201, entryJson(writeEntry(ctx, id, body, existed), where(ctx)))
    },
  ],
  [
    'DELETE',
    new RegExp(`^/entries/${ID}$`),
    (ctx, [, id = '']) => {
      ctx.space.entries.delete(id, versionHeader(ctx))
      noContent(ctx)
    },
  ],
  ...stateRoutes('entries', (s) => s.entries, entryJson),
]

/** Creates or replaces an entry: the content type from X-Contentful-Content-Type or the body's sys. */
function writeEntry(ctx: RequestContext, id: string, body: Record<string, unknown>, existed: boolean) {
  const sys = body.sys as { contentType?: { sys?: { id?: unknown } } } | undefined
  const fromBody = sys?.contentType?.sys?.id
  const contentTypeId =
    header(ctx, 'x-contentful-content-type') ?? (typeof fromBody === 'string' ? fromBody : undefined)
  return ctx.space.entries.put(
    {
      id,
      ...(contentTypeId && !existed ? { contentTypeId } : {}),
      fields: (body.fields ?? {}) as never,
      ...(body.metadata === undefined ? {} : { metadata: body.metadata }),
    },
    writeVersion(ctx, existed),
  )
}
