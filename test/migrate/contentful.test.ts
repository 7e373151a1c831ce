// The runner against the Contentful adapter: the real contentful-management SDK over HTTP against the local
// Management face. The same migrations, the same idempotence, and renames/deletes as Contentful does them.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import contentTypes from '../../content-types/index.ts'
import { connect } from '../../src/backends/contentful/client.ts'
import { ContentfulBackend } from '../../src/backends/contentful/contentful-backend.ts'
import { countingBackend } from '../../src/migrate/counting-backend.ts'
import { runMigrations } from '../../src/migrate/run-migrations.ts'
import { migrationStatus } from '../../src/migrate/status.ts'
import { startLocalServer } from '../../src/server/management/local-server.ts'
import { laterNumber, migrationSource, repoMigrationNames, tempProject } from './helpers/temp-project.ts'

const TOKEN = 'cfpat-migrate-test-token-0123456789'

async function contentful(t: { teardown(fn: () => unknown): void }, server: { faultRatio?: number } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'kb-migrate-cf-'))
  const running = await startLocalServer({
    spaceDir: join(root, 'space'),
    managementToken: TOKEN,
    deliveryToken: 'delivery',
    ...server,
    ...(server.faultRatio ? { faultSeed: 3 } : {}),
  })
  const config = {
    spaceId: 'local',
    managementToken: TOKEN,
    environment: 'master',
    host: running.hostPort,
    hostUpload: running.hostPort,
    insecure: true,
  }
  const backend = new ContentfulBackend(
    connect(config, { warn: () => {}, maxAttempts: 12 }),
    `contentful:local (master)`,
    { pollFirstWaitMs: 20 },
  )
  t.teardown(async () => {
    await backend.close()
    await running.close()
    rmSync(root, { recursive: true, force: true })
  })
  return backend
}

test('over the Management API: the model is created, a re-run reads the ledger once and writes nothing', async (t) => {
  const backend = await contentful(t)
  const p = tempProject()
  t.teardown(p.cleanup)
  const report = await runMigrations(backend, { migrationsDir: p.migrations })
  t.deepEqual(report.applied, repoMigrationNames)
  const status = await migrationStatus(backend, { migrationsDir: p.migrations, contentTypes })
  t.deepEqual(status.drift, [])
  t.deepEqual(status.pending, [])
  const { backend: counted, calls } = countingBackend(backend)
  t.deepEqual((await runMigrations(counted, { migrationsDir: p.migrations })).applied, [])
  t.deepEqual(calls, { readLedger: 1 })
})

test('over the Management API with 20% failed requests: retries land every write once, and drift is nil', async (t) => {
  const backend = await contentful(t, { faultRatio: 0.2 })
  const p = tempProject()
  t.teardown(p.cleanup)
  await runMigrations(backend, { migrationsDir: p.migrations })
  const status = await migrationStatus(backend, { migrationsDir: p.migrations, contentTypes })
  t.deepEqual(status.drift, [])
  t.deepEqual(
    status.applied.map((r) => r.name),
    repoMigrationNames,
  )
})

test('over the Management API: rename (newId), transform and delete keep entry values', async (t) => {
  const backend = await contentful(t)
  const p = tempProject()
  t.teardown(p.cleanup)
  await runMigrations(backend, { migrationsDir: p.migrations })
  await backend.putEntry({
    id: 'cta1',
    contentTypeId: 'ctaBanner',
    fields: {
      internalName: { 'en-US': 'Trial' },
      variant: { 'en-US': 'banner-3' },
      text: { 'en-US': 'Try it' },
      url: { 'en-US': 'https://example.com/trial' },
    },
  })
  // Two migrations in one run: the lock is refreshed between them.
  p.write(
    `${laterNumber(1)}-banner-style.ts`,
    migrationSource(
      [
        "    m.editContentType('ctaBanner').renameField('variant', 'style')",
        "    m.editContentType('ctaBanner').createField({ id: 'label', name: 'Label', type: 'Symbol', widget: { id: 'singleLine' }, helpText: 'Shown above the button.' })",
      ].join('\n'),
    ),
  )
  p.write(
    `${laterNumber(2)}-banner-label.ts`,
    migrationSource(
      [
        "    m.transformEntries({ contentType: 'ctaBanner', from: ['text'], to: ['label'], transform: ({ text }) => ({ label: String(text).toUpperCase() }) })",
        "    m.editContentType('ctaBanner').deleteField('utmContent')",
      ].join('\n'),
    ),
  )
  t.deepEqual((await runMigrations(backend, { migrationsDir: p.migrations })).applied, [
    `${laterNumber(1)}-banner-style`,
    `${laterNumber(2)}-banner-label`,
  ])
  const { items } = await backend.getEntries({ ids: ['cta1'] })
  t.like(items[0]?.fields, { style: { 'en-US': 'banner-3' }, label: { 'en-US': 'TRY IT' } })
  t.is(items[0]?.fields.variant, undefined)
  const banner = (await backend.readModel()).contentTypes.find((c) => c.sys.id === 'ctaBanner')
  const ids = banner?.active?.fields.map((f) => f.id) ?? []
  t.true(ids.includes('style') && ids.includes('label'))
  t.false(ids.includes('variant') || ids.includes('utmContent'))
})
