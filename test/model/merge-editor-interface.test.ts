// The one editor interface merge rule every adapter and the planner apply.
import test from 'ava'
import type { EditorInterface } from '../../src/model/contentful-types.ts'
import { mergeEditorInterface } from '../../src/model/merge-editor-interface.ts'

const live: EditorInterface = {
  controls: [
    {
      fieldId: 'title',
      widgetId: 'singleLine',
      settings: { helpText: 'old', placeholder: 'an editor added this' },
    },
    { fieldId: 'body', widgetId: 'markdown' },
    { fieldId: 'gone', widgetId: 'singleLine' },
  ],
  sidebar: [{ widgetId: 'publication-widget', widgetNamespace: 'sidebar-builtin' }],
  editorLayout: [{ groupId: 'main', name: 'Main', items: [] }],
} as never

test('the write wins per control; settings merge key by key; untouched controls and other parts stay', (t) => {
  const merged = mergeEditorInterface(live, {
    controls: [
      { fieldId: 'title', widgetId: 'slugEditor', settings: { helpText: 'new' } },
      { fieldId: 'added', widgetId: 'dropdown' },
    ],
  })
  t.deepEqual(merged.controls, [
    {
      fieldId: 'title',
      widgetId: 'slugEditor',
      settings: { helpText: 'new', placeholder: 'an editor added this' },
    },
    { fieldId: 'body', widgetId: 'markdown' },
    { fieldId: 'gone', widgetId: 'singleLine' },
    { fieldId: 'added', widgetId: 'dropdown' },
  ])
  t.deepEqual(merged.sidebar, live.sidebar)
  t.deepEqual(merged.editorLayout, live.editorLayout)
})

test('removed fields lose their control; a write that sets a part replaces it; no live interface: the write', (t) => {
  const merged = mergeEditorInterface(live, { controls: [], sidebar: [] } as never, ['gone'])
  t.deepEqual(
    merged.controls.map((c) => c.fieldId),
    ['title', 'body'],
  )
  t.deepEqual(merged.sidebar, [])
  const fresh = mergeEditorInterface(undefined, { controls: [{ fieldId: 'a', widgetId: 'singleLine' }] })
  t.deepEqual(fresh, { controls: [{ fieldId: 'a', widgetId: 'singleLine' }] })
})
