// Contentful's own shapes for content types, editor interfaces, entries and assets, as the Management API
// speaks them. The port and every adapter use these, so nothing needs translating at the edges.

export const DEFAULT_LOCALE = 'en-US'

/** The field types Contentful knows; every adapter and the model checks accept exactly these. */
export const FIELD_TYPES = [
  'Symbol',
  'Text',
  'RichText',
  'Integer',
  'Number',
  'Date',
  'Boolean',
  'Location',
  'Object',
  'Link',
  'Array',
] as const

export type FieldType = (typeof FIELD_TYPES)[number]

/** A field validation, e.g. `{ unique: true }`, `{ regexp: { pattern } }`, `{ linkContentType: [...] }`. */
export type Validation = Record<string, unknown> & { message?: string }

export interface FieldItems {
  type: 'Symbol' | 'Link'
  linkType?: 'Entry' | 'Asset'
  validations?: Validation[]
}

export interface Field {
  id: string
  name: string
  type: FieldType
  linkType?: 'Entry' | 'Asset'
  items?: FieldItems
  required: boolean
  localized: boolean
  validations?: Validation[]
  disabled?: boolean
  omitted?: boolean
  deleted?: boolean
  /** Renames the field on save (entries keep their values under the new id), as the Management API does. */
  newId?: string
}

/** A content type as written to the API: what `PUT /content_types/{id}` takes. */
export interface ContentType {
  id: string
  name: string
  description?: string
  displayField: string
  fields: Field[]
}

export interface Control {
  fieldId: string
  widgetNamespace?: 'builtin' | 'extension' | 'app' | 'editor-builtin'
  widgetId?: string
  settings?: Record<string, unknown>
}

/** Everything an editor interface holds besides `sys`; all of it is round-tripped on update. */
export interface EditorInterface {
  controls: Control[]
  sidebar?: unknown[]
  editors?: unknown[]
  groupControls?: unknown[]
  editorLayout?: unknown[]
}

export interface Sys {
  id: string
  type: 'Entry' | 'Asset' | 'ContentType' | 'EditorInterface'
  version: number
  publishedVersion?: number
  archivedVersion?: number
  createdAt: string
  updatedAt: string
  publishedAt?: string
}

/** `{ fieldId: { locale: value } }` */
export type LocalizedFields = Record<string, Record<string, unknown>>

export interface EntryRecord {
  sys: Sys & { type: 'Entry'; contentType: { sys: { type: 'Link'; linkType: 'ContentType'; id: string } } }
  fields: LocalizedFields
}

export interface AssetFile {
  fileName: string
  contentType: string
  /** Set once processed: where the file is served from. */
  url?: string
  details?: { size?: number; image?: { width: number; height: number } }
  /** A public URL for Contentful to fetch, before processing. */
  upload?: string
  uploadFrom?: { sys: { type: 'Link'; linkType: 'Upload'; id: string } }
}

export interface AssetRecord {
  sys: Sys & { type: 'Asset' }
  fields: {
    title?: Record<string, string>
    description?: Record<string, string>
    file?: Record<string, AssetFile>
  }
}

export interface ContentTypeRecord {
  sys: Sys & { type: 'ContentType' }
  /** The draft definition. */
  contentType: ContentType
  /** The active (published) definition, or null when never activated or deactivated. */
  active: ContentType | null
}

export interface EditorInterfaceRecord {
  sys: Sys & { type: 'EditorInterface'; contentType: { sys: { id: string } } }
  editorInterface: EditorInterface
}

export interface Link<T extends 'Entry' | 'Asset' = 'Entry' | 'Asset'> {
  sys: { type: 'Link'; linkType: T; id: string }
}

export function link<T extends 'Entry' | 'Asset'>(linkType: T, id: string): Link<T> {
  return { sys: { type: 'Link', linkType, id } }
}
