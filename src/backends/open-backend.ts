// Picks the adapter from options: the embedded space by default; Contentful once its adapter exists.
import type { ContentBackend } from './port.ts'
import { EmbeddedSpace } from './sqlite/embedded-space.ts'
import { resolveEnvironment } from './sqlite/environments.ts'
import { SqliteBackend } from './sqlite/sqlite-backend.ts'

export interface BackendOptions {
  /** The embedded space's folder (default `.cms`). */
  space?: string
  /** The environment or alias (default `master`). */
  env?: string
}

export async function openBackend(options: BackendOptions = {}): Promise<ContentBackend> {
  const space = options.space ?? '.cms'
  const asked = options.env ?? 'master'
  const env = resolveEnvironment(space, asked)
  return new SqliteBackend(EmbeddedSpace.open({ space, env }), env === asked ? env : `${asked} → ${env}`)
}
