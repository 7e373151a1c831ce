// Link resolution as the CDA does it: walk links breadth-first from the items, `include` levels deep, and put
// every target not already among the items into `includes.Entry` / `includes.Asset`; a link whose target is
// not published becomes a `notResolvable` error. Links inside Object fields are data, not links.
import type { Field } from '../../model/contentful-types.ts'
import type { Json } from './shape.ts'

export interface LinkRef {
  linkType: 'Entry' | 'Asset'
  id: string
}

/** Links in an entry's delivered fields: link fields, arrays of links and Rich Text embeds. */
export function linksOf(entry: Json, fieldsById: Map<string, Field> | undefined): LinkRef[] {
  const out: LinkRef[] = []
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x)
      return
    }
    if (v === null || typeof v !== 'object') return
    const sys = (v as Json).sys as Json | undefined
    if (
      sys?.type === 'Link' &&
      (sys.linkType === 'Entry' || sys.linkType === 'Asset') &&
      typeof sys.id === 'string'
    ) {
      out.push({ linkType: sys.linkType, id: sys.id })
      return
    }
    for (const x of Object.values(v)) walk(x)
  }
  const fields = (entry.fields ?? {}) as Json
  for (const [id, value] of Object.entries(fields)) {
    if (fieldsById?.get(id)?.type === 'Object') continue
    walk(value)
  }
  return out
}

export interface IncludeSource {
  entry(id: string): Json | undefined
  asset(id: string): Json | undefined
  fieldsOf(entry: Json): Map<string, Field> | undefined
}

export interface Included {
  includes: { Entry: Json[]; Asset: Json[] }
  errors: Json[]
}

export function resolveIncludes(items: Json[], depth: number, source: IncludeSource): Included {
  const result: Included = { includes: { Entry: [], Asset: [] }, errors: [] }
  const seen = new Set(items.map((i) => `Entry:${(i.sys as Json | undefined)?.id}`))
  let frontier = items
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: Json[] = []
    for (const item of frontier) {
      for (const link of linksOf(item, source.fieldsOf(item))) {
        const key = `${link.linkType}:${link.id}`
        if (seen.has(key)) continue
        seen.add(key)
        const target = link.linkType === 'Entry' ? source.entry(link.id) : source.asset(link.id)
        if (!target) {
          result.errors.push({
            sys: { id: 'notResolvable', type: 'error' },
            details: { type: 'Link', linkType: link.linkType, id: link.id },
          })
          continue
        }
        result.includes[link.linkType].push(target)
        if (link.linkType === 'Entry') next.push(target)
      }
    }
    frontier = next
  }
  return result
}
