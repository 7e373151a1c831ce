// The space, its environments and aliases: listing, creating an environment as a clone (the source named by
// X-Contentful-Source-Environment), deleting it, repointing an alias, and the one locale every environment has.
import { HttpError } from '../http-error.ts'
import type { DiskRegistry } from './registry.ts'
import { header, ID, jsonBody, noContent, type Route, versionHeader } from './route.ts'
import { aliasJson, collection, environmentJson } from './shapes.ts'

/** Routes under `/spaces/local`. */
export function spaceEnvironmentRoutes(registry: DiskRegistry): Route[] {
  return [
    [
      'GET',
      /^\/environments$/,
      (ctx) => {
        const items = registry
          .environments()
          .map((id) =>
            environmentJson(id, ctx, aliasesOf(registry, id), registry.open(id).createdAt, registry.name(id)),
          )
        ctx.json(200, collection(items))
      },
    ],
    [
      'GET',
      /^\/environment_aliases$/,
      (ctx) =>
        ctx.json(
          200,
          collection(Object.entries(registry.aliases()).map(([id, a]) => aliasJson(id, a, ctx.spaceId))),
        ),
    ],
    [
      'GET',
      new RegExp(`^/environment_aliases/${ID}$`),
      (ctx, [, id = '']) => {
        const alias = registry.aliases()[id]
        if (!alias) throw new HttpError(404, 'NotFound', `alias "${id}" does not exist`)
        ctx.json(200, aliasJson(id, alias, ctx.spaceId))
      },
    ],
    [
      'PUT',
      new RegExp(`^/environment_aliases/${ID}$`),
      async (ctx, [, id = '']) => {
        const body = await jsonBody(ctx)
        const target = (body as { environment?: { sys?: { id?: string } } })?.environment?.sys?.id
        if (!target) throw new HttpError(422, 'ValidationFailed', 'environment.sys.id is required')
        const rec = registry.putAlias(id, target, versionHeader(ctx))
        ctx.json(200, aliasJson(id, rec, ctx.spaceId))
      },
    ],
  ]
}

/** Routes on `/spaces/local/environments/{env}` itself. */
export function environmentRoutes(registry: DiskRegistry): Route[] {
  return [
    [
      'GET',
      /^$/,
      (ctx) =>
        ctx.json(
          200,
          environmentJson(
            ctx.envId,
            ctx,
            aliasesOf(registry, ctx.envId),
            ctx.space.createdAt,
            registry.name(ctx.envId),
          ),
        ),
    ],
    [
      'PUT',
      /^$/,
      async (ctx) => {
        if (ctx.env !== ctx.envId) throw new HttpError(409, 'VersionMismatch', `"${ctx.env}" is an alias`)
        const body = (await jsonBody(ctx)) as { name?: unknown }
        const source = header(ctx, 'x-contentful-source-environment') ?? 'master'
        registry.clone(source, ctx.env)
        if (typeof body.name === 'string') registry.setName(ctx.env, body.name)
        ctx.json(
          201,
          environmentJson(ctx.env, ctx, [], registry.open(ctx.env).createdAt, registry.name(ctx.env)),
        )
      },
    ],
    [
      'DELETE',
      /^$/,
      (ctx) => {
        registry.delete(ctx.envId)
        noContent(ctx)
      },
    ],
  ]
}

/** The aliases that point at the environment. */
function aliasesOf(registry: DiskRegistry, envId: string): string[] {
  return Object.entries(registry.aliases())
    .filter(([, a]) => a.target === envId)
    .map(([a]) => a)
}
