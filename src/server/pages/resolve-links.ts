// A CDA response → its items with links replaced by the linked entries and assets, as the `contentful` client
// does with `withoutUnresolvableLinks`: an unresolvable link is dropped from arrays and left undefined in
// single-link fields. Entities are shared, not copied per link, so cycles (related articles) cost nothing.
type Json = Record<string, unknown>

interface LinkSys {
  type: 'Link'
  linkType: 'Entry' | 'Asset'
  id: string
}

const isLink = (v: unknown): v is { sys: LinkSys } => {
  const sys = (v as { sys?: Json } | null)?.sys
  return (
    typeof v === 'object' && sys?.type === 'Link' && (sys.linkType === 'Entry' || sys.linkType === 'Asset')
  )
}

const MISSING = Symbol('missing')

export function resolveResponse<T>(body: Json): T[] {
  const includes = (body.includes ?? {}) as { Entry?: Json[]; Asset?: Json[] }
  const items = (body.items ?? []) as Json[]
  const copies = new Map<string, Json>()
  for (const [type, list] of [
    ['Entry', [...items, ...(includes.Entry ?? [])]],
    ['Asset', includes.Asset ?? []],
  ] as const) {
    for (const e of list)
      copies.set(`${type}:${(e.sys as Json).id}`, { ...e, fields: { ...(e.fields as Json) } })
  }
  const resolve = (v: unknown): unknown => {
    if (isLink(v)) return copies.get(`${v.sys.linkType}:${v.sys.id}`) ?? MISSING
    if (Array.isArray(v)) return v.map(resolve).filter((x) => x !== MISSING)
    if (v === null || typeof v !== 'object') return v
    // Rich Text nodes: resolve `data.target` and walk `content`; other objects are data (Object fields).
    const node = v as Json
    if (typeof node.nodeType !== 'string') return v
    const out: Json = { ...node }
    const data = node.data as Json | undefined
    if (data && isLink(data.target)) {
      const target = resolve(data.target)
      out.data = target === MISSING ? { ...data } : { ...data, target }
    }
    if (Array.isArray(node.content)) out.content = node.content.map(resolve)
    return out
  }
  for (const entity of copies.values()) {
    const fields = entity.fields as Json
    for (const [id, value] of Object.entries(fields)) {
      const resolved = resolve(value)
      if (resolved === MISSING) delete fields[id]
      else fields[id] = resolved
    }
  }
  return items.map((i) => copies.get(`Entry:${(i.sys as Json).id}`) as T)
}
