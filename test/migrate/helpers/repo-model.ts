// The model the repository's migrations/ build, in order, planned against snapshots (no space, no I/O): what a
// fresh space holds after `npm run migrate`, and what content-types/ must equal.
import { join } from 'node:path'
import type { ModelSnapshot } from '../../../src/backends/port.ts'
import { listMigrations, loadOperations } from '../../../src/migrate/migration-files.ts'
import {
  contentTypesNeedingEntries,
  type ModelState,
  planMigration,
  snapshotFromState,
  stateFromSnapshot,
} from '../../../src/migrate/planner.ts'
import type { Operation } from '../../../src/model/define-migration.ts'
import { repo } from './temp-project.ts'

type RepoMigration = { name: string; file: string; ops: Operation[] }
let loaded: Promise<RepoMigration[]> | undefined

/** The repository's migrations and their operations, loaded once, on first use (not at import: a test module
 * that awaits at its top level cannot share an ava worker with others). */
export function repoMigrations(): Promise<RepoMigration[]> {
  loaded ??= Promise.all(
    listMigrations(join(repo, 'migrations')).map(async (f) => ({
      name: f.name,
      file: `migrations/${f.name}.ts`,
      ops: (await loadOperations(f)).ops,
    })),
  )
  return loaded
}

/** Plans every repository migration, in order, on `state` (an empty model by default); returns the state. */
export async function applyRepoMigrations(
  state: ModelState = stateFromSnapshot({ contentTypes: [], editorInterfaces: [] }),
): Promise<ModelState> {
  for (const m of await repoMigrations()) {
    // A fresh space has no entries for a migration's transforms to rewrite.
    for (const id of contentTypesNeedingEntries(m.ops)) if (!state.entries.has(id)) state.entries.set(id, [])
    planMigration(m.name, m.file, m.ops, state)
  }
  return state
}

/** The model after every repository migration, as a snapshot. */
export async function repoModelSnapshot(): Promise<ModelSnapshot> {
  return snapshotFromState(await applyRepoMigrations())
}
