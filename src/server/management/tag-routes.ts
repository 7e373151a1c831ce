// The Tags API: list, read, create (PUT with X-Contentful-Tag-Visibility, `private` unless it says `public`),
// rename (PUT with X-Contentful-Version) and delete (with X-Contentful-Version) an environment's tags.
import type { TagRecord, TagVisibility } from '../../backends/sqlite/tag-store.ts'
import { HttpError } from '../http-error.ts'
import { page } from './listing.ts'
import { header, ID, jsonBody, noContent, type Route, versionHeader, where, writeVersion } from './route.ts'
import type { Where } from './shapes.ts'

const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } })

export function tagJson(tag: TagRecord, w: Where) {
  return {
    name: tag.name,
    sys: {
      id: tag.id,
      type: 'Tag',
      version: tag.version,
      visibility: tag.visibility,
      space: link('Space', w.spaceId),
      environment: link('Environment', w.envId),
      createdBy: link('User', 'local'),
      updatedBy: link('User', 'local'),
      createdAt: tag.createdAt,
      updatedAt: tag.updatedAt,
    },
  }
}

function visibility(raw: string | undefined): TagVisibility {
  if (raw === undefined || raw === 'private' || raw === 'public') return raw ?? 'private'
  throw new HttpError(422, 'ValidationFailed', `visibility must be "private" or "public", got "${raw}"`, {
    errors: [{ name: 'in', path: ['sys', 'visibility'], expected: ['private', 'public'] }],
  })
}

export const tagRoutes: Route[] = [
  [
    'GET',
    /^\/tags$/,
    (ctx) =>
      ctx.json(
        200,
        page(
          ctx,
          ctx.space.tags.list().map((t) => tagJson(t, where(ctx))),
        ),
      ),
  ],
  [
    'GET',
    new RegExp(`^/tags/${ID}$`),
    (ctx, [, id = '']) => ctx.json(200, tagJson(ctx.space.tags.get(id), where(ctx))),
  ],
  [
    'PUT',
    new RegExp(`^/tags/${ID}$`),
    async (ctx, [, id = '']) => {
      const body = await jsonBody(ctx)
      const existed = ctx.space.tags.find(id) !== null
      const fromBody = (body.sys as { visibility?: unknown } | undefined)?.visibility
      const wanted = visibility(
        header(ctx, 'x-contentful-tag-visibility') ?? (typeof fromBody === 'string' ? fromBody : undefined),
      )
      const tag = ctx.space.tags.put(id, body.name, wanted, writeVersion(ctx, existed))
      ctx.json(existed ? 200 : 201, tagJson(tag, where(ctx)))
    },
  ],
  [
    'DELETE',
    new RegExp(`^/tags/${ID}$`),
    (ctx, [, id = '']) => {
      ctx.space.tags.delete(id, versionHeader(ctx))
      noContent(ctx)
    },
  ],
]
