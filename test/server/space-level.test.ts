// Space-level resources through the official Management client: the read-only lists export tools read,
// API keys whose tokens the Delivery and Preview faces then accept, and webhooks that fire real HTTP POSTs
// with Contentful's topic header and payload, in order, with a delivery log.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import test from 'ava'
import { createClient } from 'contentful'
import { publishedAsset, serveSpace, withPerson } from './local-space.ts'

test('spaces, users/me, roles and space memberships are listed', async (t) => {
  const s = await serveSpace(t)
  const spaces = await s.cma.space.getMany({})
  t.deepEqual(
    spaces.items.map((x) => x.sys.id),
    ['local'],
  )
  t.is((await s.cma.space.get({ spaceId: 'local' })).name, 'local')
  const me = await s.cma.user.getCurrent({})
  t.is(me.sys.type, 'User')
  const roles = await s.cma.role.getMany({})
  t.true(roles.items.length > 0)
  t.true(roles.items.every((r) => r.sys.type === 'Role' && typeof r.name === 'string'))
  const memberships = await s.cma.spaceMembership.getMany({})
  t.is(memberships.items[0]?.admin, true)
})

test('API keys: created with the SDK; their delivery and preview tokens open the faces, until deleted', async (t) => {
  const s = await serveSpace(t)
  await withPerson(s.cma)
  const e = await s.cma.entry.createWithId(
    { contentTypeId: 'person', entryId: 'ada' },
    { fields: { name: { 'en-US': 'Ada' } } },
  )
  await s.cma.entry.publish({ entryId: 'ada' }, e)
  await s.cma.entry.createWithId(
    { contentTypeId: 'person', entryId: 'draft' },
    { fields: { name: { 'en-US': 'Draft' } } },
  )

  const key = await s.cma.apiKey.create(
    {},
    {
      name: 'Website',
      environments: [{ sys: { type: 'Link', linkType: 'Environment', id: 'master' } }],
    },
  )
  t.is(key.name, 'Website')
  t.regex(key.accessToken, /^[\w-]{20,}$/)
  const preview = await s.cma.previewApiKey.get({ previewApiKeyId: key.preview_api_key.sys.id })
  t.not(preview.accessToken, key.accessToken)
  t.deepEqual(
    (await s.cma.apiKey.getMany({})).items.map((k) => k.sys.id),
    [key.sys.id],
  )

  const client = (accessToken: string) =>
    createClient({
      space: 'local',
      accessToken,
      host: s.server.hostPort,
      insecure: true,
      retryOnError: false,
    })
  t.is((await client(key.accessToken).getEntries()).total, 1)
  t.is((await client(preview.accessToken).getEntries()).total, 2)
  // a delivery key is still not a management token
  const write = await s.call('/entries/ada/published', { method: 'PUT', token: key.accessToken })
  t.is(write.status, 401)

  // a key opens only the environments it names
  await s.cma.environment.createWithId(
    { environmentId: 'staging', sourceEnvironmentId: 'master' },
    { name: 'staging' },
  )
  const staging = await s.call(`${s.root}/environments/staging/entries`, { token: key.accessToken })
  t.is(staging.status, 401)
  const both = await s.cma.apiKey.update({ apiKeyId: key.sys.id }, {
    ...key,
    environments: ['master', 'staging'].map((id) => ({ sys: { type: 'Link', linkType: 'Environment', id } })),
  } as never)
  t.is(both.accessToken, key.accessToken, 'an update keeps the token')
  t.is((await s.call(`${s.root}/environments/staging/entries`, { token: key.accessToken })).status, 200)

  await s.cma.apiKey.delete({ apiKeyId: key.sys.id })
  const gone = await client(key.accessToken)
    .getEntries()
    .catch((err: Error) => err)
  t.is((gone as Error).name, 'AccessTokenInvalid')
})

interface Received {
  topic: string | undefined
  name: string | undefined
  body: { sys: { type: string; id: string } }
  headers: IncomingHttpHeaders
}

async function receiver(t: { teardown(fn: () => void): void }) {
  const received: Received[] = []
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (d) => {
      raw += d
    })
    req.on('end', () => {
      received.push({
        topic: req.headers['x-contentful-topic'] as string | undefined,
        name: req.headers['x-contentful-webhook-name'] as string | undefined,
        body: JSON.parse(raw),
        headers: req.headers,
      })
      res.writeHead(received.length === 2 ? 500 : 200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received }
}

test('webhooks fire real POSTs on publish, unpublish, archive and delete, in order, with a delivery log', async (t) => {
  const s = await serveSpace(t)
  const hook = await receiver(t)
  await withPerson(s.cma)
  const def = await s.cma.webhook.create({}, {
    name: 'Rebuild site',
    url: hook.url,
    topics: ['Entry.publish', 'Entry.unpublish', 'Entry.archive', 'Entry.delete', 'Asset.publish'],
    headers: [{ key: 'X-Secret', value: 's3cret', secret: true }],
    filters: [{ equals: [{ doc: 'sys.environment.sys.id' }, 'master'] }],
  } as never)
  t.is(def.sys.type, 'WebhookDefinition')
  t.deepEqual((await s.cma.webhook.get({ webhookDefinitionId: def.sys.id })).headers, [
    { key: 'X-Secret', secret: true },
  ])

  const e = await s.cma.entry.createWithId(
    { contentTypeId: 'person', entryId: 'ada' },
    { fields: { name: { 'en-US': 'Ada' } } },
  )
  const published = await s.cma.entry.publish({ entryId: 'ada' }, e)
  const unpublished = await s.cma.entry.unpublish({ entryId: 'ada' }, published)
  const archived = await s.cma.entry.archive({ entryId: 'ada' })
  const restored = await s.cma.entry.unarchive({ entryId: 'ada' })
  await s.cma.entry.delete({ entryId: 'ada' })
  void unpublished
  void archived
  void restored
  await publishedAsset(s.cma, 'logo')
  await s.webhooksIdle()

  t.deepEqual(
    hook.received.map((r) => r.topic),
    [
      'ContentManagement.Entry.publish',
      'ContentManagement.Entry.unpublish',
      'ContentManagement.Entry.archive',
      'ContentManagement.Entry.delete',
      'ContentManagement.Asset.publish',
    ],
  )
  t.true(hook.received.every((r) => r.name === 'Rebuild site'))
  t.is(hook.received[0]?.headers['x-secret'], 's3cret')
  t.is(hook.received[0]?.body.sys.type, 'Entry')
  t.is(hook.received[0]?.body.sys.id, 'ada')
  t.is(hook.received[1]?.body.sys.type, 'DeletedEntry')
  t.is(hook.received[2]?.body.sys.type, 'Entry')
  t.is(hook.received[3]?.body.sys.type, 'DeletedEntry')
  t.is(hook.received[4]?.body.sys.type, 'Asset')

  const calls = (await (await s.call(`${s.root}/webhooks/${def.sys.id}/calls`)).json()) as {
    items: { statusCode: number; eventType: string; errors: string[]; sys: { id: string } }[]
  }
  t.is(calls.items.length, 5)
  t.deepEqual(calls.items.map((c) => c.statusCode).sort(), [200, 200, 200, 200, 500])
  const failed = calls.items.find((c) => c.statusCode === 500)
  t.deepEqual(failed?.errors, ['HTTP 500'])
  const detail = (await (
    await s.call(`${s.root}/webhooks/${def.sys.id}/calls/${failed?.sys.id}`)
  ).json()) as {
    request: { headers: Record<string, string> }
  }
  t.is(detail.request.headers['x-secret'], '***', 'the log never shows a secret header')
  const health = (await (await s.call(`${s.root}/webhooks/${def.sys.id}/health`)).json()) as {
    calls: { total: number; healthy: number }
  }
  t.deepEqual(health.calls, { total: 5, healthy: 4 })
})

test('a bulk publish fires one publish event per item; other environments only fire when filtered in', async (t) => {
  const s = await serveSpace(t)
  const hook = await receiver(t)
  await withPerson(s.cma)
  await s.cma.webhook.create({}, { name: 'All', url: hook.url, topics: ['*.*'] } as never)
  const a = await s.cma.entry.createWithId(
    { contentTypeId: 'person', entryId: 'a' },
    { fields: { name: { 'en-US': 'A' } } },
  )
  const b = await s.cma.entry.createWithId(
    { contentTypeId: 'person', entryId: 'b' },
    { fields: { name: { 'en-US': 'B' } } },
  )
  await s.webhooksIdle()
  hook.received.length = 0
  const action = await s.cma.bulkAction.publish(
    {} as never,
    {
      entities: {
        sys: { type: 'Array' },
        items: [a, b].map((e) => ({
          sys: { type: 'Link', linkType: 'Entry', id: e.sys.id, version: e.sys.version },
        })),
      },
    } as never,
  )
  for (let i = 0; i < 100; i++) {
    const state = await s.cma.bulkAction.get({ bulkActionId: action.sys.id } as never)
    if (state.sys.status === 'succeeded') break
    await new Promise((r) => setTimeout(r, 20))
  }
  await s.webhooksIdle()
  t.deepEqual(
    hook.received.map((r) => `${r.topic} ${r.body.sys.id}`),
    ['ContentManagement.Entry.publish a', 'ContentManagement.Entry.publish b'],
  )
  // a write in another environment does not fire a webhook without a filter naming it
  await s.cma.environment.createWithId(
    { environmentId: 'staging', sourceEnvironmentId: 'master' },
    { name: 'staging' },
  )
  hook.received.length = 0
  const c = await s.cma.entry.createWithId(
    { environmentId: 'staging', contentTypeId: 'person', entryId: 'c' },
    { fields: { name: { 'en-US': 'C' } } },
  )
  await s.cma.entry.publish({ environmentId: 'staging', entryId: 'c' }, c)
  await s.webhooksIdle()
  t.deepEqual(hook.received, [])
})
