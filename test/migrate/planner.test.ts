// The planner against snapshot objects: no space, no I/O.
import test from 'ava'
import contentTypes from '../../content-types/index.ts'
import migration0001 from '../../migrations/0001-content-model.ts'
import type { ModelSnapshot } from '../../src/backends/port.ts'
import {
  contentTypesNeedingEntries,
  type ModelState,
  PlanError,
  planMigration,
  snapshotFromState,
  stateFromSnapshot,
} from '../../src/migrate/planner.ts'
import type { EditorInterface, EntryRecord } from '../../src/model/contentful-types.ts'
import { type MigrationBuilder, type Operation, recordOperations } from '../../src/model/define-migration.ts'
import { diffModel } from '../../src/model/model-diff.ts'
import { fieldHash } from '../../src/model/sync-base.ts'
import { applyRepoMigrations, repoMigrations } from './helpers/repo-model.ts'

const empty = (): ModelState => stateFromSnapshot({ contentTypes: [], editorInterfaces: [] })
const ops = (up: (m: MigrationBuilder) => void): Operation[] => recordOperations({ description: 't', up })
const plan = (state: ModelState, up: (m: MigrationBuilder) => void) =>
  planMigration('0002-test', 'migrations/0002-test.ts', ops(up), state)

/** The model after 0001 (the operations below were written against it), as a fresh state. */
function modelled(): ModelState {
  const state = empty()
  planMigration(
    '0001-content-model',
    'migrations/0001-content-model.ts',
    recordOperations(migration0001),
    state,
  )
  return stateFromSnapshot(snapshotFromState(state))
}

const written = (p: ReturnType<typeof planMigration>) =>
  p.writes.map(
    (w) =>
      `${w.type}:${w.type === 'saveContentType' ? w.contentType.id : 'contentTypeId' in w ? w.contentTypeId : ''}`,
  )

test('0001 builds its model from an empty space: one save and one editor interface per type', (t) => {
  const state = empty()
  const p = planMigration('0001', 'migrations/0001.ts', recordOperations(migration0001), state)
  const first = ['resolutionStep', 'resolution', 'note', 'ctaBanner', 'troubleshootingArticle']
  t.deepEqual(
    written(p),
    first.flatMap((c) => [`saveContentType:${c}`, `saveEditorInterface:${c}`]),
  )
  t.true(p.steps.every((s) => s.status === 'apply'))
})

test('the migrations in order build exactly content-types/ from an empty space', async (t) => {
  const state = await applyRepoMigrations()
  t.deepEqual(diffModel(contentTypes, snapshotFromState(state)), [], 'the result is exactly content-types/')
  t.deepEqual([...state.contentTypes.keys()].sort(), contentTypes.map((c) => c.id).sort())
})

test('0002 brings a 0001 space to the page model: the new types first, then the edits of the others', async (t) => {
  const migrations = await repoMigrations()
  const state = empty()
  planMigration('0001', 'migrations/0001.ts', recordOperations(migration0001), state)
  const next = stateFromSnapshot(snapshotFromState(state))
  const second = migrations.find((m) => m.name.startsWith('0002-'))
  if (!second) throw new Error('no migration 0002')
  const p = planMigration(second.name, second.file, second.ops, next)
  const saves = written(p).filter((w) => w.startsWith('saveContentType:'))
  t.deepEqual(saves.slice(0, 3), [
    'saveContentType:page',
    'saveContentType:redirect',
    'saveContentType:navigationMenu',
  ])
  t.deepEqual(
    [...new Set(saves.slice(3))].sort(),
    ['note', 'resolution', 'resolutionStep', 'troubleshootingArticle'].map((c) => `saveContentType:${c}`),
    'ctaBanner has no Rich Text and is left alone',
  )
  for (const later of migrations.filter((m) => m.name > second.name)) {
    for (const id of contentTypesNeedingEntries(later.ops)) next.entries.set(id, [])
    planMigration(later.name, later.file, later.ops, next)
  }
  t.deepEqual(diffModel(contentTypes, snapshotFromState(next)), [], 'and the later ones to content-types/')
})

test('re-planning a migration the space already satisfies writes nothing', async (t) => {
  const state = modelled()
  const p = planMigration('0001', 'migrations/0001.ts', recordOperations(migration0001), state)
  t.deepEqual(p.writes, [])
  t.true(p.steps.every((s) => s.status === 'noop' && s.detail === 'already exists'))
  const full = stateFromSnapshot(snapshotFromState(await applyRepoMigrations()))
  const last = (await repoMigrations()).at(-1)
  if (!last) throw new Error('no migrations')
  const again = planMigration(last.name, last.file, last.ops, full)
  t.deepEqual(again.writes, [], `${last.name} again on the model it built`)
})

test('an invalid operation is rejected naming the file, the operation and the problem', (t) => {
  const cases: [(m: MigrationBuilder) => void, RegExp][] = [
    [
      (m) => m.editContentType('nope').omitField('x'),
      /operation 1 \(omit field nope\.x\): unknown content type nope/,
    ],
    [
      (m) => m.editContentType('note').editField('colour', { required: true }),
      /operation 1 \(edit field note\.colour \(required\)\): unknown field note\.colour/,
    ],
    [
      (m) =>
        m
          .editContentType('note')
          .createField({
            id: 'icon',
            name: 'Icon',
            type: 'Symbol',
            widget: { id: 'singleLine' },
            helpText: 'Icon.',
          })
          .createField({
            id: 'icon',
            name: 'Icon',
            type: 'Symbol',
            widget: { id: 'singleLine' },
            helpText: 'Icon.',
          }),
      /operation 2 \(create field note\.icon \(Symbol\)\): duplicate field id icon: this migration already creates it/,
    ],
    [
      (m) =>
        m.editContentType('note').createField({
          id: 'title',
          name: 'Title',
          type: 'Text',
          widget: { id: 'multipleLine' },
          helpText: 'Another title.',
        }),
      /duplicate field id title: note already has a different field title/,
    ],
    [
      (m) => m.editContentType('note').editField('title', { validations: [{ regexp: { pattern: '(' } }] }),
      /field title: validation 1: regexp pattern does not compile/,
    ],
    [
      (m) => m.editContentType('note').editField('title', { validations: [{ linkContentType: ['note'] }] }),
      /linkContentType does not apply to a Symbol value/,
    ],
    [(m) => m.editContentType('note').renameField('title', 'bad id'), /new field id "bad id" must match/],
    [
      (m) => m.editContentType('note').deleteField('title'),
      /title is the display field; choose another first/,
    ],
    [
      (m) => m.changeEditorInterface('note', 'title', 'richTextEditor'),
      /field note\.title: widget richTextEditor cannot edit a Symbol field/,
    ],
    [
      (m) =>
        m.editContentType('note').createField({
          id: 'seeAlso',
          name: 'See also',
          type: 'Link',
          linkType: 'Entry',
          validations: [{ linkContentType: ['glossary'] }],
          widget: { id: 'entryLinkEditor' },
          helpText: 'A term.',
        }),
      /field seeAlso links to unknown content type glossary/,
    ],
    [(m) => m.deleteContentType('resolutionStep'), /field resolution\.steps still links to resolutionStep/],
  ]
  for (const [up, message] of cases) {
    const error = t.throws(() => plan(modelled(), up), { instanceOf: PlanError })
    t.true(error?.message.startsWith('migrations/0002-test.ts: operation '), error?.message)
    t.regex(error?.message ?? '', message)
  }
})

test('deleting a field omits and activates, then deletes and activates; a re-run finds it gone', (t) => {
  const state = modelled()
  const p = plan(state, (m) => m.editContentType('ctaBanner').deleteField('variant'))
  const saves = p.writes.filter((w) => w.type === 'saveContentType')
  t.is(saves.length, 2)
  const variantIn = (i: number) =>
    saves[i]?.type === 'saveContentType'
      ? saves[i].contentType.fields.find((f) => f.id === 'variant')
      : undefined
  t.like(variantIn(0), { omitted: true })
  t.is(variantIn(0)?.deleted, undefined)
  t.like(variantIn(1), { omitted: true, deleted: true })
  const again = plan(state, (m) => m.editContentType('ctaBanner').deleteField('variant'))
  t.deepEqual(again.writes, [])
  t.is(again.steps[0]?.detail, 'already absent')
})

test('renaming sends newId once, moves the display field and the editor control; a re-run is a no-op', (t) => {
  const state = modelled()
  const p = plan(state, (m) => m.editContentType('note').renameField('title', 'heading'))
  const save = p.writes[0]
  if (save?.type !== 'saveContentType') return t.fail('expected a content type save first')
  t.like(
    save.contentType.fields.find((f) => f.id === 'title'),
    { newId: 'heading' },
  )
  t.is(save.contentType.displayField, 'heading')
  const editor = p.writes[1]
  if (editor?.type !== 'saveEditorInterface') return t.fail('expected an editor interface save')
  t.deepEqual(
    editor.editorInterface.controls.map((c) => c.fieldId),
    ['kind', 'body', 'contentHash', 'heading'],
  )
  const again = plan(state, (m) => m.editContentType('note').renameField('title', 'heading'))
  t.deepEqual(again.writes, [])
  t.is(again.steps[0]?.detail, 'already renamed')
})

test('an editor interface change keeps everything else an editor set up', (t) => {
  const custom: EditorInterface = {
    controls: [
      {
        fieldId: 'title',
        widgetNamespace: 'builtin',
        widgetId: 'singleLine',
        settings: { helpText: 'Mine.', placeholder: 'e.g. Important' },
      },
      { fieldId: 'kind', widgetNamespace: 'app', widgetId: 'my-app', settings: { colour: true } },
    ],
    sidebar: [{ widgetId: 'publication-widget' }],
    editors: [{ widgetId: 'custom-editor' }],
    groupControls: [{ groupId: 'g1' }],
    editorLayout: [{ groupId: 'g1', items: [{ fieldId: 'title' }] }],
  }
  const snapshot = snapshotFromState(modelled())
  const record = snapshot.editorInterfaces.find((e) => e.sys.contentType.sys.id === 'note')
  if (!record) return t.fail('no note editor interface')
  record.editorInterface = custom
  const state = stateFromSnapshot(snapshot)
  const up = (m: MigrationBuilder) =>
    m.changeEditorInterface('note', 'title', 'dropdown', { helpText: 'Pick one.' })
  const p = plan(state, up)
  t.is(p.writes.length, 1)
  const write = p.writes[0]
  if (write?.type !== 'saveEditorInterface') return t.fail('expected an editor interface save')
  t.deepEqual(write.editorInterface, {
    ...custom,
    controls: [
      {
        fieldId: 'title',
        widgetNamespace: 'builtin',
        widgetId: 'dropdown',
        settings: { helpText: 'Pick one.', placeholder: 'e.g. Important' },
      },
      custom.controls[1],
    ],
  })
  t.deepEqual(plan(state, up).writes, [], 'a re-run is a no-op')
})

const entry = (id: string, fields: Record<string, unknown>, extra: object = {}): EntryRecord => ({
  sys: {
    id,
    type: 'Entry',
    version: 3,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    contentType: { sys: { type: 'Link', linkType: 'ContentType', id: 'note' } },
    ...extra,
  },
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { 'en-US': v }])),
})

test('transformEntries writes only the entries whose values change, at their current version', (t) => {
  const snapshot: ModelSnapshot = snapshotFromState(modelled())
  const entries = [
    entry('a', { kind: 'warning', title: 'Warning' }),
    entry('b', { kind: 'tip', title: 'TIP' }),
    entry('c', { kind: 'tip', title: 'Archived' }, { archivedVersion: 2 }),
  ]
  const state = stateFromSnapshot(snapshot, new Map([['note', entries]]))
  const up = (m: MigrationBuilder) =>
    m.transformEntries({
      contentType: 'note',
      from: ['kind', 'title'],
      to: ['title'],
      transform: ({ kind, title }) => ({ title: title === String(kind).toUpperCase() ? 'Tip' : title }),
    })
  const p = plan(state, up)
  t.deepEqual(p.writes, [
    {
      type: 'putEntry',
      entry: {
        id: 'b',
        contentTypeId: 'note',
        fields: { kind: { 'en-US': 'tip' }, title: { 'en-US': 'Tip' } },
      },
      version: 3,
    },
  ])
  t.is(p.steps[0]?.detail, '1 of 3 entries change, 1 archived skipped')
  t.deepEqual(plan(state, up).writes, [], 'the same transform again changes nothing')
})

/** An entry as the sync writes it: its fields and, per field, the base of what it wrote. */
const synced = (id: string, owned: Record<string, string>) => {
  const fields: Record<string, Record<string, unknown>> = {}
  for (const [k, v] of Object.entries(owned)) fields[k] = { 'en-US': v }
  const base = Object.fromEntries(Object.entries(owned).map(([k, v]) => [k, fieldHash(v)]))
  fields.syncBase = { 'en-US': { fields: base } }
  return { ...entry(id, {}), fields }
}
const baseOf = (fields: Record<string, Record<string, unknown>> | undefined) =>
  (fields?.syncBase?.['en-US'] as { fields: Record<string, string | null> } | undefined)?.fields

test('a transform renews the base of fields that held what the sync wrote, never of fields an editor changed', (t) => {
  const edited = synced('edited', { kind: 'tip', title: 'tip' })
  edited.fields.title = { 'en-US': 'tip, as an editor wrote it' }
  const state = stateFromSnapshot(
    snapshotFromState(modelled()),
    new Map([['note', [synced('kept', { kind: 'tip', title: 'tip' }), edited]]]),
  )
  const p = plan(state, (m) =>
    m.transformEntries({
      contentType: 'note',
      from: ['title'],
      to: ['title'],
      transform: ({ title }) => ({ title: `${String(title).toUpperCase()}!` }),
    }),
  )
  const written = new Map(
    p.writes.flatMap((w) => (w.type === 'putEntry' ? [[w.entry.id, w.entry.fields] as const] : [])),
  )
  const kept = written.get('kept')
  t.is(kept?.title?.['en-US'], 'TIP!')
  t.is(baseOf(kept)?.title, fieldHash('TIP!'), 'the sync will see this value as its own')
  t.is(baseOf(kept)?.kind, fieldHash('tip'), 'untouched fields keep their base')
  t.is(baseOf(written.get('edited'))?.title, fieldHash('tip'), 'still the editor’s change to the sync')
})

test('renamed and deleted fields take their base along, at the entry’s current version', (t) => {
  const owned = { kind: 'tip', title: 'Tip', body: 'text' }
  const edited = synced('edited', owned)
  edited.fields.kind = { 'en-US': 'warning' }
  const state = stateFromSnapshot(
    snapshotFromState(modelled()),
    new Map([['note', [synced('kept', owned), edited]]]),
  )
  const p = plan(state, (m) => {
    m.editContentType('note').renameField('kind', 'tone')
    m.editContentType('note').deleteField('body')
  })
  const puts = p.writes.flatMap((w) => (w.type === 'putEntry' ? [w] : []))
  t.deepEqual(
    puts.map((w) => [w.entry.id, w.version, Object.keys(w.entry.fields).sort().join()]),
    [
      ['kept', 3, 'body,syncBase,title,tone'],
      ['edited', 3, 'body,syncBase,title,tone'],
      ['kept', 4, 'syncBase,title,tone'],
      ['edited', 4, 'syncBase,title,tone'],
    ],
  )
  t.deepEqual(baseOf(puts[2]?.entry.fields), { tone: fieldHash('tip'), title: fieldHash('Tip') })
  t.is(baseOf(puts[3]?.entry.fields)?.tone, fieldHash('tip'), 'the edited value stays an edit')
  t.true(
    p.writes.findIndex((w) => w.type === 'putEntry') >
      p.writes.findIndex((w) => w.type === 'saveContentType'),
  )
})

test('a transform that throws or writes outside `to` is rejected, naming the entry', (t) => {
  const state = () =>
    stateFromSnapshot(snapshotFromState(modelled()), new Map([['note', [entry('a', { kind: 'x' })]]]))
  t.throws(
    () =>
      plan(state(), (m) =>
        m.transformEntries({
          contentType: 'note',
          from: ['kind'],
          to: ['title'],
          transform: () => {
            throw new Error('boom')
          },
        }),
      ),
    { message: /transform threw on entry a: boom/ },
  )
  t.throws(
    () =>
      plan(state(), (m) =>
        m.transformEntries({
          contentType: 'note',
          from: ['kind'],
          to: ['title'],
          transform: () => ({ body: 1 }),
        }),
      ),
    { message: /transform returned fields not in `to`: body/ },
  )
})

test('deleting a content type that still has entries is refused', (t) => {
  const state = stateFromSnapshot({ contentTypes: [], editorInterfaces: [] })
  plan(state, (m) =>
    m.createContentType({
      id: 'scratch',
      name: 'Scratch',
      displayField: 'x',
      fields: [{ id: 'x', name: 'X', type: 'Symbol', widget: { id: 'singleLine' }, helpText: 'Anything.' }],
    }),
  )
  state.entries.set('scratch', [entry('e1', { x: 'y' })])
  t.throws(() => plan(state, (m) => m.deleteContentType('scratch')), {
    message: /scratch still has 1 entries; delete or transform them first/,
  })
  state.entries.set('scratch', [])
  t.deepEqual(plan(state, (m) => m.deleteContentType('scratch')).writes, [
    { type: 'deleteContentType', id: 'scratch' },
  ])
  t.is(plan(state, (m) => m.deleteContentType('scratch')).steps[0]?.detail, 'already absent')
})

test('renaming a field that is not the display field still writes the content type', (t) => {
  const p = plan(modelled(), (m) => m.editContentType('ctaBanner').renameField('variant', 'style'))
  const save = p.writes.find((w) => w.type === 'saveContentType')
  if (save?.type !== 'saveContentType') return t.fail('the rename was planned as a no-op')
  t.like(
    save.contentType.fields.find((f) => f.id === 'variant'),
    { newId: 'style' },
  )
})

test('moveField reorders the fields an editor sees; a re-run is a no-op', (t) => {
  const state = modelled()
  const up = (m: MigrationBuilder) =>
    m
      .editContentType('note')
      .moveField('title', 'first')
      .moveField('contentHash', { before: 'kind' })
      .moveField('body', { after: 'title' })
  const p = plan(state, up)
  const last = p.writes.filter((w) => w.type === 'saveContentType').at(-1)
  if (last?.type !== 'saveContentType') return t.fail('no content type write')
  t.deepEqual(
    last.contentType.fields.map((f) => f.id),
    ['title', 'body', 'contentHash', 'kind'],
  )
  t.deepEqual(plan(state, up).writes, [])
  t.throws(() => plan(state, (m) => m.editContentType('note').moveField('title', { after: 'nope' })), {
    message: /operation 1 \(move field note\.title \(after nope\)\): unknown field note\.nope/,
  })
})
