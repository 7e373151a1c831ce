// What every Management route shares: its row in the dispatch table, the id pattern, and reading the
// request's headers and JSON body the way Contentful does.
import { randomBytes } from 'node:crypto'
import { assetOrigin } from '../delivery/index.ts'
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
  return { spaceId: ctx.spaceId, envId: ctx.envId, assetOrigin: assetOrigin(ctx) }
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

/**
 * The request body as a JSON object. Every Management write takes an object: `null`, an array, a string or a
 * number is a 400, never an entity with no fields.
 */
export async function jsonBody(ctx: RequestContext): Promise<Record<string, unknown>> {
  const raw = await ctx.body()
  if (raw.length === 0) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch (err) {
    throw new HttpError(400, 'BadRequest', `The body is not valid JSON: ${(err as Error).message}`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`
    throw new HttpError(400, 'BadRequest', `The body must be a JSON object, got ${kind}.`)
  }
  return parsed as Record<string, unknown>
}

/**
 * The version a PUT writes with, as Contentful reads X-Contentful-Version: on an id that does not exist yet,
 * no version or version 0 creates (contentful-migration creates every content type with version 0).
 */
export function writeVersion(ctx: RequestContext, exists: boolean): number | undefined {
  const version = versionHeader(ctx)
  return !exists && version === 0 ? undefined : version
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A new id for a POST create: 22 random base62 characters, the shape of Contentful's generated ids. */
export function newId(): string {
  let id = ''
  while (id.length < 22) {
    // 248 = 4 × 62: bytes above it are skipped so every character is equally likely.
    for (const byte of randomBytes(32)) if (byte < 248 && id.length < 22) id += BASE62[byte % 62]
  }
  return id
}
