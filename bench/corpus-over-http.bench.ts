import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { startLocalServer } from '../src/server/management/local-server.ts'
import type { RequestLogEntry } from '../src/server/server.ts'
import { sortedById, spaceContents } from '../test/helpers/space-contents.ts'
import { migrateProcess } from './migrate-process.ts'

const repo = join(import.meta.dirname, '..')
const corpus = join(repo, '..', 'shared', 'corpus', 'docs')
const source = existsSync(corpus) ? corpus : join(repo, 'content')
const TOKEN = 'bench-management-token'
const work = mkdtempSync(join(tmpdir(), 'kb-bench-corpus-http-'))

/** `npm run migrate` over the given environment; its report, stderr and wall time. */
const migrate = (more: string[], env: Record<string, string>) =>
  migrateProcess<{ sync: { writes: number } }>(source, env, more)

let failed = false
function check(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failed = true
}

try {
  const reference = join(work, 'reference')
  const embedded = await migrate(['--space', reference], {
    CONTENTFUL_SPACE_ID: '',
    CONTENTFUL_MANAGEMENT_TOKEN: '',
  })

  const logFile = join(work, 'requests.jsonl')
  writeFileSync(logFile, '')
  const served = join(work, 'served')
  const server = await startLocalServer({
    spaceDir: served,
    managementToken: TOKEN,
    deliveryToken: 'bench-delivery',
    rateLimit: 0,
    faultRatio: 0.2,
    faultSeed: 20261129,
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
  const contentful = {
    CONTENTFUL_SPACE_ID: 'local',
    CONTENTFUL_MANAGEMENT_TOKEN: TOKEN,
    CONTENTFUL_HOST: server.hostPort,
  }
  try {
    const first = await migrate([], contentful)
    const firstLog = take()
    const again = await migrate([], contentful)
    const againLog = take()

    console.log(`source: ${relative(repo, source)}; over HTTP with 20% faults (seed 20261129), unpaced\n`)
    console.log('| run | requests | faults | not GET | entity writes | wall | wall / embedded run |')
    console.log('|---|---:|---:|---:|---:|---:|---:|')
    for (const [name, run, log] of [
      ['embedded (baseline)', embedded, [] as RequestLogEntry[]],
      ['first over HTTP', first, firstLog],
      ['re-run over HTTP', again, againLog],
    ] as const)
      console.log(
        `| ${name} | ${log.length} | ${log.filter((e) => e.fault).length} | ` +
          `${log.filter((e) => e.method !== 'GET').length} | ${run.report.sync.writes} | ` +
          `${(run.ms / 1000).toFixed(1)} s | ${(run.ms / embedded.ms).toFixed(2)}× |`,
      )
    console.log('')

    const want = spaceContents(reference)
    const got = spaceContents(served)
    check(
      firstLog.some((e) => e.fault),
      'faults were injected',
    )
    check(!`${first.stderr}${again.stderr}`.includes(TOKEN), 'the token is never printed')
    check(want.entries.size > 0, `the embedded run built ${want.entries.size} entries`)
    check(
      isDeepStrictEqual(sortedById(got.entries), sortedById(want.entries)),
      'over HTTP: the same entries, field for field, as the embedded run',
    )
    check(isDeepStrictEqual(sortedById(got.assets), sortedById(want.assets)), 'the same assets')
    check(againLog.every((e) => e.method === 'GET') && again.report.sync.writes === 0, 'a re-run only reads')
  } finally {
    await server.close()
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
if (failed) process.exitCode = 1
