// `npm run migrate -- --release` and `--rollback`: Contentful's documented release flow for content models.
// Release: clone the environment the alias (CONTENTFUL_ENVIRONMENT, default `master`) points at, run the
// migrations and the sync in the clone, verify it (nothing pending, no drift, nothing failed), then repoint
// the alias at it, keeping the previous environment for rollback. Rollback: repoint the alias at the
// environment the current one was cloned from (recorded in its name), or at `--to <env>`.
import { ConfigError, contentfulConfig, describeConfig, loadDotEnv } from '../../config/contentful-config.ts'
import { NotFoundError } from '../port.ts'
import { type Connection, connect } from './client.ts'

export interface ReleaseIo {
  stdout: { write(s: string): unknown }
  stderr: { write(s: string): unknown }
}

export interface ReleaseSteps {
  /** `npm run migrate` (migrations + sync) against the environment in CONTENTFUL_ENVIRONMENT; exit code. */
  migrate(argv: string[]): Promise<number>
  /** `npm run migrate -- check` there; exit code (0: nothing pending, no drift). */
  check(argv: string[]): Promise<number>
}

export interface ReleaseOptions {
  /** Polling of the clone's status: how long before giving up. */
  readyTimeoutMs?: number
  now?: () => Date
}

const NAME = /^release of (\S+) from (\S+) at (\S+)$/

export async function runRelease(
  argv: string[],
  io: ReleaseIo,
  steps: ReleaseSteps,
  options: ReleaseOptions = {},
): Promise<number> {
  const say = (line: string) => io.stderr.write(`release: ${line}\n`)
  try {
    loadDotEnv()
    const config = contentfulConfig(process.env)
    if (!config) {
      throw new ConfigError(
        '--release and --rollback need a Contentful space: set CONTENTFUL_SPACE_ID and CONTENTFUL_MANAGEMENT_TOKEN',
      )
    }
    const alias = config.environment
    const conn = connect(config, { warn: (m) => say(`warning: ${m}`) })
    const rest = argv.filter((a) => a !== '--release' && a !== '--rollback')
    const current = await getAlias(conn, alias)
    if (argv.includes('--rollback')) {
      const toIndex = rest.indexOf('--to')
      const explicit = toIndex >= 0 ? rest[toIndex + 1] : undefined
      const target = explicit ?? (await clonedFrom(conn, current.target))
      if (!target) {
        throw new ConfigError(
          `${current.target} does not say what it was released from; name the environment: --rollback --to <env>`,
        )
      }
      await getEnvironment(conn, target)
      await repoint(conn, alias, target, current.version)
      say(`alias ${alias} → ${target} (was ${current.target}, which is kept)`)
      io.stdout.write(`${JSON.stringify({ alias, environment: target, previous: current.target })}\n`)
      return 0
    }

    const now = (options.now ?? (() => new Date()))()
    const id = `${alias}-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}`.slice(0, 64)
    say(`cloning ${current.target} (alias ${alias}) into ${id} on ${describeConfig(config)}`)
    await conn.call(`PUT environments/${id}`, (c) =>
      c.environment.createWithId(
        { spaceId: config.spaceId, environmentId: id, sourceEnvironmentId: current.target },
        { name: `release of ${alias} from ${current.target} at ${now.toISOString()}` },
      ),
    )
    await waitReady(conn, id, options.readyTimeoutMs ?? 10 * 60_000)

    say(`migrating and syncing ${id}`)
    const previousEnv = process.env.CONTENTFUL_ENVIRONMENT
    process.env.CONTENTFUL_ENVIRONMENT = id
    let verified = false
    try {
      const migrated = await steps.migrate(rest)
      if (migrated !== 0) {
        say(`migrate failed in ${id}; alias ${alias} still points at ${current.target}`)
        return migrated
      }
      say(`verifying ${id}`)
      verified =
        (await steps.check(['check', ...rest.filter((a) => a !== '--json' && a !== '--dry-run')])) === 0
    } finally {
      if (previousEnv === undefined) delete process.env.CONTENTFUL_ENVIRONMENT
      else process.env.CONTENTFUL_ENVIRONMENT = previousEnv
    }
    if (!verified) {
      say(
        `${id} does not match content-types/ and migrations/; alias ${alias} still points at ${current.target}`,
      )
      return 1
    }
    await repoint(conn, alias, id, current.version)
    say(`alias ${alias} → ${id} (previous: ${current.target}, kept; undo with --rollback)`)
    io.stdout.write(`${JSON.stringify({ alias, environment: id, previous: current.target })}\n`)
    return 0
  } catch (error) {
    say((error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' '))
    return 1
  }
}

async function getAlias(conn: Connection, alias: string): Promise<{ target: string; version: number }> {
  try {
    const raw = await conn.call(`GET environment_aliases/${alias}`, (c) =>
      c.environmentAlias.get({ spaceId: conn.config.spaceId, environmentAliasId: alias }),
    )
    return { target: raw.environment.sys.id, version: raw.sys.version }
  } catch (err) {
    if (err instanceof NotFoundError) {
      throw new ConfigError(
        `CONTENTFUL_ENVIRONMENT=${alias} is not an environment alias; --release repoints an alias (enable aliases in the space's environment settings)`,
      )
    }
    throw err
  }
}

async function getEnvironment(conn: Connection, id: string) {
  return conn.call(`GET environments/${id}`, (c) =>
    c.environment.get({ spaceId: conn.config.spaceId, environmentId: id }),
  )
}

/** The environment a release was cloned from, as its name records it. */
async function clonedFrom(conn: Connection, id: string): Promise<string | undefined> {
  const env = await getEnvironment(conn, id)
  return NAME.exec(env.name)?.[2]
}

async function waitReady(conn: Connection, id: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let wait = 500
  for (;;) {
    const env = await getEnvironment(conn, id)
    const status = (env.sys as unknown as { status?: { sys?: { id?: string } } }).status?.sys?.id
    if (status === 'ready') return
    if (status === 'failed') throw new Error(`cloning into ${id} failed`)
    if (Date.now() > deadline) throw new Error(`${id} was not ready after ${Math.round(timeoutMs / 1000)} s`)
    await new Promise((r) => setTimeout(r, wait))
    wait = Math.min(wait * 2, 5000)
  }
}

async function repoint(conn: Connection, alias: string, target: string, version: number): Promise<void> {
  await conn.call(`PUT environment_aliases/${alias}`, (c) =>
    c.environmentAlias.update({ spaceId: conn.config.spaceId, environmentAliasId: alias }, {
      sys: { version },
      environment: { sys: { type: 'Link', linkType: 'Environment', id: target } },
    } as never),
  )
}
