// The CDA query engine over a hand-built snapshot: what a site would get back for each query.
import test, { type ExecutionContext } from 'ava'
import type { ContentType, Field } from '../../src/model/contentful-types.ts'
import { deliver } from '../../src/server/delivery/engine.ts'
import { DeliveryError } from '../../src/server/delivery/errors.ts'
import type { DeliverySnapshot, PublishedEntry } from '../../src/server/delivery/snapshot.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies are walked freely in assertions
type Json = Record<string, any>

const field = (id: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({
  id,
  name: id,
  type,
  required: false,
  localized: false,
  ...extra,
})
const links = (linkType: 'Entry' | 'Asset') => ({ type: 'Link' as const, linkType })
const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } })
const sys = (id: string, n: number) => ({
  id,
  createdAt: `2026-01-0${n}T00:00:00.000Z`,
  updatedAt: `2026-02-0${n}T00:00:00.000Z`,
  revision: n,
})
const en = (v: unknown) => ({ 'en-US': v })

const page: ContentType = {
  id: 'page',
  name: 'Page',
  displayField: 'title',
  fields: [
    field('title', 'Symbol', { required: true }),
    field('rank', 'Integer'),
    field('tags', 'Array', { items: { type: 'Symbol' } }),
    field('parts', 'Array', { items: links('Entry') }),
    field('body', 'RichText'),
    field('data', 'Object'),
    field('secret', 'Symbol', { omitted: true }),
  ],
}
const part: ContentType = {
  id: 'part',
  name: 'Part',
  displayField: 'name',
  fields: [
    field('name', 'Symbol'),
    field('image', 'Link', { linkType: 'Asset' }),
    field('next', 'Link', { linkType: 'Entry' }),
  ],
}

const entry = (id: string, ct: string, n: number, fields: Json): PublishedEntry => ({
  sys: { ...sys(id, n), contentTypeId: ct },
  fields,
})

const doc = (...content: Json[]) => ({ nodeType: 'document', data: {}, content })

function snapshot(): DeliverySnapshot {
  return {
    spaceId: 'local',
    environmentId: 'master',
    defaultLocale: 'en-US',
    locales: ['en-US', 'de-DE'],
    contentTypes: [
      { sys: sys('page', 1), contentType: page },
      { sys: sys('part', 1), contentType: part },
    ],
    entries: [
      entry('p1', 'page', 1, {
        title: { 'en-US': 'Alpha', 'de-DE': 'Alfa' },
        rank: en(3),
        tags: en(['x', 'y']),
        parts: en([link('Entry', 'a'), link('Entry', 'missing')]),
        body: en(
          doc({ nodeType: 'embedded-asset-block', data: { target: link('Asset', 'img2') }, content: [] }),
        ),
        data: en({ ref: link('Entry', 'b') }),
        secret: en('hidden'),
      }),
      entry('p2', 'page', 2, { title: en('Beta'), rank: en(1), tags: en(['y']) }),
      entry('p3', 'page', 3, { title: en('Gamma'), parts: en([link('Entry', 'b')]) }),
      entry('a', 'part', 4, {
        name: en('A'),
        image: en(link('Asset', 'img1')),
        next: en(link('Entry', 'b')),
      }),
      entry('b', 'part', 5, { name: en('B'), next: en(link('Entry', 'c')) }),
      entry('c', 'part', 6, { name: en('C') }),
      entry('orphan', 'gone', 7, { name: en('no active content type') }),
    ],
    assets: [
      {
        sys: sys('img1', 1),
        fields: {
          title: en('One'),
          file: en({ fileName: 'one.png', contentType: 'image/png', url: '/assets/img1/one.png' }),
        },
      },
      {
        sys: sys('img2', 2),
        fields: {
          title: en('Two'),
          file: en({ fileName: 'two.pdf', contentType: 'application/pdf', url: '/assets/img2/two.pdf' }),
        },
      },
    ],
  }
}

const opts = { assetOrigin: '//127.0.0.1:9999' }
const get = (rest: string, query: Record<string, string> = {}, snap = snapshot()) =>
  deliver(snap, rest, new URLSearchParams(query), opts) as Json
const ids = (body: Json) => body.items.map((i: Json) => i.sys.id)
const refused = (
  t: ExecutionContext,
  rest: string,
  query: Record<string, string>,
  status: number,
  pattern: RegExp,
) => {
  const err = t.throws(() => get(rest, query), { instanceOf: DeliveryError }) as DeliveryError
  t.is(err.status, status)
  t.regex(err.message, pattern)
}

test('an entry has the CDA sys shape and fields flattened to the default locale', (t) => {
  const body = get('/entries', { 'sys.id': 'p1', include: '0' })
  t.deepEqual(body.sys, { type: 'Array' })
  t.is(body.total, 1)
  const [p1] = body.items
  t.deepEqual(p1.sys, {
    space: link('Space', 'local'),
    id: 'p1',
    type: 'Entry',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
    environment: link('Environment', 'master'),
    revision: 1,
    locale: 'en-US',
    contentType: link('ContentType', 'page'),
  })
  t.is(p1.fields.title, 'Alpha')
  t.deepEqual(p1.fields.tags, ['x', 'y'])
  t.false('secret' in p1.fields, 'omitted fields are not delivered')
  t.false('includes' in body, 'include=0 resolves nothing')
})

test('locale picks the locale, falls back to the default, and * keeps every locale', (t) => {
  t.is(get('/entries/p1', { locale: 'de-DE' }).fields.title, 'Alfa')
  t.is(get('/entries/p2', { locale: 'de-DE' }).fields.title, 'Beta')
  const all = get('/entries/p1', { locale: '*' })
  t.deepEqual(all.fields.title, { 'en-US': 'Alpha', 'de-DE': 'Alfa' })
  t.false('locale' in all.sys)
  refused(t, '/entries', { locale: 'fr-FR' }, 400, /Unknown locale: fr-FR/)
})

test('content_type, field equality, [in], [exists] and sys.id[in] filter entries', (t) => {
  t.deepEqual(ids(get('/entries', { content_type: 'page' })), ['p1', 'p2', 'p3'])
  t.deepEqual(ids(get('/entries', { content_type: 'page', 'fields.title': 'Beta' })), ['p2'])
  t.deepEqual(ids(get('/entries', { content_type: 'page', 'fields.tags': 'y' })), ['p1', 'p2'])
  t.deepEqual(ids(get('/entries', { content_type: 'page', 'fields.tags[in]': 'x,z' })), ['p1'])
  t.deepEqual(ids(get('/entries', { content_type: 'page', 'fields.rank[exists]': 'false' })), ['p3'])
  t.deepEqual(ids(get('/entries', { content_type: 'page', 'fields.rank[gte]': '2' })), ['p1'])
  t.deepEqual(ids(get('/entries', { 'sys.id[in]': 'c,p2,nope' })), ['c', 'p2'])
  t.deepEqual(ids(get('/entries', { content_type: 'part', 'fields.next.sys.id': 'b' })), ['a'])
  t.deepEqual(ids(get('/entries', { links_to_entry: 'b' })), ['a', 'p3'], 'Object fields hold no links')
  t.false(ids(get('/entries')).includes('orphan'), 'entries of an inactive content type are not delivered')
})

test('order, limit and skip page through a stable order', (t) => {
  const byRank = get('/entries', { content_type: 'page', order: '-fields.rank' })
  t.deepEqual(ids(byRank), ['p1', 'p2', 'p3'], 'missing values sort last')
  const paged = get('/entries', { content_type: 'page', order: 'fields.title', skip: '1', limit: '1' })
  t.is(paged.total, 3)
  t.is(paged.skip, 1)
  t.is(paged.limit, 1)
  t.deepEqual(ids(paged), ['p2'])
  t.deepEqual(ids(get('/entries', { order: '-sys.createdAt', limit: '2' })), ['c', 'b'])
})

test('select keeps only the chosen paths', (t) => {
  const body = get('/entries', {
    content_type: 'page',
    select: 'sys.id,fields.title',
    limit: '1',
    include: '0',
  })
  t.deepEqual(body.items[0], { sys: { id: 'p1' }, fields: { title: 'Alpha' } })
  refused(t, '/entries', { select: 'sys.contentType.sys' }, 400, /deeper than two levels/)
  const titles = get('/entries', { 'sys.id': 'p1', select: 'fields.title' })
  t.false('includes' in titles, 'links are followed only from selected fields')
  t.deepEqual(get('/entries', { 'sys.id': 'p1', select: 'fields.parts' }).includes.Entry.length, 1)
})

test('include resolves links level by level into includes, and reports unresolvable links', (t) => {
  const one = get('/entries', { 'sys.id': 'p1' })
  t.deepEqual(
    one.includes.Entry.map((e: Json) => e.sys.id),
    ['a'],
  )
  t.deepEqual(
    one.includes.Asset.map((a: Json) => a.sys.id),
    ['img2'],
    'rich text embeds are links too',
  )
  t.deepEqual(one.errors, [
    {
      sys: { id: 'notResolvable', type: 'error' },
      details: { type: 'Link', linkType: 'Entry', id: 'missing' },
    },
  ])
  const two = get('/entries', { 'sys.id': 'p1', include: '2' })
  t.deepEqual(two.includes.Entry.map((e: Json) => e.sys.id).sort(), ['a', 'b'])
  t.deepEqual(two.includes.Asset.map((a: Json) => a.sys.id).sort(), ['img1', 'img2'])
  const ten = get('/entries', { 'sys.id': 'p1', include: '10' })
  t.deepEqual(ten.includes.Entry.map((e: Json) => e.sys.id).sort(), ['a', 'b', 'c'])
  const withItems = get('/entries', { content_type: 'part', include: '1' })
  t.false('Entry' in withItems.includes, 'entries already among the items are not repeated')
  refused(t, '/entries', { include: '11' }, 400, /include must be between 0 and 10/)
})

test('asset urls are protocol-relative on the serving origin; assets filter by mimetype group', (t) => {
  const img = get('/assets/img1')
  t.is(img.fields.file.url, '//127.0.0.1:9999/assets/img1/one.png')
  t.is(img.sys.type, 'Asset')
  t.deepEqual(ids(get('/assets', { mimetype_group: 'image' })), ['img1'])
  t.deepEqual(ids(get('/assets', { 'fields.title': 'Two' })), ['img2'])
  refused(t, '/assets', { 'fields.name': 'x' }, 400, /Assets have no field "name"/)
})

test('content types are the active definitions; unknown ids are 404', (t) => {
  const cts = get('/content_types')
  t.deepEqual(ids(cts), ['page', 'part'])
  t.is(cts.items[0].displayField, 'title')
  t.is(get('/content_types/part').fields.length, 3)
  refused(t, '/entries/nope', {}, 404, /could not be found/)
  refused(t, '/assets/nope', {}, 404, /could not be found/)
  refused(t, '/content_types/nope', {}, 404, /could not be found/)
})

test('queries the face cannot answer are refused with a message naming the parameter', (t) => {
  refused(t, '/entries', { 'fields.title': 'x' }, 400, /content_type is required/)
  refused(t, '/entries', { content_type: 'page', 'fields.nope': 'x' }, 400, /No field with id "nope"/)
  refused(t, '/entries', { content_type: 'nope' }, 400, /Unknown content type: nope/)
  refused(t, '/entries', { near: 'text' }, 400, /unsupported query parameter "near"/)
  refused(
    t,
    '/entries',
    { 'fields.title[near]': 'x', content_type: 'page' },
    400,
    /unsupported operator \[near\]/,
  )
  refused(t, '/entries', { limit: '1001' }, 400, /limit must be between 0 and 1000/)
  refused(t, '/entries', { skip: '-1' }, 400, /skip must be an integer/)
  t.is(deliver(snapshot(), '/sync', new URLSearchParams(), opts), undefined, 'unknown paths fall through')
})
