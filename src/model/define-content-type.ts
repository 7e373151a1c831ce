// The content model as code: a typed description of one content type, its fields, and the editor control of
// every field. Types make the common mistakes compile errors (a widget that cannot edit the field's type, a
// validation that does not apply to it, a display field that is not a text field); `checkContentType` catches
// the rest at run time, before anything reaches a space.
import type { ContentType, Control, Field } from './contentful-types.ts'
import { CONTENT_TYPE_ID, checkField, checkIdentifier, checkWidget } from './field-rules.ts'

// Validations, one rule each, as the Management API spells them.
type Rule<K extends string, V> = { [P in K]: V } & { message?: string }
export type SizeValidation = Rule<'size', { min?: number; max?: number }>
export type RangeValidation = Rule<'range', { min?: number; max?: number }>
export type RegexpValidation = Rule<'regexp', { pattern: string; flags?: string }>
export type ProhibitRegexpValidation = Rule<'prohibitRegexp', { pattern: string; flags?: string }>
export type InValidation<T extends string | number> = Rule<'in', T[]>
export type UniqueValidation = Rule<'unique', true>
export type LinkContentTypeValidation = Rule<'linkContentType', string[]>
export type MimetypeGroup =
  | 'attachment'
  | 'plaintext'
  | 'image'
  | 'audio'
  | 'video'
  | 'richtext'
  | 'presentation'
  | 'spreadsheet'
  | 'pdfdocument'
  | 'archive'
  | 'code'
  | 'markup'
export type LinkMimetypeGroupValidation = Rule<'linkMimetypeGroup', MimetypeGroup[]>
export type RichTextNodeType =
  | 'heading-1'
  | 'heading-2'
  | 'heading-3'
  | 'heading-4'
  | 'heading-5'
  | 'heading-6'
  | 'ordered-list'
  | 'unordered-list'
  | 'hr'
  | 'blockquote'
  | 'embedded-entry-block'
  | 'embedded-asset-block'
  | 'embedded-resource-block'
  | 'table'
  | 'hyperlink'
  | 'entry-hyperlink'
  | 'asset-hyperlink'
  | 'resource-hyperlink'
  | 'embedded-entry-inline'
  | 'embedded-resource-inline'
export type RichTextMark =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'code'
  | 'superscript'
  | 'subscript'
  | 'strikethrough'
export type EnabledNodeTypesValidation = Rule<'enabledNodeTypes', RichTextNodeType[]>
export type EnabledMarksValidation = Rule<'enabledMarks', RichTextMark[]>
/** Per-node rules of a Rich Text field, e.g. which content types an `embedded-entry-block` may embed. */
export type NodesValidation = Rule<
  'nodes',
  Partial<Record<RichTextNodeType, (LinkContentTypeValidation | SizeValidation)[]>>
>

type TextValidation = SizeValidation | RegexpValidation | ProhibitRegexpValidation | InValidation<string>

/** An editor control: a builtin widget, its settings; the field's help text is added to the settings. */
interface Widget<W extends string, S = Record<string, unknown>> {
  id: W
  settings?: S
}

interface FieldBase {
  /** camelCase, starts with a letter; the id the API and the site use. */
  id: string
  /** What the editor sees as the field label. */
  name: string
  /** Shown under the field in the editor: say what goes here and where the site shows it. */
  helpText: string
  required?: boolean
  /** Read-only in the editor (e.g. provenance written by the sync). */
  disabled?: boolean
}

export type SymbolFieldDefinition = FieldBase & {
  type: 'Symbol'
  validations?: (TextValidation | UniqueValidation)[]
  widget:
    | Widget<'singleLine' | 'urlEditor' | 'dropdown' | 'radio'>
    | Widget<'slugEditor', { trackingFieldId: string; [key: string]: unknown }>
}
export type TextFieldDefinition = FieldBase & {
  type: 'Text'
  validations?: TextValidation[]
  widget: Widget<'multipleLine' | 'markdown' | 'singleLine' | 'dropdown' | 'radio'>
}
export type RichTextFieldDefinition = FieldBase & {
  type: 'RichText'
  validations?: (EnabledNodeTypesValidation | EnabledMarksValidation | NodesValidation | SizeValidation)[]
  widget: Widget<'richTextEditor'>
}
export type NumberFieldDefinition = FieldBase & {
  type: 'Integer' | 'Number'
  validations?: (RangeValidation | InValidation<number> | UniqueValidation)[]
  widget: Widget<'numberEditor' | 'dropdown' | 'radio' | 'rating'>
}
export type DateFieldDefinition = FieldBase & {
  type: 'Date'
  validations?: UniqueValidation[]
  widget: Widget<'datePicker'>
}
export type BooleanFieldDefinition = FieldBase & {
  type: 'Boolean'
  validations?: never[]
  widget: Widget<'boolean' | 'radio'>
}
export type LocationFieldDefinition = FieldBase & {
  type: 'Location'
  validations?: never[]
  widget: Widget<'locationEditor'>
}
export type ObjectFieldDefinition = FieldBase & {
  type: 'Object'
  validations?: SizeValidation[]
  widget: Widget<'objectEditor'>
}
export type EntryLinkFieldDefinition = FieldBase & {
  type: 'Link'
  linkType: 'Entry'
  validations?: LinkContentTypeValidation[]
  widget: Widget<'entryLinkEditor' | 'entryCardEditor'>
}
export type AssetLinkFieldDefinition = FieldBase & {
  type: 'Link'
  linkType: 'Asset'
  validations?: LinkMimetypeGroupValidation[]
  widget: Widget<'assetLinkEditor' | 'assetCardEditor'>
}
export type SymbolListFieldDefinition = FieldBase & {
  type: 'Array'
  items: { type: 'Symbol'; validations?: TextValidation[] }
  validations?: SizeValidation[]
  widget: Widget<'tagEditor' | 'listInput' | 'checkbox'>
}
export type EntryListFieldDefinition = FieldBase & {
  type: 'Array'
  items: { type: 'Link'; linkType: 'Entry'; validations?: LinkContentTypeValidation[] }
  validations?: SizeValidation[]
  widget: Widget<'entryLinksEditor' | 'entryCardsEditor'>
}
export type AssetListFieldDefinition = FieldBase & {
  type: 'Array'
  items: { type: 'Link'; linkType: 'Asset'; validations?: LinkMimetypeGroupValidation[] }
  validations?: SizeValidation[]
  widget: Widget<'assetLinksEditor' | 'assetGalleryEditor'>
}

export type FieldDefinition =
  | SymbolFieldDefinition
  | TextFieldDefinition
  | RichTextFieldDefinition
  | NumberFieldDefinition
  | DateFieldDefinition
  | BooleanFieldDefinition
  | LocationFieldDefinition
  | ObjectFieldDefinition
  | EntryLinkFieldDefinition
  | AssetLinkFieldDefinition
  | SymbolListFieldDefinition
  | EntryListFieldDefinition
  | AssetListFieldDefinition

export interface ContentTypeDefinition {
  id: string
  name: string
  description?: string
  displayField: string
  fields: readonly FieldDefinition[]
}

/** The shape `defineContentType` and `m.createContentType` take: the display field must name a text field. */
export interface ContentTypeInput<Fields extends readonly FieldDefinition[]> {
  id: string
  name: string
  /** Shown in the content model list: what an entry of this type is for. */
  description?: string
  displayField: Extract<Fields[number], { type: 'Symbol' | 'Text' }>['id']
  fields: Fields
}

/** Declares a content type; throws, naming the content type and field, when the definition is invalid. */
export function defineContentType<const Fields extends readonly FieldDefinition[]>(
  input: ContentTypeInput<Fields>,
): ContentTypeDefinition {
  const problems = checkContentType(input)
  if (problems.length > 0) throw new Error(`content type ${input.id}: ${problems.join('; ')}`)
  return input
}

/** Problems with a definition on its own (links to other content types are checked by the planner). */
export function checkContentType(def: ContentTypeDefinition): string[] {
  const problems: string[] = []
  const idProblem = checkIdentifier(def.id, CONTENT_TYPE_ID, 'content type id')
  if (idProblem) problems.push(idProblem)
  if (!def.name?.trim()) problems.push('name is empty')
  const contentType = toContentType(def)
  problems.push(...checkContentTypeShape(contentType))
  for (const field of def.fields) {
    if (!field.helpText?.trim()) problems.push(`field ${field.id}: help text is empty`)
    const widget = field.widget?.id ? checkWidget(toField(field), field.widget.id) : 'has no editor widget'
    if (widget) problems.push(`field ${field.id}: ${widget}`)
    const tracking = field.widget.settings?.trackingFieldId
    if (tracking !== undefined && !def.fields.some((f) => f.id === tracking)) {
      problems.push(`field ${field.id}: widget tracks unknown field ${String(tracking)}`)
    }
  }
  return problems
}

/** Problems with a content type as the API would store it: field ids, display field, every field's rules. */
export function checkContentTypeShape(contentType: ContentType): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  const live = contentType.fields.filter((f) => !f.deleted)
  // A field being renamed (newId) is already known by its new id.
  const idOf = (f: Field) => f.newId ?? f.id
  for (const field of live) {
    if (seen.has(idOf(field))) problems.push(`duplicate field id ${idOf(field)}`)
    seen.add(idOf(field))
    for (const p of checkField(field)) problems.push(`field ${field.id}: ${p}`)
  }
  if (live.length > 50) problems.push(`${live.length} fields, the API allows at most 50`)
  const display = live.find((f) => idOf(f) === contentType.displayField)
  if (!display) problems.push(`display field ${contentType.displayField} is not a field`)
  else if (display.type !== 'Symbol' && display.type !== 'Text') {
    problems.push(`display field ${display.id} is ${display.type}, it must be Symbol or Text`)
  } else if (display.omitted) problems.push(`display field ${display.id} cannot be omitted`)
  return problems
}

/** The content type as the Management API stores it. */
export function toContentType(def: ContentTypeDefinition): ContentType {
  const out: ContentType = {
    id: def.id,
    name: def.name,
    displayField: def.displayField,
    fields: def.fields.map(toField),
  }
  if (def.description !== undefined) out.description = def.description
  return out
}

export function toField(def: FieldDefinition): Field {
  const field: Field = {
    id: def.id,
    name: def.name,
    type: def.type,
    required: def.required ?? false,
    localized: false,
    validations: (def.validations ?? []) as Field['validations'],
  }
  if ('linkType' in def) field.linkType = def.linkType
  if ('items' in def) {
    const items: NonNullable<Field['items']> = {
      type: def.items.type,
      validations: def.items.validations ?? [],
    }
    if ('linkType' in def.items) items.linkType = def.items.linkType
    field.items = items
  }
  if (def.disabled) field.disabled = true
  return field
}

/** The editor control of a field: the builtin widget, its settings, and the help text. */
export function toControl(def: FieldDefinition): Control {
  return {
    fieldId: def.id,
    widgetNamespace: 'builtin',
    widgetId: def.widget.id,
    settings: { ...(def.widget.settings ?? {}), helpText: def.helpText },
  }
}

export function toControls(def: ContentTypeDefinition): Control[] {
  return def.fields.map(toControl)
}
