// The Management face: the subset of Contentful's Content Management API that kb-cms and the official
// contentful-management client use, over the embedded store. Paths, headers (X-Contentful-Version,
// X-Contentful-Content-Type, X-Contentful-Source-Environment), sys objects and error bodies follow Contentful.
// Routes are thin: parse, call the store, shape the answer; the store holds the semantics. This file is the
// dispatch table; each resource's routes are in their own module.
import type { RouteHandler } from '../types.ts'
import { assetRoutes, uploadRoutes } from './asset-routes.ts'
import { bulkActionRoutes } from './bulk-action-routes.ts'
import { BulkActions } from './bulk-actions.ts'
import { contentTypeRoutes } from './content-type-routes.ts'
import { entryRoutes } from './entry-routes.ts'
import { environmentRoutes, spaceEnvironmentRoutes } from './environment-routes.ts'
import { localeRoutes } from './locale-routes.ts'
import type { DiskRegistry } from './registry.ts'
import type { Route } from './route.ts'
import { tagRoutes } from './tag-routes.ts'

export function createManagementHandler(registry: DiskRegistry): RouteHandler {
  const spaceRoutes: Route[] = [
    ...spaceEnvironmentRoutes(registry),
    // Uploads addressed to the space belong to its master environment.
    ...uploadRoutes(() => registry.open(registry.resolve('master'))),
  ]
  const envRoutes: Route[] = [
    ...environmentRoutes(registry),
    ...localeRoutes,
    ...contentTypeRoutes,
    ...entryRoutes,
    ...assetRoutes,
    ...tagRoutes,
    ...bulkActionRoutes(new BulkActions()),
  ]

  return async (ctx) => {
    const routes = ctx.scope === 'space' ? spaceRoutes : envRoutes
    let pathMatched = false
    for (const [method, pattern, handler] of routes) {
      const m = pattern.exec(ctx.rest)
      if (!m) continue
      pathMatched = true
      if (method !== ctx.req.method) continue
      await handler(ctx, [...m] as string[])
      return true
    }
    if (pathMatched) {
      ctx.error(405, 'BadRequest', `${ctx.req.method} is not allowed on ${ctx.url.pathname}`)
      return true
    }
    return false
  }
}
