// Picks the adapter from options and the environment: Contentful when CONTENTFUL_SPACE_ID and
// CONTENTFUL_MANAGEMENT_TOKEN are set (in the environment or `.env`), the embedded space otherwise.

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { contentfulConfig, describeConfig, loadDotEnv } from '../config/contentful-config.ts'
import type { ContentBackend } from './port.ts'
import { NotFoundError } from './port.ts'
import { EmbeddedSpace, environmentFile } from './sqlite/embedded-space.ts'
import { listEnvironments, resolveEnvironment } from './sqlite/environments.ts'
import { SqliteBackend } from './sqlite/sqlite-backend.ts'

export interface BackendOptions {
  /** The embedded space's folder (default `.cms`). */
  space?: string
  /** The environment or alias (default `master`). With Contentful, CONTENTFUL_ENVIRONMENT wins when set. */
  env?: string
  /** Where the Contentful adapter reports retries; default: stderr. */
  warn?: (message: string) => void
  /**
   * Create the embedded environment when it does not exist. Without it only `master` is created (a new
   * space has it); any other unknown environment is an error naming it, as Contentful answers 404 for one.
   */
  createEnv?: boolean
}

export async function openBackend(options: BackendOptions = {}): Promise<ContentBackend> {
  loadDotEnv()
  const vars = { ...process.env }
  if (!vars.CONTENTFUL_ENVIRONMENT && options.env) vars.CONTENTFUL_ENVIRONMENT = options.env
  const config = contentfulConfig(vars)
  if (config) {
    const warn = options.warn ?? ((m: string) => process.stderr.write(`warning: ${m}\n`))
    // Loaded only when used: the Contentful SDK takes over a second to import, the embedded space needs none of it.
    const [{ connect }, { ContentfulBackend }] = await Promise.all([
      import('./contentful/client.ts'),
      import('./contentful/contentful-backend.ts'),
    ])
    const backend = new ContentfulBackend(connect(config, { warn }), describeConfig(config))
    // The first contact checks the token's kind, so a wrong token is one line, not a failure per entry.
    await backend.checkAccess()
    return backend
  }
  const space = options.space ?? '.cms'
  const asked = options.env ?? 'master'
  const env = resolveEnvironment(space, asked)
  const create = env === 'master' || options.createEnv === true
  if (!create && !existsSync(environmentFile(resolve(space), env))) {
    const known = listEnvironments(space)
    throw new NotFoundError(
      `environment "${asked}" does not exist in ${space}` +
        (known.length ? ` (it has ${known.join(', ')})` : '') +
        '; create it with --create-env, or clone one through the Management API',
    )
  }
  return new SqliteBackend(
    EmbeddedSpace.open({ space, env, create }),
    env === asked ? env : `${asked} → ${env}`,
  )
}
