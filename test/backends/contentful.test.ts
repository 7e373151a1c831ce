// The ContentBackend contract on the Contentful adapter, through the real contentful-management SDK over real
// HTTP against the local Management face; plus what only this adapter promises: the token never leaks, a
// rejected token is one line naming the variable, and retried writes that landed are not duplicated.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { connect } from '../../src/backends/contentful/client.ts'
import { ContentfulBackend } from '../../src/backends/contentful/contentful-backend.ts'
import { type Failure, RequestScheduler } from '../../src/backends/contentful/scheduler.ts'
import type { ContentBackend } from '../../src/backends/port.ts'
import {
  ConfigError,
  type ContentfulConfig,
  contentfulConfig,
  describeConfig,
  loadDotEnv,
  redact,
} from '../../src/config/contentful-config.ts'
import { startLocalServer } from '../../src/server/management/local-server.ts'
import type { RequestLogEntry } from '../../src/server/server.ts'
import { backendContract, person } from './contract.ts'

const TOKEN = 'cfpat-test-management-token-0123456789'
const root = mkdtempSync(join(tmpdir(), 'kb-cms-contentful-'))
test.after.always(() => rmSync(root, { recursive: true, force: true }))

let n = 0
interface Setup {
  backend: ContentBackend
  log: RequestLogEntry[]
  warnings: string[]
}

async function setup(
  server: { rateLimit?: number; faultRatio?: number; faultSeed?: number } = {},
  token = TOKEN,
) {
  const log: RequestLogEntry[] = []
  const warnings: string[] = []
  const running = await startLocalServer({
    spaceDir: join(root, `space-${++n}`),
    managementToken: TOKEN,
    deliveryToken: 'delivery',
    requestLog: (e) => log.push(e),
    ...server,
  })
  const config: ContentfulConfig = {
    spaceId: 'local',
    managementToken: token,
    environment: 'master',
    host: running.hostPort,
    hostUpload: running.hostPort,
    insecure: true,
  }
  const conn = connect(config, { warn: (m) => warnings.push(m), maxAttempts: 12 })
  const inner = new ContentfulBackend(conn, `contentful:local (master) via ${running.hostPort}`, {
    pollFirstWaitMs: 20,
  })
  // Closing the backend also stops its server, so the contract's teardown cleans everything.
  const backend = Object.assign(Object.create(inner), {
    close: async () => {
      await inner.close()
      await running.close()
    },
  }) as ContentBackend
  return { backend, log, warnings } satisfies Setup
}

backendContract('contentful', test, async () => (await setup()).backend)

test('a rejected token is one ConfigError naming the variable, without the token', async (t) => {
  const { backend, log } = await setup({}, 'cfpat-wrong-token-abcdefghijkl')
  t.teardown(() => backend.close())
  const error = await t.throwsAsync(backend.readLedger(), { instanceOf: ConfigError })
  t.regex(error?.message ?? '', /^CONTENTFUL_MANAGEMENT_TOKEN was rejected/)
  t.false(error?.message.includes('\n'))
  t.false(error?.message.includes('abcdefghijkl') || error?.message.includes('ghijkl'))
  t.is(log[0]?.status, 401)
})

test('a Delivery token is refused at the first call: one ConfigError saying it is no Management token', async (t) => {
  const { backend, log } = await setup({}, 'delivery')
  t.teardown(() => backend.close())
  const check = (backend as ContentfulBackend).checkAccess()
  const error = await t.throwsAsync(check, { instanceOf: ConfigError })
  t.regex(error?.message ?? '', /^CONTENTFUL_MANAGEMENT_TOKEN was rejected .*not a Content Management token/)
  t.false(error?.message.includes('delivery'))
  t.deepEqual(
    log.map((e) => `${e.method} ${e.path} ${e.status}`),
    ['GET /spaces/local/environments 401'],
  )
})

test('the token check passes a Management token with one read', async (t) => {
  const { backend, log } = await setup()
  t.teardown(() => backend.close())
  await (backend as ContentfulBackend).checkAccess()
  t.deepEqual(
    log.map((e) => `${e.method} ${e.status}`),
    ['GET 200'],
  )
})

test('errors from the API never carry the token, not even its last characters', async (t) => {
  const { backend } = await setup()
  t.teardown(() => backend.close())
  await backend.applyMigration([{ type: 'saveContentType', contentType: person }], {
    name: '0001',
    checksum: 'c',
    appliedAt: new Date().toISOString(),
  })
  const errors = await Promise.all([
    backend.putEntry({ id: 'x', contentTypeId: 'person', fields: { nope: { 'en-US': 1 } } }).catch((e) => e),
    backend.putEntry({ id: 'y', contentTypeId: 'person', fields: {} }, 7).catch((e) => e),
    backend.publish([{ linkType: 'Entry', id: 'ghost', version: 1 }]).catch((e) => e),
  ])
  for (const e of errors) {
    t.true(e instanceof Error)
    const text = `${e.message} ${JSON.stringify(e)} ${e.stack}`
    t.false(text.includes(TOKEN), 'whole token')
    t.false(text.includes(TOKEN.slice(-5)), 'last characters')
  }
})

test('under 20% faults and a 7/s limit, writes land exactly once and reads agree', async (t) => {
  const { backend, log, warnings } = await setup({ rateLimit: 7, faultRatio: 0.2, faultSeed: 7 })
  t.teardown(() => backend.close())
  await backend.applyMigration([{ type: 'saveContentType', contentType: person }], {
    name: '0001-person',
    checksum: 'c1',
    appliedAt: new Date().toISOString(),
  })
  const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']
  const created = await Promise.all(
    ids.map((id) => backend.putEntry({ id, contentTypeId: 'person', fields: { name: { 'en-US': id } } })),
  )
  t.deepEqual(
    created.map((e) => e.sys.version),
    ids.map(() => 1),
  )
  await backend.publish(
    created.map((e) => ({ linkType: 'Entry' as const, id: e.sys.id, version: e.sys.version })),
  )
  const page = await backend.getEntries({ contentTypeId: 'person' })
  t.deepEqual(page.items.map((e) => e.sys.id).sort(), ids)
  for (const e of page.items) t.is(e.sys.publishedVersion, 1)
  t.deepEqual(
    (await backend.readLedger()).map((r) => r.name),
    ['0001-person'],
  )
  t.true(
    log.some((e) => e.fault),
    'faults were injected',
  )
  t.true(warnings.length > 0, 'and retried')
  // The pacing keeps the server's bucket: no second of the log holds more than the limit.
  const perSecond = new Map<string, number>()
  for (const e of log)
    if (e.status !== 429) perSecond.set(e.t.slice(0, 19), (perSecond.get(e.t.slice(0, 19)) ?? 0) + 1)
  t.true(Math.max(...perSecond.values()) <= 7)
})

// Configuration.

test('config: nothing set selects the embedded space; a half-set pair is one line naming the variable', (t) => {
  t.is(contentfulConfig({}), undefined)
  const noToken = t.throws(() => contentfulConfig({ CONTENTFUL_SPACE_ID: 'abc' }), {
    instanceOf: ConfigError,
  })
  t.regex(noToken?.message ?? '', /^CONTENTFUL_MANAGEMENT_TOKEN is not set/)
  const noSpace = t.throws(() => contentfulConfig({ CONTENTFUL_MANAGEMENT_TOKEN: 'secret-value-123' }), {
    instanceOf: ConfigError,
  })
  t.regex(noSpace?.message ?? '', /^CONTENTFUL_SPACE_ID is not set/)
  t.false(noSpace?.message.includes('secret-value-123'))
})

test('config: defaults to master on the public API; CONTENTFUL_HOST on loopback is plain HTTP', (t) => {
  const pub = contentfulConfig({ CONTENTFUL_SPACE_ID: 'abc', CONTENTFUL_MANAGEMENT_TOKEN: 'tok' })
  t.like(pub, {
    environment: 'master',
    host: 'api.contentful.com',
    hostUpload: 'upload.contentful.com',
    insecure: false,
  })
  const local = contentfulConfig({
    CONTENTFUL_SPACE_ID: 'local',
    CONTENTFUL_MANAGEMENT_TOKEN: 'tok',
    CONTENTFUL_ENVIRONMENT: 'staging',
    CONTENTFUL_HOST: 'http://127.0.0.1:8787/',
  })
  t.like(local, {
    environment: 'staging',
    host: '127.0.0.1:8787',
    hostUpload: '127.0.0.1:8787',
    insecure: true,
  })
  t.is(describeConfig(local as ContentfulConfig), 'contentful:local (staging) via http://127.0.0.1:8787')
  t.throws(
    () =>
      contentfulConfig({
        CONTENTFUL_SPACE_ID: 'a',
        CONTENTFUL_MANAGEMENT_TOKEN: 't',
        CONTENTFUL_HOST: 'a b',
      }),
    {
      message: /^CONTENTFUL_HOST/,
    },
  )
})

test('config: .env is read without overriding the environment', (t) => {
  const dir = mkdtempSync(join(root, 'dotenv-'))
  const file = join(dir, '.env')
  writeFileSync(file, 'KB_CMS_DOTENV_PROBE=from-file\nKB_CMS_DOTENV_KEPT=from-file\n')
  process.env.KB_CMS_DOTENV_KEPT = 'from-env'
  t.teardown(() => {
    delete process.env.KB_CMS_DOTENV_PROBE
    delete process.env.KB_CMS_DOTENV_KEPT
  })
  loadDotEnv(file)
  t.is(process.env.KB_CMS_DOTENV_PROBE, 'from-file')
  t.is(process.env.KB_CMS_DOTENV_KEPT, 'from-env')
  t.notThrows(() => loadDotEnv(join(dir, 'absent.env')))
})

test('redact: the secret and its last characters', (t) => {
  t.is(redact('Bearer abcdefghijklmnop and ...lmnop', ['abcdefghijklmnop']), 'Bearer *** and ...***')
})

// The scheduler, on its own.

const transient = (err: unknown): Failure =>
  (err as Error).message === '429'
    ? { kind: 'rate-limited', resetSeconds: 0.2 }
    : (err as Error).message === 'fatal'
      ? { kind: 'fatal' }
      : { kind: 'transient', reason: 'boom' }

test('scheduler: request starts are never closer than the rate allows, however many are queued', async (t) => {
  const s = new RequestScheduler({ ratePerSecond: 20, concurrency: 10, classify: transient })
  const starts: number[] = []
  await Promise.all(Array.from({ length: 10 }, () => s.run('x', async () => starts.push(Date.now()))))
  const span = (starts.at(-1) as number) - (starts[0] as number)
  t.true(span >= 9 * 50 * 0.95, `10 starts at 20/s span ≥ ~450 ms: ${span}`)
})

test('scheduler: adopts the limit the server reports', (t) => {
  const s = new RequestScheduler({ classify: transient })
  t.is(s.ratePerSecond, 7)
  s.observeLimit(10)
  t.is(s.ratePerSecond, 10)
})

test('scheduler: transient failures are retried with backoff, fatal ones are not, attempts are bounded', async (t) => {
  const retries: string[] = []
  const s = new RequestScheduler({
    ratePerSecond: 1000,
    backoffMs: 5,
    maxAttempts: 3,
    classify: transient,
    onRetry: (i) => retries.push(i.reason),
  })
  let calls = 0
  t.is(
    await s.run('flaky', async () => {
      if (++calls < 3) throw new Error('5xx')
      return 'ok'
    }),
    'ok',
  )
  t.is(calls, 3)
  let fatalCalls = 0
  await t.throwsAsync(
    s.run('fatal', async () => {
      fatalCalls++
      throw new Error('fatal')
    }),
    { message: 'fatal' },
  )
  t.is(fatalCalls, 1)
  let doomed = 0
  await t.throwsAsync(
    s.run('doomed', async () => {
      doomed++
      throw new Error('5xx')
    }),
  )
  t.is(doomed, 3)
  t.true(retries.length >= 4)
})

test('scheduler: a 429 pauses everyone for the reset, and is not counted as an attempt', async (t) => {
  const s = new RequestScheduler({ ratePerSecond: 1000, maxAttempts: 1, classify: transient })
  let calls = 0
  const started = Date.now()
  const result = await s.run('limited', async () => {
    if (++calls <= 2) throw new Error('429')
    return 'done'
  })
  t.is(result, 'done')
  t.true(Date.now() - started >= 2 * 200 - 10)
  t.is(s.stats.rateLimited, 2)
})

test('pages shrink when responses near the 7 MB cap, and every entry is read once', async (t) => {
  const { backend, log } = await setup()
  t.teardown(() => backend.close())
  const blob = {
    id: 'blob',
    name: 'Blob',
    displayField: 'name',
    fields: [
      { id: 'name', name: 'Name', type: 'Symbol' as const, required: true, localized: false },
      { id: 'text', name: 'Text', type: 'Text' as const, required: false, localized: false },
    ],
  }
  await backend.applyMigration([{ type: 'saveContentType', contentType: blob }], {
    name: '0001-blob',
    checksum: 'b',
    appliedAt: new Date().toISOString(),
  })
  // 200 entries of 40 kB: 8 MB in one page, over Contentful's 7 MB response cap.
  const text = 'x'.repeat(40_000)
  const ids = Array.from({ length: 200 }, (_, i) => `blob-${String(i).padStart(3, '0')}`)
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(
      ids.slice(i, i + 20).map((id) =>
        backend.putEntry({
          id,
          contentTypeId: 'blob',
          fields: { name: { 'en-US': id }, text: { 'en-US': text } },
        }),
      ),
    )
  }
  const seen: string[] = []
  const limits: number[] = []
  for (let skip = 0; ; ) {
    const page = await backend.getEntries({ contentTypeId: 'blob', skip, limit: 1000 })
    if (page.items.length === 0) break
    limits.push(page.limit)
    seen.push(...page.items.map((e) => e.sys.id))
    skip += page.items.length
    if (skip >= page.total) break
  }
  t.is(new Set(seen).size, seen.length, 'none twice')
  t.deepEqual([...seen].sort(), ids, 'none missing')
  t.true(limits.every((l) => l < 1000))
  const reads = log.filter((e) => e.method === 'GET' && e.path.endsWith('/entries'))
  t.true(
    reads.some((e) => e.status === 400),
    'the server refused an oversized page',
  )
  t.is(reads.at(-1)?.status, 200)
  t.true(reads.filter((e) => e.status === 400).length <= 4, 'and the adapter learnt the size')
})
