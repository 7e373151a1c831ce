// The one rule for how an editor interface write lands on what the space holds, used by the planner and by
// every adapter (the embedded space, Contentful): controls merge by field; the write's widget wins and its
// settings merge key by key, so a help text change keeps the widget settings an editor added, even one added
// between plan and write; controls the write does not name stay, in their order; new ones are appended;
// `removeFieldIds` drop a control (a deleted field). Every other part (sidebar, editors, group controls,
// layout) is kept unless the write sets it. (The Management face's own PUT replaces, as Contentful's does.)
import type { Control, EditorInterface } from './contentful-types.ts'

export function mergeEditorInterface(
  current: EditorInterface | undefined,
  write: EditorInterface,
  removeFieldIds: readonly string[] = [],
): EditorInterface {
  const merged: EditorInterface = { ...(current ?? {}), controls: [] }
  for (const key of ['sidebar', 'editors', 'groupControls', 'editorLayout'] as const) {
    if (write[key] !== undefined) merged[key] = write[key]
  }
  const byField = new Map<string, Control>()
  for (const c of current?.controls ?? []) if (!removeFieldIds.includes(c.fieldId)) byField.set(c.fieldId, c)
  for (const control of write.controls ?? []) {
    if (removeFieldIds.includes(control.fieldId)) continue
    const before = byField.get(control.fieldId)
    const settings =
      before?.settings || control.settings ? { ...before?.settings, ...control.settings } : undefined
    // Map.set on an existing key keeps its place: untouched and merged controls keep their order.
    byField.set(control.fieldId, { ...before, ...control, ...(settings ? { settings } : {}) })
  }
  merged.controls = [...byField.values()]
  return merged
}
