// The runner against the real embedded space (SQLite), in a throwaway folder per test.
import test from 'ava'
import contentTypes from '../../content-types/index.ts'
import { EmbeddedSpace } from '../../src/backends/sqlite/embedded-space.ts'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { countingBackend } from '../../src/migrate/counting-backend.ts'
import { LedgerError } from '../../src/migrate/ledger-check.ts'
import { LockTimeoutError } from '../../src/migrate/lock.ts'
import { PlanError } from '../../src/migrate/planner.ts'
import { type RunEvent, runMigrations } from '../../src/migrate/run-migrations.ts'
import { migrationStatus } from '../../src/migrate/status.ts'
import { diffModel } from '../../src/model/model-diff.ts'
import {
  laterNumber,
  migrationSource,
  repoMigrationNames,
  type TempProject,
  tempProject,
} from './helpers/temp-project.ts'

async function withProject(
  fn: (p: TempProject, open: () => SqliteBackend) => Promise<void>,
  withRepoMigrations = true,
): Promise<void> {
  const project = tempProject(withRepoMigrations)
  const opened: SqliteBackend[] = []
  const open = () => {
    const b = SqliteBackend.open({ space: project.space })
    opened.push(b)
    return b
  }
  try {
    await fn(project, open)
  } finally {
    for (const b of opened) await b.close()
    project.cleanup()
  }
}

test('a fresh space gets the model of content-types/, recorded in the ledger', (t) =>
  withProject(async (p, open) => {
    const backend = open()
    const events: RunEvent[] = []
    const report = await runMigrations(backend, {
      migrationsDir: p.migrations,
      onEvent: (e) => events.push(e),
    })
    t.deepEqual(report.applied, repoMigrationNames)
    t.deepEqual(
      events.map((e) => e.type),
      ['planned', ...repoMigrationNames.map(() => 'applied')],
    )
    const model = await backend.readModel()
    t.deepEqual(model.contentTypes.map((c) => c.sys.id).sort(), contentTypes.map((c) => c.id).sort())
    t.true(
      model.contentTypes.every((c) => c.active !== null),
      'every content type is activated',
    )
    t.deepEqual(diffModel(contentTypes, model), [])
    const ledger = await backend.readLedger()
    t.deepEqual(
      ledger.map((r) => r.name),
      repoMigrationNames,
    )
    for (const row of ledger) t.regex(row.checksum, /^[0-9a-f]{64}$/)
  }))

test('a second run has nothing to do: one ledger read, no model read, no lock, no write', (t) =>
  withProject(async (p, open) => {
    await runMigrations(open(), { migrationsDir: p.migrations })
    const { backend, calls } = countingBackend(open())
    const report = await runMigrations(backend, { migrationsDir: p.migrations })
    t.deepEqual(report.applied, [])
    t.deepEqual(report.plans, [])
    t.deepEqual(calls, { readLedger: 1 })
  }))

test('a dry run prints the plan and leaves the space empty', (t) =>
  withProject(async (p, open) => {
    const { backend, calls } = countingBackend(open())
    const report = await runMigrations(backend, { migrationsDir: p.migrations, dryRun: true })
    t.deepEqual(report.applied, [])
    t.deepEqual(
      report.plans.map((p) => p.name),
      repoMigrationNames,
    )
    t.deepEqual(
      report.plans
        .flatMap((p) => p.steps.map((s) => s.operation))
        .filter((o) => o.startsWith('create content type'))
        .map((o) => o.split(' ')[3]),
      contentTypes.map((c) => c.id),
      'every content type is created once, in model order',
    )
    t.is(calls.applyMigration, undefined)
    t.is(calls.acquireLock, undefined)
    t.deepEqual(await backend.readModel(), { contentTypes: [], editorInterfaces: [] })
    t.deepEqual(await backend.readLedger(), [])
  }))

test('an applied migration edited afterwards is refused before anything is read beyond the ledger', (t) =>
  withProject(async (p, open) => {
    await runMigrations(open(), { migrationsDir: p.migrations })
    const path = `${p.migrations}/0001-content-model.ts`
    const { readFileSync, writeFileSync } = await import('node:fs')
    writeFileSync(path, readFileSync(path, 'utf8').replace("name: 'Note'", "name: 'Callout'"))
    const { backend, calls } = countingBackend(open())
    await t.throwsAsync(runMigrations(backend, { migrationsDir: p.migrations }), {
      instanceOf: LedgerError,
      message: /0001-content-model\.ts was edited after it was applied/,
    })
    t.deepEqual(calls, { readLedger: 1 })
  }))

test('an expired lock left by a killed run is taken over', (t) =>
  withProject(async (p, open) => {
    const backend = open()
    const past = new Date(Date.now() - 60_000).toISOString()
    const stale = {
      id: 'dead-run',
      description: 'ci@elsewhere pid 1, migrate',
      acquiredAt: past,
      expiresAt: past,
    }
    t.deepEqual(await backend.acquireLock(stale), { acquired: true })
    const report = await runMigrations(backend, { migrationsDir: p.migrations, lock: { waitMs: 0 } })
    t.deepEqual(report.applied, repoMigrationNames)
  }))

test('a live lock makes the run wait a bounded time, then fail naming the holder', (t) =>
  withProject(async (p, open) => {
    const backend = open()
    const now = Date.now()
    const holder = {
      id: 'other-run',
      description: 'ana@build-7 pid 4242, migrate',
      acquiredAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 60_000).toISOString(),
    }
    await backend.acquireLock(holder)
    const events: RunEvent[] = []
    const started = Date.now()
    await t.throwsAsync(
      runMigrations(backend, {
        migrationsDir: p.migrations,
        lock: { waitMs: 300, pollMs: 50 },
        onEvent: (e) => events.push(e),
      }),
      { instanceOf: LockTimeoutError, message: /locked by ana@build-7 pid 4242, migrate since/ },
    )
    t.true(Date.now() - started >= 300)
    t.deepEqual(events, [{ type: 'waiting', holder: holder.description }])
    t.deepEqual(await backend.readLedger(), [])
  }))

test('an invalid migration anywhere in the queue stops the run before any write', (t) =>
  withProject(async (p, open) => {
    p.write(
      `${laterNumber()}-add-icon.ts`,
      migrationSource(
        "    m.editContentType('note').editField('icon', { required: true })",
        'make the note icon required',
      ),
    )
    const { backend, calls } = countingBackend(open())
    await t.throwsAsync(runMigrations(backend, { migrationsDir: p.migrations }), {
      instanceOf: PlanError,
      message: new RegExp(
        `${laterNumber()}-add-icon\\.ts: operation 1 \\(edit field note\\.icon \\(required\\)\\): unknown field note\\.icon`,
      ),
    })
    t.is(calls.applyMigration, undefined)
    t.deepEqual(await backend.readLedger(), [])
    t.deepEqual((await backend.readModel()).contentTypes, [])
    t.is(calls.releaseLock, 1, 'the lock is released')
  }))

test('field rename, data transform and field delete keep the entries right', (t) =>
  withProject(async (p, open) => {
    const backend = open()
    await runMigrations(backend, { migrationsDir: p.migrations })
    for (const [id, kind] of [
      ['n1', 'warning'],
      ['n2', 'tip'],
    ]) {
      await backend.putEntry({
        id: id as string,
        contentTypeId: 'note',
        fields: {
          kind: { 'en-US': kind },
          title: { 'en-US': `Title ${id}` },
          body: { 'en-US': { nodeType: 'document', data: {}, content: [] } },
        },
      })
    }
    p.write(
      `${laterNumber()}-note-heading.ts`,
      migrationSource(
        [
          "    m.editContentType('note').renameField('title', 'heading').createField({",
          "      id: 'tone', name: 'Tone', type: 'Symbol', widget: { id: 'dropdown' }, helpText: 'How loud the box is.',",
          '    })',
          '    m.transformEntries({',
          "      contentType: 'note', from: ['kind'], to: ['tone'],",
          "      transform: ({ kind }) => ({ tone: kind === 'warning' ? 'loud' : 'quiet' }),",
          '    })',
          "    m.editContentType('note').deleteField('kind')",
        ].join('\n'),
      ),
    )
    const report = await runMigrations(backend, { migrationsDir: p.migrations })
    t.deepEqual(report.applied, [`${laterNumber()}-note-heading`])
    const { items } = await backend.getEntries({ contentTypeId: 'note' })
    const fields = Object.fromEntries(items.map((e) => [e.sys.id, e.fields]))
    t.deepEqual(fields.n1?.heading, { 'en-US': 'Title n1' }, 'the renamed field keeps its value')
    t.is(fields.n1?.title, undefined)
    t.deepEqual(fields.n1?.tone, { 'en-US': 'loud' })
    t.deepEqual(fields.n2?.tone, { 'en-US': 'quiet' })
    const note = (await backend.readModel()).contentTypes.find((c) => c.sys.id === 'note')
    t.deepEqual(
      note?.active?.fields.map((f) => f.id),
      ['heading', 'body', 'collapsible', 'syncBase', 'tone'],
    )
    t.is(note?.active?.displayField, 'heading')
    // The model now differs from content-types/, and status says how.
    const status = await migrationStatus(backend, { migrationsDir: p.migrations, contentTypes })
    t.deepEqual(status.pending, [])
    t.deepEqual(
      status.drift.map((d) => `${d.kind} ${d.contentTypeId}.${d.fieldId ?? ''}`).sort(),
      [
        'content type note.',
        'extra field note.heading',
        'extra field note.tone',
        'missing field note.kind',
        'missing field note.title',
      ].sort(),
    )
  }))

test("a field changed behind the runner's back shows as drift", (t) =>
  withProject(async (p, open) => {
    const backend = open()
    await runMigrations(backend, { migrationsDir: p.migrations })
    const space = EmbeddedSpace.open({ space: p.space })
    try {
      const article = space.contentTypes.get('troubleshootingArticle')
      const fields = article.contentType.fields.map((f) => (f.id === 'slug' ? { ...f, required: false } : f))
      space.contentTypes.put({ ...article.contentType, fields }, article.sys.version)
      space.contentTypes.activate('troubleshootingArticle', article.sys.version + 1)
    } finally {
      space.close()
    }
    const status = await migrationStatus(backend, { migrationsDir: p.migrations, contentTypes })
    t.deepEqual(status.drift, [
      {
        kind: 'field',
        contentTypeId: 'troubleshootingArticle',
        fieldId: 'slug',
        property: 'required',
        expected: true,
        actual: false,
      },
    ])
  }))
