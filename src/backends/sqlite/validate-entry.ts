// Entry validation as Contentful runs it on publish: required fields, field types, link targets, and the
// field validations (regexp, unique, size, in, range, linkContentType, rich text node rules). Pure: the caller
// answers questions about the rest of the space through `SpaceLookup`.
import type { ContentType, Field, LocalizedFields, Validation } from '../../model/contentful-types.ts'
import type { ValidationDetail } from './validation-detail.ts'

export interface SpaceLookup {
  /** The locales a required field must have a value in, the default first (a non-localized field: only it). */
  locales: string[]
  /** The content type id of an existing entry, or undefined. */
  entryContentType(id: string): string | undefined
  /** The MIME type of an existing asset's file ('' when it has none), or undefined when it does not exist. */
  assetMimeType(id: string): string | undefined
  /** Whether another published entry of the content type has this value in this field and locale. */
  isTaken(fieldId: string, locale: string, value: unknown): boolean
}

const SYMBOL_MAX = 256
const TEXT_MAX = 50_000
const ALWAYS_ALLOWED_NODES = new Set([
  'document',
  'paragraph',
  'text',
  'list-item',
  'table-row',
  'table-cell',
  'table-header-cell',
])
const MIME_GROUPS: Record<string, (mime: string) => boolean> = {
  image: (m) => m.startsWith('image/'),
  video: (m) => m.startsWith('video/'),
  audio: (m) => m.startsWith('audio/'),
  pdfdocument: (m) => m === 'application/pdf',
  plaintext: (m) => m === 'text/plain',
  markup: (m) => m === 'text/html' || m === 'application/xml' || m === 'text/xml',
  archive: (m) => /zip|tar|gzip|rar|7z/.test(m),
  code: (m) => /json|javascript|css|x-python|x-sh/.test(m),
  presentation: (m) => /presentation|powerpoint|keynote/.test(m),
  spreadsheet: (m) => /spreadsheet|excel|csv/.test(m),
  richtext: (m) => /msword|wordprocessing|rtf|opendocument\.text/.test(m),
  attachment: () => true,
}

type Fail = (path: (string | number)[], name: string, message: string, value?: unknown) => void

/** Every problem that would stop `fields` from being published under `ct`; empty when it may be. */
export function validateEntry(
  ct: ContentType,
  fields: LocalizedFields,
  space: SpaceLookup,
): ValidationDetail[] {
  const errors: ValidationDetail[] = []
  const fail: Fail = (path, name, message, value) =>
    errors.push({ path, name, message, ...(value === undefined ? {} : { value }) })
  const known = new Set(ct.fields.map((f) => f.id))
  for (const id of Object.keys(fields)) {
    if (!known.has(id)) fail(['fields', id], 'unknown', `no field "${id}" in content type "${ct.id}"`)
  }
  for (const field of ct.fields) {
    const values = fields[field.id] ?? {}
    const required = field.localized ? space.locales : space.locales.slice(0, 1)
    for (const locale of new Set([...required, ...Object.keys(values)])) {
      const value = values[locale]
      const path = ['fields', field.id, locale]
      if (isMissing(value)) {
        if (field.required && required.includes(locale)) fail(path, 'required', 'required')
        continue
      }
      checkValue(field, value, path, space, fail)
    }
  }
  return errors
}

const isMissing = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0)

function checkValue(field: Field, value: unknown, path: (string | number)[], space: SpaceLookup, fail: Fail) {
  if (field.type === 'Array') {
    if (!Array.isArray(value)) return fail(path, 'type', 'expected an array', value)
    const items = field.items
    if (!items) return
    value.forEach((item, i) => {
      const at = [...path, i]
      if (items.type === 'Symbol') {
        if (!checkType('Symbol', item, at, fail)) return
      } else if (!checkLink(items.linkType, item, at, space, fail)) return
      checkRules(items.validations, items.type, item, at, space, fail, field.id)
    })
    checkRules(field.validations, 'Array', value, path, space, fail, field.id)
    return
  }
  if (field.type === 'Link') {
    if (!checkLink(field.linkType, value, path, space, fail)) return
  } else if (!checkType(field.type, value, path, fail)) return
  checkRules(field.validations, field.type, value, path, space, fail, field.id)
}

function checkType(type: string, value: unknown, path: (string | number)[], fail: Fail): boolean {
  const bad = (what: string) => {
    fail(path, 'type', `expected ${what}`, value)
    return false
  }
  switch (type) {
    case 'Symbol':
      if (typeof value !== 'string') return bad('a string (Symbol)')
      if (value.length > SYMBOL_MAX) return bad(`at most ${SYMBOL_MAX} characters (Symbol)`)
      return true
    case 'Text':
      if (typeof value !== 'string') return bad('a string (Text)')
      if (value.length > TEXT_MAX) return bad(`at most ${TEXT_MAX} characters (Text)`)
      return true
    case 'Integer':
      return Number.isSafeInteger(value) || bad('an integer')
    case 'Number':
      return (typeof value === 'number' && Number.isFinite(value)) || bad('a number')
    case 'Boolean':
      return typeof value === 'boolean' || bad('true or false')
    case 'Date':
      return (typeof value === 'string' && !Number.isNaN(Date.parse(value))) || bad('an ISO 8601 date')
    case 'Location': {
      const l = value as { lat?: unknown; lon?: unknown } | null
      return (
        (typeof l === 'object' && l !== null && typeof l.lat === 'number' && typeof l.lon === 'number') ||
        bad('{lat, lon}')
      )
    }
    case 'Object':
      return (typeof value === 'object' && value !== null) || bad('a JSON object or array')
    case 'RichText': {
      const d = value as { nodeType?: unknown; content?: unknown } | null
      return (
        (typeof d === 'object' && d !== null && d.nodeType === 'document' && Array.isArray(d.content)) ||
        bad('a Rich Text document')
      )
    }
    default:
      return bad(`a known type, not ${type}`)
  }
}

function checkLink(
  linkType: string | undefined,
  value: unknown,
  path: (string | number)[],
  space: SpaceLookup,
  fail: Fail,
): boolean {
  const sys = (value as { sys?: { type?: unknown; linkType?: unknown; id?: unknown } } | null)?.sys
  if (sys?.type !== 'Link' || typeof sys.id !== 'string') {
    fail(path, 'type', `expected a link to an ${linkType}`, value)
    return false
  }
  if (sys.linkType !== linkType) {
    fail(path, 'linkType', `expected a link to an ${linkType}, got ${String(sys.linkType)}`, value)
    return false
  }
  const exists =
    linkType === 'Entry'
      ? space.entryContentType(sys.id) !== undefined
      : space.assetMimeType(sys.id) !== undefined
  if (!exists) {
    fail(path, 'notResolvable', `links to ${linkType} "${sys.id}", which does not exist`, value)
    return false
  }
  return true
}

function checkRules(
  validations: Validation[] | undefined,
  type: string,
  value: unknown,
  path: (string | number)[],
  space: SpaceLookup,
  fail: Fail,
  fieldId: string,
): void {
  for (const v of validations ?? []) {
    const problem = checkRule(v, type, value, path, space, fieldId)
    if (problem) fail(path, problem.name, v.message ?? problem.message, value)
  }
}

function checkRule(
  v: Validation,
  type: string,
  value: unknown,
  path: (string | number)[],
  space: SpaceLookup,
  fieldId: string,
): { name: string; message: string } | null {
  const locale = String(path[2])
  if (Array.isArray(v.in)) {
    return v.in.includes(value) ? null : { name: 'in', message: `must be one of ${JSON.stringify(v.in)}` }
  }
  if (v.size && typeof v.size === 'object') {
    const n = typeof value === 'string' || Array.isArray(value) ? value.length : null
    if (n !== null && outOf(v.size, n))
      return { name: 'size', message: `size ${n} is outside ${bounds(v.size)}` }
    return null
  }
  if (v.range && typeof v.range === 'object' && typeof value === 'number') {
    return outOf(v.range, value) ? { name: 'range', message: `${value} is outside ${bounds(v.range)}` } : null
  }
  if (v.dateRange && typeof v.dateRange === 'object' && typeof value === 'string') {
    const r = v.dateRange as { min?: string; max?: string }
    const t = Date.parse(value)
    if ((r.min && t < Date.parse(r.min)) || (r.max && t > Date.parse(r.max))) {
      return { name: 'dateRange', message: `${value} is outside the allowed dates` }
    }
    return null
  }
  for (const key of ['regexp', 'prohibitRegexp'] as const) {
    const r = v[key] as { pattern: string; flags?: string } | undefined
    if (r && typeof value === 'string') {
      const matches = new RegExp(r.pattern, r.flags ?? undefined).test(value)
      if (matches !== (key === 'regexp')) {
        return { name: key, message: `${key === 'regexp' ? 'does not match' : 'matches'} /${r.pattern}/` }
      }
      return null
    }
  }
  if (v.unique === true && type !== 'Array') {
    return space.isTaken(fieldId, locale, value)
      ? { name: 'unique', message: `another published entry already has ${JSON.stringify(value)}` }
      : null
  }
  if (Array.isArray(v.linkContentType)) {
    const id = (value as { sys: { id: string } }).sys.id
    const target = space.entryContentType(id)
    return target !== undefined && !v.linkContentType.includes(target)
      ? {
          name: 'linkContentType',
          message: `links to a ${target}, expected ${v.linkContentType.join(' or ')}`,
        }
      : null
  }
  if (v.linkMimetypeGroup !== undefined) {
    const groups = ([] as string[]).concat(v.linkMimetypeGroup as string | string[])
    const mime = space.assetMimeType((value as { sys: { id: string } }).sys.id) ?? ''
    return groups.some((g) => MIME_GROUPS[g]?.(mime))
      ? null
      : {
          name: 'linkMimetypeGroup',
          message: `asset type ${mime || 'unknown'} is not ${groups.join(' or ')}`,
        }
  }
  if (type === 'RichText') return checkRichText(v, value as RichNode, space)
  return null
}

interface RichNode {
  nodeType: string
  content?: RichNode[]
  marks?: { type: string }[]
  data?: { target?: { sys?: { id?: string; linkType?: string } } }
}

function checkRichText(
  v: Validation,
  doc: RichNode,
  space: SpaceLookup,
): { name: string; message: string } | null {
  const nodes: RichNode[] = []
  const walk = (n: RichNode) => {
    nodes.push(n)
    for (const c of n.content ?? []) walk(c)
  }
  walk(doc)
  if (Array.isArray(v.enabledNodeTypes)) {
    const allowed = new Set(v.enabledNodeTypes as string[])
    const bad = nodes.find((n) => !ALWAYS_ALLOWED_NODES.has(n.nodeType) && !allowed.has(n.nodeType))
    if (bad) return { name: 'enabledNodeTypes', message: `node type "${bad.nodeType}" is not allowed` }
  }
  if (Array.isArray(v.enabledMarks)) {
    const allowed = new Set(v.enabledMarks as string[])
    for (const n of nodes) {
      const bad = n.marks?.find((m) => !allowed.has(m.type))
      if (bad) return { name: 'enabledMarks', message: `mark "${bad.type}" is not allowed` }
    }
  }
  if (v.nodes && typeof v.nodes === 'object') {
    for (const [nodeType, rules] of Object.entries(v.nodes as Record<string, Validation[]>)) {
      const matching = nodes.filter((n) => n.nodeType === nodeType)
      for (const rule of rules ?? []) {
        if (rule.size && typeof rule.size === 'object' && outOf(rule.size, matching.length)) {
          return {
            name: 'size',
            message: `${matching.length} "${nodeType}" nodes, allowed ${bounds(rule.size)}`,
          }
        }
        if (Array.isArray(rule.linkContentType)) {
          for (const n of matching) {
            const id = n.data?.target?.sys?.id
            const target = id === undefined ? undefined : space.entryContentType(id)
            if (target !== undefined && !rule.linkContentType.includes(target)) {
              return { name: 'linkContentType', message: `"${nodeType}" embeds a ${target}` }
            }
          }
        }
      }
    }
  }
  return null
}

function outOf(b: unknown, n: number): boolean {
  const { min, max } = b as { min?: number | null; max?: number | null }
  return (typeof min === 'number' && n < min) || (typeof max === 'number' && n > max)
}

function bounds(b: unknown): string {
  const { min, max } = b as { min?: number | null; max?: number | null }
  return `[${min ?? ''}..${max ?? ''}]`
}
