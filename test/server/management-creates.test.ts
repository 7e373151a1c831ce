// Creating as Contentful's own tooling does (POST with a server-picked id; PUT with X-Contentful-Version 0 on
// a new id, as contentful-migration does), and bad requests refused with Contentful's error body.
import test from 'ava'
import { type AnyJson, DT, MT, serveSpace, withPerson } from './local-space.ts'

const json = (r: Response): Promise<AnyJson> => r.json()

test('entry.create, asset.create and contentType.create: POST, the server picks the id', async (t) => {
  const { cma } = await serveSpace(t)
  const ct = await cma.contentType.create(
    {},
    {
      name: 'Note',
      displayField: 'title',
      fields: [{ id: 'title', name: 'Title', type: 'Symbol', required: false, localized: false }],
    },
  )
  t.regex(ct.sys.id, /^[0-9A-Za-z]{22}$/)
  t.is(ct.sys.version, 1)
  t.is((await cma.contentType.get({ contentTypeId: ct.sys.id })).name, 'Note')
  await cma.contentType.publish({ contentTypeId: ct.sys.id }, ct)

  const a = await cma.entry.create({ contentTypeId: ct.sys.id }, { fields: { title: { 'en-US': 'one' } } })
  const b = await cma.entry.create({ contentTypeId: ct.sys.id }, { fields: { title: { 'en-US': 'two' } } })
  t.regex(a.sys.id, /^[0-9A-Za-z]{22}$/)
  t.not(a.sys.id, b.sys.id)
  t.is(a.sys.contentType.sys.id, ct.sys.id)
  t.is((await cma.entry.get({ entryId: b.sys.id })).fields.title['en-US'], 'two')

  const asset = await cma.asset.create(
    {},
    {
      fields: {
        title: { 'en-US': 'Logo' },
        file: {
          'en-US': { fileName: 'x.png', contentType: 'image/png', upload: 'https://example.invalid/x.png' },
        },
      },
    },
  )
  t.regex(asset.sys.id, /^[0-9A-Za-z]{22}$/)
  t.is((await cma.asset.get({ assetId: asset.sys.id })).fields.title['en-US'], 'Logo')
})

test('PUT with X-Contentful-Version 0 on a new id creates (201); on an existing one it is a 409', async (t) => {
  const { call, cma } = await serveSpace(t)
  const body = JSON.stringify({
    name: 'Tag',
    displayField: 'label',
    fields: [{ id: 'label', name: 'Label', type: 'Symbol' }],
  })
  const created = await call('/content_types/tagged', {
    method: 'PUT',
    body,
    headers: { 'x-contentful-version': '0' },
  })
  t.is(created.status, 201)
  t.is((await json(created)).sys.version, 1)
  const again = await call('/content_types/tagged', {
    method: 'PUT',
    body,
    headers: { 'x-contentful-version': '0' },
  })
  t.is(again.status, 409)
  t.is((await json(again)).sys.id, 'VersionMismatch')

  await withPerson(cma)
  const entry = await call('/entries/ada', {
    method: 'PUT',
    body: JSON.stringify({ fields: { name: { 'en-US': 'Ada' } } }),
    headers: { 'x-contentful-version': '0', 'x-contentful-content-type': 'person' },
  })
  t.is(entry.status, 201)
  const asset = await call('/assets/logo', {
    method: 'PUT',
    body: JSON.stringify({ fields: { title: { 'en-US': 'Logo' } } }),
    headers: { 'x-contentful-version': '0' },
  })
  t.is(asset.status, 201)
  // Another version on an id that does not exist is still a 404: there is nothing at that version.
  const missing = await call('/entries/nobody', {
    method: 'PUT',
    body: JSON.stringify({ fields: {} }),
    headers: { 'x-contentful-version': '3', 'x-contentful-content-type': 'person' },
  })
  t.is(missing.status, 404)
})

test('bodies that are not a JSON object are 400 BadRequest and store nothing', async (t) => {
  const { call, cma } = await serveSpace(t)
  await withPerson(cma)
  for (const body of ['null', '[]', '"text"', '42', '{"fields":']) {
    for (const [method, path] of [
      ['POST', '/entries'],
      ['PUT', '/entries/x1'],
      ['PUT', '/assets/x2'],
      ['PUT', '/content_types/x3'],
    ] as const) {
      const res = await call(path, { method, body, headers: { 'x-contentful-content-type': 'person' } })
      t.is(res.status, 400, `${method} ${path} ${body}`)
      const err = await json(res)
      t.is(err.sys.type, 'Error')
      t.is(err.sys.id, 'BadRequest')
      t.truthy(err.requestId)
    }
  }
  t.is((await cma.entry.getMany({})).total, 0)
  t.is((await cma.asset.getMany({})).total, 0)
  t.deepEqual(
    (await cma.contentType.getMany({})).items.map((c) => c.sys.id),
    ['person'],
  )
})

test('malformed percent-encoding is a 400 on every face; an impossible environment id is a 404', async (t) => {
  const { server, call } = await serveSpace(t)
  for (const path of [
    `http://${server.hostPort}/spaces/local/environments/master/entries/%E0%A4%A`,
    `http://${server.hostPort}/spaces/local/environments/%ZZ/entries`,
    `http://${server.hostPort}/articles/%C3%28`,
  ]) {
    for (const token of [MT, DT]) {
      const res = await call(path, { token })
      t.is(res.status, 400, path)
      t.is((await json(res)).sys.id, 'BadRequest')
    }
  }
  const odd = await call(`http://${server.hostPort}/spaces/local/environments/..%2F..%2Fetc/entries`)
  t.is(odd.status, 404)
})

test('error messages never show the space folder', async (t) => {
  const { server, call, spaceDir } = await serveSpace(t)
  const root = `http://${server.hostPort}/spaces/local`
  const bodies: string[] = []
  for (const path of ['/environments/nosuch/entries', '/environments/nosuch/content_types/x']) {
    const res = await call(`${root}${path}`)
    t.is(res.status, 404)
    bodies.push(await res.text())
  }
  // Cloning onto an environment that exists is refused; the refusal names the environment only.
  await call(`${root}/environments/copy`, { method: 'PUT', body: '{}' })
  const again = await call(`${root}/environments/copy`, { method: 'PUT', body: '{}' })
  t.is(again.status, 409)
  bodies.push(await again.text())
  for (const body of bodies) {
    t.false(body.includes(spaceDir), body)
    t.false(body.includes(spaceDir.split('/')[1] as string), body)
  }
})

test('a Delivery token is refused on every Management path, reads included (401 AccessTokenInvalid)', async (t) => {
  const { server, call, cma } = await serveSpace(t)
  await withPerson(cma)
  const root = `http://${server.hostPort}/spaces/local`
  for (const [method, path] of [
    ['GET', '/content_types/person/editor_interface'],
    ['GET', '/public/content_types'],
    ['GET', '/entries/x/published'],
    ['GET', '/editor_interfaces'],
    ['GET', '/bulk_actions/actions/x'],
    ['PUT', '/entries/x'],
    ['POST', '/entries'],
    ['DELETE', '/content_types/person'],
    ['GET', `${root}/environments`],
    ['GET', `${root}/environment_aliases`],
  ] as const) {
    const res = await call(path, {
      method,
      token: DT,
      ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
    })
    t.is(res.status, 401, `${method} ${path}`)
    t.is((await json(res)).sys.id, 'AccessTokenInvalid')
  }
  // Nothing was changed by the refused writes.
  t.is((await cma.contentType.get({ contentTypeId: 'person' })).sys.id, 'person')
  // The Delivery reads still answer with that token.
  const delivered = await call('/content_types', { token: DT })
  t.is(delivered.status, 200)
})

test('the rate limit counts authenticated requests only', async (t) => {
  const { call } = await serveSpace(t, { rateLimit: 2 })
  // Unauthenticated requests are refused as such and use up nothing (the window is per second, so a burst of
  // refused requests followed by two good ones must not see a 429 however the second boundary falls).
  for (let i = 0; i < 5; i++) t.is((await call('/entries', { token: 'wrong' })).status, 401)
  const first = await call('/entries')
  t.not(first.status, 429)
  t.is(first.headers.get('x-contentful-ratelimit-second-limit'), '2')
})
