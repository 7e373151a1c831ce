// The `serve` command: options and environment → the local server (Management and Delivery APIs, space id
// `local`, article pages and asset files) on 127.0.0.1. Options and variables are documented in the README.
import { randomBytes } from 'node:crypto'
import { Command, InvalidArgumentError } from 'commander'
import { parseErrorStatus, withConventions } from '../cli/command-line.ts'
import { UsageError } from '../cli/exit-codes.ts'
import { checkSpaceFolder } from '../cli/space-folder.ts'
import { ConfigError, loadDotEnv } from '../config/contentful-config.ts'
import { loadVariables, VariablesError } from '../markdown/load-variables.ts'
import { startLocalServer } from './management/local-server.ts'
import { configurePages } from './pages/index.ts'
import { stopWhenAsked } from './stop-when-asked.ts'

const number = (min: number, max: number) => (value: string) => {
  const n = Number(value)
  if (!Number.isFinite(n) || n < min || n > max)
    throw new InvalidArgumentError(`expected a number from ${min} to ${max}`)
  return n
}

export interface ServeFlags {
  space: string
  port: number
  rateLimit: number
  faultRatio: number
  faultSeed?: number
  requestLog?: string
  corsOrigin: string
  vars?: string
}

/** The `serve` command line; defaults come from the KB_CMS_* variables in `vars` (see the README). */
export function serveProgram(vars: NodeJS.ProcessEnv = {}): Command {
  const env = (name: string) => vars[name]?.trim() || undefined
  return new Command('serve')
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
    .addHelpText('after', '\nStops on SIGINT, SIGTERM or SIGHUP, and when the process that started it ends.')
}

/**
 * Starts the server and keeps it running until SIGINT, SIGTERM or SIGHUP, or until the process that started it
 * is gone; then closes it (releasing the port) and exits 0. Bad usage exits 2, a server that cannot start 1,
 * each with one line on stderr.
 */
export async function runServeCommand(argv: string[], vars: NodeJS.ProcessEnv = process.env): Promise<void> {
  const env = (name: string) => vars[name]?.trim() || undefined
  const io = { stdout: process.stdout, stderr: process.stderr }
  const fail = (status: number, message: string): never => {
    process.stderr.write(`kb-cms serve: ${message.replace(/\s*\n\s*/g, ' ')}\n`)
    process.exit(status)
  }
  let o: ServeFlags
  try {
    loadDotEnv()
    const program = withConventions(serveProgram(vars), io)
    program.parse(argv, { from: 'user' })
    o = program.opts<ServeFlags>()
    checkSpaceFolder(o.space)
    if (o.vars) configurePages({ variables: loadVariables(o.vars) })
  } catch (error) {
    const status = parseErrorStatus(error)
    if (status !== undefined) process.exit(status)
    if (error instanceof UsageError || error instanceof VariablesError || error instanceof ConfigError)
      return fail(2, error.message)
    throw error
  }

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
  const previewToken = token('KB_CMS_PREVIEW_TOKEN')

  try {
    const server = await startLocalServer({
      spaceDir: o.space,
      managementToken,
      deliveryToken,
      previewToken,
      port: o.port,
      rateLimit: o.rateLimit,
      faultRatio: o.faultRatio,
      ...(o.faultSeed === undefined ? {} : { faultSeed: o.faultSeed }),
      ...(o.requestLog ? { requestLog: o.requestLog } : {}),
      corsOrigin: o.corsOrigin,
    })
    stopWhenAsked(() => server.close())
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
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    fail(1, e.code === 'EADDRINUSE' ? `port ${o.port} is in use; pick another with --port` : e.message)
  }
}
