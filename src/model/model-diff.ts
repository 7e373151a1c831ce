// Drift: how the live model differs from content-types/. Each difference says where, what, and both values, so
// a report reads "troubleshootingArticle.slug: required is false in the space, true in content-types/", and the
// scaffolder can write the operations that close it.
import type { ModelSnapshot } from '../backends/port.ts'
import type { ContentType, Control, Field } from './contentful-types.ts'
import { type ContentTypeDefinition, toContentType, toControl, toField } from './define-content-type.ts'
import { controlSatisfies, normalizeField, sameJson } from './normalize.ts'

export type DifferenceKind =
  | 'missing content type'
  | 'extra content type'
  | 'content type'
  | 'missing field'
  | 'extra field'
  | 'field type'
  | 'field order'
  | 'field'
  | 'editor'

export interface Difference {
  kind: DifferenceKind
  contentTypeId: string
  fieldId?: string
  /** The property that differs, e.g. `required`, `validations`, `widget`. */
  property?: string
  /** What content-types/ says, and what the space holds (undefined when absent). */
  expected?: unknown
  actual?: unknown
}

const CONTENT_TYPE_PROPS = ['name', 'description', 'displayField'] as const
const FIELD_PROPS = ['name', 'required', 'localized', 'validations', 'disabled', 'omitted'] as const

export function diffModel(desired: readonly ContentTypeDefinition[], snapshot: ModelSnapshot): Difference[] {
  const diffs: Difference[] = []
  const live = new Map(snapshot.contentTypes.map((r) => [r.sys.id, r.contentType]))
  const editors = new Map(snapshot.editorInterfaces.map((r) => [r.sys.contentType.sys.id, r.editorInterface]))
  for (const def of desired) {
    const actual = live.get(def.id)
    if (!actual) {
      diffs.push({ kind: 'missing content type', contentTypeId: def.id })
      continue
    }
    diffs.push(...diffContentType(def, actual, editors.get(def.id)?.controls ?? []))
  }
  const known = new Set(desired.map((d) => d.id))
  for (const id of live.keys())
    if (!known.has(id)) diffs.push({ kind: 'extra content type', contentTypeId: id })
  return diffs
}

function diffContentType(def: ContentTypeDefinition, actual: ContentType, controls: Control[]): Difference[] {
  const diffs: Difference[] = []
  const expected = toContentType(def)
  const contentTypeId = def.id
  for (const property of CONTENT_TYPE_PROPS) {
    const e = expected[property] ?? ''
    const a = actual[property] ?? ''
    if (e !== a) diffs.push({ kind: 'content type', contentTypeId, property, expected: e, actual: a })
  }
  const liveFields = new Map(actual.fields.filter((f) => !f.deleted).map((f) => [f.id, normalizeField(f)]))
  for (const fieldDef of def.fields) {
    const fieldId = fieldDef.id
    const a = liveFields.get(fieldId)
    if (!a) {
      diffs.push({ kind: 'missing field', contentTypeId, fieldId })
      continue
    }
    const e = normalizeField(toField(fieldDef))
    if (e.type !== a.type || e.linkType !== a.linkType || e.items?.type !== a.items?.type) {
      diffs.push({ kind: 'field type', contentTypeId, fieldId, expected: typeName(e), actual: typeName(a) })
      continue
    }
    for (const property of FIELD_PROPS) {
      const ev = e[property] ?? false
      const av = a[property] ?? false
      if (!sameJson(ev, av))
        diffs.push({ kind: 'field', contentTypeId, fieldId, property, expected: ev, actual: av })
    }
    if (!sameJson(e.items?.validations ?? [], a.items?.validations ?? [])) {
      diffs.push({
        kind: 'field',
        contentTypeId,
        fieldId,
        property: 'itemValidations',
        expected: e.items?.validations ?? [],
        actual: a.items?.validations ?? [],
      })
    }
    const want = toControl(fieldDef)
    const have = controls.find((c) => c.fieldId === fieldId)
    if (!controlSatisfies(have, want)) {
      diffs.push({
        kind: 'editor',
        contentTypeId,
        fieldId,
        property: 'control',
        expected: want,
        actual: have,
      })
    }
  }
  const wanted = new Set(def.fields.map((f) => f.id))
  for (const id of liveFields.keys()) {
    if (!wanted.has(id)) diffs.push({ kind: 'extra field', contentTypeId, fieldId: id })
  }
  // The order editors see, among the fields both sides have.
  const expectedOrder = def.fields.map((f) => f.id).filter((id) => liveFields.has(id))
  const actualOrder = [...liveFields.keys()].filter((id) => wanted.has(id))
  if (!sameJson(expectedOrder, actualOrder)) {
    diffs.push({ kind: 'field order', contentTypeId, expected: expectedOrder, actual: actualOrder })
  }
  return diffs
}

function typeName(f: Field): string {
  if (f.type === 'Link') return `Link<${f.linkType}>`
  if (f.type === 'Array')
    return `Array<${f.items?.type === 'Link' ? `Link<${f.items.linkType}>` : f.items?.type}>`
  return f.type
}

/** One line per difference, for terminals and CI logs. */
export function describeDifference(d: Difference): string {
  const where = d.fieldId ? `${d.contentTypeId}.${d.fieldId}` : d.contentTypeId
  const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v))
  switch (d.kind) {
    case 'missing content type':
      return `${where}: content type is in content-types/ but not in the space`
    case 'extra content type':
      return `${where}: content type is in the space but not in content-types/`
    case 'missing field':
      return `${where}: field is in content-types/ but not in the space`
    case 'extra field':
      return `${where}: field is in the space but not in content-types/`
    case 'field order':
      return `${where}: fields are ordered ${(d.actual as string[]).join(', ')} in the space, ${(d.expected as string[]).join(', ')} in content-types/`
    case 'field type':
      return `${where}: type is ${d.actual} in the space, ${d.expected} in content-types/`
    case 'editor': {
      const e = d.expected as Control
      const a = d.actual as Control | undefined
      if (!a) return `${where}: no editor control in the space, ${e.widgetId} in content-types/`
      if (a.widgetId !== e.widgetId)
        return `${where}: editor is ${a.widgetId} in the space, ${e.widgetId} in content-types/`
      return `${where}: editor settings are ${show(a.settings)} in the space, ${show(e.settings)} in content-types/`
    }
    default:
      return `${where}: ${d.property} is ${show(d.actual)} in the space, ${show(d.expected)} in content-types/`
  }
}
