// The content sync at scale. First the whole knowledge base as it is, every page kind, through `npm run
// migrate` over the local Management face (HTTP, contentful-management): requests and writes per page for a
// first sync and a no-op re-run, and the time against a parse-only pass of the same files, measured in this
// run. Then the corpus replicated (in a temp dir, distinct file names and so distinct slugs) to ~350 and ~700
// pages, each size in its own process so its peak memory is its own: first sync and no-op re-sync times,
// writes per page, peak memory, as ratios (memory must stay flat, time linear).
// Falls back to the project's own content/ when ../shared/corpus is absent.
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import contentTypes from '../content-types/index.ts'
import { SqliteBackend } from '../src/backends/sqlite/sqlite-backend.ts'
import { parseArticleSource } from '../src/markdown/parse-article.ts'
import { toContentType } from '../src/model/define-content-type.ts'
import { startLocalServer } from '../src/server/management/local-server.ts'
import type { RequestLogEntry } from '../src/server/server.ts'
import type { SyncReport } from '../src/sync/report.ts'
import { runSync } from '../src/sync/run-sync.ts'
import { markdownFiles } from '../src/sync/source-walk.ts'
import { migrateProcess } from './migrate-process.ts'

const repo = join(import.meta.dirname, '..')
const corpusDocs = join(repo, '..', 'shared', 'corpus', 'docs')
const sourceRoot = existsSync(corpusDocs) ? corpusDocs : join(repo, 'content')
const SIZES = [350, 700]

// Offline: images the pages load from other sites (icons, badges) are answered with one small PNG, as the web
// would answer with the image, so asset processing measures the sync, not a network that is not there.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const realFetch = globalThis.fetch
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input))
  if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'file:')
    return realFetch(input, init)
  return Promise.resolve(new Response(PIXEL, { headers: { 'content-type': 'image/png' } }))
}

interface Measure {
  articles: number
  firstMs: number
  noopMs: number
  /** Baseline: parsing every file, nothing else (what a no-op sync cannot avoid). */
  parseMs: number
  firstWrites: number
  noopWrites: number
  peakRssMb: number
  peakHeapMb: number
}

if (process.argv[2] === '--child') {
  const [, , , docs, space, mode] = process.argv
  const result =
    mode === 'memory'
      ? await measureMemory(docs as string, space as string)
      : await measureOne(docs as string, space as string)
  process.stdout.write(JSON.stringify(result))
} else {
  await main()
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'kb-bench-sync-'))
  try {
    await overManagementFace(work)
    const perCopy = await pageCount(sourceRoot)
    console.log(`\nreplicated: ${relative(repo, sourceRoot)} (${perCopy} pages per copy)\n`)
    const results: Measure[] = []
    for (const size of SIZES) {
      const docs = join(work, `docs-${size}`)
      replicate(sourceRoot, docs, Math.ceil(size / perCopy))
      // Timed and measured for memory in separate processes: collecting garbage to see the retained heap
      // would slow the timed runs down.
      const child = (mode: string) => {
        const space = join(work, `space-${size}-${mode}`)
        const args = ['--import=tsx', '--expose-gc', import.meta.filename, '--child', docs, space, mode]
        const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 })
        if (run.status !== 0) throw new Error(`bench child failed: ${run.stderr}`)
        return JSON.parse(run.stdout)
      }
      const timed = child('time') as Omit<Measure, 'peakHeapMb' | 'peakRssMb'>
      const memory = child('memory') as Pick<Measure, 'peakHeapMb' | 'peakRssMb'>
      results.push({ ...timed, ...memory })
    }
    console.log(
      '| pages | parse only (baseline) | first sync | no-op re-sync | no-op / first | parse only / no-op (≥ 4×) | ' +
        'writes/page (first) | no-op writes | peak RSS | peak retained heap |',
    )
    console.log('|---|---|---|---|---|---|---|---|---|---|')
    for (const r of results)
      console.log(
        `| ${r.articles} | ${r.parseMs.toFixed(0)} ms | ${r.firstMs.toFixed(0)} ms | ${r.noopMs.toFixed(0)} ms | ` +
          `${(r.noopMs / r.firstMs).toFixed(2)}× | ${(r.parseMs / r.noopMs).toFixed(1)}× | ` +
          `${(r.firstWrites / r.articles).toFixed(1)} | ${r.noopWrites} | ${r.peakRssMb.toFixed(0)} MB | ${r.peakHeapMb.toFixed(0)} MB |`,
      )
    const [small, large] = results as [Measure, Measure]
    const n = large.articles / small.articles
    console.log(`\n${large.articles} vs ${small.articles} pages (${n.toFixed(2)}× the pages):`)
    console.log(
      `  first sync time   ${(large.firstMs / small.firstMs).toFixed(2)}×  (linear would be ${n.toFixed(2)}×)`,
    )
    console.log(`  no-op sync time   ${(large.noopMs / small.noopMs).toFixed(2)}×`)
    console.log(`  peak RSS          ${(large.peakRssMb / small.peakRssMb).toFixed(2)}×  (flat is 1.00×)`)
    console.log(`  retained heap     ${(large.peakHeapMb / small.peakHeapMb).toFixed(2)}×  (flat is 1.00×)`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

async function modelSpace(space: string): Promise<SqliteBackend> {
  const backend = SqliteBackend.open({ space })
  await backend.applyMigration(
    contentTypes.map((def) => ({ type: 'saveContentType' as const, contentType: toContentType(def) })),
    { name: '0000-bench-model', checksum: 'bench', appliedAt: new Date().toISOString() },
  )
  return backend
}

/**
 * A first sync with the heap collected at every chunk boundary (progress event), so garbage does not blur what
 * the sync keeps: that is what must stay flat as the article count grows. Peak RSS of the same process.
 */
async function measureMemory(
  docs: string,
  space: string,
): Promise<Pick<Measure, 'peakHeapMb' | 'peakRssMb'>> {
  const backend = await modelSpace(space)
  let peakHeap = 0
  const onProgress = () => {
    globalThis.gc?.()
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  }
  await runSync(backend, { source: relative(process.cwd(), docs), onProgress })
  await backend.close()
  return { peakHeapMb: peakHeap / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024 }
}

async function measureOne(docs: string, space: string): Promise<Omit<Measure, 'peakHeapMb' | 'peakRssMb'>> {
  const backend = await modelSpace(space)
  const source = relative(process.cwd(), docs)
  let t0 = performance.now()
  const first = await runSync(backend, { source })
  const firstMs = performance.now() - t0
  globalThis.gc?.()
  t0 = performance.now()
  const noop = await runSync(backend, { source })
  const noopMs = performance.now() - t0
  // Measured warm, after the syncs, so the JIT favours neither side.
  t0 = performance.now()
  for await (const file of markdownFiles(docs))
    parseArticleSource(file, readFileSync(file, 'utf8'), { docsRoot: docs })
  const parseMs = performance.now() - t0
  await backend.close()
  if (first.failed.length > 0) throw new Error(`sync failed: ${JSON.stringify(first.failed.slice(0, 3))}`)
  const created = first.articles.created + first.pages.created + first.redirects.created
  return {
    articles: created,
    firstMs,
    noopMs,
    parseMs,
    firstWrites: first.writes,
    noopWrites: noop.writes,
  }
}

async function pageCount(root: string): Promise<number> {
  let n = 0
  for await (const _ of markdownFiles(root)) n++
  return n
}

/** Every file parsed once, nothing else: the floor of any sync of them. */
async function parseOnlyMs(root: string): Promise<number> {
  const t0 = performance.now()
  for await (const file of markdownFiles(root))
    parseArticleSource(file, readFileSync(file, 'utf8'), { docsRoot: root })
  return performance.now() - t0
}

/** `npm run migrate -- --source <docs root> --json` against a local Management face; its report and time. */
const migrateOver = (host: string, token: string) =>
  migrateProcess<{ sync: SyncReport }>(sourceRoot, {
    CONTENTFUL_SPACE_ID: 'local',
    CONTENTFUL_MANAGEMENT_TOKEN: token,
    CONTENTFUL_HOST: host,
  })

/** The whole knowledge base over HTTP: requests and writes per page, first run and no-op re-run. */
async function overManagementFace(work: string): Promise<void> {
  const token = 'bench-management-token'
  const logFile = join(work, 'requests.jsonl')
  writeFileSync(logFile, '')
  const server = await startLocalServer({
    spaceDir: join(work, 'http-space'),
    managementToken: token,
    deliveryToken: 'bench-delivery',
    rateLimit: 0,
    requestLog: logFile,
  })
  const take = () => {
    const entries = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as RequestLogEntry)
    writeFileSync(logFile, '')
    return entries
  }
  try {
    const first = await migrateOver(server.hostPort, token)
    const firstLog = take()
    const again = await migrateOver(server.hostPort, token)
    const againLog = take()
    const parseMs = await parseOnlyMs(sourceRoot)
    const r = first.report.sync
    const pages = r.articles.created + r.pages.created + r.redirects.created
    console.log(`source: ${relative(repo, sourceRoot)}, over the local Management face (HTTP)`)
    console.log(
      `landed: ${pages} files — ${r.articles.created} troubleshooting articles, ${r.pages.created} pages, ` +
        `${r.redirects.created} redirects; menu: ${r.menu.created} entry, ${r.menu.items} items ` +
        `(${r.menu.missing} naming a missing file); links: ${r.links.resolved} resolved, ${r.links.unresolved} unresolved; ` +
        `skipped ${r.skipped.length}, failed ${r.failed.length}\n`,
    )
    const writeRequests = (log: RequestLogEntry[]) => log.filter((e) => e.method !== 'GET').length
    const per = (n: number) => (n / Math.max(pages, 1)).toFixed(2)
    console.log(
      '| run | requests | requests/page | write requests | entity writes | writes/page | wall | wall / parse only |',
    )
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|')
    for (const [name, run, log] of [
      ['first (migrate + sync)', first, firstLog],
      ['no-op re-run', again, againLog],
    ] as const)
      console.log(
        `| ${name} | ${log.length} | ${per(log.length)} | ${writeRequests(log)} | ${run.report.sync.writes} | ` +
          `${per(run.report.sync.writes)} | ${(run.ms / 1000).toFixed(1)} s | ${(run.ms / parseMs).toFixed(1)}× |`,
      )
    console.log(`| parse only (in process, baseline) | | | | | | ${(parseMs / 1000).toFixed(1)} s | 1.0× |`)
  } finally {
    await server.close()
  }
}

/** Copies every Markdown file `copies` times beside itself (`X.md`, `X-copy-2.md`, …), and the other files once. */
function replicate(from: string, to: string, copies: number): void {
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const src = join(dir, entry.name)
      const rel = relative(from, src)
      if (entry.isDirectory()) {
        walk(src)
        continue
      }
      mkdirSync(dirname(join(to, rel)), { recursive: true })
      if (!entry.name.endsWith('.md')) {
        copyFileSync(src, join(to, rel))
        continue
      }
      const text = readFileSync(src)
      for (let c = 1; c <= copies; c++)
        writeFileSync(join(to, c === 1 ? rel : rel.replace(/\.md$/, `-copy-${c}.md`)), text)
    }
  }
  walk(from)
}
