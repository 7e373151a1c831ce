// Drift between a live model and content-types/, and the scaffold that closes it: for each kind of change made
// behind the migrations' back, the generated migration (imported and planned like any other) restores the model.
import { pathToFileURL } from 'node:url'
import test from 'ava'
import contentTypes from '../../content-types/index.ts'
import type { ModelSnapshot } from '../../src/backends/port.ts'
import { planMigration, snapshotFromState, stateFromSnapshot } from '../../src/migrate/planner.ts'
import { scaffoldMigration } from '../../src/migrate/scaffold.ts'
import type { ContentType, Control, Field } from '../../src/model/contentful-types.ts'
import { type Migration, recordOperations } from '../../src/model/define-migration.ts'
import { describeDifference, diffModel } from '../../src/model/model-diff.ts'
import { repoModelSnapshot } from '../migrate/helpers/repo-model.ts'
import { tempProject } from '../migrate/helpers/temp-project.ts'

const migrated = (): Promise<ModelSnapshot> => repoModelSnapshot()

const editType = (s: ModelSnapshot, id: string, fn: (ct: ContentType) => ContentType) => {
  for (const r of s.contentTypes)
    if (r.sys.id === id) r.contentType = r.active = fn(structuredClone(r.contentType))
}
const editField = (s: ModelSnapshot, ct: string, field: string, fn: (f: Field) => Field) =>
  editType(s, ct, (c) => ({ ...c, fields: c.fields.map((f) => (f.id === field ? fn(f) : f)) }))
const editControl = (s: ModelSnapshot, ct: string, field: string, fn: (c: Control) => Control) => {
  for (const r of s.editorInterfaces) {
    if (r.sys.contentType.sys.id === ct) {
      r.editorInterface.controls = r.editorInterface.controls.map((c) => (c.fieldId === field ? fn(c) : c))
    }
  }
}

const changes: [string, (s: ModelSnapshot) => void, string[]][] = [
  [
    'a required flag',
    (s) => editField(s, 'troubleshootingArticle', 'slug', (f) => ({ ...f, required: false })),
    ['troubleshootingArticle.slug: required is false in the space, true in content-types/'],
  ],
  [
    'a validation removed',
    (s) => editField(s, 'troubleshootingArticle', 'slug', (f) => ({ ...f, validations: [{ unique: true }] })),
    [
      /^troubleshootingArticle\.slug: validations is \[\{"unique":true\}\] in the space, \[.*regexp.*\] in content-types\/$/
        .source,
    ],
  ],
  [
    'a list item validation',
    (s) => editField(s, 'resolution', 'steps', (f) => ({ ...f, items: { type: 'Link', linkType: 'Entry' } })),
    [
      'resolution.steps: itemValidations is [] in the space, [{"linkContentType":["resolutionStep"]}] in content-types/',
    ],
  ],
  [
    'a help text',
    (s) => editControl(s, 'note', 'title', (c) => ({ ...c, settings: { helpText: 'Old words.' } })),
    [
      /^note\.title: editor settings are \{"helpText":"Old words\."\} in the space, \{"helpText":"Heading.*\} in content-types\/$/
        .source,
    ],
  ],
  [
    'a widget',
    (s) => editControl(s, 'ctaBanner', 'url', (c) => ({ ...c, widgetId: 'singleLine' })),
    ['ctaBanner.url: editor is singleLine in the space, urlEditor in content-types/'],
  ],
  [
    'the display field and name',
    (s) => editType(s, 'note', (c) => ({ ...c, name: 'Callout', displayField: 'kind' })),
    [
      'note: name is "Callout" in the space, "Note" in content-types/',
      'note: displayField is "kind" in the space, "title" in content-types/',
    ],
  ],
  [
    'a field deleted in the space',
    (s) => editType(s, 'ctaBanner', (c) => ({ ...c, fields: c.fields.filter((f) => f.id !== 'utmContent') })),
    ['ctaBanner.utmContent: field is in content-types/ but not in the space'],
  ],
  [
    'a field added in the space',
    (s) =>
      editType(s, 'note', (c) => ({
        ...c,
        fields: [
          ...c.fields,
          { id: 'icon', name: 'Icon', type: 'Symbol', required: false, localized: false },
        ],
      })),
    ['note.icon: field is in the space but not in content-types/'],
  ],
  [
    'the field order',
    (s) =>
      editType(s, 'resolution', (c) => ({
        ...c,
        fields: [...c.fields.slice(3), ...c.fields.slice(0, 3)],
      })),
    [
      'resolution: fields are ordered cause, intro, steps, syncBase, name, title, kind in the space, ' +
        'name, title, kind, cause, intro, steps, syncBase in content-types/',
    ],
  ],
  [
    'a content type added in the space',
    (s) => {
      const fields: Field[] = [{ id: 'x', name: 'X', type: 'Symbol', required: false, localized: false }]
      const ct: ContentType = { id: 'scratch', name: 'Scratch', displayField: 'x', fields }
      const sys = { id: 'scratch', type: 'ContentType' as const, version: 1, createdAt: '', updatedAt: '' }
      s.contentTypes.push({ sys, contentType: ct, active: ct })
    },
    ['scratch: content type is in the space but not in content-types/'],
  ],
  [
    'a content type deleted in the space',
    (s) => {
      s.contentTypes = s.contentTypes.filter((c) => c.sys.id !== 'troubleshootingArticle')
      s.editorInterfaces = s.editorInterfaces.filter(
        (e) => e.sys.contentType.sys.id !== 'troubleshootingArticle',
      )
    },
    ['troubleshootingArticle: content type is in content-types/ but not in the space'],
  ],
]

test('a migrated model has no drift', async (t) => {
  t.deepEqual(diffModel(contentTypes, await migrated()), [])
})

for (const [what, change, expected] of changes) {
  test(`drift in ${what} is reported, and the scaffolded migration closes it`, async (t) => {
    const live = await migrated()
    change(live)
    const drift = diffModel(contentTypes, live)
    const lines = drift.map(describeDifference)
    t.is(lines.length, expected.length, lines.join('\n'))
    for (const [i, e] of expected.entries()) {
      t.regex(lines[i] ?? '', new RegExp(e.startsWith('^') ? e : `^${escapeRegExp(e)}$`))
    }

    const project = tempProject(false)
    t.teardown(project.cleanup)
    const path = project.write('0002-close.ts', scaffoldMigration('close drift', drift, contentTypes))
    const migration = ((await import(pathToFileURL(path).href)) as { default: Migration }).default
    const state = stateFromSnapshot(live, new Map([['scratch', []]]))
    planMigration('0002-close', path, recordOperations(migration), state)
    const closed = snapshotFromState(state)
    t.deepEqual(diffModel(contentTypes, closed).map(describeDifference), [])
    for (const def of contentTypes) {
      const fields = closed.contentTypes.find((c) => c.sys.id === def.id)?.contentType.fields
      t.deepEqual(
        fields?.map((f) => f.id),
        def.fields.map((f) => f.id),
        `${def.id}: fields in the order of content-types/`,
      )
    }
  })
}

test('a type change is explained in the scaffold, not attempted', async (t) => {
  const live = await migrated()
  editField(live, 'troubleshootingArticle', 'description', (f) => ({ ...f, type: 'Symbol' }))
  const drift = diffModel(contentTypes, live)
  t.deepEqual(drift.map(describeDifference), [
    'troubleshootingArticle.description: type is Symbol in the space, Text in content-types/',
  ])
  const source = scaffoldMigration('retype', drift, contentTypes)
  t.regex(
    source,
    /\/\/ troubleshootingArticle\.description: the API cannot change a field's type \(Symbol → Text\)/,
  )
  t.notRegex(source, /^\s*m\./m, 'no operation is generated')
})

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
