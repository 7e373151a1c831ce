// Picks the adapter from options: the embedded space by default; Contentful once its adapter exists.
import type { ContentBackend } from './port.ts'
import { SqliteBackend } from './sqlite/sqlite-backend.ts'

export interface BackendOptions {
  /** The embedded space's folder (default `.cms`). */
  space?: string
  /** The environment (default `master`). */
  env?: string
}

export async function openBackend(options: BackendOptions = {}): Promise<ContentBackend> {
  return SqliteBackend.open({
    ...(options.space === undefined ? {} : { space: options.space }),
    ...(options.env === undefined ? {} : { env: options.env }),
  })
}
