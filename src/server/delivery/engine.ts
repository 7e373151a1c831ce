// The Delivery API over a snapshot: path + query string → the CDA's JSON. Pure: no store, no socket.
import type { Field } from '../../model/contentful-types.ts'
import { DeliveryError, invalidQuery, notFound } from './errors.ts'
import { linksOf, resolveIncludes } from './includes.ts'
import { type ListQuery, parseListQuery } from './params.ts'
import { runQuery, searchableText, select } from './query.ts'
import { type Json, shapeAsset, shapeContentType, shapeEntry, shapeTag } from './shape.ts'
import type { DeliverySnapshot, PublishedAsset, PublishedEntry } from './snapshot.ts'

export interface DeliverOptions {
  /** Prefix for asset file urls, e.g. `//127.0.0.1:4000` (protocol-relative, like Contentful's). */
  assetOrigin: string
}

/** Contentful's asset mimetype groups, as the file content types that belong to each. */
const MIMETYPE_GROUPS: Record<string, (type: string) => boolean> = {
  image: (t) => t.startsWith('image/'),
  audio: (t) => t.startsWith('audio/'),
  video: (t) => t.startsWith('video/'),
  plaintext: (t) => t === 'text/plain',
  pdfdocument: (t) => t === 'application/pdf',
  archive: (t) => /zip|tar|gzip|rar|7z/.test(t),
}

const ASSET_FIELDS = new Set(['title', 'description', 'file'])

/** Lookups over one snapshot, built once and reused by every request that sees the same snapshot. */
interface Index {
  fields: Map<string, Map<string, Field>>
  entries: Map<string, PublishedEntry>
  byType: Map<string, PublishedEntry[]>
  assets: Map<string, PublishedAsset>
  /** Shaped items per `locale|origin`: a list query over 1,000 entries then shapes nothing twice. */
  shaped: Map<string, Map<string, Json>>
}

const indexes = new WeakMap<DeliverySnapshot, Index>()

function indexOf(snap: DeliverySnapshot): Index {
  let ix = indexes.get(snap)
  if (ix) return ix
  const fields = new Map(
    snap.contentTypes.map((ct) => [ct.sys.id, new Map(ct.contentType.fields.map((f) => [f.id, f]))]),
  )
  const entries = new Map<string, PublishedEntry>()
  const byType = new Map<string, PublishedEntry[]>()
  for (const e of snap.entries) {
    // An entry whose content type is not active is not deliverable (Contentful cannot publish one).
    if (!fields.has(e.sys.contentTypeId)) continue
    entries.set(e.sys.id, e)
    const list = byType.get(e.sys.contentTypeId)
    if (list) list.push(e)
    else byType.set(e.sys.contentTypeId, [e])
  }
  ix = { fields, entries, byType, assets: new Map(snap.assets.map((a) => [a.sys.id, a])), shaped: new Map() }
  indexes.set(snap, ix)
  return ix
}

class Delivery {
  private readonly ix: Index
  constructor(
    private readonly snap: DeliverySnapshot,
    private readonly opts: DeliverOptions,
  ) {
    this.ix = indexOf(snap)
  }

  private cache(kind: string, locale: string): Map<string, Json> {
    const key = `${kind}|${locale}|${this.opts.assetOrigin}`
    const m = this.ix.shaped.get(key) ?? new Map<string, Json>()
    this.ix.shaped.set(key, m)
    return m
  }

  entry(e: PublishedEntry, locale: string): Json {
    const cache = this.cache('Entry', locale)
    let shaped = cache.get(e.sys.id)
    if (!shaped) {
      shaped = shapeEntry(this.snap, e, this.ix.fields.get(e.sys.contentTypeId), { ...this.opts, locale })
      cache.set(e.sys.id, shaped)
    }
    return shaped
  }

  asset(a: PublishedAsset, locale: string): Json {
    const cache = this.cache('Asset', locale)
    let shaped = cache.get(a.sys.id)
    if (!shaped) {
      shaped = shapeAsset(this.snap, a, { ...this.opts, locale })
      cache.set(a.sys.id, shaped)
    }
    return shaped
  }

  readonly fieldsOf = (item: Json) => {
    const ct = (item.sys as { contentType?: { sys: { id: string } } } | undefined)?.contentType
    return ct ? this.ix.fields.get(ct.sys.id) : undefined
  }

  locale(requested: string | undefined): string {
    const locale = requested ?? this.snap.defaultLocale
    if (locale !== '*' && !this.snap.locales.includes(locale)) {
      throw new DeliveryError(400, 'BadRequest', `Unknown locale: ${locale}`, {
        locales: this.snap.locales,
      })
    }
    return locale
  }

  /** Filters, searches, orders and pages; `view` is what filters see (the default locale when `locale=*`). */
  page<T>(all: T[], q: ListQuery, view: (item: T) => Json, out: (item: T) => Json, entries = true) {
    const { total, items } = runQuery(all, q, view, (item) =>
      searchableText(view(item), entries ? this.fieldsOf : undefined),
    )
    return { total, items: items.map(out) }
  }

  entries(params: URLSearchParams): Json {
    const q = parseListQuery(params)
    const locale = this.locale(q.locale)
    const viewLocale = locale === '*' ? this.snap.defaultLocale : locale
    const ctFields = q.contentType ? this.ix.fields.get(q.contentType) : undefined
    if (q.contentType && !ctFields) throw invalidQuery(`Unknown content type: ${q.contentType}`)
    for (const p of [...q.filters.map((f) => f.path), ...q.order.map((o) => o.path)]) {
      if (p[0] !== 'fields') continue
      if (!ctFields) throw invalidQuery('A content_type is required when querying or ordering by fields')
      if (!ctFields.has(p[1] as string)) {
        throw invalidQuery(`No field with id "${p[1]}" found in content type ${q.contentType}`)
      }
    }
    const links = linkFilter(q, this.fieldsOf)
    const all = (q.contentType ? this.ix.byType.get(q.contentType) : [...this.ix.entries.values()]) ?? []
    const view = (e: PublishedEntry) => this.entry(e, viewLocale)
    const candidates = links ? all.filter((e) => links(this.entry(e, viewLocale))) : all
    const { total, items } = this.page(candidates, q, view, (e) => this.entry(e, locale))
    const body: Json = { sys: { type: 'Array' }, total, skip: q.skip, limit: q.limit }
    // Links are followed from what was selected, as the CDA does: unselected link fields include nothing.
    const delivered = q.select ? items.map((i) => select(i, q.select as string[][])) : items
    body.items = delivered
    if (q.include > 0 && delivered.length > 0) {
      const { includes, errors } = resolveIncludes(delivered, q.include, {
        entry: (id) => {
          const e = this.ix.entries.get(id)
          return e && this.entry(e, locale)
        },
        asset: (id) => {
          const a = this.ix.assets.get(id)
          return a && this.asset(a, locale)
        },
        fieldsOf: this.fieldsOf,
      })
      const present: Json = {}
      if (includes.Entry.length > 0) present.Entry = includes.Entry
      if (includes.Asset.length > 0) present.Asset = includes.Asset
      if (Object.keys(present).length > 0) body.includes = present
      if (errors.length > 0) body.errors = errors
    }
    return body
  }

  entryById(id: string, params: URLSearchParams): Json {
    const locale = this.locale(parseListQuery(params).locale)
    const e = this.ix.entries.get(id)
    if (!e) throw notFound('Entry', id)
    return this.entry(e, locale)
  }

  assets(params: URLSearchParams): Json {
    const q = parseListQuery(params)
    if (q.contentType) throw invalidQuery('content_type does not apply to assets')
    const locale = this.locale(q.locale)
    const viewLocale = locale === '*' ? this.snap.defaultLocale : locale
    for (const p of [...q.filters.map((f) => f.path), ...q.order.map((o) => o.path)]) {
      if (p[0] === 'fields' && !ASSET_FIELDS.has(p[1] as string)) {
        throw invalidQuery(`Assets have no field "${p[1]}" (title, description, file)`)
      }
    }
    let all = [...this.ix.assets.values()]
    if (q.mimetypeGroup) {
      const inGroup = MIMETYPE_GROUPS[q.mimetypeGroup]
      if (!inGroup) throw invalidQuery(`Unknown mimetype_group: ${q.mimetypeGroup}`)
      all = all.filter((a) => {
        const file = (this.asset(a, viewLocale).fields as Json).file as Json | undefined
        return typeof file?.contentType === 'string' && inGroup(file.contentType)
      })
    }
    const view = (a: PublishedAsset) => this.asset(a, viewLocale)
    const { total, items } = this.page(all, q, view, (a) => this.asset(a, locale), false)
    return {
      sys: { type: 'Array' },
      total,
      skip: q.skip,
      limit: q.limit,
      items: q.select ? items.map((i) => select(i, q.select as string[][])) : items,
    }
  }

  assetById(id: string, params: URLSearchParams): Json {
    const locale = this.locale(parseListQuery(params).locale)
    const a = this.ix.assets.get(id)
    if (!a) throw notFound('Asset', id)
    return this.asset(a, locale)
  }

  contentTypes(params: URLSearchParams): Json {
    const q = parseListQuery(params)
    const shaped = this.snap.contentTypes.map((ct) => shapeContentType(this.snap, ct))
    const { total, items } = this.page(
      shaped,
      q,
      (c) => c,
      (c) => c,
      false,
    )
    return { sys: { type: 'Array' }, total, skip: q.skip, limit: q.limit, items }
  }

  tags(params: URLSearchParams): Json {
    const q = parseListQuery(params)
    const shaped = (this.snap.tags ?? []).map((tag) => shapeTag(this.snap, tag))
    const { total, items } = this.page(
      shaped,
      q,
      (c) => c,
      (c) => c,
      false,
    )
    return { sys: { type: 'Array' }, total, skip: q.skip, limit: q.limit, items }
  }

  tag(id: string): Json {
    const tag = (this.snap.tags ?? []).find((t) => t.id === id)
    if (!tag) throw notFound('Tag', id)
    return shapeTag(this.snap, tag)
  }

  contentType(id: string): Json {
    const ct = this.snap.contentTypes.find((c) => c.sys.id === id)
    if (!ct) throw notFound('ContentType', id)
    return shapeContentType(this.snap, ct)
  }

  locales(): Json {
    const items = this.snap.locales.map((code) => ({
      code,
      name: this.snap.localeNames?.[code] ?? code,
      default: code === this.snap.defaultLocale,
      fallbackCode: this.fallbackOf(code),
      sys: { id: code, type: 'Locale', version: 1 },
    }))
    return { sys: { type: 'Array' }, total: items.length, skip: 0, limit: 1000, items }
  }

  private fallbackOf(code: string): string | null {
    if (this.snap.fallbacks) return this.snap.fallbacks[code] ?? null
    return code === this.snap.defaultLocale ? null : this.snap.defaultLocale
  }

  space(): Json {
    return {
      sys: { type: 'Space', id: this.snap.spaceId },
      name: this.snap.spaceId,
      locales: this.snap.locales.map((code) => ({
        code,
        default: code === this.snap.defaultLocale,
        name: this.snap.localeNames?.[code] ?? code,
        fallbackCode: this.fallbackOf(code),
      })),
    }
  }
}

/** `links_to_entry` / `links_to_asset`: entries whose link fields (or Rich Text embeds) point at the id. */
function linkFilter(q: ListQuery, fieldsOf: (entry: Json) => Map<string, Field> | undefined) {
  const [linkType, id] = q.linksToEntry ? ['Entry', q.linksToEntry] : ['Asset', q.linksToAsset]
  if (!id) return undefined
  return (entry: Json) => linksOf(entry, fieldsOf(entry)).some((l) => l.linkType === linkType && l.id === id)
}

/**
 * Answers one Delivery request. `rest` is the path after `/spaces/{space}/environments/{env}` (`/` for the
 * space itself). Returns undefined for paths the Delivery API does not have; throws DeliveryError for refusals.
 */
export function deliver(
  snap: DeliverySnapshot,
  rest: string,
  params: URLSearchParams,
  opts: DeliverOptions,
): Json | undefined {
  const d = new Delivery(snap, opts)
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent)
  const [collection, id, extra] = parts
  if (parts.length === 0) return d.space()
  if (extra !== undefined) return undefined
  switch (collection) {
    case 'entries':
      return id === undefined ? d.entries(params) : d.entryById(id, params)
    case 'assets':
      return id === undefined ? d.assets(params) : d.assetById(id, params)
    case 'content_types':
      return id === undefined ? d.contentTypes(params) : d.contentType(id)
    case 'tags':
      return id === undefined ? d.tags(params) : d.tag(id)
    case 'locales':
      return id === undefined ? d.locales() : undefined
    default:
      return undefined
  }
}

/** What the Sync API needs from a snapshot: every delivered entity, shaped with all locales (`locale=*`). */
export interface SyncView {
  entries(): { id: string; contentTypeId: string }[]
  assets(): { id: string }[]
  entry(id: string): Json | undefined
  asset(id: string): Json | undefined
}

export function syncView(snap: DeliverySnapshot, opts: DeliverOptions): SyncView {
  const d = new Delivery(snap, opts)
  const ix = indexOf(snap)
  return {
    entries: () =>
      [...ix.entries.values()].map((e) => ({ id: e.sys.id, contentTypeId: e.sys.contentTypeId })),
    assets: () => [...ix.assets.values()].map((a) => ({ id: a.sys.id })),
    entry: (id) => {
      const e = ix.entries.get(id)
      return e && d.entry(e, '*')
    },
    asset: (id) => {
      const a = ix.assets.get(id)
      return a && d.asset(a, '*')
    },
  }
}
