// Management `GET /entries` and `GET /assets` with Contentful's search parameters. A plain page (content type,
// ids, field equality, skip, limit) is answered by the store in SQL, as the sync's paged reads need; anything
// more (operators, order, `query`, `sys.*` and `metadata.*` filters) runs through the Delivery engine's own
// query code (delivery/params.ts, delivery/query.ts) over the Management shapes, so both faces agree.
import type { Field } from '../../model/contentful-types.ts'
import { DEFAULT_LOCALE } from '../../model/contentful-types.ts'
import { invalidQuery } from '../delivery/errors.ts'
import { type ListQuery, parseListQuery } from '../delivery/params.ts'
import { runQuery, searchableText, select } from '../delivery/query.ts'
import type { Json } from '../delivery/shape.ts'
import type { RequestContext } from '../types.ts'
import { sendPage, storeQuery } from './listing.ts'
import { where } from './route.ts'
import { assetJson, entryJson } from './shapes.ts'

/** Parameters the store answers itself; any other one sends the query through the engine. */
const PLAIN = /^(content_type|skip|limit|sys\.id|sys\.id\[in\]|fields\.[A-Za-z0-9_]+(\.sys\.id)?)$/
const ASSET_FIELDS = new Set(['title', 'description', 'file'])
const PAGE = 1000

/** Orders the store gives anyway (creation time, then id): paged reads (export, the sync) ask for them. */
const STORE_ORDERS = new Set(['sys.createdAt', 'sys.createdAt,sys.id'])

function isPlain(params: URLSearchParams): boolean {
  for (const [name, value] of params) {
    if (name === 'order' && STORE_ORDERS.has(value)) continue
    if (!PLAIN.test(name)) return false
  }
  return true
}

/** Every record the store holds that `read` pages through. */
function readAll<T>(read: (skip: number) => { items: T[]; total: number }): T[] {
  const out: T[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = read(skip)
    out.push(...page.items)
    if (page.items.length === 0 || out.length >= page.total) return out
  }
}

/** Fields flattened to one locale, what filters and order compare (`fields.name=Ada`). */
function flattened(item: Json, locale: string): Json {
  const fields: Json = {}
  for (const [id, values] of Object.entries((item.fields ?? {}) as Record<string, Json>)) {
    const v = values?.[locale] ?? values?.[DEFAULT_LOCALE]
    if (v !== undefined && v !== null) fields[id] = v
  }
  return { ...item, fields }
}

function answer(ctx: RequestContext, q: ListQuery, items: Json[], total: number): void {
  const chosen = q.select ? items.map((i) => select(i, q.select as string[][])) : items
  sendPage(ctx, { items: chosen, total, skip: q.skip, limit: q.limit }, (i) => i)
}

const BY_CREATION = [{ path: ['sys', 'createdAt'], desc: false }]

/** `published`: `/public/entries`, the published versions (as the Management API serves them there). */
export function listEntries(ctx: RequestContext, published = false): void {
  const params = ctx.url.searchParams
  const contentTypeId = params.get('content_type') ?? params.get('sys.contentType.sys.id') ?? undefined
  if (isPlain(params)) {
    const fields: Record<string, string> = {}
    for (const [k, v] of params) if (k.startsWith('fields.')) fields[k.slice(7)] = v
    const p = (name: string) => (params.has(name) ? { [name]: Number(params.get(name)) } : {})
    const ids = params.get('sys.id[in]') ?? params.get('sys.id')
    const result = storeQuery(() =>
      ctx.space.entries.query({
        published,
        ...p('skip'),
        ...p('limit'),
        ...(ids ? { ids: ids.split(',').filter(Boolean) } : {}),
        ...(contentTypeId ? { contentTypeId } : {}),
        ...(Object.keys(fields).length ? { fields } : {}),
      }),
    )
    sendPage(ctx, result, (e) => entryJson(e, where(ctx)))
    return
  }
  const q = parseListQuery(params)
  const locale = q.locale && q.locale !== '*' ? q.locale : DEFAULT_LOCALE
  const definitions = new Map<string, Map<string, Field>>()
  const fieldsOf = (item: Json) => {
    const id = (item.sys as { contentType: { sys: { id: string } } }).contentType.sys.id
    let defs = definitions.get(id)
    if (!defs) {
      const ct = ctx.space.contentTypes.find(id)
      defs = new Map((ct?.active ?? ct?.contentType)?.fields.map((f) => [f.id, f]) ?? [])
      definitions.set(id, defs)
    }
    return defs
  }
  const usesFields = [...q.filters.map((f) => f.path), ...q.order.map((o) => o.path)].filter(
    (p) => p[0] === 'fields',
  )
  if (usesFields.length) {
    if (!q.contentType) throw invalidQuery('A content_type is required when querying or ordering by fields')
    const ct = ctx.space.contentTypes.find(q.contentType)
    if (!ct) throw invalidQuery(`Unknown content type: ${q.contentType}`)
    const known = new Set((ct.active ?? ct.contentType).fields.map((f) => f.id))
    for (const p of usesFields) {
      if (!known.has(p[1] as string))
        throw invalidQuery(`No field with id "${p[1]}" found in content type ${q.contentType}`)
    }
  }
  const all = readAll((skip) =>
    storeQuery(() =>
      ctx.space.entries.query({
        published,
        skip,
        limit: PAGE,
        ...(q.contentType ? { contentTypeId: q.contentType } : {}),
      }),
    ),
  ).map((e) => entryJson(e, where(ctx)) as Json)
  const views = new Map(all.map((e) => [e, flattened(e, locale)]))
  const view = (e: Json) => views.get(e) as Json
  const { total, items } = runQuery(all, q, view, (e) => searchableText(e, fieldsOf), BY_CREATION)
  answer(ctx, q, items, total)
}

export function listAssets(ctx: RequestContext, published = false): void {
  const params = ctx.url.searchParams
  if (isPlain(params) && ![...params.keys()].some((k) => k.startsWith('fields.') || k === 'content_type')) {
    const p = (name: string) => (params.has(name) ? { [name]: Number(params.get(name)) } : {})
    const ids = params.get('sys.id[in]') ?? params.get('sys.id')
    const result = storeQuery(() =>
      ctx.space.assets.query({
        published,
        ...p('skip'),
        ...p('limit'),
        ...(ids ? { ids: ids.split(',').filter(Boolean) } : {}),
      }),
    )
    sendPage(ctx, result, (a) => assetJson(a, where(ctx)))
    return
  }
  const q = parseListQuery(params)
  if (q.contentType) throw invalidQuery('content_type does not apply to assets')
  for (const p of [...q.filters.map((f) => f.path), ...q.order.map((o) => o.path)]) {
    if (p[0] === 'fields' && !ASSET_FIELDS.has(p[1] as string))
      throw invalidQuery(`Assets have no field "${p[1]}" (title, description, file)`)
  }
  const locale = q.locale && q.locale !== '*' ? q.locale : DEFAULT_LOCALE
  const all = readAll((skip) =>
    storeQuery(() => ctx.space.assets.query({ published, skip, limit: PAGE })),
  ).map((a) => assetJson(a, where(ctx)) as Json)
  const views = new Map(all.map((a) => [a, flattened(a, locale)]))
  const { total, items } = runQuery(
    all,
    q,
    (a) => views.get(a) as Json,
    (a) => searchableText(a, undefined),
    BY_CREATION,
  )
  answer(ctx, q, items, total)
}
