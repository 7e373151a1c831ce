// The Sync API through the official `contentful` client: an initial sync, deltas by token with deletions,
// paging, the type and content_type filters, and tokens that outlive the server process.
import test from 'ava'
import { DT, PT, publishedAsset, type Served, serveSpace, withPerson } from './local-space.ts'

async function person(s: Served, id: string, name: string) {
  const e = await s.cma.entry.createWithId(
    { contentTypeId: 'person', entryId: id },
    { fields: { name: { 'en-US': name } } },
  )
  return s.cma.entry.publish({ entryId: id }, e)
}

const ids = (items: { sys: { id: string } }[]) => items.map((i) => i.sys.id).sort()

test('initial sync, then a delta with an update, a new entry, an unpublish and a deleted asset', async (t) => {
  const s = await serveSpace(t)
  await withPerson(s.cma)
  await person(s, 'ada', 'Ada')
  await person(s, 'bob', 'Bob')
  await publishedAsset(s.cma, 'logo')
  // a draft is not delivered, so it is not synced
  await s.cma.entry.createWithId(
    { contentTypeId: 'person', entryId: 'draft' },
    { fields: { name: { 'en-US': 'D' } } },
  )

  const client = s.cda()
  const first = await client.sync({ initial: true })
  t.deepEqual(ids(first.entries), ['ada', 'bob'])
  t.deepEqual(ids(first.assets), ['logo'])
  t.deepEqual(first.deletedEntries, [])
  t.truthy(first.nextSyncToken)
  // sync items carry every locale
  t.deepEqual((first.entries.find((e) => e.sys.id === 'ada') as { fields: unknown }).fields, {
    name: { 'en-US': 'Ada' },
  })
  t.regex(
    String((first.assets[0]?.fields.file as Record<string, { url: string }> | undefined)?.['en-US']?.url),
    /^\/\/127\.0\.0\.1:\d+\/assets\//,
  )

  // nothing changed: an empty delta, and a token that still works
  const idle = await client.sync({ nextSyncToken: first.nextSyncToken })
  t.is(idle.entries.length + idle.deletedEntries.length + idle.assets.length, 0)

  const ada = await s.cma.entry.get({ entryId: 'ada' })
  const updated = await s.cma.entry.update(
    { entryId: 'ada' },
    { ...ada, fields: { name: { 'en-US': 'Ada L.' } } },
  )
  await s.cma.entry.publish({ entryId: 'ada' }, updated)
  await person(s, 'cy', 'Cy')
  const bob = await s.cma.entry.get({ entryId: 'bob' })
  await s.cma.entry.unpublish({ entryId: 'bob' }, bob)
  const logo = await s.cma.asset.get({ assetId: 'logo' })
  const unpublished = await s.cma.asset.unpublish({ assetId: 'logo' }, logo)
  await s.cma.asset.delete({ assetId: 'logo', version: unpublished.sys.version } as never)

  const delta = await client.sync({ nextSyncToken: idle.nextSyncToken })
  t.deepEqual(ids(delta.entries), ['ada', 'cy'])
  t.is(
    (delta.entries.find((e) => e.sys.id === 'ada')?.fields.name as Record<string, string> | undefined)?.[
      'en-US'
    ],
    'Ada L.',
  )
  t.deepEqual(ids(delta.deletedEntries), ['bob'])
  t.is(delta.deletedEntries[0]?.sys.type, 'DeletedEntry')
  t.deepEqual(ids(delta.deletedAssets), ['logo'])
  t.is(delta.deletedAssets[0]?.sys.type, 'DeletedAsset')
  t.deepEqual(delta.assets, [])
})

test('paging: limit splits the sync into pages joined by nextPageUrl; the client follows them', async (t) => {
  const s = await serveSpace(t)
  await withPerson(s.cma)
  for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) await person(s, id, id)
  const client = s.cda()
  const paged = await client.sync({ initial: true, limit: 2 })
  t.deepEqual(ids(paged.entries), ['p1', 'p2', 'p3', 'p4', 'p5'])
  // the raw pages: nextPageUrl until the last, which has nextSyncUrl
  const raw = await s.call('/sync?initial=true&limit=2', { token: DT })
  const body = (await raw.json()) as { items: unknown[]; nextPageUrl?: string; nextSyncUrl?: string }
  t.is(body.items.length, 2)
  t.regex(body.nextPageUrl ?? '', /\/spaces\/local\/environments\/master\/sync\?sync_token=[\w-]+$/)
  t.is(body.nextSyncUrl, undefined)

  // a delta larger than the limit pages too
  for (const id of ['p1', 'p2', 'p3']) {
    const e = await s.cma.entry.get({ entryId: id })
    await s.cma.entry.unpublish({ entryId: id }, e)
  }
  const delta = await client.sync({ nextSyncToken: paged.nextSyncToken, limit: 2 } as never)
  t.deepEqual(ids(delta.deletedEntries), ['p1', 'p2', 'p3'])
})

test('type and content_type filters', async (t) => {
  const s = await serveSpace(t)
  await withPerson(s.cma)
  await person(s, 'ada', 'Ada')
  const other = await s.cma.contentType.createWithId(
    { contentTypeId: 'other' },
    {
      name: 'Other',
      displayField: 'title',
      fields: [{ id: 'title', name: 'Title', type: 'Symbol', required: false, localized: false }],
    },
  )
  await s.cma.contentType.publish({ contentTypeId: 'other' }, other)
  const o = await s.cma.entry.createWithId(
    { contentTypeId: 'other', entryId: 'o1' },
    { fields: { title: { 'en-US': 'x' } } },
  )
  await s.cma.entry.publish({ entryId: 'o1' }, o)
  await publishedAsset(s.cma, 'logo')
  const client = s.cda()

  const people = await client.sync({ initial: true, content_type: 'person' })
  t.deepEqual(ids(people.entries), ['ada'])
  t.deepEqual(people.assets, [])
  const assets = await client.sync({ initial: true, type: 'Asset' })
  t.deepEqual(ids(assets.assets), ['logo'])
  t.deepEqual(assets.entries, [])
  const deletions = await client.sync({ initial: true, type: 'Deletion' })
  t.is(deletions.entries.length + deletions.assets.length, 0)

  // republished entries of both types: a content_type sync sees only its own
  for (const id of ['ada', 'o1']) {
    const e = await s.cma.entry.get({ entryId: id })
    await s.cma.entry.publish({ entryId: id }, e)
  }
  const onlyPeople = await client.sync({ nextSyncToken: people.nextSyncToken })
  t.deepEqual(ids(onlyPeople.entries), ['ada'])
  // type=Entry holds entries only: deletions come with type=all, Deletion or DeletedEntry
  for (const id of ['ada', 'o1']) {
    const e = await s.cma.entry.get({ entryId: id })
    await s.cma.entry.unpublish({ entryId: id }, e)
  }
  t.deepEqual((await client.sync({ nextSyncToken: people.nextSyncToken })).deletedEntries, [])
  const onlyDeletions = await client.sync({ nextSyncToken: deletions.nextSyncToken })
  t.deepEqual(ids(onlyDeletions.deletedEntries), ['ada', 'o1'])
  t.deepEqual(onlyDeletions.entries, [])
  const refused = await s.call('/sync?initial=true&type=Asset&content_type=person', { token: DT })
  t.is(refused.status, 400)
  const garbage = await s.call('/sync?sync_token=not-a-token', { token: DT })
  t.is(garbage.status, 400)
  t.is(((await garbage.json()) as { sys: { id: string } }).sys.id, 'BadRequest')
})

test('a sync token outlives the server: a new process on the same space continues the delta', async (t) => {
  const first = await serveSpace(t)
  await withPerson(first.cma)
  await person(first, 'ada', 'Ada')
  const initial = await first.cda().sync({ initial: true })
  await first.server.close()

  const second = await serveSpace(t, { spaceDir: first.spaceDir })
  await person(second, 'bob', 'Bob')
  const delta = await second.cda().sync({ nextSyncToken: initial.nextSyncToken })
  t.deepEqual(ids(delta.entries), ['bob'])
})

test('the Preview API has no Sync API, as on Contentful', async (t) => {
  const s = await serveSpace(t, { previewToken: PT })
  const res = await s.call('/sync?initial=true', { token: PT })
  t.is(res.status, 404)
})
