// A fresh embedded space in a temp folder with the team's content model applied, for the sync's tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import contentTypes from '../../../content-types/index.ts'
import { SqliteBackend } from '../../../src/backends/sqlite/sqlite-backend.ts'
import { toContentType } from '../../../src/model/define-content-type.ts'

export function tempDir(prefix = 'kb-sync-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Applies the content types from content-types/ in one model write, as a migration would. */
export async function modelSpace(spaceDir: string): Promise<SqliteBackend> {
  const backend = SqliteBackend.open({ space: spaceDir })
  await backend.applyMigration(
    contentTypes.map((def) => ({ type: 'saveContentType' as const, contentType: toContentType(def) })),
    { name: '0000-test-model', checksum: 'test', appliedAt: new Date().toISOString() },
  )
  return backend
}
