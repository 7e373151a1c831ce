// How a migration's editor interface write lands on what the space holds. Controls merge by field: the write's
// control wins, its settings merge key by key (a help text change keeps an editor's other widget settings), and
// controls the write does not name stay, in their current order. Every other part (sidebar, editors, group
// controls, layout) is kept unless the write sets it. Shared by every adapter; the contract suite checks it.
import type { Control, EditorInterface } from '../../model/contentful-types.ts'

export function mergeEditorInterface(current: EditorInterface, write: EditorInterface): EditorInterface {
  const merged: EditorInterface = { ...current }
  for (const key of ['sidebar', 'editors', 'groupControls', 'editorLayout'] as const) {
    if (write[key] !== undefined) merged[key] = write[key]
  }
  const byField = new Map<string, Control>((current.controls ?? []).map((c) => [c.fieldId, c]))
  const order = [...byField.keys()]
  for (const control of write.controls) {
    const before = byField.get(control.fieldId)
    const settings =
      before?.settings || control.settings ? { ...before?.settings, ...control.settings } : undefined
    byField.set(control.fieldId, { ...before, ...control, ...(settings ? { settings } : {}) })
    if (!before) order.push(control.fieldId)
  }
  merged.controls = order.map((id) => byField.get(id) as Control)
  return merged
}
