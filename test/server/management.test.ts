// The local Management face on the wire: what a client sees in status codes, headers and bodies, and the
// test switches (rate limit, faults, request log). The official SDK's view is covered by the contract suite
// on the Contentful adapter (test/backends/contentful.test.ts); here requests are plain fetch calls.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test, { type ExecutionContext } from 'ava'
import { createClient } from 'contentful-management'
import { startLocalServer } from '../../src/server/management/local-server.ts'
import type { RequestLogEntry } from '../../src/server/server.ts'
import { startScript } from '../helpers/run-command.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected loosely
const json = (r: Response | Promise<Response>): Promise<any> => Promise.resolve(r).then((x) => x.json())
const MT = 'management-token-for-tests'
const DT = 'delivery-token-for-tests'
const root = mkdtempSync(join(tmpdir(), 'kb-cms-mgmt-'))
test.after.always(() => rmSync(root, { recursive: true, force: true }))
let n = 0

async function serve(
  t: ExecutionContext,
  options: { rateLimit?: number; faultRatio?: number; faultSeed?: number; clock?: () => number } = {},
) {
  const log: RequestLogEntry[] = []
  const spaceDir = join(root, `s${++n}`)
  const server = await startLocalServer({
    spaceDir,
    managementToken: MT,
    deliveryToken: DT,
    requestLog: (e) => log.push(e),
    ...options,
  })
  t.teardown(() => server.close())
  const base = `http://${server.hostPort}/spaces/local/environments/master`
  const call = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers = new Headers(init.headers)
    if (init.token !== null) headers.set('authorization', `Bearer ${init.token ?? MT}`)
    if (init.body && !headers.has('content-type')) {
      headers.set('content-type', 'application/vnd.contentful.management.v1+json')
    }
    return fetch(path.startsWith('http') ? path : `${base}${path}`, { ...init, headers })
  }
  return { server, log, base, call, spaceDir }
}

const person = {
  name: 'Person',
  displayField: 'name',
  fields: [{ id: 'name', name: 'Name', type: 'Symbol', required: true, localized: false }],
}

async function withPerson(call: (p: string, i?: RequestInit) => Promise<Response>) {
  const ct = await json(call('/content_types/person', { method: 'PUT', body: JSON.stringify(person) }))
  await call('/content_types/person/published', {
    method: 'PUT',
    headers: { 'x-contentful-version': String(ct.sys.version) },
  })
}

test('requests without the management token get 401 AccessTokenInvalid; the token is not echoed', async (t) => {
  const { call } = await serve(t)
  for (const token of [null, 'wrong']) {
    const res = await call('/entries', { token })
    t.is(res.status, 401)
    const body = await json(res)
    t.is(body.sys.type, 'Error')
    t.is(body.sys.id, 'AccessTokenInvalid')
    t.truthy(body.requestId)
    t.false(JSON.stringify(body).includes(MT))
  }
  // The delivery token does not open the Management face (it would reach the Delivery face instead).
  const asDelivery = await call('/content_types/person', { token: DT, method: 'PUT', body: '{}' })
  t.not(asDelivery.status, 200)
  t.not(asDelivery.status, 201)
})

test('entries: create with X-Contentful-Content-Type, update with X-Contentful-Version, 409 VersionMismatch', async (t) => {
  const { call } = await serve(t)
  await withPerson(call)
  const body = JSON.stringify({ fields: { name: { 'en-US': 'Ada' } } })
  const created = await call('/entries/ada', {
    method: 'PUT',
    body,
    headers: { 'x-contentful-content-type': 'person' },
  })
  t.is(created.status, 201)
  t.is(created.headers.get('content-type'), 'application/vnd.contentful.management.v1+json')
  const entry = await json(created)
  t.is(entry.sys.type, 'Entry')
  t.is(entry.sys.version, 1)
  t.is(entry.sys.contentType.sys.id, 'person')
  t.deepEqual(entry.sys.space, { sys: { type: 'Link', linkType: 'Space', id: 'local' } })
  t.deepEqual(entry.sys.environment, { sys: { type: 'Link', linkType: 'Environment', id: 'master' } })

  const again = await call('/entries/ada', {
    method: 'PUT',
    body,
    headers: { 'x-contentful-content-type': 'person' },
  })
  t.is(again.status, 409)
  t.is((await json(again)).sys.id, 'VersionMismatch')

  const updated = await call('/entries/ada', {
    method: 'PUT',
    body,
    headers: { 'x-contentful-version': '1' },
  })
  t.is(updated.status, 200)
  t.is((await json(updated)).sys.version, 2)
  const stale = await call('/entries/ada', { method: 'PUT', body, headers: { 'x-contentful-version': '1' } })
  t.is(stale.status, 409)
  t.is((await json(stale)).sys.id, 'VersionMismatch')

  const missing = await call('/entries/nobody')
  t.is(missing.status, 404)
  t.is((await json(missing)).sys.id, 'NotFound')
})

test('publishing an invalid entry is 422 ValidationFailed with details', async (t) => {
  const { call } = await serve(t)
  await withPerson(call)
  await call('/entries/blank', {
    method: 'PUT',
    body: '{"fields":{}}',
    headers: { 'x-contentful-content-type': 'person' },
  })
  const res = await call('/entries/blank/published', {
    method: 'PUT',
    headers: { 'x-contentful-version': '1' },
  })
  t.is(res.status, 422)
  const body = await json(res)
  t.is(body.sys.id, 'ValidationFailed')
  t.true(body.details.errors.length > 0)
})

test('bulk publish: asynchronous, polled to succeeded; more than 200 items refused', async (t) => {
  const { call } = await serve(t)
  await withPerson(call)
  for (const id of ['a', 'b']) {
    await call(`/entries/${id}`, {
      method: 'PUT',
      body: JSON.stringify({ fields: { name: { 'en-US': id } } }),
      headers: { 'x-contentful-content-type': 'person' },
    })
  }
  const items = ['a', 'b'].map((id) => ({ sys: { type: 'Link', linkType: 'Entry', id, version: 1 } }))
  const res = await call('/bulk_actions/publish', {
    method: 'POST',
    body: JSON.stringify({ entities: { sys: { type: 'Array' }, items } }),
  })
  t.is(res.status, 201)
  const action = await json(res)
  t.is(action.sys.type, 'BulkAction')
  t.is(action.sys.status, 'created')
  let status = action.sys.status
  for (let i = 0; i < 500 && status !== 'succeeded' && status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 20))
    status = (await json(call(`/bulk_actions/actions/${action.sys.id}`))).sys.status
  }
  t.is(status, 'succeeded')
  t.is((await json(call('/entries/a'))).sys.publishedVersion, 1)

  const tooMany = Array.from({ length: 201 }, (_, i) => ({
    sys: { type: 'Link', linkType: 'Entry', id: `e${i}`, version: 1 },
  }))
  const refused = await call('/bulk_actions/publish', {
    method: 'POST',
    body: JSON.stringify({ entities: { sys: { type: 'Array' }, items: tooMany } }),
  })
  t.is(refused.status, 422)
  t.is((await json(refused)).sys.id, 'ValidationFailed')
})

test('rate limit: every response has the headers; past the limit, 429 RateLimitExceeded with a reset', async (t) => {
  // The clock is pinned to one second: twelve requests in it cannot all fit a limit of three, however slowly
  // a loaded machine gets them in.
  const second = Math.floor(Date.now() / 1000) * 1000
  const { call, log } = await serve(t, { rateLimit: 3, clock: () => second + 500 })
  const responses = await Promise.all(Array.from({ length: 12 }, () => call('/content_types')))
  const statuses = responses.map((r) => r.status)
  t.true(statuses.includes(429))
  t.true(statuses.includes(200))
  const perSecond = new Map<string, number>()
  for (const e of log)
    if (e.status === 200) perSecond.set(e.t.slice(0, 19), (perSecond.get(e.t.slice(0, 19)) ?? 0) + 1)
  t.true(Math.max(...perSecond.values()) <= 3, 'never more than the limit answered in one second')
  for (const r of responses) t.is(r.headers.get('x-contentful-ratelimit-second-limit'), '3')
  const limited = responses.find((r) => r.status === 429) as Response
  t.true(Number(limited.headers.get('x-contentful-ratelimit-reset')) >= 1)
  t.is((await json(limited)).sys.id, 'RateLimitExceeded')
  const ok = responses.find((r) => r.status === 200) as Response
  t.not(ok.headers.get('x-contentful-ratelimit-second-remaining'), null)
})

test('faults: a share of requests get a 500 or a dropped connection, and the log says which', async (t) => {
  const { call, log } = await serve(t, { faultRatio: 0.5, faultSeed: 42 })
  const outcomes = await Promise.all(
    Array.from({ length: 40 }, () =>
      call('/content_types').then(
        (r) => String(r.status),
        () => 'dropped',
      ),
    ),
  )
  t.true(outcomes.includes('500'))
  t.true(outcomes.includes('dropped'))
  t.true(outcomes.includes('200'))
  const faults = log.filter((e) => e.fault)
  t.true(faults.length >= 10 && faults.length <= 30, `about half: ${faults.length}`)
  t.true(faults.every((e) => ['500', 'drop', 'drop-after'].includes(e.fault as string)))
})

test('a fault after the write: the write lands, the client only sees a dropped connection', async (t) => {
  const clean = await serve(t)
  await withPerson(clean.call)
  // A second server on the same space folder, failing every request: a third of them after doing the work.
  const faulty = await startLocalServer({
    spaceDir: clean.spaceDir,
    managementToken: MT,
    deliveryToken: DT,
    faultRatio: 1,
    faultSeed: 11,
    requestLog: (e) => faultyLog.push(e),
  })
  const faultyLog: RequestLogEntry[] = []
  t.teardown(() => faulty.close())
  const ids = Array.from({ length: 15 }, (_, i) => `e${i}`)
  for (const id of ids) {
    const outcome = await fetch(`http://${faulty.hostPort}/spaces/local/environments/master/entries/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${MT}`, 'x-contentful-content-type': 'person' },
      body: JSON.stringify({ fields: { name: { 'en-US': id } } }),
    }).then(
      (r) => r.status,
      () => 0,
    )
    t.true(outcome === 500 || outcome === 0, 'no success is ever reported')
  }
  const landed = new Set(
    faultyLog.filter((e) => e.fault === 'drop-after').map((e) => e.path.split('/').pop()),
  )
  t.true(landed.size > 0 && landed.size < ids.length)
  for (const id of ids) {
    const res = await clean.call(`/entries/${id}`)
    t.is(res.status, landed.has(id) ? 200 : 404, id)
  }
})

test('request log file: one JSON line per request, with method, path, face and status', async (t) => {
  const file = join(root, `log-${++n}.jsonl`)
  const server = await startLocalServer({
    spaceDir: join(root, `s${++n}`),
    managementToken: MT,
    deliveryToken: DT,
    requestLog: file,
  })
  t.teardown(() => server.close())
  await fetch(`http://${server.hostPort}/spaces/local/environments/master/entries`, {
    headers: { authorization: `Bearer ${MT}` },
  })
  await fetch(`http://${server.hostPort}/spaces/local/environments/master/entries`, {
    method: 'PUT',
    headers: { authorization: 'Bearer nope' },
  })
  await new Promise((r) => setTimeout(r, 50))
  const lines = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
  t.is(lines.length, 2)
  t.like(lines[0], {
    method: 'GET',
    path: '/spaces/local/environments/master/entries',
    face: 'management',
    status: 200,
  })
  t.like(lines[1], { method: 'PUT', face: 'none', status: 401 })
  t.false(readFileSync(file, 'utf8').includes(MT))
})

test('delivery requests get CORS headers; preflight is answered', async (t) => {
  const { call, server } = await serve(t)
  const res = await call('/entries', { token: DT })
  t.is(res.headers.get('access-control-allow-origin'), '*')
  const pre = await fetch(`http://${server.hostPort}/spaces/local/environments/master/entries`, {
    method: 'OPTIONS',
  })
  t.is(pre.status, 204)
  t.regex(pre.headers.get('access-control-allow-headers') ?? '', /Authorization/)
})

test('environments and aliases through the official SDK: clone, repoint the alias, read through it', async (t) => {
  const { server, call } = await serve(t)
  await withPerson(call)
  await call('/entries/ada', {
    method: 'PUT',
    body: JSON.stringify({ fields: { name: { 'en-US': 'Ada' } } }),
    headers: { 'x-contentful-content-type': 'person' },
  })
  const client = createClient(
    { accessToken: MT, host: server.hostPort, insecure: true, retryOnError: false },
    { type: 'plain', defaults: { spaceId: 'local' } },
  )
  const env = await client.environment.createWithId(
    { environmentId: 'release-1', sourceEnvironmentId: 'master' },
    { name: 'release-1' },
  )
  t.is(env.sys.id, 'release-1')
  t.is((env.sys as unknown as { status: { sys: { id: string } } }).status.sys.id, 'ready')
  // The clone holds the content; a change there does not touch the source.
  await client.entry.update({ environmentId: 'release-1', entryId: 'ada' }, {
    sys: { version: 1 },
    fields: { name: { 'en-US': 'Ada L.' } },
  } as never)
  t.is((await client.entry.get({ environmentId: 'master', entryId: 'ada' })).fields.name['en-US'], 'Ada')

  const alias = await client.environmentAlias.get({ environmentAliasId: 'master' })
  const moved = await client.environmentAlias.update({ environmentAliasId: 'master' }, {
    ...alias,
    environment: { sys: { type: 'Link', linkType: 'Environment', id: 'release-1' } },
  } as never)
  t.is(moved.environment.sys.id, 'release-1')
  t.is((await client.entry.get({ environmentId: 'master', entryId: 'ada' })).fields.name['en-US'], 'Ada L.')
  const stale = await client.environmentAlias
    .update({ environmentAliasId: 'master' }, {
      ...alias,
      environment: { sys: { type: 'Link', linkType: 'Environment', id: 'master' } },
    } as never)
    .catch((e: Error) => e)
  t.is((stale as Error).name, 'VersionMismatch')
  const envs = await client.environment.getMany({})
  t.true(envs.items.some((e) => e.sys.id === 'release-1'))
})

/** Starts `npm run serve`'s script as a real process; resolves with what it printed once it listens. */
function serveProcess(env: Record<string, string>): Promise<{ out: string; host: string; stop: () => void }> {
  const child = startScript('serve', ['--space', join(root, `p${++n}`), '--port', '0'], {
    env: { KB_CMS_MANAGEMENT_TOKEN: '', KB_CMS_DELIVERY_TOKEN: '', KB_CMS_PREVIEW_TOKEN: '', ...env },
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (d) => {
      out += d
      const m = /listening on http:\/\/(\S+) /.exec(out)
      // The token lines come right after the listening line: wait for the hint that ends the banner.
      if (m?.[1] && /try: /.test(out)) resolve({ out, host: m[1], stop: () => child.kill() })
    })
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)))
  })
}

test('npm run serve: tokens are generated and printed once when unset, never printed when given', async (t) => {
  const generated = await serveProcess({})
  t.teardown(generated.stop)
  const token = /KB_CMS_MANAGEMENT_TOKEN=(\S+)/.exec(generated.out)?.[1] as string
  t.truthy(token)
  t.truthy(/KB_CMS_DELIVERY_TOKEN=(\S+)/.exec(generated.out))
  const preview = /KB_CMS_PREVIEW_TOKEN=(\S+)/.exec(generated.out)?.[1] as string
  t.truthy(preview)
  const drafts = await fetch(`http://${generated.host}/spaces/local/environments/master/entries`, {
    headers: { authorization: `Bearer ${preview}` },
  })
  t.is(drafts.status, 200)
  t.is(generated.out.split(token).length - 1, 1, 'printed once')
  const res = await fetch(`http://${generated.host}/spaces/local/environments/master/content_types`, {
    headers: { authorization: `Bearer ${token}` },
  })
  t.is(res.status, 200)

  const given = await serveProcess({
    KB_CMS_MANAGEMENT_TOKEN: 'given-management-secret',
    KB_CMS_DELIVERY_TOKEN: 'given-delivery-secret',
    KB_CMS_PREVIEW_TOKEN: 'given-preview-secret',
  })
  t.teardown(given.stop)
  t.false(given.out.includes('given-management-secret'))
  t.false(given.out.includes('given-delivery-secret'))
  t.false(given.out.includes('given-preview-secret'))
  t.regex(given.host, /^127\.0\.0\.1:\d+$/)
})
