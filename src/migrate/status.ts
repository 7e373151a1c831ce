// `migrate status` and `migrate check`: what is applied, what is pending, and how the live model differs from
// content-types/ (drift a migration did not produce, or a migration not applied yet).
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { LedgerRow } from '../backends/port.ts'
import type { ContentTypeDefinition } from '../model/define-content-type.ts'
import { type Difference, diffModel } from '../model/model-diff.ts'
import { pendingMigrations } from './ledger-check.ts'
import { listMigrations } from './migration-files.ts'
import type { MigrationBackend } from './run-migrations.ts'

export interface StatusReport {
  space: string
  applied: LedgerRow[]
  pending: string[]
  drift: Difference[]
}

export async function migrationStatus(
  backend: Pick<MigrationBackend, 'description' | 'readLedger' | 'readModel'>,
  options: { migrationsDir: string; contentTypes: readonly ContentTypeDefinition[] },
): Promise<StatusReport> {
  const files = listMigrations(options.migrationsDir)
  const applied = await backend.readLedger()
  const pending = pendingMigrations(files, applied).map((f) => f.name)
  const drift = diffModel(options.contentTypes, await backend.readModel())
  return { space: backend.description, applied, pending, drift }
}

/** The desired model: the default export (or `contentTypes`) of `<dir>/index.ts`. */
export async function loadContentTypes(dir: string): Promise<readonly ContentTypeDefinition[]> {
  const index = resolve(join(dir, 'index.ts'))
  let mod: { default?: unknown; contentTypes?: unknown }
  try {
    mod = await import(pathToFileURL(index).href)
  } catch (error) {
    throw new Error(`cannot load the content model from ${index}: ${(error as Error).message}`)
  }
  const list = mod.default ?? mod.contentTypes
  if (!Array.isArray(list)) throw new Error(`${index}: the default export must be the list of content types`)
  return list as ContentTypeDefinition[]
}
