// The Delivery face: requests carrying the delivery token, answered from the published snapshot of the
// environment as Contentful's CDA would (see engine.ts). The server has already checked the token and set CORS.
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import type { RequestContext } from '../types.ts'
import { deliver } from './engine.ts'
import { DeliveryError } from './errors.ts'
import { snapshotOf } from './load-snapshot.ts'

/** `//127.0.0.1:4000`: where this server is reached, from the socket (not the spoofable Host header). */
export function assetOrigin(ctx: RequestContext): string {
  const { localAddress = '127.0.0.1', localPort } = ctx.req.socket
  const address = localAddress.replace(/^::ffff:/, '')
  return `//${address.includes(':') ? `[${address}]` : address}:${localPort}`
}

export async function handleDelivery(ctx: RequestContext): Promise<boolean> {
  if (!ctx.deliveryTokenOk) return false
  if (ctx.req.method !== 'GET' && ctx.req.method !== 'HEAD') return false
  const snapshot = snapshotOf(ctx.space as EmbeddedSpace, ctx.env)
  try {
    const body = deliver(snapshot, ctx.rest, ctx.url.searchParams, { assetOrigin: assetOrigin(ctx) })
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
