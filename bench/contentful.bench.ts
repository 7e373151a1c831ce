import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalServer } from '../src/server/management/local-server.ts'
import type { RequestLogEntry } from '../src/server/server.ts'
import { migrateProcess } from './migrate-process.ts'

const repo = join(import.meta.dirname, '..')
const corpus = join(repo, '..', 'shared', 'corpus', 'docs')
const source = existsSync(corpus) ? corpus : join(repo, 'content')
const TOKEN = 'bench-management-token'
const dir = mkdtempSync(join(tmpdir(), 'kb-bench-contentful-'))

const migrate = (host: string) =>
  migrateProcess<{ sync: { articles: { created: number; updated: number; unchanged: number } } }>(source, {
    CONTENTFUL_SPACE_ID: 'local',
    CONTENTFUL_MANAGEMENT_TOKEN: TOKEN,
    CONTENTFUL_HOST: host,
  })

async function withServer<T>(
  name: string,
  rateLimit: number,
  fn: (host: string, log: () => RequestLogEntry[]) => Promise<T>,
) {
  const file = join(dir, `${name}.jsonl`)
  writeFileSync(file, '')
  const server = await startLocalServer({
    spaceDir: join(dir, name),
    managementToken: TOKEN,
    deliveryToken: 'bench-delivery',
    rateLimit,
    requestLog: file,
  })
  const log = () =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as RequestLogEntry)
  try {
    return await fn(server.hostPort, () => {
      const entries = log()
      writeFileSync(file, '')
      return entries
    })
  } finally {
    await server.close()
  }
}

const writesOf = (log: RequestLogEntry[]) => log.filter((e) => e.method !== 'GET').length

try {
  console.log(`source: ${source}`)
  // 1. Requests per article, server unlimited.
  const counts = await withServer('unlimited', 0, async (host, take) => {
    const first = await migrate(host)
    const firstLog = take()
    const again = await migrate(host)
    const againLog = take()
    return { first, firstLog, again, againLog }
  })
  const articles = counts.first.report.sync.articles.created + counts.first.report.sync.articles.updated
  const per = (n: number) => (n / Math.max(articles, 1)).toFixed(1)
  console.log(`articles synced: ${articles}`)
  console.log('| run | requests | writes | requests/article | wall |')
  console.log('|---|---:|---:|---:|---:|')
  console.log(
    `| first (migrate + sync) | ${counts.firstLog.length} | ${writesOf(counts.firstLog)} | ${per(counts.firstLog.length)} | ${(counts.first.ms / 1000).toFixed(1)} s |`,
  )
  console.log(
    `| no-op re-run | ${counts.againLog.length} | ${writesOf(counts.againLog)} | ${per(counts.againLog.length)} | ${(counts.again.ms / 1000).toFixed(1)} s |`,
  )

  // 2. The first sync under 7 requests/second against its floor.
  const limited = await withServer('seven', 7, async (host, take) => {
    const first = await migrate(host)
    return { first, log: take() }
  })
  const served = limited.log.filter((e) => e.status !== 429)
  const floor = served.length / 7
  const start = Date.parse(limited.log[0]?.t ?? '0')
  const last = limited.log.at(-1) as RequestLogEntry
  const span = (Date.parse(last.t) + last.ms - start) / 1000
  const whole = limited.first.ms / 1000
  console.log(
    `\nfirst run at 7/s: ${served.length} requests answered, ${limited.log.length - served.length} × 429`,
  )
  console.log('| measure | seconds | ratio to requests ÷ 7 |')
  console.log('|---|---:|---:|')
  console.log(`| floor (requests ÷ 7) | ${floor.toFixed(1)} | 1.00× |`)
  console.log(`| API activity (first to last request) | ${span.toFixed(1)} | ${(span / floor).toFixed(2)}× |`)
  console.log(`| whole process (start-up included) | ${whole.toFixed(1)} | ${(whole / floor).toFixed(2)}× |`)
  console.log(`target ≤ 1.2× on API activity: ${span / floor <= 1.2 ? 'met' : 'NOT met'}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
