// `npm run migrate [-- options] [status|check|new <name>]`: argv in, exit code out. Output goes through the
// given streams: stdout carries the report (or only JSON with --json), stderr carries progress and errors.
// Errors are one line and exit 1; bad usage exits 2.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, InvalidArgumentError, Option } from 'commander'
import { parseErrorStatus, unknownCommand, withConventions } from '../cli/command-line.ts'
import { UsageError as CliUsageError } from '../cli/exit-codes.ts'
import { checkSpaceFolder, usesContentful } from '../cli/space-folder.ts'
import { diffModel } from '../model/model-diff.ts'
import { killAfterHook } from '../sync/crash-test-hook.ts'
import { addSyncOnlyOptions } from '../sync/sync-command.ts'
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
  rollback?: boolean
  to?: string
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const tty = io.stdout.isTTY === true && !isTrue(io.env.CI)
  const out = (line: string) => io.stdout.write(`${line}\n`)
  const err = (line: string) => io.stderr.write(`${line}\n`)
  let exitCode = 0

  const program = withConventions(migrateProgram(), io)
  const subcommand = (name: string) => program.commands.find((c) => c.name() === name) as Command

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
    checkRunFlags(program, io.env)
    const s = style(o)
    const killAfter = killAfterHook(io.env, 'KB_CMS_MIGRATE_KILL_AFTER_MIGRATIONS')
    let applied = 0
    const report: RunReport = await withSpace(o, o.dryRun === true, (space) => {
      if (s === 'tty') err(`kb-cms migrate → ${space.description}${o.dryRun ? ' (dry run)' : ''}`)
      return runMigrations(space, {
        migrationsDir: o.migrations,
        dryRun: o.dryRun === true,
        lock: { waitMs: o.lockWait * 1000 },
        onEvent: (event) => {
          if (event.type === 'applied') killAfter?.(++applied)
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

  subcommand('status').action(async () => {
    const o = program.opts<GlobalOptions>()
    const contentTypes = await loadContentTypes(o.contentTypes)
    const status = await withSpace(o, true, (space) =>
      migrationStatus(space, { migrationsDir: o.migrations, contentTypes }),
    )
    if (o.json) out(JSON.stringify(status, null, 2))
    else for (const line of formatStatus(status, style(o))) out(line)
  })

  subcommand('check').action(async () => {
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

  subcommand('new').action(async (name: string) => {
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
    const status = parseErrorStatus(error)
    if (status !== undefined) return status
    if (error instanceof UsageError || error instanceof CliUsageError) {
      err(`migrate: ${error.message}`)
      return 2
    }
    err(`migrate: ${oneLine(error)}`)
    return 1
  }
}

/** The `migrate` command line: its own options, the sync's (it runs the sync afterwards), the release flow's. */
export function migrateProgram(): Command {
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
  addSyncOnlyOptions(program)
    .option('--no-sync', 'apply the migrations only, without the content sync')
    .addOption(
      new Option(
        '--release',
        'Contentful: clone the aliased environment, migrate and sync the clone, verify it, repoint the alias',
      ).conflicts('rollback'),
    )
    .option('--rollback', 'Contentful: point the alias back at the environment the release was cloned from')
    .option('--to <env>', 'with --rollback: the environment to point the alias at')
    // An unknown word is named as an unknown command (below), not counted as "too many arguments".
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      '\nAfter the migrations it syncs --source into the space (see `npm run sync -- --help`).' +
        '\nOutput: a readable plan on a terminal; one `key value` line per fact when piped or with CI=true.',
    )
  program
    .command('status')
    .description('list applied and pending migrations, and drift between the space and content-types/')
  program
    .command('check')
    .description('exit 1 when a migration is pending or the space differs from content-types/ (for CI)')
  program
    .command('new')
    .argument('<name>', 'what the migration does, e.g. add-product-field')
    .description(
      'scaffold migrations/NNNN-<name>.ts; it closes the drift between the space and content-types/',
    )
  return program
}

/** What the parser cannot check about a run: an unknown word, --to alone, a --space under a missing folder. */
function checkRunFlags(program: Command, env: Record<string, string | undefined>): void {
  const o = program.opts<GlobalOptions>()
  if (program.args[0] !== undefined) unknownCommand(program, program.args[0])
  if (o.to !== undefined && !o.rollback) throw new CliUsageError('--to <env> goes with --rollback')
  if (!usesContentful(env)) checkSpaceFolder(o.space)
}

/**
 * Checks the whole `npm run migrate` command line (sync and release options included) before anything runs:
 * undefined when it is fine; otherwise the exit status, after the help or a one-line error on stderr.
 */
export function checkMigrateUsage(argv: string[], io: CliIo): number | undefined {
  const program = withConventions(migrateProgram(), io)
  program.action(() => checkRunFlags(program, io.env))
  for (const sub of program.commands) sub.action(() => {})
  try {
    program.parse(argv, { from: 'user' })
    return undefined
  } catch (error) {
    const status = parseErrorStatus(error)
    if (status !== undefined) return status
    if (error instanceof CliUsageError) {
      io.stderr.write(`migrate: ${error.message}\n`)
      return 2
    }
    throw error
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
