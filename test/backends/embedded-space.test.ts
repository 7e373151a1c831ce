// The store operations the HTTP faces map one to one, beyond what the port exposes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import test, { type ExecutionContext } from 'ava'
import Database from 'better-sqlite3'
import { ConflictError, NotFoundError, ValidationError } from '../../src/backends/port.ts'
import { EmbeddedSpace } from '../../src/backends/sqlite/embedded-space.ts'
import { article, PNG, person } from './contract.ts'

const root = mkdtempSync(join(tmpdir(), 'kb-cms-store-'))
test.after.always(() => rmSync(root, { recursive: true, force: true }))
let n = 0
const L = 'en-US'
const v = <T>(x: T) => ({ [L]: x })
const link = (linkType: 'Entry' | 'Asset', id: string) => ({ sys: { type: 'Link', linkType, id } })

function open(t: ExecutionContext, options: Parameters<typeof EmbeddedSpace.open>[0] = {}) {
  const space = EmbeddedSpace.open({ space: join(root, `s${++n}`), ...options })
  t.teardown(() => space.close())
  return space
}

function modelled(t: ExecutionContext) {
  const space = open(t)
  for (const ct of [person, article]) {
    const draft = space.contentTypes.put(ct)
    space.contentTypes.activate(ct.id, draft.sys.version)
  }
  return space
}

test('content types: create, update, activate, deactivate and delete follow Contentful versions', (t) => {
  const space = open(t)
  const created = space.contentTypes.put(person)
  t.is(created.sys.version, 1)
  t.is(created.active, null)
  t.throws(() => space.contentTypes.put(person), { instanceOf: ConflictError })
  t.throws(() => space.contentTypes.put(person, 7), { instanceOf: ConflictError })
  t.throws(() => space.contentTypes.getEditorInterface('person'), { instanceOf: NotFoundError })

  const active = space.contentTypes.activate('person', 1)
  t.is(active.sys.publishedVersion, 1)
  t.is(active.sys.version, 2)
  t.deepEqual(active.active, person)
  const ei = space.contentTypes.getEditorInterface('person')
  t.deepEqual(ei.editorInterface.controls, [{ fieldId: 'name' }], 'one control per field on first activation')

  const renamed = space.contentTypes.put({ ...person, name: 'Human' }, 2)
  t.is(renamed.sys.version, 3)
  t.is(renamed.active?.name, 'Person', 'the active definition waits for activation')
  const deactivated = space.contentTypes.deactivate('person', 3)
  t.is(deactivated.active, null)
  t.is(deactivated.sys.publishedVersion, undefined)
  space.contentTypes.delete('person')
  t.is(space.contentTypes.find('person'), null)
  t.deepEqual(space.contentTypes.listEditorInterfaces(), [])
})

test('content types: an active content type cannot be deleted; one with entries cannot be deactivated', (t) => {
  const space = modelled(t)
  t.throws(() => space.contentTypes.delete('person'), { instanceOf: ValidationError, message: /deactivate/ })
  space.entries.put({ id: 'ada', contentTypeId: 'person', fields: { name: v('Ada') } })
  t.throws(() => space.contentTypes.deactivate('person'), { instanceOf: ValidationError, message: /1 entry/ })
})

test('content types: a field type cannot change, and activation checks linked content types exist', (t) => {
  const space = modelled(t)
  const current = space.contentTypes.get('person')
  const retyped = space.contentTypes.put(
    { ...person, fields: [{ ...person.fields[0], type: 'Text' } as (typeof person.fields)[0]] },
    current.sys.version,
  )
  t.throws(() => space.contentTypes.activate('person', retyped.sys.version), {
    instanceOf: ValidationError,
    message: /cannot change type from Symbol to Text/,
  })
  const linking = space.contentTypes.put({
    id: 'note',
    name: 'Note',
    displayField: 'title',
    fields: [
      { id: 'title', name: 'Title', type: 'Symbol', required: false, localized: false },
      {
        id: 'about',
        name: 'About',
        type: 'Link',
        linkType: 'Entry',
        required: false,
        localized: false,
        validations: [{ linkContentType: ['ghost'] }],
      },
    ],
  })
  t.throws(() => space.contentTypes.activate('note', linking.sys.version), {
    instanceOf: ValidationError,
    message: /"ghost", which does not exist/,
  })
})

test('content types: a field renamed with newId keeps entry values and its editor control', (t) => {
  const space = modelled(t)
  const ei = space.contentTypes.getEditorInterface('person')
  space.contentTypes.putEditorInterface(
    'person',
    { controls: [{ fieldId: 'name', widgetId: 'singleLine', settings: { helpText: 'Full name' } }] },
    ei.sys.version,
  )
  space.entries.put({ id: 'ada', contentTypeId: 'person', fields: { name: v('Ada') } })
  const draft = space.contentTypes.put(
    { ...person, displayField: 'fullName', fields: [{ ...person.fields[0], newId: 'fullName' } as never] },
    space.contentTypes.get('person').sys.version,
  )
  const active = space.contentTypes.activate('person', draft.sys.version)
  t.deepEqual(
    active.active?.fields.map((f) => f.id),
    ['fullName'],
  )
  t.is(active.active?.displayField, 'fullName')
  t.deepEqual(space.entries.get('ada').fields, { fullName: v('Ada') })
  t.deepEqual(space.contentTypes.getEditorInterface('person').editorInterface.controls, [
    { fieldId: 'fullName', widgetId: 'singleLine', settings: { helpText: 'Full name' } },
  ])
})

test('content types: deleting a field removes its values from entries', (t) => {
  const space = modelled(t)
  const e = space.entries.put({
    id: 'a',
    contentTypeId: 'article',
    fields: { title: v('T'), slug: v('a'), summary: v('S') },
  })
  space.entries.publish('a', e.sys.version)
  const omit = (extra: object) => ({
    ...article,
    fields: article.fields.map((f) => (f.id === 'summary' ? { ...f, ...extra } : f)),
  })
  let ct = space.contentTypes.put(omit({ omitted: true }), space.contentTypes.get('article').sys.version)
  space.contentTypes.activate('article', ct.sys.version)
  ct = space.contentTypes.put(
    omit({ omitted: true, deleted: true }),
    space.contentTypes.get('article').sys.version,
  )
  space.contentTypes.activate('article', ct.sys.version)
  t.deepEqual(space.entries.get('a').fields, { title: v('T'), slug: v('a') })
  t.deepEqual(space.entries.findPublished('a')?.fields, { title: v('T'), slug: v('a') })
  t.false(space.contentTypes.get('article').contentType.fields.some((f) => f.id === 'summary'))
})

test('editor interfaces: a PUT replaces the body at the current version', (t) => {
  const space = modelled(t)
  const ei = space.contentTypes.getEditorInterface('person')
  const body = { controls: [{ fieldId: 'name', widgetId: 'singleLine' }], sidebar: [{ widgetId: 'x' }] }
  const saved = space.contentTypes.putEditorInterface('person', body, ei.sys.version)
  t.is(saved.sys.version, ei.sys.version + 1)
  t.deepEqual(saved.editorInterface, body)
  t.throws(() => space.contentTypes.putEditorInterface('person', body, ei.sys.version), {
    instanceOf: ConflictError,
  })
  t.throws(
    () =>
      space.contentTypes.putEditorInterface('person', { controls: [{ fieldId: 'nope' }] }, saved.sys.version),
    { instanceOf: ValidationError, message: /no field "nope"/ },
  )
})

test('entries: the published snapshot is served while the draft differs', (t) => {
  const space = modelled(t)
  const e = space.entries.put({
    id: 'a',
    contentTypeId: 'article',
    fields: { title: v('Live'), slug: v('a') },
  })
  space.entries.publish('a', e.sys.version)
  space.entries.put({ id: 'a', fields: { title: v('Draft'), slug: v('a') } }, e.sys.version + 1)
  t.deepEqual(space.entries.get('a').fields.title, v('Draft'))
  t.deepEqual(space.entries.findPublished('a')?.fields.title, v('Live'))
  t.deepEqual(
    space.entries.query({ published: true }).items.map((x) => x.fields.title),
    [v('Live')],
  )
  t.is(space.entries.query({ published: true }).items[0]?.sys.publishedCounter, 1)
  space.entries.put({ id: 'b', contentTypeId: 'article', fields: { title: v('Never'), slug: v('b') } })
  t.is(space.entries.query({ published: true }).total, 1, 'drafts are not delivered')
  t.is(space.entries.findPublished('b'), null)
})

test('entries: queries by field equality, array membership and link id, in creation order', (t) => {
  let clock = Date.parse('2026-01-01T00:00:00Z')
  const tick = () => {
    clock += 1000
    return new Date(clock)
  }
  const space = EmbeddedSpace.open({ space: join(root, `s${++n}`), now: tick })
  t.teardown(() => space.close())
  for (const ct of [person, article])
    space.contentTypes.activate(ct.id, space.contentTypes.put(ct).sys.version)
  space.entries.put({ id: 'ada', contentTypeId: 'person', fields: { name: v('Ada') } })
  // Created in reverse id order: creation time, not id, decides the order.
  const rows = [
    ['z', 'one', ['a', 'b'], 3, 'ada'],
    ['y', 'two', ['b'], 5, null],
    ['x', 'three', [], 3, 'ada'],
  ] as const
  for (const [id, slug, tags, rating, author] of rows) {
    space.entries.put({
      id,
      contentTypeId: 'article',
      fields: {
        title: v(id),
        slug: v(slug),
        tags: v(tags),
        rating: v(rating),
        ...(author ? { author: v(link('Entry', author)) } : {}),
      },
    })
  }
  const ids = (fields: Record<string, string>) =>
    space.entries.query({ contentTypeId: 'article', fields }).items.map((e) => e.sys.id)
  t.deepEqual(ids({}), ['z', 'y', 'x'])
  t.deepEqual(ids({ slug: 'two' }), ['y'])
  t.deepEqual(ids({ tags: 'b' }), ['z', 'y'])
  t.deepEqual(ids({ rating: '3' }), ['z', 'x'], 'a query string compares as the field type')
  t.deepEqual(ids({ 'author.sys.id': 'ada' }), ['z', 'x'])
  t.deepEqual(ids({ slug: 'one', rating: '5' }), [])
  t.throws(() => space.entries.query({ fields: { slug: 'one' } }), { instanceOf: ValidationError })
  t.throws(() => space.entries.query({ contentTypeId: 'article', fields: { colour: 'red' } }), {
    instanceOf: ValidationError,
  })
  t.throws(() => space.entries.query({ limit: 1001 }), { instanceOf: ValidationError })
  const page = space.entries.query({ contentTypeId: 'article', skip: 1, limit: 1 })
  t.deepEqual([page.total, page.skip, page.limit, page.items.map((e) => e.sys.id)], [3, 1, 1, ['y']])
})

test('entries: a published entry must be unpublished before archive or delete; archive round trip', (t) => {
  const space = modelled(t)
  const e = space.entries.put({ id: 'a', contentTypeId: 'person', fields: { name: v('A') } })
  const published = space.entries.publish('a', e.sys.version)
  t.throws(() => space.entries.delete('a', published.sys.version), { instanceOf: ValidationError })
  t.throws(() => space.entries.archive('a', published.sys.version), { instanceOf: ValidationError })
  const draft = space.entries.unpublish('a', published.sys.version)
  const archived = space.entries.archive('a', draft.sys.version)
  t.is(archived.sys.archivedVersion, draft.sys.version)
  t.throws(() => space.entries.put({ id: 'a', fields: { name: v('B') } }, archived.sys.version), {
    instanceOf: ValidationError,
    message: /archived/,
  })
  const back = space.entries.unarchive('a', archived.sys.version)
  t.is(back.sys.archivedVersion, undefined)
  space.entries.delete('a', back.sys.version)
  t.throws(() => space.entries.get('a'), { instanceOf: NotFoundError })
})

test('entries: writing needs an active content type, and keeps its content type', (t) => {
  const space = open(t)
  space.contentTypes.put(person)
  t.throws(() => space.entries.put({ id: 'a', contentTypeId: 'person', fields: {} }), {
    message: /not active/,
  })
  space.contentTypes.activate('person', 1)
  space.contentTypes.activate('article', space.contentTypes.put(article).sys.version)
  space.entries.put({ id: 'a', contentTypeId: 'person', fields: {} })
  t.throws(() => space.entries.put({ id: 'a', contentTypeId: 'article', fields: {} }, 1), {
    instanceOf: ValidationError,
  })
  t.throws(() => space.entries.put({ id: 'a', fields: { name: { 'fr-FR': 'x' } } }, 1), {
    message: /unknown locale/,
  })
  t.throws(() => space.entries.put({ id: 'nope', fields: {} }, 1), { instanceOf: NotFoundError })
})

test('assets: upload, uploadFrom, process, then the file is served from its url', async (t) => {
  const space = open(t, { spaceId: 'demo' })
  const upload = space.uploads.create(PNG)
  t.is(space.uploads.get(upload.sys.id).sys.id, upload.sys.id)
  const created = space.assets.put({
    id: 'pic',
    fields: {
      title: v('Pic'),
      file: v({
        fileName: 'a pic.png',
        contentType: 'image/png',
        uploadFrom: { sys: { type: 'Link' as const, linkType: 'Upload' as const, id: upload.sys.id } },
      }),
    },
  })
  t.throws(() => space.assets.publish('pic', created.sys.version), { instanceOf: ValidationError })
  const processed = await space.assets.process('pic', created.sys.version)
  const file = processed.fields.file?.[L]
  t.regex(file?.url ?? '', /^\/assets\/demo\/pic\/[0-9a-f]{16}\/a%20pic\.png$/)
  t.deepEqual(file?.details, { size: PNG.byteLength, image: { width: 1, height: 2 } })
  t.is(file?.uploadFrom, undefined)
  const served = space.assets.file(file?.url ?? '')
  t.deepEqual(served?.bytes, PNG)
  t.is(served?.contentType, 'image/png')
  const published = space.assets.publish('pic', processed.sys.version)
  t.is(space.assets.query({ published: true }).items[0]?.sys.publishedVersion, published.sys.publishedVersion)
})

test('assets: processing fetches a url, refuses html, and a stale version conflicts', async (t) => {
  const space = open(t)
  const path = join(root, `remote-${n}.png`)
  writeFileSync(path, PNG)
  const a = space.assets.put({
    id: 'remote',
    fields: { file: v({ fileName: 'r.png', contentType: 'image/png', upload: pathToFileURL(path).href }) },
  })
  await t.throwsAsync(space.assets.process('remote', a.sys.version + 3), { instanceOf: ConflictError })
  const done = await space.assets.process('remote', a.sys.version)
  t.is(done.fields.file?.[L]?.details?.size, PNG.byteLength)
  const html = space.assets.put({
    id: 'page',
    fields: { file: v({ fileName: 'x.html', contentType: 'text/html', upload: pathToFileURL(path).href }) },
  })
  await t.throwsAsync(space.assets.process('page', html.sys.version), {
    message: /text\/html is not allowed/,
  })
})

test('bulk publish reports every failing item and publishes nothing', (t) => {
  const space = modelled(t)
  const good = space.entries.put({ id: 'good', contentTypeId: 'person', fields: { name: v('G') } })
  const bad1 = space.entries.put({ id: 'bad1', contentTypeId: 'person', fields: {} })
  const bad2 = space.entries.put({ id: 'bad2', contentTypeId: 'article', fields: { title: v('x') } })
  const error = t.throws(
    () =>
      space.publishAll([
        { linkType: 'Entry', id: 'good', version: good.sys.version },
        { linkType: 'Entry', id: 'bad1', version: bad1.sys.version },
        { linkType: 'Entry', id: 'bad2', version: bad2.sys.version },
      ]),
    { instanceOf: ValidationError },
  )
  const details = (error?.details ?? []) as { entity: { id: string }; path: string[]; name: string }[]
  t.deepEqual(
    details.map((d) => [d.entity.id, d.path.join('.'), d.name]),
    [
      ['bad1', 'fields.name.en-US', 'required'],
      ['bad2', 'fields.slug.en-US', 'required'],
    ],
  )
  t.is(space.entries.get('good').sys.publishedVersion, undefined)
})

test('lock: takes over an expired lock by the store clock', (t) => {
  let now = Date.parse('2026-01-01T00:00:00Z')
  const space = open(t, { now: () => new Date(now) })
  const holder = (id: string) => ({
    id,
    description: id,
    acquiredAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 60_000).toISOString(),
  })
  t.true(space.lock.acquire(holder('a')).acquired)
  now += 59_000
  t.false(space.lock.acquire(holder('b')).acquired)
  now += 2_000
  t.true(space.lock.acquire(holder('b')).acquired)
  t.is(space.lock.read()?.id, 'b')
})

test('unique: unpublishing frees a value; a unique rule added later sees what is already published', (t) => {
  const space = modelled(t)
  const put = (id: string, slug: string) =>
    space.entries.put({ id, contentTypeId: 'article', fields: { title: v(id), slug: v(slug) } })
  const a = space.entries.publish('a', put('a', 'same').sys.version)
  const b = put('b', 'same')
  t.throws(() => space.entries.publish('b', b.sys.version), {
    instanceOf: ValidationError,
    message: /unique|already/,
  })
  space.entries.unpublish('a', a.sys.version)
  space.entries.publish('b', b.sys.version)

  // `title` becomes unique while two published entries share one.
  const c = space.entries.publish(
    'c',
    space.entries.put({ id: 'c', contentTypeId: 'article', fields: { title: v('b'), slug: v('c') } }).sys
      .version,
  )
  const uniqueTitle = {
    ...article,
    fields: article.fields.map((f) => (f.id === 'title' ? { ...f, validations: [{ unique: true }] } : f)),
  }
  const draft = space.contentTypes.put(uniqueTitle, space.contentTypes.get('article').sys.version)
  space.contentTypes.activate('article', draft.sys.version)
  const edited = space.entries.put({ id: 'c', fields: { title: v('b'), slug: v('c2') } }, c.sys.version)
  t.throws(() => space.entries.publish('c', edited.sys.version), { message: /title/ })
})

test('a layout 1 file is upgraded and its unique values indexed', (t) => {
  const dir = join(root, `s${++n}`)
  const first = EmbeddedSpace.open({ space: dir })
  for (const ct of [person, article])
    first.contentTypes.activate(ct.id, first.contentTypes.put(ct).sys.version)
  const a = first.entries.put({
    id: 'a',
    contentTypeId: 'article',
    fields: { title: v('A'), slug: v('same') },
  })
  first.entries.publish('a', a.sys.version)
  first.close()
  const raw = new Database(join(dir, 'master.sqlite'))
  raw.exec('DROP TABLE unique_values')
  raw.pragma('user_version = 1')
  raw.close()

  const space = EmbeddedSpace.open({ space: dir })
  t.teardown(() => space.close())
  const b = space.entries.put({
    id: 'b',
    contentTypeId: 'article',
    fields: { title: v('B'), slug: v('same') },
  })
  t.throws(() => space.entries.publish('b', b.sys.version), { instanceOf: ValidationError })
})

test('rich text: node types, marks and embedded entry types are validated on publish', (t) => {
  const space = modelled(t)
  const note = {
    id: 'note',
    name: 'Note',
    displayField: 'title',
    fields: [
      { id: 'title', name: 'Title', type: 'Symbol' as const, required: true, localized: false },
      {
        id: 'body',
        name: 'Body',
        type: 'RichText' as const,
        required: true,
        localized: false,
        validations: [
          { enabledNodeTypes: ['hyperlink', 'embedded-entry-block'] },
          { enabledMarks: ['bold'] },
          { nodes: { 'embedded-entry-block': [{ linkContentType: ['person'] }] } },
        ],
      },
    ],
  }
  space.contentTypes.activate('note', space.contentTypes.put(note).sys.version)
  space.entries.put({ id: 'ada', contentTypeId: 'person', fields: { name: v('Ada') } })
  space.entries.put({ id: 'art', contentTypeId: 'article', fields: { title: v('A'), slug: v('a') } })
  const text = (value: string, marks: string[] = []) => ({
    nodeType: 'text',
    value,
    marks: marks.map((type) => ({ type })),
    data: {},
  })
  const para = (...content: object[]) => ({ nodeType: 'paragraph', data: {}, content })
  const embed = (id: string) => ({
    nodeType: 'embedded-entry-block',
    data: { target: link('Entry', id) },
    content: [],
  })
  const doc = (...content: object[]) => ({ nodeType: 'document', data: {}, content })
  const publish = (id: string, body: object) => {
    const e = space.entries.put({ id, contentTypeId: 'note', fields: { title: v(id), body: v(body) } })
    return () => space.entries.publish(id, e.sys.version)
  }
  t.notThrows(publish('ok', doc(para(text('hi', ['bold'])), embed('ada'))))
  t.throws(publish('heading', doc({ nodeType: 'heading-1', data: {}, content: [text('h')] })), {
    message: /"heading-1" is not allowed/,
  })
  t.throws(publish('italic', doc(para(text('hi', ['italic'])))), { message: /mark "italic"/ })
  t.throws(publish('embeds-article', doc(embed('art'))), { message: /embeds a article/ })
  t.throws(publish('not-a-document', { nodeType: 'paragraph', content: [] }), {
    message: /Rich Text document/,
  })
})

test('a writer that waits too long for another process says so, naming the file', (t) => {
  const space = open(t, { busyTimeoutMs: 50 })
  const other = new Database(space.file)
  t.teardown(() => other.close())
  other.prepare('BEGIN IMMEDIATE').run()
  t.throws(() => space.contentTypes.put(person), {
    message: /master\.sqlite: another process kept it locked/,
  })
  other.prepare('ROLLBACK').run()
  t.is(space.contentTypes.put(person).sys.version, 1)
})
