// Picks the adapter from options and the environment: Contentful when CONTENTFUL_SPACE_ID and
// CONTENTFUL_MANAGEMENT_TOKEN are set (in the environment or `.env`), the embedded space otherwise.
import { contentfulConfig, describeConfig, loadDotEnv } from '../config/contentful-config.ts'
import { connect } from './contentful/client.ts'
import { ContentfulBackend } from './contentful/contentful-backend.ts'
import type { ContentBackend } from './port.ts'
import { SqliteBackend } from './sqlite/sqlite-backend.ts'

export interface BackendOptions {
  /** The embedded space's folder (default `.cms`). */
  space?: string
  /** The environment (default `master`). With Contentful, CONTENTFUL_ENVIRONMENT wins when set. */
  env?: string
  /** Where retries are reported (Contentful only); default: stderr. */
  warn?: (message: string) => void
}

export async function openBackend(options: BackendOptions = {}): Promise<ContentBackend> {
  loadDotEnv()
  const env = { ...process.env }
  if (!env.CONTENTFUL_ENVIRONMENT && options.env) env.CONTENTFUL_ENVIRONMENT = options.env
  const config = contentfulConfig(env)
  if (config) {
    const warn = options.warn ?? ((m: string) => process.stderr.write(`warning: ${m}\n`))
    return new ContentfulBackend(connect(config, { warn }), describeConfig(config))
  }
  return SqliteBackend.open({
    ...(options.space === undefined ? {} : { space: options.space }),
    ...(options.env === undefined ? {} : { env: options.env }),
  })
}
