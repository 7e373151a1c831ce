// Locales through the official clients: created, updated and deleted with the SDK (their `sys` links let
// `locale.update()` work), fallback codes, multi-locale entries, and `locale=*` on the Delivery face.
import test from 'ava'
import { type Served, serveSpace } from './local-space.ts'

async function pageType(s: Served) {
  const ct = await s.cma.contentType.createWithId(
    { contentTypeId: 'page' },
    {
      name: 'Page',
      displayField: 'title',
      fields: [
        { id: 'title', name: 'Title', type: 'Symbol', required: true, localized: true },
        { id: 'slug', name: 'Slug', type: 'Symbol', required: false, localized: false },
      ],
    },
  )
  await s.cma.contentType.publish({ contentTypeId: 'page' }, ct)
}

test('locales: created with a fallback, updated through locale.update(), listed with sys links', async (t) => {
  const s = await serveSpace(t)
  const initial = await s.cma.locale.getMany({})
  t.deepEqual(
    initial.items.map((l) => [l.code, l.default]),
    [['en-US', true]],
  )
  t.is(initial.items[0]?.sys.environment?.sys.id, 'master')

  const de = await s.cma.locale.create({}, {
    name: 'German',
    code: 'de-DE',
    fallbackCode: 'en-US',
    optional: false,
  } as never)
  t.is(de.code, 'de-DE')
  t.is(de.fallbackCode, 'en-US')
  t.is(de.sys.space.sys.id, 'local')
  const renamed = await s.cma.locale.update({ localeId: de.sys.id }, { ...de, name: 'Deutsch' })
  t.is(renamed.name, 'Deutsch')
  t.is(renamed.sys.version, de.sys.version + 1)
  t.is((await s.cma.locale.get({ localeId: de.sys.id })).name, 'Deutsch')

  const loop = await s.cma.locale
    .update({ localeId: initial.items[0]?.sys.id as string }, {
      ...(initial.items[0] as object),
      fallbackCode: 'de-DE',
    } as never)
    .catch((e: Error) => e)
  t.is((loop as Error).name, 'ValidationFailed', 'the default locale has no fallback')
  const twice = await s.cma.locale
    .create({}, { name: 'Again', code: 'de-DE' } as never)
    .catch((e: Error) => e)
  t.is((twice as Error).name, 'ValidationFailed')
  const unknownFallback = await s.cma.locale
    .create({}, { name: 'X', code: 'fr-FR', fallbackCode: 'xx-XX' } as never)
    .catch((e: Error) => e)
  t.is((unknownFallback as Error).name, 'ValidationFailed')
})

test('multi-locale entries: required per non-optional locale, fallbacks on Delivery, locale=*, delete strips values', async (t) => {
  const s = await serveSpace(t)
  const de = await s.cma.locale.create({}, {
    name: 'German',
    code: 'de-DE',
    fallbackCode: 'en-US',
    optional: false,
  } as never)
  const fr = await s.cma.locale.create({}, {
    name: 'French',
    code: 'fr-FR',
    fallbackCode: null,
    optional: true,
  } as never)
  await pageType(s)

  // title is required and localized: the non-optional de-DE needs a value too
  const e = await s.cma.entry.createWithId(
    { contentTypeId: 'page', entryId: 'home' },
    { fields: { title: { 'en-US': 'Home' }, slug: { 'en-US': 'home' } } },
  )
  const refused = await s.cma.entry.publish({ entryId: 'home' }, e).catch((err: Error) => err)
  t.is((refused as Error).name, 'ValidationFailed')
  const fixed = await s.cma.entry.update(
    { entryId: 'home' },
    { ...e, fields: { ...e.fields, title: { 'en-US': 'Home', 'de-DE': 'Startseite' } } },
  )
  await s.cma.entry.publish({ entryId: 'home' }, fixed)
  const unknown = await s.cma.entry
    .createWithId({ contentTypeId: 'page', entryId: 'x' }, { fields: { title: { 'xx-XX': 'x' } } })
    .catch((err: Error) => err)
  t.is((unknown as Error).name, 'ValidationFailed')

  const cda = s.cda()
  t.deepEqual(
    (await cda.getLocales()).items.map((l) => [l.code, l.fallbackCode]),
    [
      ['en-US', null],
      ['de-DE', 'en-US'],
      ['fr-FR', null],
    ],
  )
  t.is((await cda.getEntry('home', { locale: 'de-DE' })).fields.title, 'Startseite')
  // slug is not localized: de-DE falls back to en-US; fr-FR has no fallback, so the fields are left out
  t.is((await cda.getEntry('home', { locale: 'de-DE' })).fields.slug, 'home')
  t.deepEqual((await cda.getEntry('home', { locale: 'fr-FR' })).fields, {})
  const all = await cda.withAllLocales.getEntry('home')
  t.deepEqual(all.fields.title, { 'en-US': 'Home', 'de-DE': 'Startseite' })
  const raw = (await (await s.call('/entries?locale=*', { token: 'delivery-token-for-tests' })).json()) as {
    items: { sys: { locale?: string }; fields: unknown }[]
  }
  t.is(raw.items[0]?.sys.locale, undefined)

  // deleting de-DE removes its values from the entry
  await s.cma.locale.delete({ localeId: de.sys.id })
  t.deepEqual((await s.cma.entry.get({ entryId: 'home' })).fields.title, { 'en-US': 'Home' })
  t.deepEqual(
    (await s.cma.locale.getMany({})).items.map((l) => l.code),
    ['en-US', 'fr-FR'],
  )
  void fr
})
