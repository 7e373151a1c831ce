// Filtering, ordering, paging and selection over delivered (shaped) items, as the CDA applies them.
// Arrays match element-wise: `fields.tags=x` finds items whose tags contain x, and paths step through arrays
// of links (`fields.resolutions.sys.id`).
import type { Field } from '../../model/contentful-types.ts'
import { matchesTerms, parseTerms, textOf } from './full-text.ts'
import type { Filter, ListQuery, OrderKey } from './params.ts'
import type { Json } from './shape.ts'

/** Every leaf value at `path`, stepping into arrays. */
export function valuesAt(item: unknown, path: string[]): unknown[] {
  let current: unknown[] = [item]
  for (const key of path) {
    const next: unknown[] = []
    for (const v of current) {
      for (const x of Array.isArray(v) ? v : [v]) {
        if (x !== null && typeof x === 'object' && key in x) next.push((x as Json)[key])
      }
    }
    current = next
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined && v !== null)
}

const text = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v))

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = text(a)
  const y = text(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Compares a stored value with a query string, numerically when the value is a number. */
function compareTo(v: unknown, raw: string): number {
  if (typeof v === 'number') return v - Number(raw)
  return compare(v, raw)
}

export function matches(item: Json, f: Filter): boolean {
  const values = valuesAt(item, f.path)
  const list = () => f.value.split(',')
  const eq = (v: unknown, raw: string) => text(v) === raw
  switch (f.op) {
    case 'eq':
      return values.some((v) => eq(v, f.value))
    case 'ne':
      return !values.some((v) => eq(v, f.value))
    case 'in':
      return values.some((v) => list().some((raw) => eq(v, raw)))
    case 'nin':
      return !values.some((v) => list().some((raw) => eq(v, raw)))
    case 'all':
      return list().every((raw) => values.some((v) => eq(v, raw)))
    case 'exists':
      return values.length > 0 === (f.value === 'true')
    case 'lt':
      return values.some((v) => compareTo(v, f.value) < 0)
    case 'lte':
      return values.some((v) => compareTo(v, f.value) <= 0)
    case 'gt':
      return values.some((v) => compareTo(v, f.value) > 0)
    case 'gte':
      return values.some((v) => compareTo(v, f.value) >= 0)
    case 'match':
      return matchesTerms(values.flatMap(textOf), parseTerms(f.value))
  }
}

/** Sorts by the keys in turn; items without a value sort last; sys.id breaks ties so pages are stable. */
export function orderBy<T>(items: T[], keys: OrderKey[], view: (item: T) => Json): T[] {
  const all = [...keys, { path: ['sys', 'id'], desc: false }]
  return [...items].sort((a, b) => {
    for (const k of all) {
      const x = valuesAt(view(a), k.path)[0]
      const y = valuesAt(view(b), k.path)[0]
      if (x === undefined && y === undefined) continue
      if (x === undefined) return 1
      if (y === undefined) return -1
      const c = compare(x, y)
      if (c !== 0) return k.desc ? -c : c
    }
    return 0
  })
}

/** Keeps only the selected paths (`sys`, `sys.id`, `fields`, `fields.title`…). */
export function select(item: Json, paths: string[][]): Json {
  const out: Json = {}
  for (const [root, key] of paths) {
    const source = item[root as string]
    if (source === undefined) continue
    if (key === undefined) {
      out[root as string] = source
      continue
    }
    const value = (source as Json)[key]
    // Skip when the whole root is already selected: writing into it would mutate the shared item.
    if (value === undefined || out[root as string] === source) continue
    const target = (out[root as string] ?? {}) as Json
    target[key] = value
    out[root as string] = target
  }
  return out
}

const SEARCHED_TYPES = new Set(['Symbol', 'Text', 'RichText'])

/**
 * What `query=` searches in one item (an entry or asset as its face shows it, fields flattened or per
 * locale): the text, symbol and Rich Text fields of an entry (lists of symbols too), an asset's title,
 * description and file name. `fieldsOf` gives an entry's content type fields; undefined for assets.
 */
export function searchableText(
  item: Json,
  fieldsOf: ((item: Json) => Map<string, Field> | undefined) | undefined,
): string[] {
  const fields = (item.fields ?? {}) as Json
  const defs = fieldsOf?.(item)
  const out: string[] = []
  for (const [id, value] of Object.entries(fields)) {
    if (defs) {
      const f = defs.get(id)
      const type = f?.type === 'Array' ? f.items?.type : f?.type
      if (!type || !SEARCHED_TYPES.has(type)) continue
      out.push(
        ...textOf(value),
        ...(isLocaleMap(value, f) ? Object.values(value as Json).flatMap(textOf) : []),
      )
    } else if (id === 'title' || id === 'description') {
      out.push(
        ...textOf(value),
        ...(typeof value === 'object' && value !== null ? Object.values(value).flatMap(textOf) : []),
      )
    } else if (id === 'file') {
      const files = (value as Json).fileName !== undefined ? [value] : Object.values(value as Json)
      for (const file of files)
        if (typeof (file as Json)?.fileName === 'string') out.push((file as Json).fileName as string)
    }
  }
  return out
}

/** A value keyed by locale (the Management shape, or `locale=*`), not a Rich Text document itself. */
function isLocaleMap(value: unknown, f: Field | undefined): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !('nodeType' in value) &&
    f !== undefined
  )
}

/**
 * Filters, full-text search, order and paging as both faces apply them: `view` is what filters and order see,
 * `texts` what `query=` searches. `defaultOrder` applies when the query has no `order`.
 */
export function runQuery<T>(
  all: T[],
  q: Pick<ListQuery, 'filters' | 'order' | 'skip' | 'limit' | 'query'>,
  view: (item: T) => Json,
  texts: (item: T) => string[],
  defaultOrder: OrderKey[] = [],
): { total: number; items: T[] } {
  const terms = q.query === undefined ? [] : parseTerms(q.query)
  const found = orderBy(
    all.filter(
      (item) =>
        q.filters.every((f) => matches(view(item), f)) &&
        (terms.length === 0 || matchesTerms(texts(item), terms)),
    ),
    q.order.length ? q.order : defaultOrder,
    view,
  )
  return { total: found.length, items: found.slice(q.skip, q.skip + q.limit) }
}
