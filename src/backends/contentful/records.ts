// What the API returns → the port's records. The API's sys objects carry much more (space, environment,
// createdBy, …); the port keeps only what the migration runner and the sync use, the same fields the embedded
// space returns, so one contract suite can compare both.
import type {
  AssetRecord,
  ContentType,
  ContentTypeRecord,
  EditorInterface,
  EditorInterfaceRecord,
  EntryRecord,
  Sys,
} from '../../model/contentful-types.ts'

// biome-ignore lint/suspicious/noExplicitAny: API payloads are untyped JSON here
type Json = any

function pickSys<T extends Sys['type']>(sys: Json, type: T): Sys & { type: T } {
  const out: Sys & { type: T } = {
    id: sys.id,
    type,
    version: sys.version,
    createdAt: sys.createdAt,
    updatedAt: sys.updatedAt,
  }
  if (sys.publishedVersion !== undefined) out.publishedVersion = sys.publishedVersion
  if (sys.archivedVersion !== undefined) out.archivedVersion = sys.archivedVersion
  if (sys.publishedAt !== undefined) out.publishedAt = sys.publishedAt
  return out
}

export function toEntryRecord(raw: Json): EntryRecord {
  return {
    sys: {
      ...pickSys(raw.sys, 'Entry'),
      contentType: { sys: { type: 'Link', linkType: 'ContentType', id: raw.sys.contentType.sys.id } },
    },
    fields: raw.fields ?? {},
  }
}

export function toAssetRecord(raw: Json): AssetRecord {
  return { sys: pickSys(raw.sys, 'Asset'), fields: raw.fields ?? {} }
}

/** The definition part of a content type payload (what a PUT takes). */
export function toContentType(raw: Json): ContentType {
  const ct: ContentType = {
    id: raw.sys.id,
    name: raw.name,
    displayField: raw.displayField,
    fields: (raw.fields ?? []).map(cleanField),
  }
  if (raw.description) ct.description = raw.description
  return ct
}

function cleanField(f: Json): ContentType['fields'][number] {
  const out: Json = { id: f.id, name: f.name, type: f.type, required: !!f.required, localized: !!f.localized }
  if (f.linkType !== undefined) out.linkType = f.linkType
  if (f.items !== undefined) out.items = f.items
  if (f.validations !== undefined) out.validations = f.validations
  if (f.disabled) out.disabled = true
  if (f.omitted) out.omitted = true
  if (f.deleted) out.deleted = true
  // A pending rename is part of the write: dropping it would make a rename look already done.
  if (f.newId !== undefined && f.newId !== f.id) out.newId = f.newId
  return out
}

/** Draft (from `/content_types`) and active (from `/public/content_types`) into one record. */
export function toContentTypeRecord(draft: Json, active: Json | undefined): ContentTypeRecord {
  return {
    sys: pickSys(draft.sys, 'ContentType'),
    contentType: toContentType(draft),
    active: active ? toContentType(active) : null,
  }
}

export function toEditorInterface(raw: Json): EditorInterface {
  const ei: EditorInterface = { controls: raw.controls ?? [] }
  for (const key of ['sidebar', 'editors', 'groupControls', 'editorLayout'] as const) {
    if (raw[key] !== undefined) ei[key] = raw[key]
  }
  return ei
}

export function toEditorInterfaceRecord(raw: Json): EditorInterfaceRecord {
  return {
    sys: {
      ...pickSys({ ...raw.sys, id: raw.sys.id ?? 'default' }, 'EditorInterface'),
      contentType: { sys: { id: raw.sys.contentType.sys.id } },
    },
    editorInterface: toEditorInterface(raw),
  }
}

/** JSON with object keys sorted: equal values give equal strings whatever order the server used. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}
