// Which space a command talks to. The embedded space by default; a command that only reads (dry run, new,
// status) on a space that does not exist yet plans against an empty one instead of creating the folder.
import { existsSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { openBackend } from '../backends/open-backend.ts'
import type { ModelSnapshot } from '../backends/port.ts'
import { environmentFile } from '../backends/sqlite/embedded-space.ts'
import { resolveEnvironment } from '../backends/sqlite/environments.ts'
import { loadDotEnv } from '../config/contentful-config.ts'
import type { MigrationBackend } from './run-migrations.ts'

export interface SpaceOptions {
  space: string
  env: string
  /** Do not create the space when it does not exist. */
  readOnly?: boolean
  /** Create an environment other than master when it does not exist (`--create-env`). */
  createEnv?: boolean
}

export type OpenedSpace = MigrationBackend & { close(): Promise<void> }

export async function openSpace(options: SpaceOptions): Promise<OpenedSpace> {
  const env = resolveEnvironment(options.space, options.env)
  const file = environmentFile(resolve(options.space), env)
  // Only the embedded space can be absent; a Contentful space (CONTENTFUL_* in the environment or .env) exists.
  loadDotEnv()
  const embedded = !process.env.CONTENTFUL_SPACE_ID && !process.env.CONTENTFUL_MANAGEMENT_TOKEN
  // Only a space's master (or one asked for with --create-env) may be absent; any other unknown environment
  // is an error, raised by openBackend.
  const mayBeAbsent = env === 'master' || options.createEnv === true
  if (options.readOnly && embedded && !existsSync(file) && mayBeAbsent) return emptySpace(options)
  return openBackend({ space: options.space, env: options.env, createEnv: options.createEnv === true })
}

/** A space that does not exist yet: nothing applied, no model, no entries; it refuses every write. */
function emptySpace(options: SpaceOptions): OpenedSpace {
  const rel = relative(process.cwd(), resolve(options.space))
  const where = rel.startsWith('..') ? resolve(options.space) : rel || '.'
  const description = `embedded:${where} (${options.env}, not created yet)`
  const refuse = async (): Promise<never> => {
    throw new Error(`${description}: a read-only command cannot write`)
  }
  const model: ModelSnapshot = { contentTypes: [], editorInterfaces: [] }
  return {
    description,
    readLedger: async () => [],
    readModel: async () => model,
    getEntries: async (q) => ({ items: [], total: 0, skip: q.skip ?? 0, limit: q.limit ?? 100 }),
    acquireLock: refuse,
    releaseLock: refuse,
    applyMigration: refuse,
    close: async () => {},
  }
}
