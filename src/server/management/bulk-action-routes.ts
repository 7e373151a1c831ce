// Bulk publish and unpublish: created at once, carried out and polled through bulk-actions.ts.
import { HttpError } from '../http-error.ts'
import type { BulkActions } from './bulk-actions.ts'
import { ID, jsonBody, type Route } from './route.ts'

export function bulkActionRoutes(bulk: BulkActions): Route[] {
  return [
    [
      'POST',
      /^\/bulk_actions\/(publish|unpublish)$/,
      async (ctx, [, action = 'publish']) => {
        const body = await jsonBody(ctx)
        ctx.json(201, bulk.create(ctx.spaceId, ctx.envId, ctx.space, action as 'publish' | 'unpublish', body))
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
}
