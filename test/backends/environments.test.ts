import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { openBackend } from '../../src/backends/open-backend.ts'
import { ConflictError, NotFoundError } from '../../src/backends/port.ts'
import { EmbeddedSpace } from '../../src/backends/sqlite/embedded-space.ts'
import {
  cloneEnvironment,
  deleteEnvironment,
  listEnvironments,
} from '../../src/backends/sqlite/environments.ts'
import { article, person } from './contract.ts'

const root = mkdtempSync(join(tmpdir(), 'kb-cms-envs-'))
test.after.always(() => rmSync(root, { recursive: true, force: true }))
let n = 0
const fresh = () => join(root, `space-${++n}`)
const row = (name: string) => ({ name, checksum: `c-${name}`, appliedAt: '2026-01-01T00:00:00.000Z' })
const holder = {
  id: 'run',
  description: 'd',
  acquiredAt: new Date().toISOString(),
  expiresAt: '2999-01-01T00:00:00Z',
}

test('an environment is one file; master is created on first open, any other only when asked to', async (t) => {
  const dir = fresh()
  t.deepEqual(listEnvironments(dir), [])
  const b = await openBackend({ space: dir })
  t.regex(b.description, /^embedded:.*space-\d+ \(master\)$/)
  await b.close()
  await t.throwsAsync(openBackend({ space: dir, env: 'staging' }), {
    instanceOf: NotFoundError,
    message: /environment "staging" does not exist.*--create-env/,
  })
  t.deepEqual(listEnvironments(dir), ['master'])
  const staging = await openBackend({ space: dir, env: 'staging', createEnv: true })
  await staging.close()
  t.deepEqual(listEnvironments(dir), ['master', 'staging'])
})

test('opening a missing environment without create is NotFound; bad ids are refused', (t) => {
  const dir = fresh()
  t.throws(() => EmbeddedSpace.open({ space: dir, env: 'nope', create: false }), {
    instanceOf: NotFoundError,
  })
  t.throws(() => EmbeddedSpace.open({ space: dir, env: '../escape' }), { message: /invalid environment id/ })
})

test('a clone copies model, content and ledger but not the lock, and then lives apart', async (t) => {
  const dir = fresh()
  const master = await openBackend({ space: dir })
  await master.applyMigration(
    [
      { type: 'saveContentType', contentType: person },
      { type: 'saveContentType', contentType: article },
    ],
    row('0001-model'),
  )
  const ada = await master.putEntry({
    id: 'ada',
    contentTypeId: 'person',
    fields: { name: { 'en-US': 'Ada' } },
  })
  await master.publish([{ linkType: 'Entry', id: 'ada', version: ada.sys.version }])
  t.true((await master.acquireLock(holder)).acquired)

  cloneEnvironment(dir, 'master', 'release-1')
  const clone = await openBackend({ space: dir, env: 'release-1' })
  t.teardown(async () => {
    await clone.close()
    await master.close()
  })
  t.deepEqual(await clone.readLedger(), await master.readLedger())
  t.deepEqual(await clone.readModel(), await master.readModel())
  const [copied] = (await clone.getEntries({ ids: ['ada'] })).items
  t.is(copied?.sys.publishedVersion, ada.sys.version)
  t.true((await clone.acquireLock({ ...holder, id: 'other' })).acquired, 'the clone starts unlocked')

  await clone.applyMigration([{ type: 'deleteContentType', id: 'article' }], row('0002-drop'))
  t.is((await master.readLedger()).length, 1)
  t.true((await master.readModel()).contentTypes.some((c) => c.sys.id === 'article'))
})

test('clone refuses a missing source and an existing target; delete removes an environment', async (t) => {
  const dir = fresh()
  await (await openBackend({ space: dir })).close()
  t.throws(() => cloneEnvironment(dir, 'ghost', 'x'), { instanceOf: NotFoundError })
  cloneEnvironment(dir, 'master', 'copy')
  t.throws(() => cloneEnvironment(dir, 'master', 'copy'), { instanceOf: ConflictError })
  deleteEnvironment(dir, 'copy')
  t.deepEqual(listEnvironments(dir), ['master'])
  t.throws(() => deleteEnvironment(dir, 'copy'), { instanceOf: NotFoundError })
})

test('an alias in aliases.json sends the backend to its target environment', async (t) => {
  const dir = fresh()
  await (await openBackend({ space: dir })).close()
  cloneEnvironment(dir, 'master', 'release-2')
  writeFileSync(join(dir, 'aliases.json'), JSON.stringify({ master: { target: 'release-2', version: 2 } }))
  const b = await openBackend({ space: dir })
  t.regex(b.description, /\(master → release-2\)$/)
  await b.applyMigration([], row('0001-on-release'))
  await b.close()
  const direct = await openBackend({ space: dir, env: 'release-2' })
  t.is((await direct.readLedger()).length, 1)
  await direct.close()
  writeFileSync(join(dir, 'aliases.json'), '{not json')
  await t.throwsAsync(openBackend({ space: dir }), { message: /aliases\.json: not valid JSON/ })
})
