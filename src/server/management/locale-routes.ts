// The Locales API: list, read, create (POST, the server picks the id), update at a version, delete. Each
// locale carries Contentful's `sys` with space and environment links, so `locale.update()` works on it.
import type { LocaleRecord } from '../../backends/sqlite/locale-store.ts'
import { page } from './listing.ts'
import { ID, jsonBody, newId, noContent, type Route, versionHeader, where } from './route.ts'
import type { Where } from './shapes.ts'

const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } })

export function localeJson(l: LocaleRecord, w: Where) {
  return {
    name: l.name,
    code: l.code,
    fallbackCode: l.fallbackCode,
    default: l.default,
    optional: l.optional,
    contentDeliveryApi: l.contentDeliveryApi,
    contentManagementApi: l.contentManagementApi,
    sys: {
      type: 'Locale',
      id: l.id,
      version: l.version,
      space: link('Space', w.spaceId),
      environment: link('Environment', w.envId),
      createdBy: link('User', 'local'),
      updatedBy: link('User', 'local'),
      createdAt: l.createdAt,
      updatedAt: l.updatedAt,
    },
  }
}

export const localeRoutes: Route[] = [
  [
    'GET',
    /^\/locales$/,
    (ctx) =>
      ctx.json(
        200,
        page(
          ctx,
          ctx.space.locales.list().map((l) => localeJson(l, where(ctx))),
        ),
      ),
  ],
  [
    'GET',
    new RegExp(`^/locales/${ID}$`),
    (ctx, [, id = '']) => ctx.json(200, localeJson(ctx.space.locales.get(id), where(ctx))),
  ],
  [
    'POST',
    /^\/locales$/,
    async (ctx) => {
      const locale = ctx.space.locales.put(newId(), await jsonBody(ctx), undefined)
      ctx.json(201, localeJson(locale, where(ctx)))
    },
  ],
  [
    'PUT',
    new RegExp(`^/locales/${ID}$`),
    async (ctx, [, id = '']) => {
      const body = await jsonBody(ctx)
      const locale = ctx.space.locales.put(id, body, versionHeader(ctx) ?? ctx.space.locales.get(id).version)
      ctx.json(200, localeJson(locale, where(ctx)))
    },
  ],
  [
    'DELETE',
    new RegExp(`^/locales/${ID}$`),
    (ctx, [, id = '']) => {
      ctx.space.locales.delete(id)
      noContent(ctx)
    },
  ],
]
