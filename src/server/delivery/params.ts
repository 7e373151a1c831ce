// The CDA's query string → a checked query. Anything the face does not support is refused with a 400 that
// names the parameter, rather than silently ignored (a site developer would otherwise trust a wrong result).
import { invalidQuery } from './errors.ts'

export type Operator = 'eq' | 'ne' | 'in' | 'nin' | 'all' | 'exists' | 'lt' | 'lte' | 'gt' | 'gte' | 'match'

export interface Filter {
  /** The parameter as sent, for error messages. */
  param: string
  path: string[]
  op: Operator
  value: string
}

export interface OrderKey {
  path: string[]
  desc: boolean
}

export interface ListQuery {
  contentType?: string
  locale?: string
  include: number
  limit: number
  skip: number
  order: OrderKey[]
  select?: string[][]
  filters: Filter[]
  linksToEntry?: string
  linksToAsset?: string
  mimetypeGroup?: string
  /** `query=`: full-text search over every text field. */
  query?: string
}

export const MAX_LIMIT = 1000
export const MAX_INCLUDE = 10

const OPERATORS = new Set(['ne', 'in', 'nin', 'all', 'exists', 'lt', 'lte', 'gt', 'gte', 'match'])
const FILTER = /^((?:sys|fields|metadata)\.[A-Za-z0-9_.]+?)(?:\[([a-z]+)\])?$/
const PATH = /^(?:sys|fields|metadata)(?:\.[A-Za-z0-9_]+)*$/
/** Parameters that carry no query meaning here: the token, and cache busters some clients add. */
const IGNORED = new Set(['access_token'])

function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw invalidQuery(`${name} must be an integer, got "${raw}"`)
  const n = Number(raw)
  if (n < min || n > max) throw invalidQuery(`${name} must be between ${min} and ${max}, got ${n}`)
  return n
}

function path(name: string, raw: string): string[] {
  if (!PATH.test(raw)) throw invalidQuery(`${name}: "${raw}" is not a sys.…, fields.… or metadata.… path`)
  return raw.split('.')
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  const q: ListQuery = { include: 1, limit: 100, skip: 0, order: [], filters: [] }
  for (const [name, value] of params) {
    switch (name) {
      case 'content_type':
        q.contentType = value
        break
      case 'locale':
        q.locale = value
        break
      case 'include':
        q.include = integer('include', value, 0, MAX_INCLUDE)
        break
      case 'limit':
        q.limit = integer('limit', value, 0, MAX_LIMIT)
        break
      case 'skip':
        q.skip = integer('skip', value, 0, Number.MAX_SAFE_INTEGER)
        break
      case 'order':
        q.order = value.split(',').map((raw) => {
          const desc = raw.startsWith('-')
          return { desc, path: path('order', desc ? raw.slice(1) : raw) }
        })
        break
      case 'select':
        q.select = value.split(',').map((raw) => {
          const p = path('select', raw.trim())
          // Contentful allows at most two levels (fields.title, sys.id).
          if (p.length > 2) throw invalidQuery(`select: "${raw}" is deeper than two levels`)
          return p
        })
        break
      case 'links_to_entry':
        q.linksToEntry = value
        break
      case 'links_to_asset':
        q.linksToAsset = value
        break
      case 'mimetype_group':
        q.mimetypeGroup = value
        break
      case 'query':
        q.query = value
        break
      case 'sys.contentType.sys.id':
        // The long form of content_type: it also allows field filters.
        q.contentType = value
        break
      default: {
        if (IGNORED.has(name)) break
        const m = FILTER.exec(name)
        if (!m) throw invalidQuery(`unsupported query parameter "${name}"`)
        const op = (m[2] ?? 'eq') as Operator
        if (m[2] && !OPERATORS.has(m[2])) throw invalidQuery(`unsupported operator [${m[2]}] in "${name}"`)
        if (op === 'exists' && value !== 'true' && value !== 'false') {
          throw invalidQuery(`${name} must be true or false, got "${value}"`)
        }
        q.filters.push({ param: name, path: (m[1] as string).split('.'), op, value })
      }
    }
  }
  return q
}
