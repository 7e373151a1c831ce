// Collection answers: the query string's paging and ids, the store's query errors as Contentful's 400
// InvalidQuery, and the 7 MB response cap.
import { ValidationError } from '../../backends/port.ts'
import { HttpError } from '../http-error.ts'
import type { RequestContext } from '../types.ts'
import { collection } from './shapes.ts'

/** Contentful answers 400 past 7 MB per response. */
const RESPONSE_CAP = 7 * 1024 * 1024

export interface ListQuery {
  skip?: number
  limit?: number
  ids?: string[]
}

export function listQuery(ctx: RequestContext): ListQuery {
  const p = ctx.url.searchParams
  const out: ListQuery = {}
  if (p.has('skip')) out.skip = Number(p.get('skip'))
  if (p.has('limit')) out.limit = Number(p.get('limit'))
  const ids = p.get('sys.id[in]') ?? p.get('sys.id')
  if (ids) out.ids = ids.split(',').filter(Boolean)
  return out
}

/** Runs a store query; its complaints about the query are Contentful's 400 InvalidQuery, not a 422 on content. */
export function storeQuery<T>(run: () => T): T {
  try {
    return run()
  } catch (err) {
    if (err instanceof ValidationError)
      throw new HttpError(400, 'InvalidQuery', err.message, { errors: err.details })
    throw err
  }
}

/** A page of a list held in memory (content types: a handful), by the query's ids, skip and limit. */
export function page<T extends { sys: { id: string } }>(ctx: RequestContext, items: T[]) {
  const q = listQuery(ctx)
  const skip = q.skip ?? 0
  const limit = Math.min(q.limit ?? 100, 1000)
  const chosen = q.ids ? items.filter((i) => q.ids?.includes(i.sys.id)) : items
  return collection(chosen.slice(skip, skip + limit), chosen.length, skip, limit)
}

/** Answers with a page the store chose, shaped, unless it would pass the response cap. */
export function sendPage<T>(
  ctx: RequestContext,
  result: { items: T[]; total: number; skip: number; limit: number },
  shape: (item: T) => unknown,
): void {
  const body = collection(result.items.map(shape), result.total, result.skip, result.limit)
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
