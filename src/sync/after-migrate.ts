// `npm run migrate` = schema migrations, then the content sync. The migrate CLI keeps its own options; the
// sync-only ones (--source, --force, --prune, --asset-base-url, --vars) are taken out before it sees them, and
// the shared ones (--space, --env, --json, --dry-run) go to both. With --json, stdout carries one document:
// the migration report with the sync report under `sync`.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { Command } from 'commander'
import type { ContentBackend } from '../backends/port.ts'
import { environmentFile } from '../backends/sqlite/embedded-space.ts'
import { migrateProgram } from '../migrate/cli.ts'
import {
  addSyncOnlyOptions,
  checkSyncFlags,
  DEFAULT_SOURCE,
  exitCodeOf,
  type Io,
  printReport,
  type SyncFlags,
  syncWithLock,
} from './sync-command.ts'

type MigrateCli = (argv: string[], io: MigrateIo) => Promise<number>
interface MigrateIo {
  stdout: { write(s: string): unknown; isTTY?: boolean }
  stderr: { write(s: string): unknown }
  env: Record<string, string | undefined>
}

export interface SplitArgs {
  migrate: string[]
  sync: SyncFlags & { space: string; env: string; skip: boolean }
  /** A subcommand or --help: only the migrate CLI runs. */
  migrateOnly: boolean
}

export function splitArgs(argv: string[]): SplitArgs {
  // The option definitions of the migrate command line say which options take a value and which are the sync's.
  const program = migrateProgram()
  const options = new Map(program.options.map((o) => [o.long, o]))
  const syncOnly = new Set(addSyncOnlyOptions(new Command()).options.map((o) => o.long))
  const subcommands = new Set([...program.commands.map((c) => c.name()), 'help'])
  const migrate: string[] = []
  const sync: SplitArgs['sync'] = { source: DEFAULT_SOURCE, space: '.cms', env: 'master', skip: false }
  const setSync = sync as unknown as Record<string, unknown>
  let migrateOnly = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    const option = options.get(name)
    const takesValue = option !== undefined && (option.required || option.optional)
    const value = () => (inline !== undefined ? inline : (argv[++i] ?? ''))
    if (option && syncOnly.has(name)) setSync[option.attributeName()] = takesValue ? value() : true
    else if (name === '--no-sync') sync.skip = true
    else if (takesValue) {
      const v = value()
      if (name === '--space') sync.space = v
      if (name === '--env') sync.env = v
      migrate.push(name, v)
    } else {
      if (name === '--json') sync.json = true
      if (name === '--dry-run') sync.dryRun = true
      if (name === '--help' || name === '-h' || subcommands.has(name)) migrateOnly = true
      migrate.push(arg)
    }
  }
  return { migrate, sync, migrateOnly }
}

export async function migrateThenSync(
  argv: string[],
  io: MigrateIo & Io,
  runMigrateCli: MigrateCli,
  openBackend: (options: { space: string; env: string }) => Promise<ContentBackend>,
): Promise<number> {
  const { migrate, sync, migrateOnly } = splitArgs(argv)
  if (migrateOnly || sync.skip) return runMigrateCli(migrate, io)

  try {
    checkSyncFlags(sync)
  } catch (error) {
    io.stderr.write(`migrate: ${(error as Error).message}\n`)
    return 2
  }
  let captured = ''
  const capture = {
    write: (s: string) => {
      captured += s
      return true
    },
  }
  const migrateIo = sync.json ? { ...io, stdout: capture } : io
  const code = await runMigrateCli(migrate, migrateIo)
  if (code !== 0) {
    io.stdout.write(captured)
    return code
  }
  // A dry run against an embedded space that does not exist yet: nothing to compare with, and nothing created.
  const embedded = !process.env.CONTENTFUL_SPACE_ID
  if (sync.dryRun && embedded && !existsSync(environmentFile(resolve(sync.space), sync.env))) {
    io.stdout.write(captured)
    io.stderr.write('sync: the space does not exist yet; a real run creates every article\n')
    return 0
  }
  let backend: ContentBackend | null = null
  try {
    backend = await openBackend({ space: sync.space, env: sync.env })
    const report = await syncWithLock(backend, sync, io)
    if (sync.json) {
      const migration = captured.trim() === '' ? {} : (JSON.parse(captured) as Record<string, unknown>)
      printReport(report, { ...sync, json: false }, { ...io, stdout: { write: () => true } })
      io.stdout.write(`${JSON.stringify({ ...migration, sync: report }, null, 2)}\n`)
    } else printReport(report, sync, io)
    return exitCodeOf(report)
  } catch (error) {
    io.stderr.write(
      `sync: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}\n`,
    )
    return 1
  } finally {
    await backend?.close()
  }
}
