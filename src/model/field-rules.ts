// What the Management API accepts for ids, fields, validations and builtin widgets, checked before a write so a
// bad migration fails with our message (naming the field and rule) instead of a remote 422 halfway through.
import { BLOCKS, INLINES, MARKS } from '@contentful/rich-text-types'
import { FIELD_TYPES, type Field, type Validation } from './contentful-types.ts'

/** Content type ids: the API's entity id rule. */
export const CONTENT_TYPE_ID = /^[a-zA-Z0-9_.-]{1,64}$/
/** Field ids: the API's rule (a letter, then letters, digits, underscores). */
export const FIELD_ID = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/

export function checkIdentifier(id: unknown, rule: RegExp, what: string): string | null {
  if (typeof id !== 'string' || !rule.test(id))
    return `${what} ${JSON.stringify(id)} must match ${rule.source}`
  return null
}

const NODE_TYPES = new Set<string>(
  [...Object.values(BLOCKS), ...Object.values(INLINES)].filter(
    (t) => t !== BLOCKS.DOCUMENT && t !== BLOCKS.PARAGRAPH,
  ),
)
const MARK_TYPES = new Set<string>(Object.values(MARKS))
const MIMETYPE_GROUPS = new Set([
  'attachment',
  'plaintext',
  'image',
  'audio',
  'video',
  'richtext',
  'presentation',
  'spreadsheet',
  'pdfdocument',
  'archive',
  'code',
  'markup',
])

type Kind = Field['type'] | 'EntryLink' | 'AssetLink'

/** Which validation rules apply to which kind of value (the API's table). */
const RULES_BY_KIND: Record<string, Kind[]> = {
  size: ['Symbol', 'Text', 'Array', 'Object', 'RichText'],
  range: ['Integer', 'Number'],
  regexp: ['Symbol', 'Text'],
  prohibitRegexp: ['Symbol', 'Text'],
  in: ['Symbol', 'Text', 'Integer', 'Number'],
  unique: ['Symbol', 'Integer', 'Number', 'Date'],
  linkContentType: ['EntryLink'],
  linkMimetypeGroup: ['AssetLink'],
  assetFileSize: ['AssetLink'],
  assetImageDimensions: ['AssetLink'],
  enabledNodeTypes: ['RichText'],
  enabledMarks: ['RichText'],
  nodes: ['RichText'],
  dateRange: ['Date'],
}

/** Builtin widgets and the field kinds each can edit. */
const WIDGETS: Record<string, Kind[]> = {
  singleLine: ['Symbol', 'Text'],
  multipleLine: ['Text'],
  markdown: ['Text'],
  slugEditor: ['Symbol'],
  urlEditor: ['Symbol'],
  dropdown: ['Symbol', 'Text', 'Integer', 'Number'],
  radio: ['Symbol', 'Text', 'Integer', 'Number', 'Boolean'],
  rating: ['Integer', 'Number'],
  numberEditor: ['Integer', 'Number'],
  datePicker: ['Date'],
  boolean: ['Boolean'],
  locationEditor: ['Location'],
  objectEditor: ['Object'],
  richTextEditor: ['RichText'],
  entryLinkEditor: ['EntryLink'],
  entryCardEditor: ['EntryLink'],
  assetLinkEditor: ['AssetLink'],
  assetCardEditor: ['AssetLink'],
  tagEditor: ['Array:Symbol' as Kind],
  listInput: ['Array:Symbol' as Kind],
  checkbox: ['Array:Symbol' as Kind],
  entryLinksEditor: ['Array:EntryLink' as Kind],
  entryCardsEditor: ['Array:EntryLink' as Kind],
  assetLinksEditor: ['Array:AssetLink' as Kind],
  assetGalleryEditor: ['Array:AssetLink' as Kind],
}

function kindOf(type: string, linkType: string | undefined): Kind {
  if (type === 'Link') return linkType === 'Asset' ? 'AssetLink' : 'EntryLink'
  return type as Kind
}

/** The widget kind of a field: arrays are told apart by their items. */
function widgetKind(field: Pick<Field, 'type' | 'linkType' | 'items'>): string {
  if (field.type === 'Array') return `Array:${kindOf(field.items?.type ?? '', field.items?.linkType)}`
  return kindOf(field.type, field.linkType)
}

/** Null when the builtin widget can edit the field, else why not. */
export function checkWidget(
  field: Pick<Field, 'type' | 'linkType' | 'items'>,
  widgetId: string,
): string | null {
  const kinds = WIDGETS[widgetId] as string[] | undefined
  if (!kinds) return `unknown builtin widget ${widgetId}`
  const kind = widgetKind(field)
  return kinds.includes(kind) ? null : `widget ${widgetId} cannot edit a ${kind.replace(':', ' of ')} field`
}

const FIELD_TYPE_SET: ReadonlySet<string> = new Set(FIELD_TYPES)

/** Everything wrong with one field, as short phrases ("validation 2: …"). */
export function checkField(field: Field): string[] {
  const problems: string[] = []
  const idProblem = checkIdentifier(field.id, FIELD_ID, 'id')
  if (idProblem) problems.push(idProblem)
  if (typeof field.name !== 'string' || !field.name.trim()) problems.push('name is empty')
  if (!FIELD_TYPE_SET.has(field.type)) {
    problems.push(`unknown type ${JSON.stringify(field.type)}`)
    return problems
  }
  if (field.type === 'Link' && field.linkType !== 'Entry' && field.linkType !== 'Asset') {
    problems.push('a Link field needs linkType Entry or Asset')
  }
  if (field.type !== 'Link' && field.linkType !== undefined) problems.push('only Link fields have a linkType')
  if (field.type === 'Array') {
    const items = field.items
    if (!items || (items.type !== 'Symbol' && items.type !== 'Link')) {
      problems.push('an Array field needs items of type Symbol or Link')
    } else {
      if (items.type === 'Link' && items.linkType !== 'Entry' && items.linkType !== 'Asset') {
        problems.push('items of type Link need linkType Entry or Asset')
      }
      problems.push(
        ...checkValidations(items.validations, kindOf(items.type, items.linkType)).map((p) => `items ${p}`),
      )
    }
  } else if (field.items !== undefined) problems.push('only Array fields have items')
  problems.push(...checkValidations(field.validations, kindOf(field.type, field.linkType)))
  if (field.deleted && !field.omitted) problems.push('a field must be omitted before it is deleted')
  return problems
}

function checkValidations(validations: Validation[] | undefined, kind: Kind): string[] {
  if (validations === undefined) return []
  if (!Array.isArray(validations)) return ['validations must be a list']
  return validations.flatMap((v, i) => checkValidation(v, kind).map((p) => `validation ${i + 1}: ${p}`))
}

function checkValidation(v: Validation, kind: Kind): string[] {
  if (typeof v !== 'object' || v === null) return ['must be an object']
  const keys = Object.keys(v).filter((k) => k !== 'message')
  if (keys.length !== 1) return [`must hold exactly one rule, found ${keys.length} (${keys.join(', ')})`]
  const rule = keys[0] as string
  const value = v[rule]
  const kinds = RULES_BY_KIND[rule]
  if (!kinds) return [`unknown rule ${rule}`]
  if (!kinds.includes(kind)) return [`${rule} does not apply to a ${kind} value`]
  const isList = (pred: (x: unknown) => boolean) =>
    Array.isArray(value) && value.length > 0 && value.every(pred)
  switch (rule) {
    case 'size':
    case 'range':
    case 'assetFileSize':
      return checkMinMax(rule, value)
    case 'regexp':
    case 'prohibitRegexp':
      return checkRegexp(rule, value)
    case 'in':
      return isList((x) => typeof x === 'string' || typeof x === 'number')
        ? []
        : ['in needs a non-empty list']
    case 'unique':
      return value === true ? [] : ['unique must be true']
    case 'linkContentType':
      return isList((x) => typeof x === 'string' && CONTENT_TYPE_ID.test(x))
        ? []
        : ['linkContentType needs a non-empty list of content type ids']
    case 'linkMimetypeGroup':
      return isList((x) => MIMETYPE_GROUPS.has(x as string))
        ? []
        : [`linkMimetypeGroup needs groups among ${[...MIMETYPE_GROUPS].join(', ')}`]
    case 'enabledNodeTypes':
      return Array.isArray(value) && value.every((x) => NODE_TYPES.has(x as string))
        ? []
        : [`enabledNodeTypes: unknown node type in ${JSON.stringify(value)}`]
    case 'enabledMarks':
      return Array.isArray(value) && value.every((x) => MARK_TYPES.has(x as string))
        ? []
        : [`enabledMarks: unknown mark in ${JSON.stringify(value)}`]
    default:
      return typeof value === 'object' && value !== null ? [] : [`${rule} needs an object`]
  }
}

function checkMinMax(rule: string, value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [`${rule} needs {min, max}`]
  const { min, max } = value as { min?: unknown; max?: unknown }
  if (min === undefined && max === undefined) return [`${rule} needs min or max`]
  for (const [k, n] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (n !== undefined && (typeof n !== 'number' || !Number.isFinite(n)))
      return [`${rule}.${k} must be a number`]
  }
  if (typeof min === 'number' && typeof max === 'number' && min > max)
    return [`${rule}: min ${min} > max ${max}`]
  return []
}

function checkRegexp(rule: string, value: unknown): string[] {
  const { pattern, flags } = (value ?? {}) as { pattern?: unknown; flags?: unknown }
  if (typeof pattern !== 'string' || pattern === '') return [`${rule} needs a pattern`]
  try {
    new RegExp(pattern, typeof flags === 'string' ? flags : undefined)
  } catch (error) {
    return [`${rule} pattern does not compile: ${(error as Error).message}`]
  }
  return []
}
