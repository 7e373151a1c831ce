// `npm run migrate` as a user runs it: real processes on a throwaway project folder and its embedded space.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'
import contentTypes from '../../content-types/index.ts'
import { EmbeddedSpace } from '../../src/backends/sqlite/embedded-space.ts'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { finished, runCli, startCli } from './helpers/run-cli.ts'
import { laterNumber, migrationSource, repoMigrationNames, tempProject } from './helpers/temp-project.ts'

const N = repoMigrationNames.length

async function ledgerAndModel(space: string) {
  const backend = SqliteBackend.open({ space, create: false } as never)
  try {
    return { ledger: await backend.readLedger(), model: await backend.readModel() }
  } finally {
    await backend.close()
  }
}

test('fresh space: migrate creates the model, a second run has nothing to do, check passes', async (t) => {
  const p = tempProject()
  t.teardown(p.cleanup)
  const first = await runCli([], p.root)
  t.is(first.code, 0, first.stderr)
  t.is(first.stdout, `done applied=${N} total=${N}\n`)
  t.regex(first.stderr, /^applied 0001-content-model writes=10 ms=\d+$/m)
  t.regex(first.stderr, /^applied 0002-pages-redirects-menu writes=\d+ ms=\d+$/m)
  const { ledger, model } = await ledgerAndModel(p.space)
  t.deepEqual(
    ledger.map((r) => r.name),
    repoMigrationNames,
  )
  t.is(model.contentTypes.length, contentTypes.length)

  const second = await runCli([], p.root)
  t.is(second.code, 0)
  t.is(second.stdout, `up-to-date applied=${N}\n`)
  t.is(second.stderr, '')
  t.deepEqual((await ledgerAndModel(p.space)).ledger, ledger, 'the second run wrote nothing')

  const check = await runCli(['check'], p.root)
  t.is(check.code, 0, check.stdout)
  t.regex(check.stdout, /^ok .* matches content-types\/ and migrations\/$/m)
})

test('--json prints one JSON report on stdout and nothing else', async (t) => {
  const p = tempProject()
  t.teardown(p.cleanup)
  const run = await runCli(
    ['--json', '--space', join(p.root, 'elsewhere'), '--env', 'staging', '--create-env'],
    p.root,
  )
  t.is(run.code, 0, run.stderr)
  const report = JSON.parse(run.stdout)
  t.like(report, { dryRun: false, alreadyApplied: 0, applied: repoMigrationNames })
  t.regex(report.space, /elsewhere \(staging\)$/)
  t.is(report.plans.length, N)
  t.is(report.plans[0].steps.length, 5, '0001 creates the five types of the first model')
  t.true(existsSync(join(p.root, 'elsewhere', 'staging.sqlite')), '--space and --env pick the database')
  t.false(existsSync(p.space))
  const status = await runCli(
    ['status', '--json', '--space', join(p.root, 'elsewhere'), '--env', 'staging'],
    p.root,
  )
  t.like(JSON.parse(status.stdout), { pending: [], drift: [] })
})

test('--dry-run on an empty space prints every operation and leaves the space empty', async (t) => {
  const p = tempProject()
  t.teardown(p.cleanup)
  const run = await runCli(['--dry-run'], p.root)
  t.is(run.code, 0, run.stderr)
  for (const ct of contentTypes) {
    t.regex(
      run.stdout,
      new RegExp(`^plan \\d{4}-[a-z0-9-]+ apply create content type ${ct.id} \\(\\d+ fields\\)$`, 'm'),
    )
  }
  t.regex(run.stdout, /^plan 0002-pages-redirects-menu apply edit field note\.body \(validations\)$/m)
  t.regex(run.stdout, new RegExp(`^dry-run pending=${N} writes=\\d+$`, 'm'))
  t.false(existsSync(p.space), 'nothing was created')
  // On an existing, empty space too.
  EmbeddedSpace.open({ space: p.space }).close()
  const again = await runCli(['--dry-run', '--json'], p.root)
  t.like(JSON.parse(again.stdout), { dryRun: true, applied: [] })
  const { ledger, model } = await ledgerAndModel(p.space)
  t.deepEqual(ledger, [])
  t.deepEqual(model.contentTypes, [])
})

test('check fails after a field is changed behind its back; `new` scaffolds the fix, which makes it pass', async (t) => {
  const p = tempProject()
  t.teardown(p.cleanup)
  t.is((await runCli([], p.root)).code, 0)
  const space = EmbeddedSpace.open({ space: p.space })
  const article = space.contentTypes.get('troubleshootingArticle')
  const fields = article.contentType.fields.map((f) => (f.id === 'slug' ? { ...f, required: false } : f))
  space.contentTypes.put({ ...article.contentType, fields }, article.sys.version)
  space.contentTypes.activate('troubleshootingArticle', article.sys.version + 1)
  space.close()

  const check = await runCli(['check'], p.root)
  t.is(check.code, 1)
  t.regex(
    check.stdout,
    /^drift troubleshootingArticle\.slug: required is false in the space, true in content-types\/$/m,
  )
  t.regex(check.stdout, /^not-ok /m)
  const json = await runCli(['check', '--json'], p.root)
  t.is(json.code, 1)
  t.like(JSON.parse(json.stdout), { ok: false, pending: [] })

  const created = await runCli(['new', 'restore slug rule'], p.root)
  t.is(created.code, 0, created.stderr)
  t.regex(
    created.stdout,
    new RegExp(
      `created migrations/${laterNumber()}-restore-slug-rule\\.ts with the operations that close 1 difference`,
    ),
  )
  const source = readFileSync(join(p.migrations, `${laterNumber()}-restore-slug-rule.ts`), 'utf8')
  t.regex(
    source,
    /m\.editContentType\('troubleshootingArticle'\)\s+\.editField\('slug', \{ required: true \}\)/,
  )

  const pending = await runCli(['check'], p.root)
  t.is(pending.code, 1)
  t.regex(pending.stdout, new RegExp(`^pending ${laterNumber()}-restore-slug-rule$`, 'm'))
  const applied = await runCli([], p.root)
  t.is(applied.code, 0, applied.stderr)
  t.is((await runCli(['check'], p.root)).code, 0)
})

test('two migrate processes started together: exactly one applies, the ledger holds each migration once', async (t) => {
  const p = tempProject()
  t.teardown(p.cleanup)
  const added: string[] = []
  for (let k = 1; k <= 5; k++) {
    const i = Number(laterNumber(k))
    added.push(`${laterNumber(k)}-field-${i}`)
    p.write(
      `${laterNumber(k)}-field-${i}.ts`,
      migrationSource(
        `    m.editContentType('note').createField({ id: 'extra${i}', name: 'Extra ${i}', type: 'Symbol', widget: { id: 'singleLine' }, helpText: 'Test field.' })`,
      ),
    )
  }
  const runs = await Promise.all([
    finished(startCli(['--json'], p.root)),
    finished(startCli(['--json'], p.root)),
  ])
  for (const r of runs) t.is(r.code, 0, r.stderr)
  const reports = runs.map((r) => JSON.parse(r.stdout))
  const appliers = reports.filter((r) => r.applied.length > 0)
  t.is(appliers.length, 1, 'exactly one process applied migrations')
  t.is(appliers[0].applied.length, N + 5)
  const { ledger } = await ledgerAndModel(p.space)
  t.deepEqual(
    ledger.map((r) => r.name),
    [...repoMigrationNames, ...added],
  )
})

test('kill -9 in the middle of a run leaves no half-recorded migration, and the next run finishes the job', async (t) => {
  const p = tempProject()
  t.teardown(p.cleanup)
  const count = 20
  for (let i = N + 1; i <= count; i++) {
    const n = String(i).padStart(4, '0')
    p.write(
      `${n}-field-${i}.ts`,
      migrationSource(
        `    m.editContentType('ctaBanner').createField({ id: 'extra${i}', name: 'Extra ${i}', type: 'Symbol', widget: { id: 'singleLine' }, helpText: 'Test field.' })`,
      ),
    )
  }
  // Killed by itself right after its tenth added migration (the entry point's test hook): at a point a test
  // watching its output could only race for.
  const killed = await finished(
    startCli([], p.root, { KB_CMS_MIGRATE_KILL_AFTER_MIGRATIONS: String(N + 10) }),
  )
  t.is(killed.signal, 'SIGKILL', killed.stderr)
  const after = await ledgerAndModel(p.space)
  t.is(after.ledger.length, N + 10, 'every migration applied before the kill is recorded, none after')
  // Every recorded migration's field exists, and no unrecorded one's does.
  const banner = after.model.contentTypes.find((c) => c.sys.id === 'ctaBanner')
  const extras = (banner?.active?.fields ?? []).filter((f) => f.id.startsWith('extra')).map((f) => f.id)
  t.deepEqual(
    extras,
    after.ledger.slice(N).map((r) => `extra${Number(r.name.slice(0, 4))}`),
  )
  // The dead run's lock is taken over at once (its process is gone), and the rest is applied.
  const rerun = await runCli(['--lock-wait', '2'], p.root)
  t.is(rerun.code, 0, rerun.stderr)
  t.is(rerun.stdout, `done applied=${count - after.ledger.length} total=${count}\n`)
  t.is((await ledgerAndModel(p.space)).ledger.length, count)
})

test('a lock held by a live run: the second run waits --lock-wait, then exits 1 naming the holder', async (t) => {
  const p = tempProject()
  t.teardown(p.cleanup)
  const backend = SqliteBackend.open({ space: p.space })
  const now = Date.now()
  await backend.acquireLock({
    id: 'test-holder',
    description: `tester@${(await import('node:os')).hostname()} pid ${process.pid}, migrate`,
    acquiredAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 60_000).toISOString(),
  })
  await backend.close()
  const run = await runCli(['--lock-wait', '0.5'], p.root)
  t.is(run.code, 1)
  t.regex(run.stderr, new RegExp(`^waiting lock=tester@.* pid ${process.pid}, migrate\\n`))
  t.regex(
    run.stderr,
    new RegExp(`^migrate: the space is locked by tester@.* pid ${process.pid}, migrate since .*\\n$`, 'm'),
  )
  t.deepEqual((await ledgerAndModel(p.space)).ledger, [])
})

test('errors are one line with exit 1; bad usage exits 2', async (t) => {
  const p = tempProject()
  t.teardown(p.cleanup)
  t.is((await runCli([], p.root)).code, 0)
  const path = join(p.migrations, '0001-content-model.ts')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(path, readFileSync(path, 'utf8').replace("name: 'Note'", "name: 'Callout'"))
  const edited = await runCli([], p.root)
  t.is(edited.code, 1)
  t.is(edited.stdout, '')
  t.regex(
    edited.stderr,
    /^migrate: migrations\/0001-content-model\.ts was edited after it was applied \([^\n]*\)[^\n]*\n$/,
  )

  const unknown = await runCli(['--bogus'], p.root)
  t.is(unknown.code, 2)
  t.regex(unknown.stderr, /unknown option '--bogus'/)
  const badWait = await runCli(['--lock-wait', 'soon'], p.root)
  t.is(badWait.code, 2)
  t.regex(badWait.stderr, /--lock-wait/)
  const noName = await runCli(['new'], p.root)
  t.is(noName.code, 2)
})

test('an unknown --env is an error naming it; --create-env creates it; master is created on first use', async (t) => {
  const p = tempProject()
  t.teardown(p.cleanup)
  const unknown = await runCli(['--env', 'nosuchenv', '--no-sync'], p.root)
  t.is(unknown.code, 1)
  t.regex(unknown.stderr, /environment "nosuchenv" does not exist/)
  t.regex(unknown.stderr, /--create-env/)
  t.false(existsSync(join(p.space, 'nosuchenv.sqlite')), 'nothing was created')
  const status = await runCli(['status', '--env', 'nosuchenv'], p.root)
  t.not(status.code, 0)
  t.regex(status.stderr, /nosuchenv/)

  const made = await runCli(['--env', 'nosuchenv', '--create-env', '--no-sync'], p.root)
  t.is(made.code, 0, made.stderr)
  t.true(existsSync(join(p.space, 'nosuchenv.sqlite')))
  const master = await runCli(['--no-sync'], p.root)
  t.is(master.code, 0, master.stderr)
  t.true(existsSync(join(p.space, 'master.sqlite')))
})

test('the ledger and lock types another adapter made are not drift for status, check or new', async (t) => {
  const p = tempProject()
  t.teardown(p.cleanup)
  t.is((await runCli(['--no-sync'], p.root)).code, 0)
  // What migrate through the SDK against the served space leaves: the Contentful adapter's bookkeeping types.
  const space = EmbeddedSpace.open({ space: p.space, env: 'master', create: false })
  for (const [id, field] of [
    ['kbCmsMigration', 'name'],
    ['kbCmsLock', 'holderId'],
  ] as const) {
    const ct = space.contentTypes.put({
      id,
      name: id,
      displayField: field,
      fields: [{ id: field, name: field, type: 'Symbol', required: false, localized: false }],
    })
    space.contentTypes.activate(id, ct.sys.version)
  }
  space.close()
  const check = await runCli(['check'], p.root)
  t.is(check.code, 0, check.stdout + check.stderr)
  t.false(/kbCms/.test(check.stdout + check.stderr))
  const status = await runCli(['status', '--json'], p.root)
  t.deepEqual(JSON.parse(status.stdout).drift, [])
  const scaffold = await runCli(['new', 'nothing'], p.root)
  t.false(/kbCms/.test(scaffold.stdout + scaffold.stderr))
})
