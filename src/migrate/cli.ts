// `npm run migrate [-- options] [status|check|new <name>]`: argv in, exit code out. Output goes through the
// given streams: stdout carries the report (or only JSON with --json), stderr carries progress and errors.
// Errors are one line and exit 1; bad usage exits 2.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { diffModel } from '../model/model-diff.ts'
import { formatEvent, formatRunSummary, formatStatus, type Style } from './format-report.ts'
import { MIGRATION_FILE } from './migration-files.ts'
import { type OpenedSpace, openSpace } from './open-space.ts'
import { modelAfterPending, type RunReport, runMigrations } from './run-migrations.ts'
import { nextMigrationFileName, scaffoldMigration, UsageError } from './scaffold.ts'
import { loadContentTypes, migrationStatus } from './status.ts'

export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean }
  stderr: { write(s: string): unknown }
  env: Record<string, string | undefined>
}

interface GlobalOptions {
  space: string
  env: string
  migrations: string
  contentTypes: string
  json?: boolean
  dryRun?: boolean
  createEnv?: boolean
  lockWait: number
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const tty = io.stdout.isTTY === true && !isTrue(io.env.CI)
  const out = (line: string) => io.stdout.write(`${line}\n`)
  const err = (line: string) => io.stderr.write(`${line}\n`)
  let exitCode = 0

  const program = new Command('migrate')
    .description('Apply the content model migrations to a space (the embedded space in .cms/ by default).')
    .option('--dry-run', 'print the plan and write nothing')
    .option('--json', 'print one machine-readable JSON report on stdout, nothing else')
    .option('--space <dir>', "the embedded space's folder", '.cms')
    .option('--env <name>', 'the environment', 'master')
    .option('--create-env', 'create the environment when it does not exist (an unknown --env is an error)')
    .option('--migrations <dir>', 'the migrations folder', 'migrations')
    .option('--content-types <dir>', 'the content model folder (for drift)', 'content-types')
    .addOption(
      new Option('--lock-wait <seconds>', 'how long to wait for another run holding the lock')
        .default(30)
        .argParser(seconds),
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nnpm run migrate then syncs content/ into the space (--no-sync skips it; see the README for its options).' +
        '\nOutput: a readable plan on a terminal; one `key value` line per fact when piped or with CI=true.',
    )

  const style = (o: GlobalOptions): Style => (tty && !o.json ? 'tty' : 'plain')
  const withSpace = async <T>(o: GlobalOptions, readOnly: boolean, fn: (s: OpenedSpace) => Promise<T>) => {
    const space = await openSpace({ space: o.space, env: o.env, readOnly, createEnv: o.createEnv === true })
    try {
      return await fn(space)
    } finally {
      await space.close()
    }
  }

  program.action(async () => {
    const o = program.opts<GlobalOptions>()
    const s = style(o)
    const report: RunReport = await withSpace(o, o.dryRun === true, (space) => {
      if (s === 'tty') err(`kb-cms migrate → ${space.description}${o.dryRun ? ' (dry run)' : ''}`)
      return runMigrations(space, {
        migrationsDir: o.migrations,
        dryRun: o.dryRun === true,
        lock: { waitMs: o.lockWait * 1000 },
        onEvent: (event) => {
          if (o.json) return
          // In CI a real run logs what it applied, not the plan it followed.
          if (event.type === 'planned' && !o.dryRun && s === 'plain') return
          // The plan is the report of a dry run (stdout); progress of a real run goes to stderr.
          const lines = formatEvent(event, s)
          for (const line of lines) (event.type === 'planned' && o.dryRun ? out : err)(line)
        },
      })
    })
    if (o.json) out(JSON.stringify(report, null, 2))
    else out(formatRunSummary(report, s))
  })

  program
    .command('status')
    .description('list applied and pending migrations, and drift between the space and content-types/')
    .action(async () => {
      const o = program.opts<GlobalOptions>()
      const contentTypes = await loadContentTypes(o.contentTypes)
      const status = await withSpace(o, true, (space) =>
        migrationStatus(space, { migrationsDir: o.migrations, contentTypes }),
      )
      if (o.json) out(JSON.stringify(status, null, 2))
      else for (const line of formatStatus(status, style(o))) out(line)
    })

  program
    .command('check')
    .description('exit 1 when a migration is pending or the space differs from content-types/ (for CI)')
    .action(async () => {
      const o = program.opts<GlobalOptions>()
      const contentTypes = await loadContentTypes(o.contentTypes)
      const status = await withSpace(o, true, (space) =>
        migrationStatus(space, { migrationsDir: o.migrations, contentTypes }),
      )
      const ok = status.pending.length === 0 && status.drift.length === 0
      if (o.json) out(JSON.stringify({ ok, ...status }, null, 2))
      else {
        const lines = formatStatus({ ...status, applied: [] }, 'plain')
        for (const line of lines) out(line)
        out(ok ? `ok ${status.space} matches content-types/ and migrations/` : `not-ok ${status.space}`)
      }
      if (!ok) exitCode = 1
    })

  program
    .command('new')
    .argument('<name>', 'what the migration does, e.g. add-product-field')
    .description(
      'scaffold migrations/NNNN-<name>.ts; it closes the drift between the space and content-types/',
    )
    .action(async (name: string) => {
      const o = program.opts<GlobalOptions>()
      const contentTypes = await loadContentTypes(o.contentTypes)
      const existing = existsSync(o.migrations)
        ? readdirSync(o.migrations).filter((f) => MIGRATION_FILE.test(f))
        : []
      const fileName = nextMigrationFileName(existing, name)
      // Against the model the pending migrations will leave, so the scaffold does not repeat them.
      const drift = await withSpace(o, true, async (space) =>
        diffModel(contentTypes, await modelAfterPending(space, o.migrations)),
      )
      const path = join(o.migrations, fileName)
      const definer = fileURLToPath(new URL('../model/define-migration.ts', import.meta.url))
      const importPath = relative(resolve(o.migrations), definer).split(sep).join('/')
      const source = scaffoldMigration(name.replace(/[-_]+/g, ' '), drift, contentTypes, importPath)
      writeFileSync(path, source, { flag: 'wx' })
      const file = relative(process.cwd(), path) || path
      if (o.json) out(JSON.stringify({ file, differences: drift.length }, null, 2))
      else
        out(
          drift.length > 0
            ? `created ${file} with the operations that close ${drift.length} difference(s); review it`
            : `created ${file} (the space matches content-types/: declare the operations)`,
        )
    })

  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2
    }
    if (error instanceof UsageError) {
      err(`migrate: ${error.message}`)
      return 2
    }
    err(`migrate: ${oneLine(error)}`)
    return 1
  }
}

function seconds(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a number of seconds')
  return n
}

function isTrue(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false'
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/\s*\n\s*/g, ' ')
}
