// Content type checks the embedded space makes, as Contentful does: before a draft is saved (shape), and when
// it is activated (what may change relative to the active definition). Pure: callers pass what they know.
import {
  type ContentType,
  FIELD_TYPES,
  type Field,
  type FieldItems,
  type Validation,
} from '../../model/contentful-types.ts'
import type { ValidationDetail } from './validation-detail.ts'

export const ID_PATTERN = /^[a-zA-Z0-9-_.]{1,64}$/
const FIELD_ID_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/
const MAX_FIELDS = 50
const FIELD_TYPE_SET: ReadonlySet<string> = new Set(FIELD_TYPES)
const LINK_TYPES = new Set(['Entry', 'Asset'])

type Path = (string | number)[]

/** The shape rules of a content type draft: ids, field types, validations, display field, field count. */
export function checkContentType(ct: ContentType): ValidationDetail[] {
  const errors: ValidationDetail[] = []
  const fail = (path: Path, name: string, message: string, value?: unknown) =>
    errors.push({ path, name, message, ...(value === undefined ? {} : { value }) })

  if (typeof ct.id !== 'string' || !ID_PATTERN.test(ct.id)) fail(['sys', 'id'], 'format', 'invalid id', ct.id)
  if (typeof ct.name !== 'string' || ct.name.trim() === '') fail(['name'], 'required', 'name is required')
  if (!Array.isArray(ct.fields)) {
    fail(['fields'], 'type', 'fields must be an array')
    return errors
  }
  const live = ct.fields.filter((f) => !f.deleted)
  if (live.length > MAX_FIELDS) {
    fail(['fields'], 'size', `at most ${MAX_FIELDS} fields, got ${live.length}`, live.length)
  }
  const seen = new Set<string>()
  ct.fields.forEach((field, i) => {
    const at = (...rest: Path): Path => ['fields', i, ...rest]
    if (typeof field.id !== 'string' || !FIELD_ID_PATTERN.test(field.id)) {
      fail(at('id'), 'format', `invalid field id ${JSON.stringify(field.id)}`, field.id)
    } else if (seen.has(field.id)) {
      fail(at('id'), 'unique', `duplicate field id "${field.id}"`, field.id)
    }
    seen.add(field.id)
    if (field.newId !== undefined && field.newId !== field.id) {
      if (typeof field.newId !== 'string' || !FIELD_ID_PATTERN.test(field.newId)) {
        fail(at('newId'), 'format', `invalid new field id ${JSON.stringify(field.newId)}`, field.newId)
      } else if (ct.fields.some((f) => f.id === field.newId || (f !== field && f.newId === field.newId))) {
        fail(at('newId'), 'unique', `cannot rename "${field.id}" to "${field.newId}": the id is taken`)
      }
    }
    if (typeof field.name !== 'string' || field.name.trim() === '') {
      fail(at('name'), 'required', `field "${field.id}" needs a name`)
    }
    checkFieldType(field, at, fail)
  })

  const display = ct.displayField
  if (display !== undefined && display !== null && display !== '') {
    const field = live.find((f) => f.id === display || f.newId === display)
    if (!field) fail(['displayField'], 'notResolvable', `display field "${display}" is not a field`, display)
    else if (field.type !== 'Symbol' && field.type !== 'Text') {
      fail(['displayField'], 'type', `display field "${display}" must be Symbol or Text, not ${field.type}`)
    } else if (field.omitted || field.disabled) {
      fail(['displayField'], 'in', `display field "${display}" cannot be omitted or disabled`)
    }
  }
  return errors
}

function checkFieldType(
  field: Field,
  at: (...rest: Path) => Path,
  fail: (path: Path, name: string, message: string, value?: unknown) => void,
): void {
  if (!FIELD_TYPE_SET.has(field.type)) {
    fail(at('type'), 'in', `unknown field type ${JSON.stringify(field.type)}`, field.type)
    return
  }
  if (field.type === 'Link' && !LINK_TYPES.has(field.linkType ?? '')) {
    fail(at('linkType'), 'in', `Link field "${field.id}" needs linkType Entry or Asset`, field.linkType)
  }
  if (field.type === 'Array') {
    const items: FieldItems | undefined = field.items
    if (!items || (items.type !== 'Symbol' && items.type !== 'Link')) {
      fail(at('items'), 'type', `Array field "${field.id}" needs items of type Symbol or Link`)
    } else {
      if (items.type === 'Link' && !LINK_TYPES.has(items.linkType ?? '')) {
        fail(at('items', 'linkType'), 'in', `Array field "${field.id}" needs items.linkType Entry or Asset`)
      }
      checkValidations(items.validations, items.type, items.linkType, at('items', 'validations'), fail)
    }
  }
  checkValidations(field.validations, field.type, field.linkType, at('validations'), fail)
}

function checkValidations(
  validations: Validation[] | undefined,
  type: string,
  linkType: string | undefined,
  path: Path,
  fail: (path: Path, name: string, message: string, value?: unknown) => void,
): void {
  if (validations === undefined) return
  if (!Array.isArray(validations)) {
    fail(path, 'type', 'validations must be an array')
    return
  }
  validations.forEach((v, i) => {
    const at: Path = [...path, i]
    if (typeof v !== 'object' || v === null) {
      fail(at, 'type', 'a validation must be an object')
      return
    }
    const keys = Object.keys(v).filter((k) => k !== 'message')
    if (keys.length !== 1) {
      fail(at, 'size', `a validation has exactly one rule, got ${keys.join(', ') || 'none'}`)
      return
    }
    const key = keys[0] as string
    const problem = checkRule(key, v[key], type, linkType)
    if (problem) fail([...at, key], 'validation', problem, v[key])
  })
}

const isStringList = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string')
const isBounds = (x: unknown) =>
  typeof x === 'object' &&
  x !== null &&
  Object.entries(x).every(([k, n]) => (k === 'min' || k === 'max') && (n === null || typeof n === 'number'))

/** Why a rule is malformed or does not apply to the field type, or null when it is fine. */
function checkRule(key: string, value: unknown, type: string, linkType: string | undefined): string | null {
  switch (key) {
    case 'linkContentType':
      if (!isStringList(value)) return 'linkContentType must be a list of content type ids'
      if (type !== 'Link' || linkType !== 'Entry') return 'linkContentType applies to Entry links only'
      return null
    case 'linkMimetypeGroup':
      if (!(typeof value === 'string' || isStringList(value)))
        return 'linkMimetypeGroup must be a list of groups'
      if (type !== 'Link' || linkType !== 'Asset') return 'linkMimetypeGroup applies to Asset links only'
      return null
    case 'in':
      if (!Array.isArray(value)) return 'in must be a list of values'
      if (!['Symbol', 'Text', 'Integer', 'Number'].includes(type)) return `in does not apply to ${type}`
      return null
    case 'size':
    case 'range':
    case 'dateRange':
    case 'assetFileSize':
      if (!isBounds(value)) return `${key} must be {min?, max?} with numbers`
      if (key === 'range' && type !== 'Integer' && type !== 'Number') return `range does not apply to ${type}`
      return null
    case 'regexp':
    case 'prohibitRegexp': {
      const r = value as { pattern?: unknown; flags?: unknown } | null
      if (typeof r !== 'object' || r === null || typeof r.pattern !== 'string')
        return `${key} needs a pattern`
      if (!['Symbol', 'Text'].includes(type)) return `${key} does not apply to ${type}`
      try {
        new RegExp(r.pattern, typeof r.flags === 'string' ? r.flags : undefined)
      } catch (e) {
        return `invalid pattern: ${(e as Error).message}`
      }
      return null
    }
    case 'unique':
      if (typeof value !== 'boolean') return 'unique must be true or false'
      if (!['Symbol', 'Integer', 'Number', 'Date'].includes(type)) return `unique does not apply to ${type}`
      return null
    case 'enabledNodeTypes':
    case 'enabledMarks':
      if (!isStringList(value)) return `${key} must be a list of names`
      if (type !== 'RichText') return `${key} applies to RichText only`
      return null
    case 'nodes':
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return 'nodes must be an object'
      if (type !== 'RichText') return 'nodes applies to RichText only'
      return null
    case 'assetImageDimensions':
      return typeof value === 'object' && value !== null ? null : 'assetImageDimensions must be an object'
    default:
      return `unknown validation "${key}"`
  }
}

/** Content type ids that the definition's link validations name (fields, array items and rich text nodes). */
export function linkedContentTypes(ct: ContentType): string[] {
  const ids = new Set<string>()
  const collect = (validations: Validation[] | undefined) => {
    for (const v of validations ?? []) {
      if (isStringList(v.linkContentType)) for (const id of v.linkContentType as string[]) ids.add(id)
      if (typeof v.nodes === 'object' && v.nodes !== null) {
        for (const list of Object.values(v.nodes as Record<string, unknown>)) {
          if (Array.isArray(list)) collect(list as Validation[])
        }
      }
    }
  }
  for (const f of ct.fields) {
    if (f.deleted) continue
    collect(f.validations)
    collect(f.items?.validations)
  }
  return [...ids]
}

/**
 * What activation may change relative to the active definition: a field leaves only by being deleted after an
 * activation that omitted it, and keeps its type.
 */
export function checkActivation(next: ContentType, active: ContentType | null): ValidationDetail[] {
  if (!active) {
    return next.fields.flatMap((f, i) =>
      f.deleted
        ? [{ path: ['fields', i], name: 'deleted', message: `field "${f.id}" was never activated` }]
        : [],
    )
  }
  const errors: ValidationDetail[] = []
  for (const old of active.fields) {
    const i = next.fields.findIndex((f) => f.id === old.id)
    const field = next.fields[i]
    const path = i < 0 ? ['fields'] : ['fields', i]
    if (!field || field.deleted) {
      if (!old.omitted) {
        errors.push({
          path,
          name: 'deleted',
          message: `field "${old.id}" must be omitted and activated before it can be deleted`,
        })
      }
      continue
    }
    if (field.type !== old.type || field.linkType !== old.linkType || field.items?.type !== old.items?.type) {
      errors.push({
        path: [...path, 'type'],
        name: 'type',
        message: `field "${old.id}" cannot change type from ${describeType(old)} to ${describeType(field)}`,
      })
    }
  }
  return errors
}

function describeType(f: Field): string {
  if (f.type === 'Link') return `Link<${f.linkType}>`
  if (f.type === 'Array')
    return `Array<${f.items?.type === 'Link' ? `Link<${f.items.linkType}>` : f.items?.type}>`
  return f.type
}
