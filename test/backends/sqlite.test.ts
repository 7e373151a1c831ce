import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { backendContract } from './contract.ts'

const root = mkdtempSync(join(tmpdir(), 'kb-cms-sqlite-'))
test.after.always(() => rmSync(root, { recursive: true, force: true }))

let n = 0
backendContract('embedded', test, async () => SqliteBackend.open({ space: join(root, `space-${++n}`) }), {
  transactionalMigrations: true,
})
