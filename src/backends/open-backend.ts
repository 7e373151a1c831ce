// Picks the adapter from options and the environment: Contentful when CONTENTFUL_SPACE_ID and
// CONTENTFUL_MANAGEMENT_TOKEN are set (in the environment or `.env`), the embedded space otherwise.
import { contentfulConfig, describeConfig, loadDotEnv } from '../config/contentful-config.ts'
import type { ContentBackend } from './port.ts'
import { EmbeddedSpace } from './sqlite/embedded-space.ts'
import { resolveEnvironment } from './sqlite/environments.ts'
import { SqliteBackend } from './sqlite/sqlite-backend.ts'

export interface BackendOptions {
  /** The embedded space's folder (default `.cms`). */
  space?: string
  /** The environment or alias (default `master`). With Contentful, CONTENTFUL_ENVIRONMENT wins when set. */
  env?: string
  /** Where the Contentful adapter reports retries; default: stderr. */
  warn?: (message: string) => void
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
    return new ContentfulBackend(connect(config, { warn }), describeConfig(config))
  }
  const space = options.space ?? '.cms'
  const asked = options.env ?? 'master'
  const env = resolveEnvironment(space, asked)
  return new SqliteBackend(EmbeddedSpace.open({ space, env }), env === asked ? env : `${asked} → ${env}`)
}
