// `/published` and `/archived` on entries and assets: PUT sets the state, DELETE clears it, each conditional
// on X-Contentful-Version, answering with the entity.
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import type { EntityStore } from '../../backends/sqlite/entity-store.ts'
import { ID, type Route, versionHeader, where } from './route.ts'
import type { Where } from './shapes.ts'

type Change = 'publish' | 'unpublish' | 'archive' | 'unarchive'

export function stateRoutes<R>(
  path: 'entries' | 'assets',
  store: (s: EmbeddedSpace) => EntityStore<R>,
  shape: (record: R, where: Where) => unknown,
): Route[] {
  const route = (method: string, state: string, change: Change): Route => [
    method,
    new RegExp(`^/${path}/${ID}/${state}$`),
    (ctx, [, id = '']) => ctx.json(200, shape(store(ctx.space)[change](id, versionHeader(ctx)), where(ctx))),
  ]
  return [
    route('PUT', 'published', 'publish'),
    route('DELETE', 'published', 'unpublish'),
    route('PUT', 'archived', 'archive'),
    route('DELETE', 'archived', 'unarchive'),
  ]
}
