// The Management face: the subset of Contentful's Content Management API that kb-cms and the official
// contentful-management client use, over the embedded store. Paths, headers (X-Contentful-Version,
// X-Contentful-Content-Type, X-Contentful-Source-Environment), sys objects and error bodies follow Contentful.
// Routes are thin: parse, call the store, shape the answer; the store holds the semantics. This file is the
// dispatch table, and where a successful write becomes a webhook event; each resource's routes are in their
// own module.
import type { RequestContext, RouteHandler } from '../types.ts'
import type { ApiKeys } from './api-keys.ts'
import { apiKeyRoutes } from './api-keys.ts'
import { assetRoutes, uploadRoutes } from './asset-routes.ts'
import { bulkActionRoutes } from './bulk-action-routes.ts'
import { BulkActions } from './bulk-actions.ts'
import { contentTypeRoutes } from './content-type-routes.ts'
import { entryRoutes } from './entry-routes.ts'
import { environmentRoutes, spaceEnvironmentRoutes } from './environment-routes.ts'
import { localeRoutes } from './locale-routes.ts'
import type { DiskRegistry } from './registry.ts'
import type { Route } from './route.ts'
import { rootRoutes, spaceLevelRoutes } from './space-level-routes.ts'
import { tagRoutes } from './tag-routes.ts'
import { deletedPayload, eventOf, type Webhooks, webhookRoutes } from './webhooks.ts'

export interface ManagementParts {
  apiKeys: ApiKeys
  webhooks: Webhooks
}

export function createManagementHandler(registry: DiskRegistry, parts: ManagementParts): RouteHandler {
  const { webhooks } = parts
  const bulk = new BulkActions((envId, topic, payload) => webhooks.emit({ topic, envId, payload }))
  const spaceRoutes: Route[] = [
    ...spaceLevelRoutes(registry),
    ...spaceEnvironmentRoutes(registry),
    ...apiKeyRoutes(parts.apiKeys),
    ...webhookRoutes(webhooks),
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
    ...bulkActionRoutes(bulk),
  ]
  const top = rootRoutes(registry)

  return async (ctx) => {
    const routes = ctx.scope === 'root' ? top : ctx.scope === 'space' ? spaceRoutes : envRoutes
    let pathMatched = false
    for (const [method, pattern, handler] of routes) {
      const m = pattern.exec(ctx.rest)
      if (!m) continue
      pathMatched = true
      if (method !== ctx.req.method) continue
      if (ctx.scope === 'environment' && method !== 'GET')
        await withEvents(ctx, webhooks, () => handler(ctx, [...m]))
      else await handler(ctx, [...m] as string[])
      return true
    }
    if (pathMatched) {
      ctx.error(405, 'BadRequest', `${ctx.req.method} is not allowed on ${ctx.url.pathname}`)
      return true
    }
    return false
  }
}

/** Runs a write and, when it succeeded, hands the event it caused to the webhooks. */
async function withEvents(
  ctx: RequestContext,
  webhooks: Webhooks,
  run: () => Promise<void> | void,
): Promise<void> {
  const method = ctx.req.method ?? ''
  const target = /^\/(entries|assets|content_types)\/([^/]+)$/.exec(ctx.rest)
  // A delete answers 204 with no body: keep what is deleted to describe it.
  const before =
    method === 'DELETE' && target?.[1] !== 'content_types' && target?.[2]
      ? ((target[1] === 'entries' ? ctx.space.entries : ctx.space.assets).find(target[2]) ?? undefined)
      : undefined
  let body: Record<string, unknown> | undefined
  const json = ctx.json
  ctx.json = (status, value, headers) => {
    body = value as Record<string, unknown>
    json(status, value, headers)
  }
  await run()
  const event = eventOf(method, ctx.rest, ctx.res.statusCode)
  if (!event) return
  const id = event.id ?? ((body?.sys as { id?: string } | undefined)?.id as string)
  const deleted = event.action === 'delete' || event.action === 'unpublish'
  const payload =
    deleted && event.type !== 'ContentType'
      ? deletedPayload(
          event.type,
          id,
          ctx.spaceId,
          ctx.envId,
          body ?? (before as Record<string, unknown> | undefined),
        )
      : (body ?? { sys: { type: event.type, id } })
  webhooks.emit({ topic: `${event.type}.${event.action}`, envId: ctx.envId, payload })
}
