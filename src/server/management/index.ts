// The Management face: the subset of Contentful's Content Management API that kb-cms and the official
// contentful-management client use, over the embedded store. Paths, headers (X-Contentful-Version,
// X-Contentful-Content-Type, X-Contentful-Source-Environment), sys objects and error bodies follow Contentful.
// Routes are thin: parse, call the store, shape the answer; the store holds the semantics.
import { ValidationError } from '../../backends/port.ts'
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import { DEFAULT_LOCALE } from '../../model/contentful-types.ts'
import { HttpError } from '../server.ts'
import type { RequestContext, RouteHandler } from '../types.ts'
import { BulkActions } from './bulk-actions.ts'
import type { DiskRegistry } from './registry.ts'
import {
  aliasJson,
  assetJson,
  collection,
  contentTypeJson,
  editorInterfaceJson,
  entryJson,
  environmentJson,
  type Where,
} from './shapes.ts'

/** Contentful answers 400 past 7 MB per response. */
const RESPONSE_CAP = 7 * 1024 * 1024
const ID = '([a-zA-Z0-9-_.]{1,64})'

type Route = [
  method: string,
  pattern: RegExp,
  handler: (ctx: RequestContext, m: string[]) => Promise<void> | void,
]

export function createManagementHandler(registry: DiskRegistry): RouteHandler {
  const bulk = new BulkActions()
  const where = (ctx: RequestContext): Where => ({ spaceId: ctx.spaceId, envId: ctx.envId })

  const spaceRoutes: Route[] = [
    [
      'GET',
      /^$/,
      (ctx) => ctx.json(200, { sys: { type: 'Space', id: ctx.spaceId, version: 1 }, name: ctx.spaceId }),
    ],
    [
      'GET',
      /^\/environments$/,
      (ctx) => {
        const aliases = registry.aliases()
        const items = registry.environments().map((id) =>
          environmentJson(
            id,
            ctx,
            Object.entries(aliases)
              .filter(([, a]) => a.target === id)
              .map(([a]) => a),
            registry.open(id).createdAt,
            registry.name(id),
          ),
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
    // Uploads addressed to the space belong to its master environment.
    ['POST', /^\/uploads$/, (ctx) => createUpload(ctx, registry.open(registry.resolve('master')))],
    [
      'GET',
      new RegExp(`^/uploads/${ID}$`),
      (ctx, [, id = '']) => getUpload(ctx, registry.open(registry.resolve('master')), id),
    ],
  ]

  const envRoutes: Route[] = [
    [
      'GET',
      /^$/,
      (ctx) => {
        const space = ctx.space
        const aliases = Object.entries(registry.aliases())
          .filter(([, a]) => a.target === ctx.envId)
          .map(([a]) => a)
        ctx.json(200, environmentJson(ctx.envId, ctx, aliases, space.createdAt, registry.name(ctx.envId)))
      },
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
        ctx.res.writeHead(204).end()
      },
    ],
    [
      'GET',
      /^\/locales$/,
      (ctx) =>
        ctx.json(
          200,
          collection([
            {
              sys: { type: 'Locale', id: 'default-locale', version: 1 },
              name: 'English (United States)',
              code: DEFAULT_LOCALE,
              default: true,
              fallbackCode: null,
              optional: false,
              contentDeliveryApi: true,
              contentManagementApi: true,
            },
          ]),
        ),
    ],

    // Content types and editor interfaces.
    [
      'GET',
      /^\/content_types$/,
      (ctx) => {
        const all = ctx.space.contentTypes.list()
        ctx.json(
          200,
          page(
            ctx,
            all.map((ct) => contentTypeJson(ct, where(ctx))),
          ),
        )
      },
    ],
    [
      'GET',
      /^\/public\/content_types$/,
      (ctx) => {
        const active = ctx.space.contentTypes.list().filter((ct) => ct.active)
        ctx.json(
          200,
          page(
            ctx,
            active.map((ct) => contentTypeJson(ct, where(ctx), 'active')),
          ),
        )
      },
    ],
    [
      'GET',
      new RegExp(`^/content_types/${ID}$`),
      (ctx, [, id = '']) => ctx.json(200, contentTypeJson(ctx.space.contentTypes.get(id), where(ctx))),
    ],
    [
      'PUT',
      new RegExp(`^/content_types/${ID}$`),
      async (ctx, [, id = '']) => {
        const body = (await jsonBody(ctx)) as Record<string, unknown>
        const version = versionHeader(ctx)
        const existed = ctx.space.contentTypes.find(id) !== null
        const ct = ctx.space.contentTypes.put(
          {
            id,
            name: body.name as string,
            ...(body.description ? { description: body.description as string } : {}),
            displayField: body.displayField as string,
            fields: (body.fields ?? []) as never,
          },
          version,
        )
        ctx.json(existed ? 200 : 201, contentTypeJson(ct, where(ctx)))
      },
    ],
    [
      'DELETE',
      new RegExp(`^/content_types/${ID}$`),
      (ctx, [, id = '']) => {
        ctx.space.contentTypes.delete(id)
        ctx.res.writeHead(204).end()
      },
    ],
    [
      'PUT',
      new RegExp(`^/content_types/${ID}/published$`),
      (ctx, [, id = '']) => {
        // Links are not checked at activation: a migration creates content types that link to each other one
        // after the other, and Contentful accepts a link validation naming a type that does not exist yet.
        const ct = ctx.space.contentTypes.activate(id, versionHeader(ctx), { checkLinks: false })
        ctx.json(200, contentTypeJson(ct, where(ctx)))
      },
    ],
    [
      'DELETE',
      new RegExp(`^/content_types/${ID}/published$`),
      (ctx, [, id = '']) =>
        ctx.json(200, contentTypeJson(ctx.space.contentTypes.deactivate(id, versionHeader(ctx)), where(ctx))),
    ],
    [
      'GET',
      /^\/editor_interfaces$/,
      (ctx) =>
        ctx.json(
          200,
          collection(
            ctx.space.contentTypes.listEditorInterfaces().map((ei) => editorInterfaceJson(ei, where(ctx))),
          ),
        ),
    ],
    [
      'GET',
      new RegExp(`^/content_types/${ID}/editor_interface$`),
      (ctx, [, id = '']) =>
        ctx.json(200, editorInterfaceJson(ctx.space.contentTypes.getEditorInterface(id), where(ctx))),
    ],
    [
      'PUT',
      new RegExp(`^/content_types/${ID}/editor_interface$`),
      async (ctx, [, id = '']) => {
        const body = (await jsonBody(ctx)) as Record<string, unknown>
        const { sys: _sys, ...rest } = body
        const ei = ctx.space.contentTypes.putEditorInterface(id, rest as never, versionHeader(ctx))
        ctx.json(200, editorInterfaceJson(ei, where(ctx)))
      },
    ],

    // Entries.
    [
      'GET',
      /^\/entries$/,
      (ctx) => {
        const q = listQuery(ctx)
        const fields: Record<string, string> = {}
        for (const [k, v] of ctx.url.searchParams) if (k.startsWith('fields.')) fields[k.slice(7)] = v
        const contentTypeId = ctx.url.searchParams.get('content_type') ?? undefined
        const result = query(() =>
          ctx.space.entries.query({
            ...q,
            ...(contentTypeId ? { contentTypeId } : {}),
            ...(Object.keys(fields).length ? { fields } : {}),
          }),
        )
        sendPage(
          ctx,
          collection(
            result.items.map((e) => entryJson(e, where(ctx))),
            result.total,
            result.skip,
            result.limit,
          ),
        )
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
        ctx.res.writeHead(204).end()
      },
    ],
    ...stateRoutes('entries', (s) => s.entries, entryJson as never),

    // Assets and uploads.
    [
      'GET',
      /^\/assets$/,
      (ctx) => {
        const result = query(() => ctx.space.assets.query(listQuery(ctx)))
        sendPage(
          ctx,
          collection(
            result.items.map((a) => assetJson(a, where(ctx))),
            result.total,
            result.skip,
            result.limit,
          ),
        )
      },
    ],
    [
      'GET',
      new RegExp(`^/assets/${ID}$`),
      (ctx, [, id = '']) => ctx.json(200, assetJson(ctx.space.assets.get(id), where(ctx))),
    ],
    [
      'PUT',
      new RegExp(`^/assets/${ID}$`),
      async (ctx, [, id = '']) => {
        const body = (await jsonBody(ctx)) as { fields?: unknown }
        const existed = ctx.space.assets.find(id) !== null
        const asset = ctx.space.assets.put({ id, fields: (body.fields ?? {}) as never }, versionHeader(ctx))
        ctx.json(existed ? 200 : 201, assetJson(asset, where(ctx)))
      },
    ],
    [
      'DELETE',
      new RegExp(`^/assets/${ID}$`),
      (ctx, [, id = '']) => {
        ctx.space.assets.delete(id, versionHeader(ctx))
        ctx.res.writeHead(204).end()
      },
    ],
    [
      'PUT',
      new RegExp(`^/assets/${ID}/files/([a-zA-Z-]+)/process$`),
      async (ctx, [, id = '', locale = '']) => {
        await ctx.space.assets.process(id, versionHeader(ctx), locale)
        ctx.res.writeHead(204).end()
      },
    ],
    ...stateRoutes('assets', (s) => s.assets, assetJson as never),
    ['POST', /^\/uploads$/, (ctx) => createUpload(ctx, ctx.space)],
    ['GET', new RegExp(`^/uploads/${ID}$`), (ctx, [, id = '']) => getUpload(ctx, ctx.space, id)],
    [
      'DELETE',
      new RegExp(`^/uploads/${ID}$`),
      (ctx, [, id = '']) => {
        ctx.space.uploads.get(id)
        ctx.space.uploads.delete(id)
        ctx.res.writeHead(204).end()
      },
    ],

    // Bulk actions.
    [
      'POST',
      /^\/bulk_actions\/(publish|unpublish)$/,
      async (ctx, [, action = 'publish']) => {
        const body = await jsonBody(ctx)
        ctx.json(201, bulk.create(ctx.spaceId, ctx.envId, ctx.space, action as 'publish', body))
      },
    ],
    [
      'GET',
      new RegExp(`^/bulk_actions/actions/${ID}$`),
      (ctx, [, id = '']) => {
        const action = bulk.get(ctx.envId, id)
        if (!action) throw new HttpError(404, 'NotFound', `bulk action "${id}" does not exist`)
        ctx.json(200, action)
      },
    ],
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

type Publishable = EmbeddedSpace['entries'] | EmbeddedSpace['assets']

/** `/published` and `/archived` for entries and assets. */
function stateRoutes(
  path: 'entries' | 'assets',
  store: (s: EmbeddedSpace) => Publishable,
  shape: (record: unknown, where: Where) => unknown,
): Route[] {
  const w = (ctx: RequestContext): Where => ({ spaceId: ctx.spaceId, envId: ctx.envId })
  const re = (suffix: string) => new RegExp(`^/${path}/${ID}/${suffix}$`)
  return [
    [
      'PUT',
      re('published'),
      (ctx, [, id = '']) => ctx.json(200, shape(store(ctx.space).publish(id, versionHeader(ctx)), w(ctx))),
    ],
    [
      'DELETE',
      re('published'),
      (ctx, [, id = '']) => ctx.json(200, shape(store(ctx.space).unpublish(id, versionHeader(ctx)), w(ctx))),
    ],
    [
      'PUT',
      re('archived'),
      (ctx, [, id = '']) => ctx.json(200, shape(store(ctx.space).archive(id, versionHeader(ctx)), w(ctx))),
    ],
    [
      'DELETE',
      re('archived'),
      (ctx, [, id = '']) => ctx.json(200, shape(store(ctx.space).unarchive(id, versionHeader(ctx)), w(ctx))),
    ],
  ]
}

async function createUpload(ctx: RequestContext, space: EmbeddedSpace): Promise<void> {
  const bytes = await ctx.body()
  const upload = space.uploads.create(bytes)
  ctx.json(201, {
    sys: {
      ...upload.sys,
      space: { sys: { type: 'Link', linkType: 'Space', id: ctx.spaceId } },
      environment: { sys: { type: 'Link', linkType: 'Environment', id: space.env } },
    },
  })
}

function getUpload(ctx: RequestContext, space: EmbeddedSpace, id: string): void {
  const upload = space.uploads.get(id)
  ctx.json(200, {
    sys: { ...upload.sys, space: { sys: { type: 'Link', linkType: 'Space', id: ctx.spaceId } } },
  })
}

function header(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

function versionHeader(ctx: RequestContext): number | undefined {
  const raw = header(ctx, 'x-contentful-version')
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0)
    throw new HttpError(400, 'BadRequest', `X-Contentful-Version must be an integer, got "${raw}"`)
  return n
}

async function jsonBody(ctx: RequestContext): Promise<unknown> {
  const raw = await ctx.body()
  if (raw.length === 0) return {}
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch (err) {
    throw new HttpError(400, 'BadRequest', `The body is not valid JSON: ${(err as Error).message}`)
  }
}

function listQuery(ctx: RequestContext): { skip?: number; limit?: number; ids?: string[] } {
  const p = ctx.url.searchParams
  const out: { skip?: number; limit?: number; ids?: string[] } = {}
  if (p.has('skip')) out.skip = Number(p.get('skip'))
  if (p.has('limit')) out.limit = Number(p.get('limit'))
  const ids = p.get('sys.id[in]') ?? p.get('sys.id')
  if (ids) out.ids = ids.split(',').filter(Boolean)
  return out
}

/** The store's query problems are Contentful's 400 InvalidQuery, not a 422 on content. */
function query<T>(run: () => T): T {
  try {
    return run()
  } catch (err) {
    if (err instanceof ValidationError)
      throw new HttpError(400, 'InvalidQuery', err.message, { errors: err.details })
    throw err
  }
}

function page<T>(ctx: RequestContext, items: T[]) {
  const q = listQuery(ctx)
  const skip = q.skip ?? 0
  const limit = Math.min(q.limit ?? 100, 1000)
  const chosen = q.ids ? items.filter((i) => q.ids?.includes((i as { sys: { id: string } }).sys.id)) : items
  return collection(chosen.slice(skip, skip + limit), chosen.length, skip, limit)
}

function sendPage(ctx: RequestContext, body: unknown): void {
  const size = Buffer.byteLength(JSON.stringify(body))
  if (size > RESPONSE_CAP) {
    throw new HttpError(
      400,
      'BadRequest',
      `Response size too big. Maximum allowed response size: ${RESPONSE_CAP}B.`,
    )
  }
  ctx.json(200, body)
}
