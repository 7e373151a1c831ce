// The Tags API through the official clients: tags created with a visibility, kept on entries and assets in
// `metadata.tags`, delivered (public ones only) with the Delivery `/tags` and `metadata.tags.sys.id` filters.
import test from 'ava'
import { type AnyJson, type Served, serveSpace, withPerson } from './local-space.ts'

const ids = (page: { items: AnyJson[] }) => page.items.map((e) => e.sys.id).sort()
const tag = (id: string) => ({ sys: { type: 'Link' as const, linkType: 'Tag' as const, id } })

async function tagged(s: Served) {
  await s.cma.tag.createWithId({ tagId: 'news' }, { name: 'News', sys: { visibility: 'public' } })
  await s.cma.tag.createWithId({ tagId: 'howto' }, { name: 'How-to', sys: { visibility: 'public' } })
  await s.cma.tag.createWithId({ tagId: 'internal' }, { name: 'Internal', sys: { visibility: 'private' } })
  await withPerson(s.cma)
  const make = async (id: string, tags: string[]) => {
    const e = await s.cma.entry.createWithId(
      { contentTypeId: 'person', entryId: id },
      { fields: { name: { 'en-US': id } }, metadata: { tags: tags.map(tag) } },
    )
    return s.cma.entry.publish({ entryId: id }, e)
  }
  await make('a', ['news'])
  await make('b', ['news', 'howto', 'internal'])
  await make('c', [])
}

test('tags: created with a visibility, listed, renamed at their version, names unique', async (t) => {
  const s = await serveSpace(t)
  await tagged(s)
  const all = await s.cma.tag.getMany({})
  t.deepEqual(
    all.items.map((x) => [x.sys.id, x.name, x.sys.visibility]),
    [
      ['news', 'News', 'public'],
      ['howto', 'How-to', 'public'],
      ['internal', 'Internal', 'private'],
    ],
  )
  const news = await s.cma.tag.get({ tagId: 'news' })
  t.is(news.sys.type, 'Tag')
  t.is(news.sys.environment.sys.id, 'master')
  const renamed = await s.cma.tag.update({ tagId: 'news' }, { ...news, name: 'Newsroom' })
  t.is(renamed.name, 'Newsroom')
  t.is(renamed.sys.version, news.sys.version + 1)
  t.is(renamed.sys.visibility, 'public')
  const stale = await s.cma.tag.update({ tagId: 'news' }, { ...news, name: 'Again' }).catch((e: Error) => e)
  t.is((stale as Error).name, 'VersionMismatch')
  const clash = await s.cma.tag
    .createWithId({ tagId: 'other' }, { name: 'How-to', sys: { visibility: 'private' } })
    .catch((e: Error) => e)
  t.is((clash as Error).name, 'ValidationFailed')
  // A private tag by default: the SDK sends X-Contentful-Tag-Visibility: private.
  t.is(
    (await s.cma.tag.createWithId({ tagId: 'plain' }, { name: 'Plain', sys: {} } as never)).sys.visibility,
    'private',
  )
})

test('metadata.tags is kept on entries and assets; an unknown tag is refused; deleting a tag removes it', async (t) => {
  const s = await serveSpace(t)
  await tagged(s)
  const b = await s.cma.entry.get({ entryId: 'b' })
  t.deepEqual(
    b.metadata?.tags.map((l) => l.sys.id),
    ['news', 'howto', 'internal'],
  )
  // an update without metadata keeps the tags; with metadata it replaces them
  const { metadata: _m, ...rest } = b
  const kept = await s.cma.entry.update({ entryId: 'b' }, rest as never)
  t.deepEqual(
    kept.metadata?.tags.map((l) => l.sys.id),
    ['news', 'howto', 'internal'],
  )
  const replaced = await s.cma.entry.update({ entryId: 'b' }, { ...kept, metadata: { tags: [tag('howto')] } })
  t.deepEqual(
    replaced.metadata?.tags.map((l) => l.sys.id),
    ['howto'],
  )
  const unknown = await s.cma.entry
    .update({ entryId: 'b' }, { ...replaced, metadata: { tags: [tag('nope')] } })
    .catch((e: Error) => e)
  t.is((unknown as Error).name, 'ValidationFailed')

  const asset = await s.cma.asset.createWithId({ assetId: 'logo' }, {
    fields: { title: { 'en-US': 'Logo' } },
    metadata: { tags: [tag('howto')] },
  } as never)
  t.deepEqual(
    asset.metadata?.tags.map((l) => l.sys.id),
    ['howto'],
  )
  t.deepEqual(ids(await s.cma.asset.getMany({ query: { 'metadata.tags.sys.id[in]': 'howto' } })), ['logo'])
  t.deepEqual(ids(await s.cma.entry.getMany({ query: { 'metadata.tags.sys.id[in]': 'howto' } })), ['b'])

  const howto = await s.cma.tag.get({ tagId: 'howto' })
  await s.cma.tag.delete({ tagId: 'howto', version: howto.sys.version })
  t.deepEqual((await s.cma.entry.get({ entryId: 'b' })).metadata?.tags, [])
  t.deepEqual((await s.cma.asset.get({ assetId: 'logo' })).metadata?.tags, [])
  t.is(((await s.cma.tag.get({ tagId: 'howto' }).catch((e: Error) => e)) as Error).name, 'NotFound')
})

test('Delivery: /tags lists the public tags; metadata.tags.sys.id[in|all|exists] filter; private tags stay private', async (t) => {
  const s = await serveSpace(t)
  await tagged(s)
  const cda = s.cda()
  const tags = await cda.getTags()
  t.deepEqual(tags.items.map((x) => x.sys.id).sort(), ['howto', 'news'])
  t.is((await cda.getTag('news')).name, 'News')
  t.is(((await cda.getTag('internal').catch((e: Error) => e)) as Error).name, 'NotFound')

  const find = async (query: Record<string, string>) => ids(await cda.getEntries(query as never))
  t.deepEqual(await find({ 'metadata.tags.sys.id[in]': 'howto,news' }), ['a', 'b'])
  t.deepEqual(await find({ 'metadata.tags.sys.id[all]': 'howto,news' }), ['b'])
  t.deepEqual(await find({ 'metadata.tags.sys.id[exists]': 'false' }), ['c'])
  t.deepEqual(await find({ 'metadata.tags.sys.id[in]': 'internal' }), [])
  const b = await cda.getEntry('b')
  t.deepEqual(
    b.metadata.tags.map((l) => l.sys.id),
    ['news', 'howto'],
  )
})
