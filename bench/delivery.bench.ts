// Delivery API throughput: requests per second for one article with `include: 2` (the site's query), from
// concurrent keep-alive clients on loopback, against a static file (the stylesheet) served by the same process
// in the same run. Each phase is bounded in request count and in time. Also: the first request after a write
// (the snapshot is rebuilt), against a warm one; the Sync API (initial sync, one-entry delta) and an Images
// API transform (made, then cached), as latency ratios against the same static file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import contentTypes from '../content-types/index.ts'
import { EmbeddedSpace } from '../src/backends/sqlite/embedded-space.ts'
import { SqliteBackend } from '../src/backends/sqlite/sqlite-backend.ts'
import { toContentType } from '../src/model/define-content-type.ts'
import { startServer } from '../src/server/server.ts'
import { runSync } from '../src/sync/run-sync.ts'

const CLIENTS = 16
const MAX_REQUESTS = 4000
const MAX_MS = 3000
const TOKEN = 'bench-delivery-token'
const repo = join(import.meta.dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'kb-bench-delivery-'))

interface Phase {
  rps: number
  p50: number
  p95: number
  requests: number
}

/** CLIENTS loops issuing one request after another until `maxRequests` are done or `maxMs` has passed. */
async function phase(
  url: string,
  headers: Record<string, string>,
  maxRequests = MAX_REQUESTS,
  maxMs = MAX_MS,
): Promise<Phase> {
  const latencies: number[] = []
  let issued = 0
  const started = performance.now()
  const client = async () => {
    while (issued < maxRequests && performance.now() - started < maxMs) {
      issued++
      const t0 = performance.now()
      const response = await fetch(url, { headers })
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`)
      await response.arrayBuffer()
      latencies.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client))
  const elapsed = performance.now() - started
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] as number
  return { rps: (latencies.length / elapsed) * 1000, p50: at(0.5), p95: at(0.95), requests: latencies.length }
}

try {
  const backend = SqliteBackend.open({ space: dir })
  await backend.applyMigration(
    contentTypes.map((ct) => ({ type: 'saveContentType' as const, contentType: toContentType(ct) })),
    { name: 'bench-model', checksum: 'bench', appliedAt: new Date().toISOString() },
  )
  await runSync(backend, { source: join(repo, 'content') })
  const article = (await backend.getEntries({ contentTypeId: 'troubleshootingArticle', limit: 1 })).items[0]
  const slug = article?.fields.slug?.['en-US'] as string
  if (!slug) throw new Error('no article was synced from content/')

  const open = new Map<string, EmbeddedSpace>()
  const server = await startServer({
    registry: {
      resolve: (env) => env,
      open: (env) => {
        const space = open.get(env) ?? EmbeddedSpace.open({ space: dir, env, create: false })
        open.set(env, space)
        return space
      },
      close: () => {
        for (const s of open.values()) s.close()
      },
    },
    managementToken: 'bench-management-token',
    deliveryToken: TOKEN,
  })
  const base = `http://${server.hostPort}`
  const deliveryUrl = `${base}/spaces/local/environments/master/entries?content_type=troubleshootingArticle&fields.slug=${slug}&include=2`
  const auth = { authorization: `Bearer ${TOKEN}` }
  const staticUrl = `${base}/site.css`

  // Warm both paths (snapshot built, sockets open), then measure interleaved twice and keep the better run.
  await phase(staticUrl, {}, 200, 1000)
  await phase(deliveryUrl, auth, 200, 1000)
  const runs = [
    [await phase(staticUrl, {}), await phase(deliveryUrl, auth)],
    [await phase(staticUrl, {}), await phase(deliveryUrl, auth)],
  ]
  const best = (i: 0 | 1) => runs.map((r) => r[i] as Phase).sort((a, b) => b.rps - a.rps)[0] as Phase
  const stat = best(0)
  const delivery = best(1)

  // Cold: the first Delivery request after a publish rebuilds the snapshot from SQLite.
  const cold: number[] = []
  const warm: number[] = []
  for (let i = 0; i < 10; i++) {
    const e = (await backend.getEntries({ contentTypeId: 'troubleshootingArticle', limit: 1 })).items[0]
    if (!e) break
    const next = await backend.putEntry(
      { id: e.sys.id, contentTypeId: 'troubleshootingArticle', fields: e.fields },
      e.sys.version,
    )
    await backend.publish([{ linkType: 'Entry', id: next.sys.id, version: next.sys.version }])
    for (const bucket of [cold, warm]) {
      const t0 = performance.now()
      await (await fetch(deliveryUrl, { headers: auth })).arrayBuffer()
      bucket.push(performance.now() - t0)
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

  const snapshotSize = (await backend.getEntries({ limit: 0 })).total
  console.log(
    `${CLIENTS} keep-alive clients on loopback, ≤${MAX_REQUESTS} requests or ≤${MAX_MS} ms per phase;`,
  )
  console.log(`article "${slug}" with include=2, from a space of ${snapshotSize} entries.\n`)
  console.log('| case | requests/s | p50 | p95 | ratio |')
  console.log('|---|---|---|---|---|')
  const line = (name: string, p: Phase, ratio: string) =>
    console.log(
      `| ${name} | ${p.rps.toFixed(0)} | ${p.p50.toFixed(2)} ms | ${p.p95.toFixed(2)} ms | ${ratio} |`,
    )
  line('static file (/site.css), baseline', stat, '1.00×')
  line('Delivery: article, include=2', delivery, `${(delivery.rps / stat.rps).toFixed(2)}× of static`)
  console.log(
    `\nfirst request after a publish (snapshot rebuilt): ${median(cold).toFixed(2)} ms median, ` +
      `${(median(cold) / median(warm)).toFixed(2)}× a warm request (${median(warm).toFixed(2)} ms)`,
  )

  // Sync API: a full initial sync (every page, following nextPageUrl), then a one-entry delta, against the
  // static file's median latency.
  const syncBase = `${base}/spaces/local/environments/master/sync`
  const syncAll = async (first: string) => {
    let next: string | undefined = first
    let items = 0
    let token = ''
    while (next) {
      const page = (await (await fetch(next, { headers: auth })).json()) as {
        items: unknown[]
        nextPageUrl?: string
        nextSyncUrl?: string
      }
      items += page.items.length
      next = page.nextPageUrl
      token = page.nextSyncUrl ?? token
    }
    return { items, token }
  }
  const staticMs: number[] = []
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now()
    await (await fetch(staticUrl)).arrayBuffer()
    staticMs.push(performance.now() - t0)
  }
  const initialMs: number[] = []
  let synced = { items: 0, token: '' }
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    synced = await syncAll(`${syncBase}?initial=true&limit=1000`)
    initialMs.push(performance.now() - t0)
  }
  const initialItems = synced.items
  const deltaMs: number[] = []
  for (let i = 0; i < 5; i++) {
    const e = (await backend.getEntries({ contentTypeId: 'troubleshootingArticle', limit: 1 })).items[0]
    if (!e) break
    const next = await backend.putEntry(
      { id: e.sys.id, contentTypeId: 'troubleshootingArticle', fields: e.fields },
      e.sys.version,
    )
    await backend.publish([{ linkType: 'Entry', id: next.sys.id, version: next.sys.version }])
    const t0 = performance.now()
    const delta = await syncAll(synced.token)
    deltaMs.push(performance.now() - t0)
    if (delta.items !== 1) throw new Error(`a one-entry delta answered ${delta.items} items`)
    synced = delta
  }

  // Images API: a 1600×1000 PNG resized to webp, first (made) and again (cached).
  const space = open.get('master') ?? EmbeddedSpace.open({ space: dir, env: 'master', create: false })
  const sharp = (await import('sharp')).default
  const png = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer()
  const upload = space.uploads.create(png)
  const created = space.assets.put({
    id: 'bench-image',
    fields: {
      title: { 'en-US': 'bench' },
      file: {
        'en-US': {
          fileName: 'bench.png',
          contentType: 'image/png',
          uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } },
        },
      },
    },
  })
  const processed = await space.assets.process('bench-image', created.sys.version)
  const live = space.assets.publish('bench-image', processed.sys.version)
  const imageUrl = `${base}${live.fields.file?.['en-US']?.url}`
  const made: number[] = []
  const cached: number[] = []
  for (let i = 0; i < 8; i++) {
    const url = `${imageUrl}?w=${400 + i}&fm=webp&q=70`
    for (const bucket of [made, cached]) {
      const t0 = performance.now()
      const r = await fetch(url)
      if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`)
      await r.arrayBuffer()
      bucket.push(performance.now() - t0)
    }
  }
  const s0 = median(staticMs)
  console.log('\n| case | median | ratio to a static file request |')
  console.log('|---|---|---|')
  console.log(`| static file (/site.css), baseline | ${s0.toFixed(2)} ms | 1.00× |`)
  console.log(
    `| Sync API: initial sync, ${initialItems} items, every page | ${median(initialMs).toFixed(2)} ms | ${(median(initialMs) / s0).toFixed(1)}× |`,
  )
  console.log(
    `| Sync API: one-entry delta | ${median(deltaMs).toFixed(2)} ms | ${(median(deltaMs) / s0).toFixed(1)}× |`,
  )
  console.log(
    `| Images API: 1600×1000 PNG → w=400 webp, made | ${median(made).toFixed(2)} ms | ${(median(made) / s0).toFixed(1)}× |`,
  )
  console.log(
    `| Images API: same, cached | ${median(cached).toFixed(2)} ms | ${(median(cached) / s0).toFixed(1)}× |`,
  )
  await server.close()
  await backend.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
