// End to end over HTTP, with real processes: `npm run serve` with 20% injected faults (500s, dropped
// connections, and writes whose response is lost), and `npm run migrate` driving the real SDK against it. The
// pacing is the server's --rate-limit, an option: a limit the client must learn from the response headers and
// keep to for the project's content/ (50/s: at Contentful's 7/s its ~210 requests would take half a minute, and
// the 7/s behaviour itself is tested once, in test/backends/contentful.test.ts), none for a sample of the
// development corpus (the whole corpus: `npm run bench -- corpus-over-http`). The space it builds must hold
// exactly what the same command builds in an embedded space without HTTP (nothing lost, nothing duplicated), and
// a second run must only read.
import type { ChildProcess } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import test, { type ExecutionContext } from 'ava'
import { startLocalServer } from '../../src/server/management/local-server.ts'
import type { RequestLogEntry } from '../../src/server/server.ts'
import { corpusDir, corpusDocs, corpusTest } from '../helpers/corpus.ts'
import { listeningHost, runScript, startScript } from '../helpers/run-command.ts'
import { runInProcess } from '../helpers/run-in-process.ts'
import { sortedById, spaceContents } from '../helpers/space-contents.ts'

const repo = join(import.meta.dirname, '..', '..')
const content = join(repo, 'content')
const TOKEN = 'e2e-management-token-not-printed-anywhere'

const root = mkdtempSync(join(tmpdir(), 'kb-cms-e2e-'))
test.after.always(() => rmSync(root, { recursive: true, force: true }))

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const [script = '', ...rest] = args
  return runScript(join(repo, script), rest, { cwd: repo, env: { CI: '1', ...env } }).then((r) => ({
    code: r.code ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
  }))
}

async function serve(
  spaceDir: string,
  log: string,
  rateLimit = 7,
): Promise<{ child: ChildProcess; host: string }> {
  const child = startScript(
    'serve',
    ['--space', spaceDir, '--port', '0', '--rate-limit', String(rateLimit)],
    {
      cwd: repo,
      env: {
        KB_CMS_MANAGEMENT_TOKEN: TOKEN,
        KB_CMS_DELIVERY_TOKEN: 'e2e-delivery',
        KB_CMS_FAULT_RATIO: '0.2',
        KB_CMS_FAULT_SEED: '20261129',
        KB_CMS_REQUEST_LOG: log,
      },
    },
  )
  const host = await listeningHost(child)
  return { child, host }
}

const readLog = (file: string): RequestLogEntry[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))

/** migrate over HTTP builds what the embedded space builds, and a re-run only reads. */
async function sameSpaceOverHttp(t: ExecutionContext, name: string, source: string, rateLimit: number) {
  t.timeout(8 * 60_000)
  const reference = join(root, `reference-${name}`)
  const served = join(root, `served-${name}`)
  const log = join(root, `requests-${name}.jsonl`)
  writeFileSync(log, '')

  const ref = await run(['scripts/migrate.ts', '--space', reference, '--source', source], {})
  t.is(ref.code, 0, ref.stderr)

  const { child, host } = await serve(served, log, rateLimit)
  t.teardown(() => child.kill())
  const contentful = {
    CONTENTFUL_SPACE_ID: 'local',
    CONTENTFUL_MANAGEMENT_TOKEN: TOKEN,
    CONTENTFUL_HOST: host,
  }
  const started = Date.now()
  const first = await run(['scripts/migrate.ts', '--source', source, '--json'], contentful)
  const seconds = (Date.now() - started) / 1000
  t.is(first.code, 0, first.stderr)
  t.false(`${first.stdout}${first.stderr}`.includes(TOKEN), 'the token is never printed')
  const firstLog = readLog(log)
  const faults = firstLog.filter((e) => e.fault).length
  const limited = firstLog.filter((e) => e.status === 429).length
  t.log(
    `first run: ${firstLog.length} requests in ${seconds.toFixed(1)} s, ${faults} faults, ${limited} × 429`,
  )
  t.true(faults > 0, 'faults were injected')

  // Nothing lost, nothing duplicated: entry for entry, field for field, what the embedded run built.
  const want = spaceContents(reference)
  const got = spaceContents(served)
  t.true(want.entries.size > 0)
  t.deepEqual(sortedById(got.entries), sortedById(want.entries))
  t.deepEqual(sortedById(got.assets), sortedById(want.assets))

  writeFileSync(log, '')
  const second = await run(['scripts/migrate.ts', '--source', source, '--json'], contentful)
  t.is(second.code, 0, second.stderr)
  const secondLog = readLog(log)
  const writes = secondLog.filter((e) => e.method !== 'GET')
  t.log(`second run: ${secondLog.length} requests, ${writes.length} not GET`)
  if (writes.length) {
    // Say what the re-run changed, field by field, to tell a sync that is not deterministic from lost writes.
    const after = spaceContents(served)
    for (const [id, before] of got.entries) {
      const now = after.entries.get(id) as { fields: Record<string, unknown> }
      const old = before as { fields: Record<string, unknown> }
      for (const k of new Set([...Object.keys(old.fields), ...Object.keys(now.fields)])) {
        const a = JSON.stringify(old.fields[k])
        const b = JSON.stringify(now.fields[k])
        if (a !== b) t.log(`${id}.${k}: ${a?.slice(0, 300)} → ${b?.slice(0, 300)}`)
      }
    }
  }
  t.deepEqual(writes, [], 'a re-run only reads')
  t.true(secondLog.length > 0)
  t.is(JSON.parse(second.stdout).sync.writes, 0)
}

/** Requests per second the server allows in the rate-limited run. */
const RATE_LIMIT = 50

test(`npm run migrate over HTTP at ${RATE_LIMIT}/s with 20% faults: the same space as without HTTP, and a re-run only reads`, (t) =>
  sameSpaceOverHttp(t, 'content', content, RATE_LIMIT))

/**
 * A few files of each kind from the development corpus (its dev-set.tsv order) with its mkdocs.yml, in a temp
 * docs root: its markup and its nav, at a size that keeps the suite quick. The whole corpus over HTTP with the
 * same faults is `npm run bench -- corpus-over-http`.
 */
function corpusSample(): string {
  const docs = join(root, 'corpus-sample', 'docs')
  const rows = readFileSync(join(corpusDir, 'dev-set.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split('\t') as [string, string])
  const take = { troubleshooting: 4, other: 2, redirect: 2 } as Record<string, number>
  for (const [file, kind] of rows) {
    if (!take[kind]) continue
    take[kind]--
    mkdirSync(dirname(join(docs, file)), { recursive: true })
    copyFileSync(join(corpusDocs, file), join(docs, file))
  }
  copyFileSync(join(corpusDir, 'mkdocs.yml'), join(root, 'corpus-sample', 'mkdocs.yml'))
  return docs
}

corpusTest(test)(
  'a sample of the development corpus over HTTP, unpaced, with 20% faults: the same space, and a re-run only reads',
  (t) => sameSpaceOverHttp(t, 'corpus', corpusSample(), 0),
)

// The token checks need no faults and no process of their own: the local server and the command's entry
// function in this process (the message is the entry function's; the real processes are the runs above).
async function tokenServer(
  t: ExecutionContext,
  name: string,
): Promise<{ host: string; log: RequestLogEntry[] }> {
  const log: RequestLogEntry[] = []
  const server = await startLocalServer({
    spaceDir: join(root, name),
    managementToken: TOKEN,
    deliveryToken: 'e2e-delivery',
    requestLog: (entry) => log.push(entry),
  })
  t.teardown(() => server.close())
  return { host: server.hostPort, log }
}

test('a Delivery token given as CONTENTFUL_MANAGEMENT_TOKEN stops npm run sync with one line, before any write', async (t) => {
  const { host, log } = await tokenServer(t, 'delivery-token')
  const result = await runInProcess('sync', ['--source', content], {
    env: {
      CI: '1',
      CONTENTFUL_SPACE_ID: 'local',
      CONTENTFUL_MANAGEMENT_TOKEN: 'e2e-delivery',
      CONTENTFUL_HOST: host,
    },
  })
  t.is(result.code, 1)
  const lines = result.stderr.trim().split('\n')
  t.is(lines.length, 1, result.stderr)
  t.regex(
    lines[0] ?? '',
    /^sync: CONTENTFUL_MANAGEMENT_TOKEN was rejected by .* \(401 AccessTokenInvalid\): it is not a Content Management token/,
  )
  t.false(`${result.stdout}${result.stderr}`.includes('e2e-delivery'))
  // One request, the token check: no reads that come back empty, no writes that fail one by one.
  t.deepEqual(
    log.map((e) => `${e.method} ${e.status}`),
    ['GET 401'],
  )
})

test('a rejected token stops npm run migrate with one line naming the variable', async (t) => {
  const { host } = await tokenServer(t, 'token')
  const wrong = 'wrong-token-value-0987654321'
  const result = await runInProcess('migrate', ['--source', content], {
    env: { CI: '1', CONTENTFUL_SPACE_ID: 'local', CONTENTFUL_MANAGEMENT_TOKEN: wrong, CONTENTFUL_HOST: host },
  })
  t.is(result.code, 1)
  const lines = result.stderr.trim().split('\n')
  t.is(lines.length, 1, result.stderr)
  t.regex(lines[0] ?? '', /CONTENTFUL_MANAGEMENT_TOKEN was rejected/)
  t.false(`${result.stdout}${result.stderr}`.includes(wrong.slice(-5)))

  const missing = await runInProcess('migrate', ['--source', content], {
    env: { CI: '1', CONTENTFUL_SPACE_ID: 'local' },
  })
  t.is(missing.code, 1)
  t.regex(missing.stderr.trim(), /^migrate: CONTENTFUL_MANAGEMENT_TOKEN is not set/)
  t.is(missing.stderr.trim().split('\n').length, 1)
})
