// Store records → the JSON the Management API answers with: full `sys` objects (space and environment links,
// versions, counters) and the definition fields at the top level, as the SDK expects them.

import type { ContentTypeView } from '../../backends/sqlite/content-type-store.ts'
import type { AssetView, EntryView } from '../../backends/sqlite/entity-store.ts'
import type { ContentType, EditorInterfaceRecord } from '../../model/contentful-types.ts'
import type { AliasRecord } from './registry.ts'

export interface Where {
  spaceId: string
  envId: string
  /** `//127.0.0.1:8787`: asset file urls are given protocol-relative under it, as Contentful's CDN urls are. */
  assetOrigin?: string
}

const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } })

function common(where: Where) {
  return { space: link('Space', where.spaceId), environment: link('Environment', where.envId) }
}

export function entryJson(e: EntryView, where: Where) {
  return { metadata: e.metadata, sys: { ...common(where), ...e.sys }, fields: e.fields }
}

export function assetJson(a: AssetView, where: Where) {
  return {
    metadata: a.metadata,
    sys: { ...common(where), ...a.sys },
    fields: withOrigin(a.fields, where.assetOrigin),
  }
}

/** Served paths (`/assets/local/…`) → `//host:port/assets/local/…`; other urls (a remote upload) unchanged. */
function withOrigin(fields: AssetView['fields'], origin: string | undefined): AssetView['fields'] {
  if (!origin || !fields.file) return fields
  const file = Object.fromEntries(
    Object.entries(fields.file).map(([locale, f]) => [
      locale,
      f?.url?.startsWith('/') && !f.url.startsWith('//') ? { ...f, url: origin + f.url } : f,
    ]),
  )
  return { ...fields, file }
}

/**
 * The inverse for writes: a client sends back the url it was given (the SDK's update sends every field), and
 * the store keeps the served path, so the file stays found whichever host name the client used.
 */
export function servedPaths(fields: unknown, spaceId: string, assetId: string): unknown {
  const file = (fields as { file?: Record<string, { url?: unknown }> } | null)?.file
  if (!file || typeof file !== 'object') return fields
  const prefix = `/assets/${spaceId}/${assetId}/`
  const out: Record<string, unknown> = {}
  for (const [locale, f] of Object.entries(file)) {
    const url = f?.url
    const m = typeof url === 'string' ? /^(?:https?:)?\/\/[^/]+(\/assets\/.*)$/.exec(url) : null
    out[locale] = m?.[1]?.startsWith(prefix) ? { ...f, url: m[1] } : f
  }
  return { ...(fields as object), file: out }
}

export function contentTypeJson(ct: ContentTypeView, where: Where, which: 'draft' | 'active' = 'draft') {
  const def = (which === 'active' ? ct.active : ct.contentType) as ContentType
  return {
    sys: { ...common(where), ...ct.sys },
    name: def.name,
    description: def.description ?? '',
    displayField: def.displayField,
    fields: def.fields,
  }
}

export function editorInterfaceJson(ei: EditorInterfaceRecord, where: Where) {
  return {
    sys: {
      ...common(where),
      ...ei.sys,
      contentType: link('ContentType', ei.sys.contentType.sys.id),
    },
    ...ei.editorInterface,
  }
}

export function environmentJson(
  id: string,
  where: Pick<Where, 'spaceId'>,
  aliases: string[],
  createdAt: string,
  name = id,
) {
  return {
    name,
    sys: {
      type: 'Environment',
      id,
      version: 1,
      space: link('Space', where.spaceId),
      status: link('Status', 'ready'),
      createdAt,
      updatedAt: createdAt,
      ...(aliases.length ? { aliases: aliases.map((a) => link('EnvironmentAlias', a)) } : {}),
    },
  }
}

export function aliasJson(id: string, rec: AliasRecord, spaceId: string) {
  return {
    sys: {
      type: 'EnvironmentAlias',
      id,
      version: rec.version,
      space: link('Space', spaceId),
      createdAt: rec.createdAt,
      updatedAt: rec.updatedAt,
    },
    environment: link('Environment', rec.target),
  }
}

export function collection<T>(items: T[], total = items.length, skip = 0, limit = items.length) {
  return { sys: { type: 'Array' }, total, skip, limit, items }
}
