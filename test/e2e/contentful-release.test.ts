// The release flow over HTTP (the local server and `npm run migrate`'s entry function in this process; the
// real-process runs over HTTP are test/e2e/contentful.test.ts): `npm run migrate -- --release` clones the environment the
// `master` alias points at, migrates and syncs the clone, verifies it, and repoints the alias; the previous
// environment is kept, and `--rollback` points the alias back at it. Reads go through the alias, as a site's
// would. Uses the project's own sample knowledge base (content/), so it runs with or without the corpus.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { startLocalServer } from '../../src/server/management/local-server.ts'
import { runInProcess } from '../helpers/run-in-process.ts'

const repo = join(import.meta.dirname, '..', '..')
const TOKEN = 'release-test-management-token'
const root = mkdtempSync(join(tmpdir(), 'kb-cms-release-'))
test.after.always(() => rmSync(root, { recursive: true, force: true }))

function migrate(args: string[], host: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return runInProcess('migrate', ['--source', 'content', ...args], {
    cwd: repo,
    env: { CI: '1', CONTENTFUL_SPACE_ID: 'local', CONTENTFUL_MANAGEMENT_TOKEN: TOKEN, CONTENTFUL_HOST: host },
  }).then((r) => ({ code: r.code ?? -1, stdout: r.stdout, stderr: r.stderr }))
}

test('--release moves the alias to a migrated, synced clone; --rollback moves it back', async (t) => {
  t.timeout(4 * 60_000)
  const server = await startLocalServer({
    spaceDir: join(root, 'space'),
    managementToken: TOKEN,
    deliveryToken: 'd',
  })
  t.teardown(() => server.close())
  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`http://${server.hostPort}/spaces/local${path}`, {
      ...init,
      headers: { authorization: `Bearer ${TOKEN}`, ...(init.headers as Record<string, string>) },
    })
    return {
      status: res.status,
      body: (await res.json()) as {
        items?: unknown[]
        total?: number
        sys?: unknown
        environment?: { sys: { id: string } }
      },
    }
  }

  // A model without content: the release brings the articles.
  const first = await migrate(['--no-sync'], server.hostPort)
  t.is(first.code, 0, first.stderr)
  t.is((await api('/environments/master/entries?content_type=troubleshootingArticle')).body.total, 0)

  const released = await migrate(['--release'], server.hostPort)
  t.is(released.code, 0, released.stderr)
  const result = JSON.parse(released.stdout.trim().split('\n').at(-1) as string)
  t.is(result.alias, 'master')
  t.is(result.previous, 'master')
  t.regex(result.environment, /^master-\d{4}-\d\d-\d\d-/)
  t.regex(released.stderr, /verifying/)

  const alias = await api('/environment_aliases/master')
  t.is(alias.body.environment?.sys.id, result.environment)
  const viaAlias =
    (await api('/environments/master/entries?content_type=troubleshootingArticle')).body.total ?? 0
  t.true(viaAlias > 0, 'the alias now serves the synced articles')
  const envs = (await api('/environments')).body.items as { sys: { id: string } }[]
  t.true(envs.some((e) => e.sys.id === result.environment))

  const back = await migrate(['--rollback'], server.hostPort)
  t.is(back.code, 0, back.stderr)
  t.is((await api('/environment_aliases/master')).body.environment?.sys.id, 'master')
  t.is(
    (await api('/environments/master/entries?content_type=troubleshootingArticle')).body.total,
    0,
    'the previous environment, untouched',
  )
  t.is(
    (await api(`/environments/${result.environment}/entries?content_type=troubleshootingArticle`)).body.total,
    viaAlias,
    'the released one is kept',
  )
})

test('--release without a Contentful space is one line saying what to set', async (t) => {
  const result = await runInProcess('migrate', ['--release'], {
    cwd: repo,
    env: { CONTENTFUL_SPACE_ID: undefined, CONTENTFUL_MANAGEMENT_TOKEN: undefined },
  })
  t.is(result.code, 1, result.stderr)
  t.is(result.stderr.trim().split('\n').length, 1, result.stderr)
  t.regex(result.stderr, /CONTENTFUL_SPACE_ID and CONTENTFUL_MANAGEMENT_TOKEN/)
})
