// Search and filters on both faces, through the official clients: Management `GET /entries` takes the same
// parameters as the Delivery API (content type in either form, [in], order, archived, [match], query), and
// full-text search follows Contentful's term rules over the text of Rich Text, not its JSON.
import test from 'ava'
import { type AnyJson, richText, type Served, serveSpace, withPerson } from './local-space.ts'

async function people(s: Served) {
  await withPerson(s.cma)
  const make = async (id: string, name: string, age: number, bio: string[], publish = true) => {
    const e = await s.cma.entry.createWithId(
      { contentTypeId: 'person', entryId: id },
      { fields: { name: { 'en-US': name }, age: { 'en-US': age }, bio: { 'en-US': richText(...bio) } } },
    )
    return publish ? s.cma.entry.publish({ entryId: id }, e) : e
  }
  await make('ada', 'Ada Lovelace', 36, ['Wrote the first program for the analytical engine.'])
  await make('grace', 'Grace Hopper', 85, ['Built the first compiler; popularised the word debugging.'])
  await make('alan', 'Alan Turing', 41, ['Asked whether machines can think.'])
  await make('charles', 'Charles Babbage', 79, ['Designed the analytical engine.'], false)
  await s.cma.entry.archive({ entryId: 'charles' })
  await s.cma.contentType
    .createWithId(
      { contentTypeId: 'other' },
      {
        name: 'Other',
        displayField: 'title',
        fields: [{ id: 'title', name: 'Title', type: 'Symbol', required: false, localized: false }],
      },
    )
    .then((ct) => s.cma.contentType.publish({ contentTypeId: 'other' }, ct))
  await s.cma.entry.createWithId(
    { contentTypeId: 'other', entryId: 'o1' },
    { fields: { title: { 'en-US': 'Engine room' } } },
  )
}

const ids = (page: { items: AnyJson[] }) => page.items.map((e) => e.sys.id).sort()

test('Management getMany: sys.contentType.sys.id, content_type, [in], order, archived, [match], query', async (t) => {
  const s = await serveSpace(t)
  await people(s)
  const get = (query: Record<string, unknown>) => s.cma.entry.getMany({ query })
  t.deepEqual(ids(await get({ 'sys.contentType.sys.id': 'person' })), ['ada', 'alan', 'charles', 'grace'])
  t.deepEqual(ids(await get({ content_type: 'other' })), ['o1'])
  t.deepEqual(ids(await get({ 'sys.contentType.sys.id[in]': 'other,nothing' })), ['o1'])
  t.deepEqual(ids(await get({ content_type: 'person', 'fields.name[in]': 'Ada Lovelace,Alan Turing' })), [
    'ada',
    'alan',
  ])
  const ordered = await get({ content_type: 'person', order: '-fields.age' })
  t.deepEqual(
    ordered.items.map((e) => e.sys.id),
    ['grace', 'charles', 'alan', 'ada'],
  )
  t.deepEqual(ids(await get({ 'sys.archivedAt[exists]': 'true' })), ['charles'])
  t.deepEqual(ids(await get({ content_type: 'person', 'sys.archivedAt[exists]': 'false' })), [
    'ada',
    'alan',
    'grace',
  ])
  t.deepEqual(ids(await get({ content_type: 'person', 'fields.age[gte]': '79' })), ['charles', 'grace'])
  t.deepEqual(ids(await get({ content_type: 'person', 'fields.bio[match]': 'analytical engine' })), [
    'ada',
    'charles',
  ])
  t.deepEqual(ids(await get({ query: 'engine' })), ['ada', 'charles', 'o1'])
  // "no entries of this type left" as a migration tool checks it before deleting a type
  const none = await get({ 'sys.contentType.sys.id': 'other', 'sys.id[nin]': 'o1' })
  t.is(none.total, 0)
  // the page and its total are counted after filtering
  const page = await get({ content_type: 'person', order: 'sys.id', limit: 2, skip: 1 })
  t.is(page.total, 4)
  t.deepEqual(
    page.items.map((e) => e.sys.id),
    ['alan', 'charles'],
  )
  // fields are answered per locale, as the Management API always does
  t.is(page.items[0]?.fields.name['en-US'], 'Alan Turing')
  // a field filter without a content type is refused as Contentful refuses it
  const refused = await get({ 'fields.name[match]': 'Ada' }).catch((e: Error) => e)
  t.is((refused as Error).name, 'InvalidQuery')
})

test('full-text search: tokenised, every term required, each term a word prefix; Rich Text by its text', async (t) => {
  const s = await serveSpace(t)
  await people(s)
  const cda = s.cda()
  const find = async (query: Record<string, string>) =>
    ids(await cda.getEntries({ content_type: 'person', ...query } as never))
  // every term must be found; order does not matter; terms may be found in different fields
  t.deepEqual(await find({ 'fields.bio[match]': 'engine analytical' }), ['ada'])
  t.deepEqual(await find({ 'fields.bio[match]': 'engine compiler' }), [])
  t.deepEqual(await find({ query: 'grace compiler' }), ['grace'])
  // left-anchored: a term matches the start of a word, not its middle
  t.deepEqual(await find({ 'fields.bio[match]': 'analyt' }), ['ada'])
  t.deepEqual(await find({ 'fields.bio[match]': 'nalytical' }), [])
  t.deepEqual(await find({ 'fields.name[match]': 'LOVE' }), ['ada'])
  // case and punctuation do not matter; a quoted phrase must appear as written
  t.deepEqual(await find({ 'fields.bio[match]': 'COMPILER; popularised' }), ['grace'])
  t.deepEqual(await find({ 'fields.bio[match]': '"first program"' }), ['ada'])
  t.deepEqual(await find({ 'fields.bio[match]': '"program first"' }), [])
  // the JSON of Rich Text is not text
  t.deepEqual(await find({ 'fields.bio[match]': 'nodeType' }), [])
  t.deepEqual(await find({ query: 'paragraph' }), [])
  // only published entries are delivered; the draft archived one is not found
  t.deepEqual(await find({ query: 'babbage' }), [])
  // assets and Management search follow the same rules
  t.deepEqual(ids(await s.cma.entry.getMany({ query: { query: 'nodeType' } })), [])
  t.deepEqual(ids(await s.cma.entry.getMany({ query: { query: 'think machines' } })), ['alan'])
})

test('Management /public/entries: the published versions, with the same parameters', async (t) => {
  const s = await serveSpace(t)
  await people(s)
  const ada = await s.cma.entry.get({ entryId: 'ada' })
  await s.cma.entry.update(
    { entryId: 'ada' },
    { ...ada, fields: { ...ada.fields, name: { 'en-US': 'Draft name' } } },
  )
  const published = await s.cma.entry.getPublished({ query: { content_type: 'person' } })
  t.deepEqual(ids(published), ['ada', 'alan', 'grace'])
  t.is(published.items.find((e) => e.sys.id === 'ada')?.fields.name['en-US'], 'Ada Lovelace')
  const searched = await s.cma.entry.getPublished({ query: { content_type: 'person', query: 'draft' } })
  t.deepEqual(ids(searched), [])
})
