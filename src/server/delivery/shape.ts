// Published records → the JSON the CDA returns: its `sys` shape, and fields flattened to one locale (or kept
// per locale for `locale=*`). Asset file urls become protocol-relative, as `//images.ctfassets.net/…` are.
import type { Field } from '../../model/contentful-types.ts'
import type {
  DeliverySnapshot,
  PublishedAsset,
  PublishedContentType,
  PublishedEntry,
  PublishedSys,
  PublishedTag,
} from './snapshot.ts'

export type Json = Record<string, unknown>

export interface ShapeOptions {
  /** A locale code, or `*` for every locale. */
  locale: string
  /** Prefix for asset file paths, e.g. `//127.0.0.1:4000`. */
  assetOrigin: string
}

const linkTo = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } })

function baseSys(snap: DeliverySnapshot, type: string, sys: PublishedSys, locale: string): Json {
  const out: Json = {
    space: linkTo('Space', snap.spaceId),
    id: sys.id,
    type,
    createdAt: sys.createdAt,
    updatedAt: sys.updatedAt,
    environment: linkTo('Environment', snap.environmentId),
    revision: sys.revision,
  }
  // `locale=*` responses carry every locale, so their sys names none.
  if (locale !== '*') out.locale = locale
  return out
}

/**
 * One field's value in the requested locale, else along its fallback chain as Contentful does (a locale
 * whose chain ends without a value leaves the field out). Without configured fallbacks: the default locale.
 */
function pick(values: Record<string, unknown> | undefined, locale: string, snap: DeliverySnapshot): unknown {
  if (!values) return undefined
  const seen = new Set<string>()
  for (let at: string | null | undefined = locale; at && !seen.has(at); ) {
    seen.add(at)
    const v = values[at]
    if (v !== undefined && v !== null) return v
    at = snap.fallbacks ? snap.fallbacks[at] : at === snap.defaultLocale ? null : snap.defaultLocale
  }
  return undefined
}

function flatten(
  fields: Record<string, Record<string, unknown> | undefined>,
  keep: (id: string) => boolean,
  snap: DeliverySnapshot,
  locale: string,
  map: (id: string, value: unknown) => unknown = (_id, v) => v,
): Json {
  const out: Json = {}
  for (const [id, values] of Object.entries(fields)) {
    if (!keep(id) || !values) continue
    if (locale === '*') {
      const all: Json = {}
      for (const [code, v] of Object.entries(values)) {
        if (snap.locales.includes(code) && v !== undefined && v !== null) all[code] = map(id, v)
      }
      if (Object.keys(all).length > 0) out[id] = all
    } else {
      const v = pick(values, locale, snap)
      if (v !== undefined && v !== null) out[id] = map(id, v)
    }
  }
  return out
}

export function shapeEntry(
  snap: DeliverySnapshot,
  entry: PublishedEntry,
  contentFields: Map<string, Field> | undefined,
  opts: ShapeOptions,
): Json {
  const sys = baseSys(snap, 'Entry', entry.sys, opts.locale)
  sys.contentType = linkTo('ContentType', entry.sys.contentTypeId)
  // Omitted and deleted fields are hidden from the Delivery API; unknown ones (not in the model) too.
  const keep = (id: string) => {
    const f = contentFields?.get(id)
    return f !== undefined && !f.omitted && !f.deleted
  }
  return {
    metadata: { tags: tagLinks(entry.tags), concepts: [] },
    sys,
    fields: flatten(entry.fields, keep, snap, opts.locale),
  }
}

export function shapeAsset(snap: DeliverySnapshot, asset: PublishedAsset, opts: ShapeOptions): Json {
  const sys = baseSys(snap, 'Asset', asset.sys, opts.locale)
  const fields = flatten(
    asset.fields,
    () => true,
    snap,
    opts.locale,
    (id, v) => (id === 'file' ? withOrigin(v as Json, opts.assetOrigin) : v),
  )
  return { metadata: { tags: tagLinks(asset.tags), concepts: [] }, sys, fields }
}

const tagLinks = (ids: string[] = []) => ids.map((id) => linkTo('Tag', id))

export function shapeTag(snap: DeliverySnapshot, tag: PublishedTag): Json {
  return {
    name: tag.name,
    sys: {
      id: tag.id,
      type: 'Tag',
      createdAt: tag.createdAt,
      updatedAt: tag.updatedAt,
      version: tag.version,
      visibility: 'public',
      space: linkTo('Space', snap.spaceId),
      environment: linkTo('Environment', snap.environmentId),
      createdBy: linkTo('User', 'local'),
      updatedBy: linkTo('User', 'local'),
    },
  }
}

function withOrigin(file: Json, origin: string): Json {
  const url = typeof file.url === 'string' ? file.url : undefined
  const { upload: _upload, uploadFrom: _uploadFrom, ...rest } = file
  if (!url?.startsWith('/') || url.startsWith('//')) return rest
  return { ...rest, url: origin + url }
}

export function shapeContentType(snap: DeliverySnapshot, ct: PublishedContentType): Json {
  const sys = baseSys(snap, 'ContentType', ct.sys, '*')
  const { id: _id, ...definition } = ct.contentType
  return {
    sys,
    ...definition,
    description: definition.description ?? '',
    fields: definition.fields.filter((f) => !f.deleted).map((f) => ({ validations: [], ...f })),
  }
}
