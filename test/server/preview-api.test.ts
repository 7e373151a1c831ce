// The Preview API through the official `contentful` client (host set to the local server, as with
// preview.contentful.com): the latest drafts in Delivery shape, every Delivery parameter, links resolved.
import test from 'ava'
import { DT, MT, PT, publishedAsset, serveSpace, withPerson } from './local-space.ts'

test('a preview token reads the latest drafts, with Delivery queries and links resolved', async (t) => {
  const s = await serveSpace(t, { previewToken: PT })
  await withPerson(s.cma)
  const friend = await s.cma.contentType.createWithId(
    { contentTypeId: 'card' },
    {
      name: 'Card',
      displayField: 'title',
      fields: [
        { id: 'title', name: 'Title', type: 'Symbol', required: false, localized: false },
        { id: 'who', name: 'Who', type: 'Link', linkType: 'Entry', required: false, localized: false },
        { id: 'image', name: 'Image', type: 'Link', linkType: 'Asset', required: false, localized: false },
      ],
    },
  )
  await s.cma.contentType.publish({ contentTypeId: 'card' }, friend)
  // published, then changed without publishing again
  const ada = await s.cma.entry.createWithId(
    { contentTypeId: 'person', entryId: 'ada' },
    { fields: { name: { 'en-US': 'Ada' } } },
  )
  const live = await s.cma.entry.publish({ entryId: 'ada' }, ada)
  await s.cma.entry.update({ entryId: 'ada' }, { ...live, fields: { name: { 'en-US': 'Ada (draft)' } } })
  // never published, linking to the draft and to a published asset
  await publishedAsset(s.cma, 'logo')
  await s.cma.entry.createWithId(
    { contentTypeId: 'card', entryId: 'card1' },
    {
      fields: {
        title: { 'en-US': 'Hello' },
        who: { 'en-US': { sys: { type: 'Link', linkType: 'Entry', id: 'ada' } } },
        image: { 'en-US': { sys: { type: 'Link', linkType: 'Asset', id: 'logo' } } },
      },
    },
  )
  // archived drafts are not previewed
  await s.cma.entry.createWithId(
    { contentTypeId: 'person', entryId: 'gone' },
    { fields: { name: { 'en-US': 'Gone' } } },
  )
  await s.cma.entry.archive({ entryId: 'gone' })

  const preview = s.cda({ accessToken: PT })
  const delivery = s.cda({ accessToken: DT })
  t.is((await delivery.getEntry('ada')).fields.name, 'Ada')
  t.is((await preview.getEntry('ada')).fields.name, 'Ada (draft)')
  t.is((await delivery.getEntries({ 'sys.id': 'card1' })).total, 0, 'a draft is not delivered')
  t.is((await preview.getEntries({ 'sys.id': 'card1' })).total, 1)

  const cards = await preview.getEntries({ content_type: 'card', 'fields.title[match]': 'hel', include: 2 })
  t.is(cards.total, 1)
  const card = cards.items[0] as unknown as {
    fields: { who: { fields: { name: string } }; image: { fields: { title: string } } }
  }
  t.is(card.fields.who.fields.name, 'Ada (draft)', 'the link resolves to the draft')
  t.is(card.fields.image.fields.title, 'logo')
  const people = await preview.getEntries({
    content_type: 'person',
    order: ['-fields.name'],
    select: ['fields.name'],
  } as never)
  t.deepEqual(
    people.items.map((e) => e.fields.name),
    ['Ada (draft)'],
  )
  // the preview token is a Delivery-side token: refused by the Management face
  const write = await s.call('/entries/ada', { method: 'DELETE', token: PT })
  t.is(write.status, 401)
  t.is((await s.call('/entries/ada', { token: MT })).status, 200)
})
