// Entries: listing (by content type, ids and `fields.*` filters, under the response cap), reading, creating
// or updating with PUT (the content type from X-Contentful-Content-Type or the body), deleting, and their
// published and archived states.
import { listQuery, sendPage, storeQuery } from './listing.ts'
import { header, ID, jsonBody, noContent, type Route, versionHeader, where } from './route.ts'
import { entryJson } from './shapes.ts'
import { stateRoutes } from './state-routes.ts'

export const entryRoutes: Route[] = [
  [
    'GET',
    /^\/entries$/,
    (ctx) => {
      const fields: Record<string, string> = {}
      for (const [k, v] of ctx.url.searchParams) if (k.startsWith('fields.')) fields[k.slice(7)] = v
      const contentTypeId = ctx.url.searchParams.get('content_type') ?? undefined
      const q = listQuery(ctx)
      const result = storeQuery(() =>
        ctx.space.entries.query({
          ...q,
          ...(contentTypeId ? { contentTypeId } : {}),
          ...(Object.keys(fields).length ? { fields } : {}),
        }),
      )
      sendPage(ctx, result, (e) => entryJson(e, where(ctx)))
    },
  ],
  [
    'GET',
    new RegExp(`^/entries/${ID}$`),
    (ctx, [, id = '']) => ctx.json(200, entryJson(ctx.space.entries.get(id), where(ctx))),
  ],
  [
    'PUT',
    new RegExp(`^/entries/${ID}$`),
    async (ctx, [, id = '']) => {
      const body = (await jsonBody(ctx)) as {
        fields?: unknown
        sys?: { contentType?: { sys?: { id?: string } } }
      }
      const version = versionHeader(ctx)
      const contentTypeId = header(ctx, 'x-contentful-content-type') ?? body.sys?.contentType?.sys?.id
      const existed = ctx.space.entries.find(id) !== null
      const entry = ctx.space.entries.put(
        {
          id,
          ...(contentTypeId && !existed ? { contentTypeId } : {}),
          fields: (body.fields ?? {}) as never,
        },
        version,
      )
      ctx.json(existed ? 200 : 201, entryJson(entry, where(ctx)))
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
