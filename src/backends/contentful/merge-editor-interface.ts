// Editor interfaces are merged, never replaced: a migration states the controls it cares about; every other
// control, and the sidebar, editors, group controls and layout an editor configured in the web app, survive.
import type { Control, EditorInterface } from '../../model/contentful-types.ts'

export function mergeEditorInterface(
  current: EditorInterface | undefined,
  wanted: EditorInterface,
): EditorInterface {
  if (!current) return wanted
  const byField = new Map<string, Control>(current.controls.map((c) => [c.fieldId, c]))
  for (const control of wanted.controls) {
    const before = byField.get(control.fieldId)
    // Settings merge key by key so that, e.g., a help text change keeps an editor's other widget settings.
    const settings =
      before?.settings || control.settings ? { ...before?.settings, ...control.settings } : undefined
    byField.set(control.fieldId, { ...before, ...control, ...(settings ? { settings } : {}) })
  }
  // Current order first (an editor may have arranged it), then controls new to this migration.
  const order = [...current.controls.map((c) => c.fieldId)]
  for (const c of wanted.controls) if (!order.includes(c.fieldId)) order.push(c.fieldId)
  const merged: EditorInterface = { controls: order.map((id) => byField.get(id) as Control) }
  for (const key of ['sidebar', 'editors', 'groupControls', 'editorLayout'] as const) {
    const value = current[key] ?? wanted[key]
    if (value !== undefined) merged[key] = value
  }
  return merged
}
