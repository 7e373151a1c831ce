// Comparing models: the API omits defaults (required false, no validations) in some places and spells them out
// in others, so two definitions are compared in one canonical form.

import type { ContentType, Control, EditorInterface, Field } from './contentful-types.ts'
import { mergeEditorInterface } from './merge-editor-interface.ts'

/** JSON with object keys sorted, so equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b)
}

export function normalizeField(field: Field): Field {
  const out: Field = {
    id: field.id,
    name: field.name,
    type: field.type,
    required: field.required === true,
    localized: field.localized === true,
    validations: field.validations ?? [],
  }
  if (field.linkType !== undefined) out.linkType = field.linkType
  if (field.items !== undefined) {
    out.items = { type: field.items.type, validations: field.items.validations ?? [] }
    if (field.items.linkType !== undefined) out.items.linkType = field.items.linkType
  }
  if (field.disabled) out.disabled = true
  if (field.omitted) out.omitted = true
  // A pending rename is a change, never "the same field".
  if (field.newId !== undefined && field.newId !== field.id) out.newId = field.newId
  return out
}

export function normalizeContentType(contentType: ContentType): ContentType {
  return {
    id: contentType.id,
    name: contentType.name,
    description: contentType.description ?? '',
    displayField: contentType.displayField,
    fields: contentType.fields.filter((f) => !f.deleted).map(normalizeField),
  }
}

export function sameContentType(a: ContentType, b: ContentType): boolean {
  return sameJson(normalizeContentType(a), normalizeContentType(b))
}

/**
 * True when the live control already does what `want` asks: same widget, and every setting `want` names has
 * that value. Other settings are an editor's own (spaces merge settings key by key), so they do not count.
 */
export function controlSatisfies(have: Control | undefined, want: Control): boolean {
  if (!have) return false
  if ((have.widgetNamespace ?? 'builtin') !== (want.widgetNamespace ?? 'builtin')) return false
  if (have.widgetId !== want.widgetId) return false
  return Object.entries(want.settings ?? {}).every(([k, v]) => sameJson(have.settings?.[k], v))
}

/** The live editor interface with the given controls merged in by the shared rule (merge-editor-interface.ts). */
export function mergeControls(
  live: EditorInterface | undefined,
  controls: Control[],
  removeFieldIds: string[] = [],
): EditorInterface {
  return mergeEditorInterface(live, { controls }, removeFieldIds)
}
