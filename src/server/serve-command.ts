// The `serve` command: options and environment → the local server (Management and Delivery APIs, space id
// `local`, article pages and asset files) on 127.0.0.1. Options and variables are documented in the README.
import { randomBytes } from 'node:crypto'
import { Command, InvalidArgumentError } from 'commander'
import { loadDotEnv } from '../config/contentful-config.ts'
import { loadVariables } from '../markdown/load-variables.ts'
import { startLocalServer } from './management/local-server.ts'
import { configurePages } from './pages/index.ts'

const number = (min: number, max: number) => (value: string) => {
  const n = Number(value)
  if (!Number.isFinite(n) || n < min || n > max)
    throw new InvalidArgumentError(`expected a number from ${min} to ${max}`)
  return n
}

/** Starts the server and keeps it running until SIGINT or SIGTERM; exits 1 with one line when it cannot start. */
export async function runServeCommand(argv: string[], vars: NodeJS.ProcessEnv = process.env): Promise<void> {
  const env = (name: string) => vars[name]?.trim() || undefined
  loadDotEnv()
  const program = new Command('serve')
    .description("Serve the embedded space on 127.0.0.1 (Management API, Delivery API, the site's pages)")
    .option('--space <dir>', 'the embedded space folder', env('KB_CMS_SPACE') ?? '.cms')
    .option('--port <n>', 'port (0: any free port)', number(0, 65535), Number(env('KB_CMS_PORT') ?? 8787))
    .option(
      '--rate-limit <n>',
      'test switch: API requests per second before 429 (0: none)',
      number(0, 1e6),
      Number(env('KB_CMS_RATE_LIMIT') ?? 0),
    )
    .option(
      '--fault-ratio <r>',
      'test switch: share of API requests answered 500 or dropped',
      number(0, 1),
      Number(env('KB_CMS_FAULT_RATIO') ?? 0),
    )
    .option(
      '--fault-seed <n>',
      'seed of the fault dice (replay a run)',
      number(0, 2 ** 32),
      env('KB_CMS_FAULT_SEED') ? Number(env('KB_CMS_FAULT_SEED')) : undefined,
    )
    .option(
      '--request-log <file>',
      'append one JSON line per request to this file',
      env('KB_CMS_REQUEST_LOG'),
    )
    .option(
      '--cors-origin <origin>',
      'Access-Control-Allow-Origin of the Delivery API',
      env('KB_CMS_CORS_ORIGIN') ?? '*',
    )
    .option(
      '--vars <file>',
      'values for {{ name }} on the pages: a YAML map or an mkdocs.yml (default: content/mkdocs.yml)',
    )
    .parse(argv, { from: 'user' })

  const o = program.opts<{
    space: string
    port: number
    rateLimit: number
    faultRatio: number
    faultSeed?: number
    requestLog?: string
    corsOrigin: string
    vars?: string
  }>()

  // Tokens: from the environment, or generated for this run and printed once so the user can copy them.
  const generated: string[] = []
  const token = (name: string) => {
    const given = env(name)
    if (given) return given
    const made = randomBytes(24).toString('base64url')
    generated.push(`${name}=${made}`)
    return made
  }
  const managementToken = token('KB_CMS_MANAGEMENT_TOKEN')
  const deliveryToken = token('KB_CMS_DELIVERY_TOKEN')

  try {
    if (o.vars) configurePages({ variables: loadVariables(o.vars) })
    const server = await startLocalServer({
      spaceDir: o.space,
      managementToken,
      deliveryToken,
      port: o.port,
      rateLimit: o.rateLimit,
      faultRatio: o.faultRatio,
      ...(o.faultSeed === undefined ? {} : { faultSeed: o.faultSeed }),
      ...(o.requestLog ? { requestLog: o.requestLog } : {}),
      corsOrigin: o.corsOrigin,
    })
    const switches = [
      o.rateLimit ? `rate limit ${o.rateLimit}/s` : '',
      o.faultRatio ? `faults ${Math.round(o.faultRatio * 100)}%` : '',
      o.requestLog ? `request log ${o.requestLog}` : '',
    ].filter(Boolean)
    console.log(
      `kb-cms serve: listening on http://${server.hostPort} (space "local", folder ${server.registry.dir})`,
    )
    if (switches.length) console.log(`test switches: ${switches.join(', ')}`)
    if (generated.length) {
      console.log('generated tokens for this run (set them in the environment or .env to keep them):')
      for (const line of generated) console.log(`  ${line}`)
    }
    console.log(
      `try: CONTENTFUL_SPACE_ID=local CONTENTFUL_HOST=${server.hostPort} CONTENTFUL_MANAGEMENT_TOKEN=… npm run migrate`,
    )
    const stop = () => {
      void server.close().then(() => process.exit(0))
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    console.error(
      e.code === 'EADDRINUSE'
        ? `kb-cms serve: port ${o.port} is in use; pick another with --port`
        : `kb-cms serve: ${e.message}`,
    )
    process.exit(1)
  }
}
