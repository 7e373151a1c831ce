// Assets (listing under the response cap, reading, PUT, delete, processing a locale's file, published and
// archived states) and the uploads their files come from.
import { ConflictError, NotFoundError } from '../../backends/port.ts'
import { expectVersion } from '../../backends/sqlite/content-type-store.ts'
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import { HttpError } from '../http-error.ts'
import type { RequestContext } from '../types.ts'
import { listAssets } from './entity-query.ts'
import { ID, jsonBody, newId, noContent, type Route, versionHeader, where, writeVersion } from './route.ts'
import { assetJson, servedPaths } from './shapes.ts'
import { stateRoutes } from './state-routes.ts'

export const assetRoutes: Route[] = [
  ['GET', /^\/assets$/, (ctx) => listAssets(ctx)],
  ['GET', /^\/public\/assets$/, (ctx) => listAssets(ctx, true)],
  [
    'GET',
    new RegExp(`^/assets/${ID}$`),
    (ctx, [, id = '']) => ctx.json(200, assetJson(ctx.space.assets.get(id), where(ctx))),
  ],
  [
    'POST',
    /^\/assets$/,
    async (ctx) => {
      const body = await jsonBody(ctx)
      const id = newId()
      const asset = ctx.space.assets.put({ id, ...assetWrite(body, ctx.spaceId, id) }, undefined)
      ctx.json(201, assetJson(asset, where(ctx)))
    },
  ],
  [
    'PUT',
    new RegExp(`^/assets/${ID}$`),
    async (ctx, [, id = '']) => {
      const body = await jsonBody(ctx)
      const existed = ctx.space.assets.find(id) !== null
      const asset = ctx.space.assets.put(
        { id, ...assetWrite(body, ctx.spaceId, id) },
        writeVersion(ctx, existed),
      )
      ctx.json(existed ? 200 : 201, assetJson(asset, where(ctx)))
    },
  ],
  [
    'DELETE',
    new RegExp(`^/assets/${ID}$`),
    (ctx, [, id = '']) => {
      ctx.space.assets.delete(id, versionHeader(ctx))
      noContent(ctx)
    },
  ],
  [
    'PUT',
    new RegExp(`^/assets/${ID}/files/([a-zA-Z0-9-]+)/process$`),
    (ctx, [, id = '', locale = '']) => {
      // Accepted at once, as Contentful does: the client polls the asset until its file has a url. What can
      // be told now (no such asset, a stale version, no file in that locale) is answered now; a failure
      // while processing is recorded on the asset's file.
      const version = versionHeader(ctx)
      const asset = ctx.space.assets.get(id)
      expectVersion('asset', id, asset.sys.version, version)
      if (!asset.fields.file?.[locale]) {
        throw new HttpError(422, 'ValidationFailed', `asset "${id}" has no file in locale ${locale}`, {
          errors: [{ name: 'required', path: ['fields', 'file', locale] }],
        })
      }
      const space = ctx.space
      // A failure recorded by an earlier attempt goes now, so a poller does not mistake it for this one's.
      const current = space.assets.clearProcessingFailure(id, locale)
      noContent(ctx)
      space.assets.process(id, current, locale, { remote: true }).catch((err: Error) => {
        if (err instanceof ConflictError || err instanceof NotFoundError) return
        try {
          space.assets.recordProcessingFailure(id, locale, err.message)
        } catch {
          // the environment was closed or deleted meanwhile: nothing left to record on
        }
      })
    },
  ],
  ...stateRoutes('assets', (s) => s.assets, assetJson),
  ...uploadRoutes((ctx) => ctx.space),
  [
    'DELETE',
    new RegExp(`^/uploads/${ID}$`),
    (ctx, [, id = '']) => {
      ctx.space.uploads.get(id)
      ctx.space.uploads.delete(id)
      noContent(ctx)
    },
  ],
]

/** Creating and reading uploads in the environment `spaceOf` picks. */
export function uploadRoutes(spaceOf: (ctx: RequestContext) => EmbeddedSpace): Route[] {
  const spaceLink = (ctx: RequestContext) => ({ sys: { type: 'Link', linkType: 'Space', id: ctx.spaceId } })
  return [
    [
      'POST',
      /^\/uploads$/,
      async (ctx) => {
        const space = spaceOf(ctx)
        const upload = space.uploads.create(await ctx.body())
        ctx.json(201, {
          sys: {
            ...upload.sys,
            space: spaceLink(ctx),
            environment: { sys: { type: 'Link', linkType: 'Environment', id: space.env } },
          },
        })
      },
    ],
    [
      'GET',
      new RegExp(`^/uploads/${ID}$`),
      (ctx, [, id = '']) =>
        ctx.json(200, { sys: { ...spaceOf(ctx).uploads.get(id).sys, space: spaceLink(ctx) } }),
    ],
  ]
}

function assetWrite(body: Record<string, unknown>, spaceId: string, id: string) {
  return {
    fields: servedPaths(body.fields ?? {}, spaceId, id) as never,
    ...(body.metadata === undefined ? {} : { metadata: body.metadata }),
  }
}
