// The sync through the Contentful adapter (contentful-management over HTTP) against the embedded space's local
// Management face: what goes over the wire, and the sync surviving dropped and failed requests.
import { join, relative } from 'node:path'
import test, { type ExecutionContext } from 'ava'
import { connect } from '../../src/backends/contentful/client.ts'
import { ContentfulBackend } from '../../src/backends/contentful/contentful-backend.ts'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { contentfulConfig, describeConfig } from '../../src/config/contentful-config.ts'
import { startLocalServer } from '../../src/server/management/local-server.ts'
import type { RequestLogEntry } from '../../src/server/server.ts'
import { runSync } from '../../src/sync/run-sync.ts'
import { article, image } from './helpers/articles.ts'
import { jsonParse, sampleImages, writeJsonDocs } from './helpers/json-docs.ts'
import { modelSpace, tempDir } from './helpers/space.ts'
import { readSpace, snapshot, spaceProblems } from './helpers/space-check.ts'

const TOKEN = 'management-token-for-sync-tests'

function articles() {
  const pngs = sampleImages()
  return Array.from({ length: 8 }, (_, i) =>
    article(`remote-${i}`, {
      images: [image(`assets/${pngs[i % pngs.length]}`)],
      related: [{ title: 'next', href: `../remote-${(i + 1) % 8}/` }],
    }),
  )
}

async function setup(
  t: ExecutionContext,
  faults: { faultRatio?: number; faultSeed?: number } = {},
  docs?: string,
) {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const spaceDir = join(dir, 'space')
  await (await modelSpace(spaceDir)).close()
  const docsDir = docs ?? join(dir, 'docs')
  if (!docs) writeJsonDocs(docsDir, articles())
  const log: RequestLogEntry[] = []
  const server = await startLocalServer({
    spaceDir,
    managementToken: TOKEN,
    deliveryToken: 'delivery',
    requestLog: (e) => log.push(e),
    ...faults,
  })
  t.teardown(() => server.close())
  const open = () => {
    const config = contentfulConfig({
      CONTENTFUL_SPACE_ID: 'local',
      CONTENTFUL_MANAGEMENT_TOKEN: TOKEN,
      CONTENTFUL_HOST: server.hostPort,
    })
    if (!config) throw new Error('no config')
    return new ContentfulBackend(connect(config, { maxAttempts: 8 }), describeConfig(config))
  }
  const source = relative(process.cwd(), docsDir)
  return {
    docsDir,
    spaceDir,
    log,
    open,
    sync: (backend: ContentfulBackend) => runSync(backend, { source, parse: jsonParse }),
  }
}

test('over HTTP: a first sync writes, a no-op re-sync sends only reads, in pages', async (t) => {
  const { spaceDir, log, open, sync } = await setup(t)
  const backend = open()
  const first = await sync(backend)
  t.deepEqual(first.failed, [])
  t.is(first.articles.created, 8)
  log.length = 0
  const second = await sync(backend)
  await backend.close()
  t.is(second.writes, 0)
  t.deepEqual(
    log.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`),
    [],
  )
  // 8 articles × (article + resolution + 2 steps + note) = 40 entries: read in a handful of requests.
  const entryReads = log.filter((e) => /\/entries(\?|$)/.test(e.path))
  t.true(entryReads.length <= 10, `${entryReads.length} entry list requests`)
  t.false(
    log.some((e) => /\/entries\/[^/?]+$/.test(e.path)),
    'no request per entry',
  )

  const local = SqliteBackend.open({ space: spaceDir })
  t.deepEqual(spaceProblems(await readSpace(local)), [])
  await local.close()
})

test('over HTTP with 10% of requests failing or dropped: re-runs converge on the clean space', async (t) => {
  const clean = await setup(t)
  const cleanBackend = clean.open()
  await clean.sync(cleanBackend)
  await cleanBackend.close()
  const local = SqliteBackend.open({ space: clean.spaceDir })
  const expected = snapshot(await readSpace(local))
  await local.close()

  // The same docs (sourcePath is part of what is written), another space, a faulty wire.
  const faulty = await setup(t, { faultRatio: 0.1, faultSeed: 7 }, clean.docsDir)
  const backend = faulty.open()
  let report = await faulty.sync(backend)
  let runs = 1
  for (; runs < 4 && report.failed.length > 0; runs++) report = await faulty.sync(backend)
  t.deepEqual(report.failed, [])
  t.true(faulty.log.filter((e) => e.fault).length >= 5, 'faults were injected')
  t.log(`runs needed: ${runs}; faults injected: ${faulty.log.filter((e) => e.fault).length}`)
  t.is((await faulty.sync(backend)).writes, 0)
  await backend.close()
  const space = SqliteBackend.open({ space: faulty.spaceDir })
  const contents = await readSpace(space)
  await space.close()
  t.deepEqual(spaceProblems(contents), [])
  t.deepEqual(snapshot(contents), expected)
})
