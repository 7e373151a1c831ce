// How a migration's editor interface write lands on what the space holds: controls merge by field (the
// write's control wins, untouched fields keep theirs), and every other part (sidebar, editors, group controls,
// layout) is kept unless the write sets it. An editor's customisation survives a migration that only knows
// about widgets and help texts. Shared by every adapter, so the contract suite can hold them all to it.
import type { Control, EditorInterface } from '../../model/contentful-types.ts'

export function mergeEditorInterface(
  current: EditorInterface | undefined,
  write: EditorInterface,
): EditorInterface {
  if (!current) return write
  const merged: EditorInterface = { ...current }
  for (const key of ['sidebar', 'editors', 'groupControls', 'editorLayout'] as const) {
    if (write[key] !== undefined) merged[key] = write[key]
  }
  const incoming = new Map<string, Control>(write.controls.map((c) => [c.fieldId, c]))
  const controls = (current.controls ?? []).map((c) => incoming.get(c.fieldId) ?? c)
  for (const c of write.controls) if (!controls.some((k) => k.fieldId === c.fieldId)) controls.push(c)
  merged.controls = controls
  return merged
}
