// Which space a command targets: Contentful when CONTENTFUL_* is set (from the environment or `.env`),
// the embedded space otherwise. Errors here are one line naming the variable, and never contain the token.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

export const PUBLIC_HOST = 'api.contentful.com'
export const PUBLIC_UPLOAD_HOST = 'upload.contentful.com'

export interface ContentfulConfig {
  spaceId: string
  /** Secret: never print it; `describe()` leaves it out. */
  managementToken: string
  environment: string
  /** Bare `host[:port]`, as the SDK takes it. */
  host: string
  hostUpload: string
  /** Plain HTTP (the local face on loopback, or an explicit `http://`). */
  insecure: boolean
}

/** A configuration problem the user fixes by setting a variable: printed as one line, no stack. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads `.env` (if present) into process.env without overriding what is already set. */
export function loadDotEnv(path = resolve('.env')): void {
  if (!existsSync(path)) return
  try {
    process.loadEnvFile(path)
  } catch (err) {
    throw new ConfigError(`${path}: cannot be read as a .env file (${(err as Error).message.split('\n')[0]})`)
  }
}

/** The Contentful target, or undefined when no CONTENTFUL_* variable selects one. */
export function contentfulConfig(env: NodeJS.ProcessEnv = process.env): ContentfulConfig | undefined {
  const spaceId = env.CONTENTFUL_SPACE_ID?.trim()
  const managementToken = env.CONTENTFUL_MANAGEMENT_TOKEN?.trim()
  if (!spaceId && !managementToken) return undefined
  if (!spaceId) throw new ConfigError('CONTENTFUL_SPACE_ID is not set (CONTENTFUL_MANAGEMENT_TOKEN is)')
  if (!managementToken) {
    throw new ConfigError(
      `CONTENTFUL_MANAGEMENT_TOKEN is not set (needed for CONTENTFUL_SPACE_ID=${spaceId})`,
    )
  }
  if (!/^[a-zA-Z0-9-_.]{1,64}$/.test(spaceId)) {
    throw new ConfigError('CONTENTFUL_SPACE_ID is not a valid space id')
  }
  const environment = env.CONTENTFUL_ENVIRONMENT?.trim() || 'master'
  if (!/^[a-zA-Z0-9-_.]{1,64}$/.test(environment)) {
    throw new ConfigError(`CONTENTFUL_ENVIRONMENT is not a valid environment id: ${environment}`)
  }
  const api = parseHost(env.CONTENTFUL_HOST, PUBLIC_HOST, 'CONTENTFUL_HOST')
  // The local face takes uploads on the same port; the public API has its own upload host.
  const upload = parseHost(
    env.CONTENTFUL_UPLOAD_HOST ?? (env.CONTENTFUL_HOST ? env.CONTENTFUL_HOST : undefined),
    PUBLIC_UPLOAD_HOST,
    'CONTENTFUL_UPLOAD_HOST',
  )
  return {
    spaceId,
    managementToken,
    environment,
    host: api.host,
    hostUpload: upload.host,
    insecure: api.insecure,
  }
}

/** `contentful:SPACE (ENV) via HOST`: for messages; never contains the token. */
export function describeConfig(config: ContentfulConfig): string {
  const via = config.host === PUBLIC_HOST ? '' : ` via ${config.insecure ? 'http' : 'https'}://${config.host}`
  return `contentful:${config.spaceId} (${config.environment})${via}`
}

function parseHost(
  value: string | undefined,
  fallback: string,
  name: string,
): { host: string; insecure: boolean } {
  const raw = value?.trim()
  if (!raw) return { host: fallback, insecure: false }
  const m = /^(?:(https?):\/\/)?([^/\s]+?)\/?$/.exec(raw)
  if (!m?.[2]) throw new ConfigError(`${name} must be host[:port], e.g. 127.0.0.1:8787 (got ${raw})`)
  const host = m[2]
  const loopback = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(host)
  return { host, insecure: m[1] ? m[1] === 'http' : loopback }
}

/** Replaces every occurrence of each secret (and its last characters, which the SDK echoes) with `***`. */
export function redact(text: string, secrets: string[]): string {
  let out = text
  for (const secret of secrets) {
    if (!secret) continue
    out = out.split(secret).join('***')
    if (secret.length > 8) out = out.split(secret.slice(-5)).join('***')
  }
  return out
}
