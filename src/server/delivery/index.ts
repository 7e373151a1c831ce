// The Delivery face: requests carrying the delivery token, answered from the published snapshot of the
// environment as Contentful's CDA would (see engine.ts). The server has already checked the token and set CORS.
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import type { RequestContext } from '../types.ts'
import { deliver, syncView } from './engine.ts'
import { DeliveryError } from './errors.ts'
import { snapshotOf } from './load-snapshot.ts'
import { sync } from './sync.ts'

/** `//127.0.0.1:4000`: where this server is reached, from the socket (not the spoofable Host header). */
export function assetOrigin(ctx: RequestContext): string {
  const { localAddress = '127.0.0.1', localPort } = ctx.req.socket
  const address = localAddress.replace(/^::ffff:/, '')
  return `//${address.includes(':') ? `[${address}]` : address}:${localPort}`
}

export async function handleDelivery(ctx: RequestContext): Promise<boolean> {
  if (!ctx.deliveryTokenOk) return false
  if (ctx.req.method !== 'GET' && ctx.req.method !== 'HEAD') return false
  const space = ctx.space as EmbeddedSpace
  // The log position is read before the snapshot: a commit in between is then delivered twice (harmless),
  // never skipped. A delta reads the log only up to that position, which the snapshot already contains.
  const isSync = ctx.rest === '/sync'
  // Contentful's Preview API does not implement the Sync API.
  if (isSync && ctx.previewTokenOk) {
    ctx.error(404, 'NotFound', 'The Preview API does not implement the Sync API.')
    return true
  }
  const head = isSync ? space.deliveryLog.head() : 0
  const snapshot = snapshotOf(space, ctx.env, ctx.previewTokenOk ? 'preview' : 'published')
  const opts = { assetOrigin: assetOrigin(ctx) }
  try {
    const body = isSync
      ? sync(
          {
            view: syncView(snapshot, opts),
            changesAfter: (seq, limit) => space.deliveryLog.after(seq, limit).filter((c) => c.seq <= head),
            head: () => head,
            spaceId: ctx.spaceId,
            envId: ctx.env,
            baseUrl: `http:${opts.assetOrigin}/spaces/${ctx.spaceId}/environments/${ctx.env}`,
          },
          ctx.url.searchParams,
        )
      : deliver(snapshot, ctx.rest, ctx.url.searchParams, opts)
    if (body === undefined) return false
    ctx.json(200, body)
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err
    const details = err.details ?? undefined
    if (err.id === 'NotFound') {
      ctx.error(err.status, err.id, err.message, {
        ...(details as object),
        environment: ctx.env,
        space: ctx.spaceId,
      })
    } else ctx.error(err.status, err.id, err.message, details)
  }
  return true
}
