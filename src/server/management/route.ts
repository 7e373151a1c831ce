// What every Management route shares: its row in the dispatch table, the id pattern, and reading the
// request's headers and JSON body the way Contentful does.
import { HttpError } from '../http-error.ts'
import type { RequestContext } from '../types.ts'
import type { Where } from './shapes.ts'

/** A row of the dispatch table: the handler gets the path's match (ids in groups 1, 2, …). */
export type Route = [
  method: string,
  pattern: RegExp,
  handler: (ctx: RequestContext, m: string[]) => Promise<void> | void,
]

/** Contentful's id syntax, as a capturing group. */
export const ID = '([a-zA-Z0-9-_.]{1,64})'

export function where(ctx: RequestContext): Where {
  return { spaceId: ctx.spaceId, envId: ctx.envId }
}

export function noContent(ctx: RequestContext): void {
  ctx.res.writeHead(204).end()
}

export function header(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

export function versionHeader(ctx: RequestContext): number | undefined {
  const raw = header(ctx, 'x-contentful-version')
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0)
    throw new HttpError(400, 'BadRequest', `X-Contentful-Version must be an integer, got "${raw}"`)
  return n
}

export async function jsonBody(ctx: RequestContext): Promise<unknown> {
  const raw = await ctx.body()
  if (raw.length === 0) return {}
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch (err) {
    throw new HttpError(400, 'BadRequest', `The body is not valid JSON: ${(err as Error).message}`)
  }
}
